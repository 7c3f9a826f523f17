"""Re-encrypt every stored address under the newest key and re-hash it.

Rotation: put a new Fernet key first in NEWSLETTER_KEYS (keep the old ones
after it), restart, run this command, then drop the old keys. A new
NEWSLETTER_HASH_KEY is applied by the same run."""

from __future__ import annotations

from cryptography.fernet import InvalidToken
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from samizdat.newsletter import crypto
from samizdat.newsletter.models import Subscriber


class Command(BaseCommand):
    help = "Re-encrypt subscriber addresses with the first NEWSLETTER_KEYS key."

    def handle(self, *args, **options) -> None:
        try:
            crypto.fernet()
            crypto.keyed_hash("probe")
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        done = 0
        ids = list(Subscriber.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), 500):
            with transaction.atomic():
                rows = Subscriber.objects.select_for_update().filter(
                    pk__in=ids[start : start + 500]
                )
                for subscriber in rows:
                    try:
                        address = crypto.decrypt(subscriber.address)
                    except InvalidToken as error:
                        raise CommandError(
                            f"Subscriber #{subscriber.pk} cannot be decrypted with "
                            "any key in NEWSLETTER_KEYS: keep the old key listed."
                        ) from error
                    subscriber.address = crypto.reencrypt(subscriber.address)
                    subscriber.address_hash = crypto.address_hash(address)
                    subscriber.save(update_fields=["address", "address_hash"])
                    done += 1
        self.stdout.write(f"Re-encrypted {done} address(es) with the newest key.")
