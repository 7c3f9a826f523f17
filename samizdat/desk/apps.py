from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeskConfig(AppConfig):
    name = "samizdat.desk"
    label = "desk"
    verbose_name = _("Editor's desk")
