"""A piece scheduled for later is mailed when it goes live, not when the
editor schedules it: Wagtail sends `page_published` at scheduling time too,
with the page still offline, and a mailing then would leak an embargoed
piece to every subscriber hours early."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from samizdat.articles.tests import factories
from samizdat.newsletter.models import Mailing

from .conftest import confirmed

pytestmark = pytest.mark.django_db


def test_it_mails_a_scheduled_piece_when_it_goes_live(
    editions, smtp, django_capture_on_commit_callbacks
):
    news = factories.section("News")
    confirmed("reader@example.org")
    piece = factories.article(news, "Embargoed until noon", publish=False)
    noon = timezone.now() + dt.timedelta(hours=3)
    piece.go_live_at = noon
    with django_capture_on_commit_callbacks(execute=True):
        piece.save_revision().publish()
    piece.refresh_from_db()
    assert not piece.live
    assert not Mailing.objects.exists()
    assert smtp.to("reader@example.org") == []

    with time_machine.travel(noon + dt.timedelta(minutes=1)):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("publish_scheduled")
        piece.refresh_from_db()
    assert piece.live
    [mail] = smtp.to("reader@example.org")
    assert str(mail["Subject"]) == "Embargoed until noon"
