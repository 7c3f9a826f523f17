"""What the newsletter does when something happens elsewhere: an article is
published (queue its mailing), a provider reports a bounce or complaint
through anymail's tracking webhook (suppress the address)."""

from __future__ import annotations

from anymail.signals import tracking
from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from samizdat.articles.models import ArticlePage

from . import bounces
from .mailings import wants_mailing
from .models import MailChoice
from .tasks import mail_article


@receiver(page_published)
def mail_published_article(sender, instance, **kwargs) -> None:
    """Queue the mailing when an article goes out and the editor (or its
    section's default, on first publication) says to mail it. Wagtail also
    sends `page_published` when an editor schedules a piece that is not yet
    live: that piece is mailed when it goes live, never before."""
    if not isinstance(instance, ArticlePage) or not instance.live:
        return
    choice = next(iter(instance.newsletter.all()), None)
    explicit = choice is not None and choice.choice == MailChoice.Choice.SEND
    first = instance.first_published_at == instance.last_published_at
    if not (explicit or (first and wants_mailing(instance))):
        return
    page_id = instance.pk
    transaction.on_commit(lambda: mail_article.enqueue(page_id))


@receiver(tracking)
def suppress_on_provider_bounce(sender, event, esp_name, **kwargs) -> None:
    """A provider's hard bounce or complaint suppresses the address, as a
    DSN or ARF report would; anything else it reports changes nothing."""
    found = bounces.from_tracking(event, esp_name)
    if found is not None:
        bounces.apply([found])
