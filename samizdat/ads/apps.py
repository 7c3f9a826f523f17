from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdsConfig(AppConfig):
    name = "samizdat.ads"
    verbose_name = _("Advertising")

    def ready(self) -> None:
        # Receivers and count sinks register once models are loaded (app loading).
        from . import signals, sinks  # noqa: F401
