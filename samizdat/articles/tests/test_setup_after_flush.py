from __future__ import annotations

from django.core.management import call_command
from wagtail.models import Collection, Page

from samizdat.articles.setup import ensure_editions
from samizdat.core.roles import ensure_roles


def test_it_rebuilds_the_skeleton_in_an_emptied_database(transactional_db, client):
    call_command("flush", "--noinput", verbosity=0)
    assert Page.get_first_root_node() is None

    ensure_editions("Samizdat")
    ensure_roles()

    assert Collection.get_first_root_node() is not None
    assert client.get("/en/").status_code == 200
    assert client.get("/fa/").status_code == 200
