from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RelatedConfig(AppConfig):
    name = "samizdat.related"
    label = "related"
    verbose_name = _("Related articles")

    def ready(self) -> None:
        # Receivers connect only once every app is loaded (Django app loading).
        from . import signals  # noqa: F401
