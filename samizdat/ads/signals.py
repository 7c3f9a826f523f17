from __future__ import annotations

import time

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .models import AdSlot, Creative
from .queries import GENERATION_KEY


@receiver(post_save, sender=Creative)
@receiver(post_delete, sender=Creative)
@receiver(post_save, sender=AdSlot)
@receiver(post_delete, sender=AdSlot)
@receiver(m2m_changed, sender=Creative.slots.through)
@receiver(m2m_changed, sender=Creative.editions.through)
@receiver(m2m_changed, sender=Creative.sections.through)
def forget_choices(sender, **kwargs) -> None:
    """Readers see a changed ad at once instead of after the cache expires."""
    cache.set(GENERATION_KEY, time.time_ns(), None)
