"""Settings shared by every environment. Everything an operator may change is
read from the environment; the defaults run the embedded stack (SQLite, local
memory cache, database task queue) with no server besides Python."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dj_database_url

from .env import envbool, envfloat, envint, envlist, envstr

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(envstr("SAMIZDAT_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = envstr("SECRET_KEY", "")
DEBUG = envbool("DEBUG", False)
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
BASE_URL = envstr("BASE_URL", f"http://127.0.0.1:{envstr('PORT', '8000')}").rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL

INSTALLED_APPS = [
    "samizdat.core",
    "samizdat.editions",
    "samizdat.people",
    "samizdat.articles",
    "samizdat.quotes",
    "samizdat.audience",
    "samizdat.ads",
    "samizdat.feeds",
    "samizdat.mirror",
    "samizdat.search",
    "samizdat.related",
    "samizdat.newsletter",
    "samizdat.operations",
    "samizdat.wordpress",
    "samizdat.desk",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "samizdat.core.middleware.ReaderCacheMiddleware",
    "samizdat.mirror.middleware.OnionLocationMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# Pages compressed here when no front server does it (`make run`, gunicorn on
# its own: 15 KB of article HTML goes out as 3 KB). The deploy's nginx
# compresses and caches, so its environment file turns this off. After
# WhiteNoise, which serves static files already compressed; Django's
# middleware pads its output against BREACH on the admin's pages.
if envbool("HTML_GZIP", True):
    MIDDLEWARE.insert(
        MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
        "django.middleware.gzip.GZipMiddleware",
    )

ROOT_URLCONF = "samizdat.urls"
WSGI_APPLICATION = "samizdat.wsgi.application"

TEMPLATES: list[dict[str, Any]] = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "samizdat.core.context_processors.edition",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        envstr("DATABASE_URL", f"sqlite:///{VAR_DIR / 'samizdat.sqlite3'}"),
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Connections persist like PostgreSQL's (DATABASE_CONN_MAX_AGE): when
    # each request opened its own (its pragmas, the functions Django
    # registers on it), the uncached article lost two thirds of its
    # throughput (bench/article_page.py).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            # A writer waits this long for another's write lock (a backup, a
            # long import) before "database is locked": operations' default
            # outlasts a 10 s lock; gunicorn's timeout is longer still.
            f"PRAGMA busy_timeout={envint('SQLITE_BUSY_TIMEOUT_MS', 20000)};"
        ),
        "transaction_mode": "IMMEDIATE",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiles any query its planner prices above a bound;
    # for the short queries of a web page (a search's ranking, a suggestion's
    # index probes) compiling costs 100-300 ms more than it saves.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS: list[dict[str, Any]] = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Editions. A new edition is a line here, one in SAMIZDAT_EDITIONS, and a
# translation catalogue: no code.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("fa", "فارسی"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# The outlet's name is SITE_NAME; an edition whose readers write it in their
# own script says so (SITE_NAME_FA=...). Without SITE_NAME, the project's own
# name, in Persian script in the Persian edition.
_SITE_NAME = envstr("SITE_NAME")
SAMIZDAT_EDITIONS = {
    "en": {
        "calendar": "gregorian",
        "digits": "latn",
        "site_name": envstr("SITE_NAME_EN"),
    },
    "fa": {
        "calendar": "jalali",
        "digits": "persian",
        "site_name": envstr("SITE_NAME_FA", "" if _SITE_NAME else "سامیزدات"),
    },
}
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = envstr("TIME_ZONE", "UTC")
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT: Path | None = Path(envstr("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT: Path | str = Path(envstr("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

REDIS_URL = envstr("REDIS_URL", "")
CACHES: dict[str, dict[str, Any]]
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    # Each process keeps its own. An article viewed keeps about seven
    # entries (its body, head, foot, metadata, ...: articles/rendering.py),
    # about 20 KB in all, so the default of 300 entries would hold about
    # forty pieces and cull the rest.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "samizdat",
            "OPTIONS": {"MAX_ENTRIES": envint("LOCAL_CACHE_ENTRIES", 5000)},
        }
    }

if envstr("TASKS_BACKEND", "database") == "rq":
    RQ_QUEUES = {"default": {"URL": REDIS_URL or "redis://127.0.0.1:6379/0"}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend"}}
    INSTALLED_APPS += ["django_rq"]
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Periodic jobs enqueued by `manage.py clock`: (task path, every N seconds).
# WordPress exports uploaded in the admin wait here (never under MEDIA_ROOT).
WORDPRESS_IMPORT_DIR = envstr(
    "WORDPRESS_IMPORT_DIR", str(VAR_DIR / "wordpress-imports")
)

SAMIZDAT_PERIODIC_TASKS = [
    ("samizdat.core.tasks.publish_scheduled_pages", envint("PUBLISH_POLL_SECONDS", 15)),
    ("samizdat.audience.tasks.fold_counts", envint("COUNT_FOLD_SECONDS", 60)),
    ("samizdat.audience.tasks.rank_popular_posts", envint("POPULAR_RANK_SECONDS", 600)),
]

# Reader pages may be kept this long by a front cache (nginx, a CDN).
SAMIZDAT_READER_MAX_AGE = envint("READER_MAX_AGE", 60)
SAMIZDAT_READER_SHARED_MAX_AGE = envint("READER_SHARED_MAX_AGE", 300)

WAGTAIL_SITE_NAME = _SITE_NAME or "Samizdat"
# Staff avatars would come from gravatar.com and tell it who edits: none.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"png": "png", "jpeg": "jpeg", "gif": "png"}
# AVIF renditions: Pillow's encoder at speed 8 of 0-10 (its default, 6, took
# about four times as long for 6% fewer bytes; samizdat/core/images.py), with
# the quality lowered to keep the files as small as at Wagtail's default, 61.
SAMIZDAT_AVIF_SPEED = envint("AVIF_SPEED", 8)
WAGTAILIMAGES_AVIF_QUALITY = envint("AVIF_QUALITY", 55)
# Search: Wagtail's database backend (SQLite FTS5, PostgreSQL full text) unless
# SEARCH_BACKEND names another, such as wagtail.search.backends.opensearch3,
# with its servers in SEARCH_URLS (docs/architecture.md, "Moving to OpenSearch").
WAGTAILSEARCH_BACKENDS: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": envstr("SEARCH_BACKEND", "samizdat.search.backend")}
}
if envlist("SEARCH_URLS"):
    WAGTAILSEARCH_BACKENDS["default"]["URLS"] = envlist("SEARCH_URLS")
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_LANGUAGE_SELECTION = True
TAGGIT_CASE_INSENSITIVE = True

EMAIL_HOST = envstr("EMAIL_HOST", "")
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "Samizdat <newsroom@localhost>")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "WARNING")},
}

SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Newsletter: mail transport, encryption of addresses, sending and abuse limits.
# Transport with Django's names; EMAIL_BACKEND may name a django-anymail
# provider, whose settings come from ANYMAIL_* variables (ANYMAIL_MAILGUN_API_KEY
# becomes ANYMAIL["MAILGUN_API_KEY"]).
import os as _os  # noqa: E402

EMAIL_BACKEND = envstr("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envstr("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 30)
ANYMAIL = {
    key.removeprefix("ANYMAIL_"): value
    for key, value in _os.environ.items()
    if key.startswith("ANYMAIL_")
}
# Fernet keys, comma separated, newest first (rotate_newsletter_key), and the
# key of the hash addresses are found by. Both must be set in production.
NEWSLETTER_KEYS = envlist("NEWSLETTER_KEYS", [])
NEWSLETTER_HASH_KEY = envstr("NEWSLETTER_HASH_KEY", "")
# Bounce webhooks: anymail's, basic auth ANYMAIL_WEBHOOK_SECRET="user:password".
NEWSLETTER_CONFIRM_MAX_AGE = envint("NEWSLETTER_CONFIRM_MAX_AGE", 3 * 24 * 3600)
# Preferences and erase links expire; each mail carries fresh ones. The
# one-click unsubscribe link never expires.
NEWSLETTER_LINK_MAX_AGE = envint("NEWSLETTER_LINK_MAX_AGE", 30 * 24 * 3600)
NEWSLETTER_CONFIRMATIONS_PER_DAY = envint("NEWSLETTER_CONFIRMATIONS_PER_DAY", 3)
NEWSLETTER_RATE_LIMIT = envint("NEWSLETTER_RATE_LIMIT", 5)
NEWSLETTER_RATE_WINDOW = envint("NEWSLETTER_RATE_WINDOW", 600)
NEWSLETTER_BATCH = envint("NEWSLETTER_BATCH", 100)
NEWSLETTER_LEASE_SECONDS = envint("NEWSLETTER_LEASE_SECONDS", 120)
NEWSLETTER_MAX_ATTEMPTS = envint("NEWSLETTER_MAX_ATTEMPTS", 6)
NEWSLETTER_RETRY_SECONDS = envint("NEWSLETTER_RETRY_SECONDS", 60)
NEWSLETTER_WORKERS = envint("NEWSLETTER_WORKERS", 1)
NEWSLETTER_DIGEST_HOUR = envint("NEWSLETTER_DIGEST_HOUR", 6)
NEWSLETTER_DIGEST_WEEKDAY = envint("NEWSLETTER_DIGEST_WEEKDAY", 0)
NEWSLETTER_FROM_EMAIL = envstr("NEWSLETTER_FROM_EMAIL", DEFAULT_FROM_EMAIL)
# "raw" hands each serialised message to the SMTP socket and marks it sent at
# once; "django" sends through Django's mail backend (slower, and a killed
# worker resends its batch: see bench/newsletter.py --path).
NEWSLETTER_TRANSPORT = envstr("NEWSLETTER_TRANSPORT", "raw")
SAMIZDAT_PERIODIC_TASKS += [
    ("samizdat.newsletter.tasks.send_digests", envint("NEWSLETTER_DIGEST_POLL", 300)),
    ("samizdat.newsletter.tasks.resume_deliveries", envint("NEWSLETTER_RESUME", 60)),
    ("samizdat.newsletter.tasks.forget_unconfirmed", 3600),
]

# Feeds, news metadata and static mirrors (samizdat.feeds, samizdat.mirror).
SAMIZDAT_FEED_MAX_AGE = envint("FEED_MAX_AGE", 300)
SAMIZDAT_FEED_SHARED_MAX_AGE = envint("FEED_SHARED_MAX_AGE", 900)
SAMIZDAT_SECURITY_CONTACT = envstr("SECURITY_CONTACT", "mailto:security@localhost")
SAMIZDAT_SECURITY_POLICY = envstr("SECURITY_POLICY", "")

# Audience and ads: cookieless counting. Counts wait in the cache (this
# process's memory, spilled to the database every COUNT_SPILL_SECONDS) or, at
# scale, in Redis; `fold_counts` moves them into hourly buckets.
SAMIZDAT_COUNT_REDIS_URL = envstr("COUNT_REDIS_URL", REDIS_URL)
SAMIZDAT_COUNT_PREFIX = envstr("COUNT_PREFIX", "samizdat:count:")
SAMIZDAT_COUNT_SPILL_SECONDS = envint("COUNT_SPILL_SECONDS", 1)
SAMIZDAT_COUNT_RATE_PER_MINUTE = envint("COUNT_RATE_PER_MINUTE", 600)
# The request header (Django META name) holding the reader's address as the
# nearest trusted proxy saw it, e.g. HTTP_X_FORWARDED_FOR behind nginx.
SAMIZDAT_COUNT_CLIENT_IP_HEADER = envstr("COUNT_CLIENT_IP_HEADER", "REMOTE_ADDR")
# Count requests are answered before the rest of the middleware stack.
MIDDLEWARE = ["samizdat.audience.middleware.CountMiddleware", *MIDDLEWARE]

# --- Operations (issue 13): workers, recovery, backups, health, purge -------
# A task worker beats every TASK_HEARTBEAT_SECONDS; a RUNNING task whose
# worker has not beaten for TASK_LEASE_SECONDS is queued again by the clock,
# and marked failed once it has lost TASK_MAX_ATTEMPTS workers.
TASK_HEARTBEAT_SECONDS = envint("TASK_HEARTBEAT_SECONDS", 10)
TASK_LEASE_SECONDS = envint("TASK_LEASE_SECONDS", 60)
TASK_MAX_ATTEMPTS = envint("TASK_MAX_ATTEMPTS", 3)
SAMIZDAT_PERIODIC_TASKS += [
    (
        "samizdat.operations.tasks.recover_lost_tasks",
        envint("TASK_RECOVER_SECONDS", 30),
    ),
]
# Front cache purged on publish (samizdat.operations.purge): nginx's purge
# listener or Varnish at FRONTEND_CACHE_URL. Cloudflare and CloudFront: see
# docs/deploy.md (Wagtail's backends, configured in WAGTAILFRONTENDCACHE).
if envstr("FRONTEND_CACHE_URL", ""):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "samizdat.operations.purge.PurgeBackend",
            "LOCATION": envstr("FRONTEND_CACHE_URL", ""),
        }
    }
# Backups (samizdat.operations.backups): the database and media, encrypted
# with age to BACKUP_AGE_RECIPIENTS (public keys only on the server), written
# to BACKUP_DIR and copied to BACKUP_S3 (s3://bucket/prefix) when set; the
# newest BACKUP_KEEP are kept. The clock makes one every
# BACKUP_INTERVAL_HOURS once recipients are set.
BACKUP_AGE_RECIPIENTS = envlist("BACKUP_AGE_RECIPIENTS", [])
BACKUP_DIR = Path(envstr("BACKUP_DIR", str(VAR_DIR / "backups")))
BACKUP_KEEP = envint("BACKUP_KEEP", 14)
BACKUP_INTERVAL_HOURS = envint("BACKUP_INTERVAL_HOURS", 24)
BACKUP_S3 = envstr("BACKUP_S3", "")
BACKUP_S3_ENDPOINT_URL = envstr("BACKUP_S3_ENDPOINT_URL", "")
if BACKUP_AGE_RECIPIENTS:
    SAMIZDAT_PERIODIC_TASKS += [
        (
            "samizdat.operations.tasks.scheduled_backup",
            envint("BACKUP_POLL_SECONDS", 600),
        ),
    ]
# Health (samizdat.operations.health): /healthz for the load balancer and
# monitoring, /healthz/web for this app server alone.
INSTALLED_APPS += ["health_check"]
HEALTH_TASK_BACKLOG_SECONDS = envint("HEALTH_TASK_BACKLOG_SECONDS", 300)
HEALTH_CLOCK_SECONDS = envint("HEALTH_CLOCK_SECONDS", 120)
HEALTH_MIN_FREE_MB = envint("HEALTH_MIN_FREE_MB", 500)
# Prometheus metrics (django-prometheus) on a port of their own: with
# METRICS_PORT set, gunicorn's master serves every worker's counts at
# http://METRICS_ADDRESS:METRICS_PORT/metrics (deploy/gunicorn.conf.py), never
# on the site's own port or host; the middleware counts requests, latency
# and responses per view.
METRICS_PORT = envint("METRICS_PORT", 0)
if METRICS_PORT:
    INSTALLED_APPS += ["django_prometheus"]
    MIDDLEWARE = [
        "django_prometheus.middleware.PrometheusBeforeMiddleware",
        *MIDDLEWARE,
        "django_prometheus.middleware.PrometheusAfterMiddleware",
    ]
# Errors to Sentry when SENTRY_DSN is set, scrubbed of addresses, tokens,
# cookies, query values and subscriber data (samizdat.operations.sentry).
SENTRY_DSN = envstr("SENTRY_DSN", "")
if SENTRY_DSN:
    from samizdat.operations import sentry as _sentry

    _sentry.init(
        SENTRY_DSN,
        environment=envstr("SENTRY_ENVIRONMENT", ""),
        release=envstr("SENTRY_RELEASE", ""),
        traces=envfloat("SENTRY_TRACES_SAMPLE_RATE", 0.0),
    )
# Logs: a request for a host not in ALLOWED_HOSTS is one warning line.
LOGGING["filters"] = {
    "disallowed_host": {"()": "samizdat.operations.logs.DisallowedHostAsWarning"}
}
LOGGING["loggers"] = {
    "django.security.DisallowedHost": {"filters": ["disallowed_host"]},
    # runserver (make run) logs every request at INFO; keep the failures.
    "django.server": {"level": envstr("SERVER_LOG_LEVEL", "WARNING")},
}
# --- end of operations settings ---------------------------------------------
# ---------------------------------------------------------------------------
# Staff security (samizdat.staff): a second factor for every staff account,
# lock-out after failed sign-ins, password rules, the sign-in audit log.
# ---------------------------------------------------------------------------
INSTALLED_APPS = [
    "samizdat.staff",
    *INSTALLED_APPS,
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "axes",
]
_auth = MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware")
MIDDLEWARE[_auth + 1 : _auth + 1] = [
    "django_otp.middleware.OTPMiddleware",
    "samizdat.staff.middleware.SecondFactorMiddleware",
]
# axes answers a locked-out sign-in; it must come last.
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]
AUTHENTICATION_BACKENDS = [
    "samizdat.staff.lockout.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
    "django_otp_webauthn.backends.WebAuthnBackend",
]
# Every signed-in admin user must pass a passkey, an authenticator app code or
# a recovery code before any admin page; production refuses to turn it off.
SAMIZDAT_STAFF_SECOND_FACTOR = envbool("STAFF_SECOND_FACTOR", True)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# Passkeys belong to the admin's origin: WEBAUTHN_ORIGINS (comma separated,
# https:// or http://localhost), by default the admin's base URL, with
# 127.0.0.1 read as localhost (browsers refuse passkeys on an IP address).
OTP_WEBAUTHN_ALLOWED_ORIGINS = envlist(
    "WEBAUTHN_ORIGINS", [WAGTAILADMIN_BASE_URL.replace("//127.0.0.1", "//localhost")]
)
OTP_WEBAUTHN_RP_ID_CALLABLE = "samizdat.staff.passkeys.relying_party_id"
OTP_WEBAUTHN_RP_NAME = WAGTAIL_SITE_NAME
# Passkeys are the second step after the password and, unless
# STAFF_PASSKEY_SIGN_IN is off, a sign-in of their own ("Sign in with a
# passkey": the passkey must verify its user by PIN or biometrics, so it is
# two factors). Passkeys are then registered as discoverable credentials.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = envbool("STAFF_PASSKEY_SIGN_IN", True)
# Lock-out (django-axes): STAFF_LOCKOUT_FAILURES wrong passwords for one
# account, or from one address, lock it for STAFF_LOCKOUT_HOURS. The address
# is read from the trusted proxy header (COUNT_CLIENT_IP_HEADER above).
AXES_FAILURE_LIMIT = envint("STAFF_LOCKOUT_FAILURES", 5)
AXES_COOLOFF_TIME = envint("STAFF_LOCKOUT_HOURS", 1)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "samizdat.staff.addresses.client_address"
AXES_LOCKOUT_CALLABLE = "samizdat.staff.views.locked_out"
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
_validation = "django.contrib.auth.password_validation."
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": _validation + "UserAttributeSimilarityValidator",
        "OPTIONS": {
            "user_attributes": ("username", "first_name", "last_name", "email")
        },
    },
    {
        "NAME": _validation + "MinimumLengthValidator",
        "OPTIONS": {"min_length": envint("STAFF_PASSWORD_MIN_LENGTH", 12)},
    },
    {"NAME": _validation + "CommonPasswordValidator"},
    {"NAME": _validation + "NumericPasswordValidator"},
]
# Sign-ins, failures, lock-outs and second factors in Wagtail's audit log
# (Reports → Site history), pruned after STAFF_AUDIT_DAYS by the clock.
SAMIZDAT_STAFF_AUDIT_DAYS = envint("STAFF_AUDIT_DAYS", 90)
SAMIZDAT_PERIODIC_TASKS += [("samizdat.staff.tasks.prune_staff_log", 3600)]
# Staff browsers contact no other server (releases.wagtail.org on every page).
WAGTAIL_ENABLE_UPDATE_CHECK = False
# With ADMIN_HOST (a host name, e.g. an onion address or one on the VPN),
# /admin/ answers 404 on every other host (docs/architecture.md, "The admin
# on a host of its own").
SAMIZDAT_ADMIN_HOST = envstr("ADMIN_HOST", "").lower()
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "samizdat.staff.middleware.AdminHostMiddleware",
)
# Readers get no session; a staff session ends after STAFF_SESSION_IDLE_HOURS
# without a request (every request renews it).
SESSION_COOKIE_AGE = envint("STAFF_SESSION_IDLE_HOURS", 12) * 3600
SESSION_SAVE_EVERY_REQUEST = True

# ---------------------------------------------------------------------------
# Content-Security-Policy (django-csp), Permissions-Policy and
# Cross-Origin-Resource-Policy on every answer (samizdat.core.headers).
# ---------------------------------------------------------------------------
INSTALLED_APPS += ["csp"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "samizdat.core.headers.PolicyMiddleware",
)
_NONE, _SELF = "'none'", "'self'"
# Reader pages: exactly what they use. The web manifest is fetched under
# manifest-src (Chromium refuses it otherwise); connect-src 'self' lets a
# checker read our robots.txt from the page's context (pages run no script,
# so nothing else can connect anywhere).
CONTENT_SECURITY_POLICY: dict[str, Any] = {
    "DIRECTIVES": {
        "default-src": [_NONE],
        "style-src": [_SELF],
        "img-src": [_SELF],
        "font-src": [_SELF],
        "manifest-src": [_SELF],
        "connect-src": [_SELF],
        "frame-src": [_SELF],
        "form-action": [_SELF],
        "base-uri": [_NONE],
        "frame-ancestors": [_NONE],
    }
}
# Wagtail's admin: only our origin, but its date widgets and rich-text
# editor still write inline scripts and styles; previews are framed by it.
SAMIZDAT_ADMIN_PREFIX = "/admin/"
SAMIZDAT_ADMIN_CSP: dict[str, Any] = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF, "'unsafe-inline'"],
        "style-src": [_SELF, "'unsafe-inline'"],
        "img-src": [_SELF, "data:", "blob:"],
        "font-src": [_SELF, "data:"],
        "connect-src": [_SELF],
        "frame-src": [_SELF],
        "frame-ancestors": [_SELF],
        "form-action": [_SELF],
        "object-src": [_NONE],
        "base-uri": [_NONE],
    }
}
# Reader pages seen by a signed-in staff member carry Wagtail's user bar:
# its two scripts and the accessibility checker's requests, from our origin.
SAMIZDAT_STAFF_READER_CSP: dict[str, list[str]] = {
    "script-src": [_SELF],
    "connect-src": [_SELF],
}
# The static mirror (samizdat.mirror.rewrite): each exported page carries
# this in a <meta http-equiv>, with script-src 'self' where it loads the
# static search; meta policies cannot set frame-ancestors.
SAMIZDAT_MIRROR_CSP: dict[str, list[str]] = {
    "default-src": [_NONE],
    "style-src": [_SELF],
    "img-src": [_SELF],
    "font-src": [_SELF],
    "form-action": [_SELF],
    "base-uri": [_NONE],
}
SAMIZDAT_PERMISSIONS = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"
)

# ---------------------------------------------------------------------------
# Documents (samizdat.core.documents): an allow-list of kinds checked against
# content, served through Wagtail's view as attachments, sandboxed.
# ---------------------------------------------------------------------------
WAGTAILDOCS_EXTENSIONS = [
    "csv", "doc", "docx", "epub", "odp", "ods", "odt", "pdf", "ppt", "pptx",
    "rtf", "txt", "xls", "xlsx",
]  # fmt: skip
WAGTAILDOCS_DOCUMENT_FORM_BASE = "samizdat.core.documents.DocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
# core.headers gives served documents their sandboxing policy instead.
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = False
SAMIZDAT_DOCUMENTS_PREFIX = "/documents/"
SAMIZDAT_DOCUMENT_CSP = {
    "default-src": [_NONE],
    "sandbox": [],
    "frame-ancestors": [_NONE],
}
