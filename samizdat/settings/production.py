"""Production: everything from the environment; refuses to start unsafe."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import BASE_URL, DEBUG, MIDDLEWARE, SECRET_KEY, envbool, envint

if DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production.")
if not SECRET_KEY or len(SECRET_KEY) < 40 or SECRET_KEY.startswith("dev-"):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 40 characters."
    )

_https = BASE_URL.startswith("https://")
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", _https)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# A load balancer probes the app servers over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz(/web)?$"]
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", True)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", True)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# On by default so `check --deploy` is clean; set SECURE_HSTS_PRELOAD=0 before
# the first deployment if the domain must not join browsers' preload lists.
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", _https)
CSRF_TRUSTED_ORIGINS = [BASE_URL] if BASE_URL.startswith("http") else []

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
TEMPLATES[0]["APP_DIRS"] = False  # noqa: F405
TEMPLATES[0]["OPTIONS"]["loaders"] = [  # noqa: F405
    (
        "django.template.loaders.cached.Loader",
        [
            "django.template.loaders.filesystem.Loader",
            "django.template.loaders.app_directories.Loader",
        ],
    )
]
MIDDLEWARE = list(MIDDLEWARE)

# ---------------------------------------------------------------------------
# Staff security (samizdat.staff): no way round the second factor.
# ---------------------------------------------------------------------------
from .base import SAMIZDAT_STAFF_SECOND_FACTOR  # noqa: E402

# Under HTTPS the cookies carry the __Host- prefix: the browser then keeps
# them to this host, Secure, on every path, and no subdomain can set them.
if _https:
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

if not SAMIZDAT_STAFF_SECOND_FACTOR:
    raise ImproperlyConfigured(
        "STAFF_SECOND_FACTOR cannot be turned off in production: every staff "
        "account signs in with a passkey or an authenticator app code."
    )
