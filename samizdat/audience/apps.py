from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AudienceConfig(AppConfig):
    name = "samizdat.audience"
    verbose_name = _("Audience")

    def ready(self) -> None:
        # Receivers connect only once every app is loaded (Django app loading).
        from . import signals, sinks  # noqa: F401
