import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samizdat.settings.production")
application = get_wsgi_application()
# Everything loaded so far (Django, Wagtail, settings, URL patterns) lives as
# long as the process: keep it out of the collector's full passes, which
# otherwise scan a quarter of a million objects (measured at 170 ms on a
# 2-core machine) every few hundred requests and stall whoever is waiting.
gc.freeze()
