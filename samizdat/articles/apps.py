from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "samizdat.articles"
    verbose_name = _("Articles")

    def ready(self) -> None:
        # Receivers connect once models are loaded, as Django's app loading requires.
        from . import signals  # noqa: F401
