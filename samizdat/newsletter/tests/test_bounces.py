"""Bounces (DSN) and complaints (ARF) from plain SMTP set-ups; providers'
webhooks are in test_tracking_webhooks.py."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from samizdat.newsletter import bounces
from samizdat.newsletter.models import Status, Subscriber

from .conftest import confirmed

pytestmark = pytest.mark.django_db

DSN = b"""From: MAILER-DAEMON@mx.example.net
To: newsroom@localhost
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

--b1
Content-Type: text/plain

The mail system could not deliver your message.

--b1
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.net

Final-Recipient: rfc822; gone@example.org
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 <gone@example.org>: user unknown

Final-Recipient: rfc822; busy@example.org
Action: delayed
Status: 4.2.2
Diagnostic-Code: smtp; 452 mailbox full

--b1
Content-Type: message/rfc822

Subject: Flood warning

--b1--
"""

ARF = b"""From: feedback@isp.example
To: newsroom@localhost
Subject: Complaint
MIME-Version: 1.0
Content-Type: multipart/report; report-type=feedback-report; boundary="b2"

--b2
Content-Type: text/plain

A complaint.

--b2
Content-Type: message/feedback-report

Feedback-Type: abuse
User-Agent: isp/1.0
Version: 1
Original-Rcpt-To: angry@example.org

--b2--
"""


def test_it_parses_a_dsn_and_suppresses_hard_bounces_only(db):
    gone, busy = confirmed("gone@example.org"), confirmed("busy@example.org")
    events = bounces.parse_report(DSN)
    assert [(e.recipient, e.permanent) for e in events] == [
        ("gone@example.org", True),
        ("busy@example.org", False),
    ]
    assert bounces.apply(events) == 1
    gone.refresh_from_db()
    busy.refresh_from_db()
    assert gone.status == Status.SUPPRESSED and busy.status == Status.CONFIRMED
    assert gone.suppressed_reason.startswith("bounce 5.1.1")
    assert "gone@example.org" not in gone.suppressed_reason


def test_it_suppresses_a_complaint_from_the_command_line(db, tmp_path):
    confirmed("angry@example.org")
    report = tmp_path / "arf.eml"
    report.write_bytes(ARF)
    call_command("newsletter_bounce", str(report), verbosity=0)
    angry = Subscriber.objects.get()
    assert angry.status == Status.SUPPRESSED
    assert angry.suppressed_reason == "complaint (abuse)"
