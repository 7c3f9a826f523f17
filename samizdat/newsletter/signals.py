from __future__ import annotations

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from samizdat.articles.models import ArticlePage

from .mailings import wants_mailing
from .models import MailChoice
from .tasks import mail_article


@receiver(page_published)
def mail_published_article(sender, instance, **kwargs) -> None:
    """Queue the mailing when an article goes out and the editor (or its
    section's default, on first publication) says to mail it."""
    if not isinstance(instance, ArticlePage):
        return
    choice = next(iter(instance.newsletter.all()), None)
    explicit = choice is not None and choice.choice == MailChoice.Choice.SEND
    first = instance.first_published_at == instance.last_published_at
    if not (explicit or (first and wants_mailing(instance))):
        return
    page_id = instance.pk
    transaction.on_commit(lambda: mail_article.enqueue(page_id))
