"""The admin home shows the desk's day; the report lists what awaits
translation per edition."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import User
from django.urls import reverse
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction

from samizdat.articles.setup import ensure_translation
from samizdat.articles.tests import factories
from samizdat.audience.models import HourlyViews
from samizdat.core.roles import EDITORS, ensure_roles

pytestmark = pytest.mark.django_db

NOON = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)


def section(html: str, heading_id: str) -> str:
    return html.split(f'id="{heading_id}"')[1].split("</section>")[0]


@time_machine.travel(NOON, tick=False)
def test_it_shows_the_desk_day_on_the_admin_home(client, editions):
    fa = factories.locale("fa")
    news = factories.section("News")
    ensure_translation(news, fa, title="اخبار")
    editor = User.objects.create_user("ed", password="not-used")
    editor.groups.add(ensure_roles()[EDITORS])

    draft = factories.article(news, "Waiting piece", publish=False)
    draft.get_workflow().start(draft, editor)
    later = factories.article(news, "Evening piece", publish=False)
    later.go_live_at = NOON + dt.timedelta(hours=6)
    later.save_revision().publish()
    fresh = factories.article(news, "Fresh piece")
    HourlyViews.objects.create(page=fresh, hour=NOON - dt.timedelta(hours=2), views=41)
    old = factories.article(
        news, "Old piece", published_at=NOON - dt.timedelta(days=10)
    )
    copy = CopyPageForTranslationAction(old, fa).execute(skip_permission_checks=True)
    with time_machine.travel(NOON + dt.timedelta(minutes=5), tick=False):
        factories.correction(old, "A date was wrong.")

    client.force_login(editor)
    with time_machine.travel(NOON + dt.timedelta(minutes=10), tick=False):
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        report = client.get(reverse("desk_awaiting_translation"))

    assert ">Waiting piece</bdi></a>" in section(html, "desk-review")
    assert "1 waiting for review" in html
    assert "Evening piece" in section(html, "desk-scheduled")
    published = section(html, "desk-published")
    assert "Fresh piece" in published and "41 views" in published
    assert "Old piece" not in published
    assert "A date was wrong." in section(html, "desk-corrections")
    waiting = section(html, "awaiting-fa")
    assert "translation out of date" in waiting
    assert f"/admin/pages/{copy.pk}/edit/" in waiting
    # Fresh (no copy) and Old (its copy is stale) wait for Persian; drafts and
    # scheduled pieces do not; English waits for nothing.
    # The edition's name is isolated from the English around it (else "2"
    # joins the Persian run and shows before the name).
    assert "<bdi>فارسی</bdi>: 2 pieces awaiting translation" in waiting
    assert "Fresh piece" in waiting and "Old piece" in waiting
    assert "0 pieces awaiting translation" in section(html, "awaiting-en")
    assert report.status_code == 200
    assert "translation out of date" in report.content.decode()


def test_it_isolates_each_title_in_its_own_direction(client, editions):
    """A Persian headline with a Latin name, in the English admin, keeps its
    right-to-left order: every title and correction is its own <bdi>."""
    fa = factories.locale("fa")
    news = factories.section("News")
    news_fa = ensure_translation(news, fa, title="اخبار")
    editor = User.objects.create_user("ed", password="not-used")
    editor.groups.add(ensure_roles()[EDITORS])
    mixed = "گفت‌وگو با Abdul Rahman Korki دربارهٔ ۲۰۲۶"
    draft = factories.article(news_fa, mixed, publish=False)
    draft.get_workflow().start(draft, editor)
    piece = factories.article(news_fa, "نامه‌های Mahabadi")
    factories.correction(piece, "نام Korki اشتباه بود.")
    client.force_login(editor)

    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f"<bdi>{mixed}</bdi>" in section(html, "desk-review")
    assert "<bdi>نامه‌های Mahabadi</bdi>" in section(html, "desk-published")
    corrections = section(html, "desk-corrections")
    assert "<bdi>نامه‌های Mahabadi</bdi>" in corrections
    assert "<bdi>نام Korki اشتباه بود.</bdi>" in corrections
