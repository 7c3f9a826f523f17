from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User

from samizdat.core.roles import EDITORS, ensure_roles

PASSWORD = "correct horse battery staple"  # noqa: S105


@pytest.fixture
def second_factor(settings):
    """The requirement production has; the rest of the suite runs without it."""
    settings.SAMIZDAT_STAFF_SECOND_FACTOR = True


@pytest.fixture
def editor(db) -> User:
    ensure_roles()
    user = User.objects.create_user(
        "leila.karimi", "leila@example.org", PASSWORD, first_name="Leila"
    )
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def sign_in(client, username: str = "leila.karimi", password: str = PASSWORD):
    """Wagtail's sign-in form, as a browser posts it."""
    return client.post(
        "/admin/login/", {"username": username, "password": password, "next": "/admin/"}
    )
