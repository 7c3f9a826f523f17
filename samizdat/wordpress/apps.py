from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WordpressConfig(AppConfig):
    name = "samizdat.wordpress"
    label = "wordpress"
    verbose_name = _("WordPress import")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Receivers connect once the app registry is ready.
        from . import signals  # noqa: F401
