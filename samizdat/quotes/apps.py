from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuotesConfig(AppConfig):
    name = "samizdat.quotes"
    label = "quotes"
    verbose_name = _("Quotations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Receivers connect only once every app is loaded (Django app loading).
        from . import signals  # noqa: F401
