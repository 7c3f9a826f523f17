"""Each role does its job without an Administrator, and no more."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from samizdat.articles.setup import ensure_translation
from samizdat.articles.tests import factories
from samizdat.core.roles import (
    ADMINISTRATORS,
    CONTRIBUTORS,
    EDITORS,
    TRANSLATORS,
    ensure_roles,
)

pytestmark = pytest.mark.django_db


def test_it_gives_ads_reports_and_the_subscriber_list_to_the_right_roles(
    client, editions
):
    groups = ensure_roles()
    pages = {
        "add a creative": reverse("wagtailsnippets_ads_creative:add"),
        "add a slot": reverse("wagtailsnippets_ads_adslot:add"),
        "ad performance": reverse("ads_performance"),
        "awaiting translation": reverse("desk_awaiting_translation"),
        "most read": reverse("audience_most_read"),
        "newsletter counts": reverse("newsletter_admin"),
        "subscriber export": reverse("newsletter_export"),
    }
    allowed = {
        CONTRIBUTORS: {"most read"},
        TRANSLATORS: {"most read", "awaiting translation"},
        EDITORS: set(pages) - {"subscriber export"},
        ADMINISTRATORS: set(pages),
    }
    checked = 0
    for role, expected in allowed.items():
        user = User.objects.create_user(role.lower(), password="not-used")
        user.groups.add(groups[role])
        client.force_login(user)
        answered = {}
        for name, url in pages.items():
            # The export is a POST (a download that is logged).
            send = client.post if name == "subscriber export" else client.get
            status = send(url).status_code
            answered[name] = status
            checked += 1
        opened = {name for name, status in answered.items() if status == 200}
        assert opened == expected, (role, answered)
    assert checked == 28


def test_a_translator_translates_a_piece_and_an_editor_publishes_it(client, editions):
    groups = ensure_roles()
    translator = User.objects.create_user("tara", password="not-used")
    translator.groups.add(groups[TRANSLATORS])
    fa = factories.locale("fa")
    opinion = factories.section("Opinion")
    ensure_translation(opinion, fa, title="دیدگاه")
    piece = factories.article(opinion, title="Letters from the border towns")
    client.force_login(translator)

    url = reverse("simple_translation:submit_page_translation", args=[piece.pk])
    response = client.post(url, {"locales": [fa.pk]})
    assert response.status_code == 302
    translation = piece.get_translation(fa)
    assert not translation.live
    permissions = translation.permissions_for_user(translator)
    assert permissions.can_edit()
    assert not permissions.can_publish()
    assert not piece.permissions_for_user(translator).can_publish()
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[translation.pk]))
    assert edit.status_code == 200
    html = edit.content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html
