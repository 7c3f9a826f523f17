"""Development: `make run`. DEBUG on, a throwaway secret, mail to a local mailbox."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, VAR_DIR, envlist, envstr

DEBUG = True
# The demo publication (`manage.py seed_demo`, run by `make run`); production
# does not carry it.
INSTALLED_APPS = [*INSTALLED_APPS, "samizdat.demo"]
VAR_DIR.mkdir(parents=True, exist_ok=True)
SECRET_KEY = envstr("SECRET_KEY", "dev-only-secret-not-for-production")  # noqa: S105
ALLOWED_HOSTS = ["*"]

if not envstr("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mailbox"
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Newsletter: throwaway development keys; production reads real ones from the
# environment and refuses to start without them.
NEWSLETTER_KEYS = envlist(
    "NEWSLETTER_KEYS", ["ZGV2LW9ubHktbmV3c2xldHRlci1rZXktMDAwMDAwMDA="]
)
NEWSLETTER_HASH_KEY = envstr("NEWSLETTER_HASH_KEY", "dev-only-newsletter-hash-key")
ANYMAIL = {"WEBHOOK_SECRET": "dev-only:webhook", **ANYMAIL}  # noqa: F405
