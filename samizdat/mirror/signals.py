from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import queries
from .models import MirrorSettings


@receiver(post_save, sender=MirrorSettings)
@receiver(post_delete, sender=MirrorSettings)
def forget_addresses(sender, **kwargs) -> None:
    queries.forget()
