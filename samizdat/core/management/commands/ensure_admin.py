"""Make sure an administrator account exists and say how to log in."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Create the 'admin' superuser with a random password if missing; print it."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username: str, **options) -> None:
        credentials = settings.VAR_DIR / "admin-credentials.txt"
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None or not credentials.exists():
            password = secrets.token_urlsafe(12)
            if user is None:
                user = User.objects.create_superuser(
                    username, email=f"{username}@localhost", password=password
                )
            else:
                user.set_password(password)
                user.save(update_fields=["password"])
            credentials.parent.mkdir(parents=True, exist_ok=True)
            credentials.write_text(f"{username}\n{password}\n")
            credentials.chmod(0o600)
        name, password = credentials.read_text().split()[:2]
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: {settings.BASE_URL}/admin/  user: {name}  password: {password}"
            )
        )
        if settings.SAMIZDAT_STAFF_SECOND_FACTOR:
            self.stdout.write(
                "On first sign-in, register a second factor: an authenticator "
                "app, or a passkey (at http://localhost:<port>/admin/ or over HTTPS)."
            )
