"""Five wrong passwords lock the account: the sixth shows the lock-out
message, the right password is refused too, the owner is told by mail, and
the account signs in again once an Administrator unlocks it from the admin.
The Administrator reads all of it in Reports → Site history."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from playwright.sync_api import expect

from .staff import administrator, enter_password, sign_in_with_app, site_history

pytestmark = pytest.mark.browser

LOCKED = "Too many wrong passwords"


def test_it_locks_out_after_five_wrong_passwords_until_unlocked(
    newsroom, new_context, settings, mailoutbox
):
    settings.SAMIZDAT_STAFF_SECOND_FACTOR = True
    # Signed in before the attack: the lock-out also counts per address, and
    # here every browser comes from 127.0.0.1.
    _ada, key = administrator(newsroom)
    ada = sign_in_with_app(new_context(), newsroom, "ada", key)

    page = new_context().new_page()
    for attempt in range(1, 7):
        enter_password(page, newsroom, "eddie", password=f"guess number {attempt}")
        if attempt < 5:
            expect(page.locator(".messages")).to_contain_text(
                "Your username and password didn't match"
            )
        else:
            expect(page.get_by_role("heading", level=1)).to_have_text(
                "This account is locked"
            )
            expect(page.locator("[data-lockout]")).to_contain_text(LOCKED)
    enter_password(page, newsroom, "eddie")
    expect(page.locator("[data-lockout]")).to_contain_text(LOCKED)
    assert [message.to for message in mailoutbox] == [["eddie@example.org"]]

    ada.get_by_role("button", name="Settings").click()
    ada.get_by_role("link", name="Locked accounts").click()
    expect(ada).to_have_url(newsroom.at("/admin/security/lockouts/"))
    ada.get_by_role("button", name="Unlock eddie").click()
    expect(ada.get_by_text("eddie can sign in again.")).to_be_visible()
    expect(ada.get_by_text("No account is locked.")).to_be_visible()

    enter_password(page, newsroom, "eddie")
    expect(page).to_have_url(re.compile(r"/admin/security/\?next="))

    rows = site_history(ada, newsroom, "eddie")
    kinds = [
        next(label for label in LABELS if label in row)
        for row in rows
        if any(label in row for label in LABELS)
    ]
    # Newest first: the sign-in after the unlock, the unlock; before them
    # the five wrong passwords, the lock-out (logged with the fifth) and the
    # two attempts refused while locked (the sixth and the right password).
    assert kinds[:2] == ["Signed in with the password", "Unlocked by an administrator"]
    assert Counter(kinds[2:]) == {
        "Wrong password": 5,
        "Locked out after failed sign-ins": 1,
        "Sign-in refused: the account or address is locked": 2,
    }
    assert kinds[2:4] == ["Sign-in refused: the account or address is locked"] * 2
    assert all("from 127.0.0.1" in row for row in rows if "Wrong password" in row)
    assert newsroom.foreign_requests == []


LABELS = (
    "Signed in with the password",
    "Unlocked by an administrator",
    "Sign-in refused: the account or address is locked",
    "Locked out after failed sign-ins",
    "Wrong password",
)
