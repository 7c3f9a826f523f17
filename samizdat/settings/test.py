"""Tests: SQLite in memory by default; DATABASE_URL points the suite at PostgreSQL."""

import os

from .base import *  # noqa: F403
from .base import DATABASES, INSTALLED_APPS, SAMIZDAT_EDITIONS

# The demo generator is tested here; production does not install it.
INSTALLED_APPS = [*INSTALLED_APPS, "samizdat.demo"]
SECRET_KEY = "test-only-secret"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
if not os.environ.get("DATABASE_URL"):
    DATABASES["default"]["NAME"] = ":memory:"
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
MEDIA_ROOT = os.environ.get("SAMIZDAT_TEST_MEDIA", "/tmp/samizdat-test-media")  # noqa: S108
SAMIZDAT_EDITIONS = dict(SAMIZDAT_EDITIONS)
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

NEWSLETTER_KEYS = ["dGVzdC1vbmx5LW5ld3NsZXR0ZXIta2V5LTAwMDAwMDA="]
NEWSLETTER_HASH_KEY = "test-only-newsletter-hash-key"
ANYMAIL = {
    "WEBHOOK_SECRET": "test-only:webhook",
    "MAILGUN_WEBHOOK_SIGNING_KEY": "test-only-mailgun-key",
}

# Staff security: the suite's admin tests sign in with force_login and no
# second factor; samizdat/staff/tests and tests/browser/test_staff_security.py
# turn the requirement on for themselves.
SAMIZDAT_STAFF_SECOND_FACTOR = False
