"""Mail as readers get it: text and HTML parts in the edition's language.

A mailing is rendered once per distinct content; each recipient's own links
(preferences, unsubscribe) are put in afterwards, so rendering costs nothing
per recipient. No tracking pixel, no per-recipient tracking link: the only
personal links are the ones that let the reader leave."""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import sanitize_address
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from samizdat.articles.models import HomePage
from samizdat.core.queries import absolute_url
from samizdat.editions.conf import edition_for
from samizdat.editions.formats import format_date, iso_datetime
from samizdat.mirror.queries import addresses

from . import tokens

PREFERENCES = "samizdat-preferences-link"
UNSUBSCRIBE = "samizdat-unsubscribe-link"


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


def render(name: str, context: dict, language: str) -> Rendered:
    """Render emails/<name>-subject.txt, -body.txt and -body.html."""
    with translation.override(language):
        edition = edition_for(language)
        context = {
            "edition": edition,
            "site_name": edition.site_name,
            **site_links(language),
            **context,
        }
        subject = render_to_string(f"emails/{name}-subject.txt", context)
        text = render_to_string(f"emails/{name}-body.txt", context)
        html = render_to_string(f"emails/{name}-body.html", context)
    return Rendered(" ".join(subject.split()), text, html)


def site_links(language: str) -> dict:
    """The site's current address, its mirrors and its onion address, as
    editors keep them in the mirror settings."""
    with translation.override(language):
        home = absolute_url(reverse_home(language))
    found = addresses()
    return {
        "site_url": home,
        "mirror_urls": list(found["mirrors"]),
        "onion_url": found["onion"],
    }


def reverse_home(language: str) -> str:
    home = HomePage.objects.live().filter(locale__language_code=language).first()
    return home.get_url() if home else "/"


def personal_url(name: str, token: str, language: str) -> str:
    with translation.override(language):
        return absolute_url(reverse(f"newsletter:{name}", args=[token]))


@dataclass(frozen=True)
class ArticleItem:
    """An article as a mail shows it."""

    headline: str
    standfirst: str
    url: str
    date: str
    iso: str
    section: str
    image: MailImage | None = None


@dataclass(frozen=True)
class MailImage:
    """A lead image as a mail shows it: a JPEG rendition on our own host."""

    url: str
    width: int
    height: int
    alt: str


# Mail readers are narrow and many read no AVIF or WebP.
MAIL_IMAGE_SPEC = "width-600|format-jpeg"


def mail_image(page) -> MailImage | None:
    if not getattr(page, "lead_image_id", None):
        return None
    rendition = page.lead_image.get_rendition(MAIL_IMAGE_SPEC)
    return MailImage(
        url=absolute_url(rendition.url),
        width=rendition.width,
        height=rendition.height,
        alt=page.lead_image_alt,
    )


def article_item(page, language: str) -> ArticleItem:
    return ArticleItem(
        headline=page.title,
        standfirst=page.standfirst,
        url=absolute_url(page.get_url()),
        date=format_date(page.first_published_at, language),
        iso=iso_datetime(page.first_published_at),
        section=page.section.title if page.section_id else "",
        image=mail_image(page),
    )


def build(
    rendered: Rendered,
    to: str,
    language: str,
    address_hash: str = "",
    message_id: str = "",
) -> EmailMultiAlternatives:
    """One message for one reader; with `address_hash`, their own links and the
    RFC 8058 one-click unsubscribe headers."""
    text, html, headers = rendered.text, rendered.html, {}
    if address_hash:
        preferences = personal_url(
            "preferences", tokens.manage_token(address_hash), language
        )
        unsubscribe = personal_url(
            "unsubscribe", tokens.unsubscribe_token(address_hash), language
        )
        text = text.replace(PREFERENCES, preferences).replace(UNSUBSCRIBE, unsubscribe)
        html = html.replace(PREFERENCES, preferences).replace(UNSUBSCRIBE, unsubscribe)
        headers["List-Unsubscribe"] = f"<{unsubscribe}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    if message_id:
        headers["Message-ID"] = message_id
    headers["Auto-Submitted"] = "auto-generated"
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=text,
        from_email=from_address(),
        to=[to],
        headers=headers,
    )
    message.attach_alternative(html, "text/html")
    return message


def from_address() -> str:
    return settings.NEWSLETTER_FROM_EMAIL or formataddr(
        (settings.WAGTAIL_SITE_NAME, "newsroom@localhost")
    )


TO_MARK = "samizdat-recipient@mark.invalid"
ID_MARK = "<samizdat-message-id@mark.invalid>"
DATE_MARK = "samizdat-date-mark"


class Prepared:
    """A mailing's message serialised once; each reader's copy is then a few
    byte substitutions (address, Message-ID, date, their own two links).

    Used when every mark survives serialisation unchanged (plain 8-bit parts,
    an ASCII address); otherwise `bytes_for` returns None and the caller
    builds the message the ordinary way."""

    def __init__(self, rendered: Rendered, language: str):
        self.rendered, self.language = rendered, language
        message = EmailMultiAlternatives(
            subject=rendered.subject,
            body=rendered.text,
            from_email=from_address(),
            to=[TO_MARK],
            headers={
                "Date": DATE_MARK,
                "Message-ID": ID_MARK,
                "List-Unsubscribe": f"<{UNSUBSCRIBE}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Auto-Submitted": "auto-generated",
            },
        )
        message.attach_alternative(rendered.html, "text/html")
        # Django's SafeMIME classes take a line separator; the stubs know
        # only the email package's signature.
        raw = message.message().as_bytes(linesep="\r\n")  # type: ignore[call-arg]
        self.from_email = parseaddr(sanitize_address(message.from_email, "utf-8"))[1]
        self.data = re.sub(rb"(?m)^\.", b"..", raw)
        self.links = {
            mark: (personal_url(name, "samizdat-token", language).encode(), sign)
            for mark, name, sign in (
                (UNSUBSCRIBE, "unsubscribe", tokens.unsubscribe_token),
                (PREFERENCES, "preferences", tokens.manage_token),
            )
        }
        marks = (TO_MARK, ID_MARK, DATE_MARK, UNSUBSCRIBE, PREFERENCES)
        usable = all(mark.encode() in self.data for mark in marks)
        self.usable = usable and self.data.count(TO_MARK.encode()) == 1

    def bytes_for(
        self, address: str, address_hash: str, message_id: str, date: str
    ) -> bytes | None:
        """This reader's copy, dot-stuffed for SMTP DATA, or None."""
        if not self.usable or not address.isascii() or "\r" in address:
            return None
        data = self.data.replace(TO_MARK.encode(), address.encode(), 1)
        data = data.replace(ID_MARK.encode(), message_id.encode(), 1)
        data = data.replace(DATE_MARK.encode(), date.encode(), 1)
        for mark, (url, sign) in self.links.items():
            token = sign(address_hash).encode()
            data = data.replace(mark.encode(), url.replace(b"samizdat-token", token))
        return data
