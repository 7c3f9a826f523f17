from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from samizdat.articles.tests import factories
from samizdat.related import queries

pytestmark = pytest.mark.django_db


def test_it_rebuilds_every_list_with_a_progress_bar(editions):
    news = factories.section("News")
    body = [("paragraph", "<p>Dam river drought reservoir.</p>")]
    a = factories.article(news, "Dam a", body=body)
    b = factories.article(news, "Dam b", body=body)
    factories.article(news, "Match", body=[("paragraph", "<p>Football goal.</p>")])
    out, err = io.StringIO(), io.StringIO()
    call_command("rebuild_related", stdout=out, stderr=err)
    assert "Rebuilt related lists of 3 articles" in out.getvalue()
    assert "en [##############################] 3/3" in err.getvalue()
    assert [p.pk for p in queries.related_for(a)] == [b.pk]


def test_it_refuses_an_unknown_edition(editions):
    with pytest.raises(CommandError, match="No edition with language code 'xx'"):
        call_command("rebuild_related", edition="xx")
