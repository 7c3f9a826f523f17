from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .images import use_avif_speed


class CoreConfig(AppConfig):
    name = "samizdat.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        use_avif_speed(settings.SAMIZDAT_AVIF_SPEED)
