"""Providers' tracking webhooks (anymail) at /newsletter/anymail/<esp>/tracking/.

Each payload below is written from the provider's documented webhook format:
a hard bounce and a complaint suppress the reader (the reason shows on the
staff page), a soft bounce or deferral does not, a wrong secret is refused,
and an address we do not know changes nothing."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from anymail.signals import tracking
from anymail.webhooks.amazon_ses import AmazonSESTrackingWebhookView
from django.contrib.auth.models import Permission, User

from samizdat.newsletter import crypto
from samizdat.newsletter.models import Status, Subscriber

from .conftest import confirmed

pytestmark = pytest.mark.django_db

SECRET = "test-only:webhook"
MAILGUN_KEY = "test-only-mailgun-key"
STAMP = 1764583200  # 2025-12-01 10:00 UTC


def basic(secret: str) -> dict:
    token = base64.b64encode(secret.encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}


# --- Amazon SES: an SNS notification whose Message is the SES event --------


def ses_event(kind: str, address: str) -> dict:
    mail = {
        "timestamp": "2025-12-01T09:59:58.000Z",
        "messageId": "0100019ad1-ses-message",
        "source": "newsroom@example.net",
        "destination": [address],
        "headers": [{"name": "Subject", "value": "Flood warning"}],
    }
    if kind == "hard":
        return {
            "eventType": "Bounce",
            "bounce": {
                "bounceType": "Permanent",
                "bounceSubType": "General",
                "bouncedRecipients": [
                    {
                        "emailAddress": address,
                        "action": "failed",
                        "status": "5.1.1",
                        "diagnosticCode": f"smtp; 550 5.1.1 <{address}>: no such user",
                    }
                ],
                "timestamp": "2025-12-01T10:00:00.000Z",
                "feedbackId": "0100019ad1-feedback",
                "reportingMTA": "dsn; a8-55.smtp-out.amazonses.com",
            },
            "mail": mail,
        }
    if kind == "soft":
        return {
            "eventType": "Bounce",
            "bounce": {
                "bounceType": "Transient",
                "bounceSubType": "MailboxFull",
                "bouncedRecipients": [
                    {"emailAddress": address, "status": "4.2.2", "action": "delayed"}
                ],
                "timestamp": "2025-12-01T10:00:00.000Z",
                "feedbackId": "0100019ad1-feedback-2",
            },
            "mail": mail,
        }
    return {
        "eventType": "Complaint",
        "complaint": {
            "complainedRecipients": [{"emailAddress": address}],
            "complaintFeedbackType": "abuse",
            "userAgent": "ExampleISP Feedback Loop",
            "timestamp": "2025-12-01T10:00:00.000Z",
            "feedbackId": "0100019ad1-complaint",
        },
        "mail": mail,
    }


def sns(message_type: str, **fields) -> tuple[dict, dict]:
    body = {
        "Type": message_type,
        "MessageId": f"sns-{message_type}-{len(json.dumps(fields))}",
        "TopicArn": "arn:aws:sns:eu-west-1:123456789012:newsletter-events",
        "Timestamp": "2025-12-01T10:00:01.000Z",
        "SignatureVersion": "1",
        "Signature": "bm90IGNoZWNrZWQgYnkgYW55bWFpbA==",
        "SigningCertURL": "https://sns.eu-west-1.amazonaws.com/cert.pem",
        **fields,
    }
    headers = {
        "HTTP_X_AMZ_SNS_MESSAGE_TYPE": message_type,
        "HTTP_X_AMZ_SNS_MESSAGE_ID": body["MessageId"],
        "HTTP_X_AMZ_SNS_TOPIC_ARN": body["TopicArn"],
    }
    return body, headers


def amazon_ses(kind: str, address: str) -> tuple[object, dict]:
    return sns("Notification", Message=json.dumps(ses_event(kind, address)))


# --- Mailgun: JSON with a signature block signed by the webhook key ----------


def mailgun(kind: str, address: str) -> tuple[object, dict]:
    token = hashlib.sha256(f"{kind}{address}".encode()).hexdigest()[:50]
    signature = hmac.new(
        MAILGUN_KEY.encode(), f"{STAMP}{token}".encode(), hashlib.sha256
    ).hexdigest()
    data: dict = {
        "id": f"mailgun-{kind}",
        "timestamp": STAMP,
        "recipient": address,
        "message": {"headers": {"message-id": "20251201.mailgun@example.net"}},
    }
    if kind == "complaint":
        data["event"] = "complained"
    else:
        data.update(
            event="failed",
            severity="permanent" if kind == "hard" else "temporary",
            reason="bounce" if kind == "hard" else "generic",
            **{
                "delivery-status": {
                    "code": 550 if kind == "hard" else 452,
                    "message": "5.1.1 no such user" if kind == "hard" else "full",
                    "description": "",
                }
            },
        )
    body = {
        "signature": {"timestamp": str(STAMP), "token": token, "signature": signature},
        "event-data": data,
    }
    return body, {}


# --- Postmark: one record per post ------------------------------------------


def postmark(kind: str, address: str) -> tuple[object, dict]:
    common = {
        "ID": 4323372036854775807,
        "ServerID": 23,
        "MessageStream": "outbound",
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "Email": address,
        "From": "newsroom@example.net",
        "BouncedAt": "2025-12-01T10:00:00Z",
        "Subject": "Flood warning",
        "Tag": "",
        "Metadata": {},
    }
    if kind == "hard":
        return {
            **common,
            "RecordType": "Bounce",
            "Type": "HardBounce",
            "TypeCode": 1,
            "Name": "Hard bounce",
            "Description": "The server was unable to deliver your message "
            "(ex: unknown user, mailbox not found).",
            "Details": "smtp;550 5.1.1 The email account does not exist.",
            "Inactive": True,
            "CanActivate": True,
        }, {}
    if kind == "soft":
        return {
            **common,
            "RecordType": "Bounce",
            "Type": "SoftBounce",
            "TypeCode": 4096,
            "Name": "Soft bounce/Undeliverable",
            "Description": "Unable to temporarily deliver this message.",
            "Details": "smtp;452 4.2.2 mailbox full",
            "Inactive": False,
            "CanActivate": True,
        }, {}
    return {
        **common,
        "RecordType": "SpamComplaint",
        "Type": "SpamComplaint",
        "TypeCode": 512,
        "Name": "Spam complaint",
        "Description": "The subscriber explicitly marked this message as spam.",
        "Details": "Test spam complaint details",
        "Inactive": True,
        "CanActivate": False,
    }, {}


# --- SendGrid: an array of events ---------------------------------------------


def sendgrid(kind: str, address: str) -> tuple[object, dict]:
    common = {
        "email": address,
        "timestamp": STAMP,
        "sg_event_id": f"sendgrid-{kind}",
        "sg_message_id": "14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0",
        "smtp-id": "<14c5d75ce93.dfd.64b469@ismtpd-555>",
    }
    if kind == "hard":
        event = {
            **common,
            "event": "bounce",
            "type": "bounce",
            "status": "5.1.1",
            "reason": "550 5.1.1 The email account that you tried to reach "
            "does not exist.",
        }
    elif kind == "soft":
        event = {
            **common,
            "event": "deferred",
            "response": "452 4.2.2 mailbox full, try again later",
            "attempt": "3",
        }
    else:
        event = {**common, "event": "spamreport"}
    return [event], {}


# --- Brevo: one event per post ------------------------------------------------


def brevo(kind: str, address: str) -> tuple[object, dict]:
    event = {
        "hard": "hard_bounce",
        "soft": "soft_bounce",
        "complaint": "spam",
    }[kind]
    body = {
        "event": event,
        "email": address,
        "id": 1234567,
        "date": "2025-12-01 11:00:00",
        "ts": STAMP,
        "ts_event": STAMP,
        "ts_epoch": STAMP * 1000,
        "message-id": "<202512011000.12345678901@smtp-relay.mailin.fr>",
        "subject": "Flood warning",
        "tag": "",
        "sending_ip": "185.41.28.109",
    }
    if kind != "complaint":
        body["reason"] = (
            "550 5.1.1 no such user" if kind == "hard" else "452 4.2.2 mailbox full"
        )
    return body, {}


# --- Mailjet: an array of events (grouped) ------------------------------------


def mailjet(kind: str, address: str) -> tuple[object, dict]:
    common = {
        "time": STAMP,
        "MessageID": 19421777835146490,
        "Message_GUID": "1ab23cd4-e567-8901-2345-6789f0gh1i2j",
        "email": address,
        "mj_campaign_id": 7257,
        "mj_contact_id": 4,
        "customcampaign": "",
        "CustomID": "",
        "Payload": "",
    }
    if kind == "complaint":
        event = {**common, "event": "spam", "source": "JMRPP"}
    else:
        event = {
            **common,
            "event": "bounce",
            "blocked": False,
            "hard_bounce": kind == "hard",
            "error_related_to": "recipient",
            "error": "user unknown" if kind == "hard" else "mailbox inactive",
        }
    return [event], {}


# --- SparkPost: an array of {"msys": {<class>: event}} ------------------------


def sparkpost(kind: str, address: str) -> tuple[object, dict]:
    event = {
        "event_id": f"9209347238590{len(kind)}",
        "message_id": "0e0d94b7-9085-4e3c-ab30-e3f2cd9c273e",
        "transmission_id": "65832150921904138",
        "timestamp": str(STAMP),
        "rcpt_to": address,
        "raw_rcpt_to": address,
        "campaign_id": "",
        "friendly_from": "newsroom@example.net",
        "subject": "Flood warning",
    }
    if kind == "complaint":
        event.update(type="spam_complaint", fbtype="abuse", report_by="isp.example")
    else:
        event.update(
            type="bounce",
            bounce_class="10" if kind == "hard" else "22",
            reason="550 5.1.1 no such user" if kind == "hard" else "452 mailbox full",
            raw_reason="550 5.1.1 no such user"
            if kind == "hard"
            else "452 4.2.2 mailbox full",
            error_code="550" if kind == "hard" else "452",
        )
    return [{"msys": {"message_event": event}}], {}


@dataclass(frozen=True)
class Provider:
    esp: str
    payload: Callable[[str, str], tuple[object, dict]]
    reason: str  # what the staff page shows for the hard bounce


PROVIDERS = [
    Provider("amazon_ses", amazon_ses, "bounce (Amazon SES): Permanent: General"),
    Provider("mailgun", mailgun, "bounce (Mailgun)"),
    Provider("postmark", postmark, "bounce (Postmark): The server was unable"),
    Provider("sendgrid", sendgrid, "bounce (SendGrid): 550 5.1.1"),
    Provider("brevo", brevo, "bounce (Brevo): 550 5.1.1 no such user"),
    Provider("mailjet", mailjet, "bounce (Mailjet)"),
    Provider("sparkpost", sparkpost, "bounce (SparkPost): 550 5.1.1 no such user"),
]
IDS = [p.esp for p in PROVIDERS]


def post(client, provider: Provider, kind: str, address: str, secret: str = SECRET):
    body, headers = provider.payload(kind, address)
    return client.post(
        f"/newsletter/anymail/{provider.esp}/tracking/",
        json.dumps(body),
        content_type="application/json",
        **headers,
        **basic(secret),
    )


def status_of(address: str) -> tuple[str, str]:
    row = Subscriber.objects.get(address_hash=crypto.address_hash(address))
    return row.status, row.suppressed_reason


def staff_page(client) -> str:
    user = User.objects.create_user("viewer", password="pw", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(codename__in=["access_admin", "view_subscriber"])
    )
    client.force_login(user)
    response = client.get("/admin/newsletter/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def seen():
    """What anymail made of each payload: (event type, recipient)."""
    events: list[tuple[str, str]] = []

    def record(sender, event, esp_name, **kwargs):
        events.append((event.event_type, event.recipient))

    tracking.connect(record, weak=False, dispatch_uid="test-seen")
    yield events
    tracking.disconnect(dispatch_uid="test-seen")


@pytest.mark.parametrize("provider", PROVIDERS, ids=IDS)
def test_it_suppresses_a_hard_bounce_and_shows_why(client, provider, seen):
    confirmed("gone@example.org")
    confirmed("stays@example.org")
    response = post(client, provider, "hard", "gone@example.org")
    assert response.status_code == 200, response.content
    status, reason = status_of("gone@example.org")
    assert status == Status.SUPPRESSED
    assert reason.startswith(provider.reason), reason
    assert "gone@example.org" not in reason
    assert status_of("stays@example.org")[0] == Status.CONFIRMED
    assert seen == [("bounced", "gone@example.org")]
    client.logout()
    assert reason in staff_page(client)


@pytest.mark.parametrize("provider", PROVIDERS, ids=IDS)
def test_it_suppresses_a_complaint(client, provider, seen):
    confirmed("angry@example.org")
    response = post(client, provider, "complaint", "angry@example.org")
    assert response.status_code == 200, response.content
    status, reason = status_of("angry@example.org")
    assert status == Status.SUPPRESSED
    assert reason.startswith("complaint ("), reason
    assert seen == [("complained", "angry@example.org")]


@pytest.mark.parametrize("provider", PROVIDERS, ids=IDS)
def test_it_leaves_a_soft_bounce_or_deferral_to_retries(client, provider, seen):
    confirmed("busy@example.org")
    response = post(client, provider, "soft", "busy@example.org")
    assert response.status_code == 200, response.content
    assert status_of("busy@example.org") == (Status.CONFIRMED, "")
    [(event_type, recipient)] = seen
    assert event_type in ("bounced", "deferred") and recipient == "busy@example.org"


@pytest.mark.parametrize("provider", PROVIDERS, ids=IDS)
def test_it_refuses_a_wrong_secret(client, provider):
    confirmed("gone@example.org")
    for kind in ("hard", "complaint"):
        response = post(client, provider, kind, "gone@example.org", "user:wrong")
        assert 400 <= response.status_code < 500
        body, headers = provider.payload(kind, "gone@example.org")
        unsigned = client.post(
            f"/newsletter/anymail/{provider.esp}/tracking/",
            json.dumps(body),
            content_type="application/json",
            **headers,
        )
        assert 400 <= unsigned.status_code < 500
    assert status_of("gone@example.org") == (Status.CONFIRMED, "")


@pytest.mark.parametrize("provider", PROVIDERS, ids=IDS)
def test_it_changes_nothing_for_an_unknown_address(client, provider, seen):
    reader = confirmed("reader@example.org")
    before = list(Subscriber.objects.values())
    for kind in ("hard", "complaint"):
        response = post(client, provider, kind, "stranger@example.org")
        assert response.status_code == 200, response.content
    assert list(Subscriber.objects.values()) == before
    assert [event_type for event_type, _ in seen] == ["bounced", "complained"]
    assert Subscriber.objects.get().pk == reader.pk


def test_it_refuses_a_mailgun_event_with_a_bad_signature(client):
    confirmed("gone@example.org")
    body, _headers = mailgun("hard", "gone@example.org")
    body["signature"]["signature"] = "0" * 64
    response = client.post(
        "/newsletter/anymail/mailgun/tracking/",
        json.dumps(body),
        content_type="application/json",
        **basic(SECRET),
    )
    assert response.status_code == 400
    assert status_of("gone@example.org") == (Status.CONFIRMED, "")


class SNSRecorder:
    """Stands in for boto3's SNS client: tests never reach the network."""

    def __init__(self) -> None:
        self.confirmed: list[dict] = []

    def confirm_subscription(self, **kwargs) -> dict:
        self.confirmed.append(kwargs)
        return {"SubscriptionArn": kwargs["TopicArn"] + ":sub"}

    def close(self) -> None:
        pass


def subscription_confirmation() -> tuple[dict, dict]:
    return sns(
        "SubscriptionConfirmation",
        Token="2336412f37fb687f5d51e6e2425c464de12884d3",
        Message="You have chosen to subscribe to the topic "
        "arn:aws:sns:eu-west-1:123456789012:newsletter-events.",
        SubscribeURL="https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription",
    )


def test_it_confirms_the_sns_subscription_through_boto3(client, monkeypatch):
    recorder = SNSRecorder()
    regions: list[str] = []

    def boto_client(view, service, **kwargs):
        assert service == "sns"
        regions.append(kwargs["region_name"])
        return recorder

    monkeypatch.setattr(AmazonSESTrackingWebhookView, "get_boto_client", boto_client)
    body, headers = subscription_confirmation()
    url = "/newsletter/anymail/amazon_ses/tracking/"
    # SNS first asks without credentials and expects to be challenged.
    first = client.post(
        url, json.dumps(body), content_type="application/json", **headers
    )
    assert first.status_code == 401 and "Basic" in first["WWW-Authenticate"]
    response = client.post(
        url,
        json.dumps(body),
        content_type="application/json",
        **headers,
        **basic(SECRET),
    )
    assert response.status_code == 200
    assert regions == ["eu-west-1"]
    assert recorder.confirmed == [
        {
            "TopicArn": body["TopicArn"],
            "Token": body["Token"],
            "AuthenticateOnUnsubscribe": "true",
        }
    ]
    wrong = client.post(
        url,
        json.dumps(body),
        content_type="application/json",
        **headers,
        **basic("user:wrong"),
    )
    assert wrong.status_code == 400 and len(recorder.confirmed) == 1


def test_it_leaves_the_sns_subscription_to_staff_when_told(
    client, settings, monkeypatch
):
    def no_network(view, service, **kwargs):
        raise AssertionError("no SNS call expected")

    monkeypatch.setattr(AmazonSESTrackingWebhookView, "get_boto_client", no_network)
    settings.ANYMAIL = {
        **settings.ANYMAIL,
        "AMAZON_SES_AUTO_CONFIRM_SNS_SUBSCRIPTIONS": False,
    }
    body, headers = subscription_confirmation()
    response = client.post(
        "/newsletter/anymail/amazon_ses/tracking/",
        json.dumps(body),
        content_type="application/json",
        **headers,
        **basic(SECRET),
    )
    assert response.status_code == 200
