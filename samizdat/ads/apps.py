from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdsConfig(AppConfig):
    name = "samizdat.ads"
    verbose_name = _("Advertising")

    def ready(self) -> None:
        from . import signals, sinks  # noqa: F401
