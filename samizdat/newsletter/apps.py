from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "samizdat.newsletter"
    verbose_name = _("Newsletter")

    def ready(self) -> None:
        # Receivers connect only once every app is loaded (Django app loading).
        from . import checks, signals  # noqa: F401
