from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "samizdat.staff"
    label = "staff"
    verbose_name = _("Staff security")

    def ready(self) -> None:
        # Signal receivers connect when the app registry is ready.
        from samizdat.staff import signals  # noqa: F401
