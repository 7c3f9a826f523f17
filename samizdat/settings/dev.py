"""Development: `make run`. DEBUG on, a throwaway secret, mail to a local mailbox."""

from .base import *  # noqa: F403
from .base import VAR_DIR, envstr

DEBUG = True
SECRET_KEY = envstr("SECRET_KEY", "dev-only-secret-not-for-production")  # noqa: S105
ALLOWED_HOSTS = ["*"]

if not envstr("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mailbox"
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
