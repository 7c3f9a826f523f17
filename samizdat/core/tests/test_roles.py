"""Each role does its job without an Administrator, and no more."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from samizdat.core.roles import ADMINISTRATORS, CONTRIBUTORS, EDITORS, ensure_roles

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
    assert checked == 21
