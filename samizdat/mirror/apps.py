from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MirrorConfig(AppConfig):
    name = "samizdat.mirror"
    verbose_name = _("Mirrors")

    def ready(self) -> None:
        # Receivers connect only once every app is loaded (Django app loading).
        from . import signals  # noqa: F401
