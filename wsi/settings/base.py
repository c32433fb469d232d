"""Settings shared by every environment.

Values come from the environment (see the README's configuration table). The defaults here
are the safe ones for production; ``dev`` and ``test`` relax them.
"""

from datetime import timedelta
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "wsi",
    "resources.library",
    "resources.events",
    "faq",
    "mailinglist",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
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
    "django_filters",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that it turns a locked-out login into the lockout page (docs: "Axes middleware").
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "wsi.urls"
WSGI_APPLICATION = "wsi.wsgi.application"

TEMPLATES = [
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
                "wagtail.contrib.settings.context_processors.settings",
                "wsi.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis is the Celery broker and the cache. Without it the site still runs: tasks execute
# in-process and the cache lives in local memory. When a configured Redis stops answering,
# pages are built without the cache (wsi/cache.py) and /readyz reports it.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "wsi.cache.ForgivingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "wsi",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=120)
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=90)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A signup must not hang while Redis is down: fail fast, the sweeper re-enqueues later.
CELERY_BROKER_TRANSPORT_OPTIONS = {"max_retries": 1, "interval_start": 0, "socket_timeout": 2}
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE = {
    "publish-scheduled-pages": {"task": "wsi.tasks.publish_scheduled", "schedule": 60.0},
    "mail-pending-contact-submissions": {"task": "wsi.tasks.mail_pending_contact_submissions", "schedule": 900.0},
}

# filemail takes the path after "//" minus its first character, hence the extra slash.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default=f"filemail:///{VAR_DIR / 'mail'}")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="WSI <wsi@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
STAFF_EMAIL = env.str("STAFF_EMAIL", default="staff@localhost")

# The contact form accepts this many messages per visitor IP in the window (seconds).
CONTACT_RATE_LIMIT = env.int("CONTACT_RATE_LIMIT", default=5)
CONTACT_RATE_WINDOW = env.int("CONTACT_RATE_WINDOW", default=60 * 60)
# Reverse proxies in front of the site whose X-Forwarded-For is trusted (1 behind Compose's nginx).
PROXY_COUNT = env.int("PROXY_COUNT", default=0)

# ---------------------------------------------------------------------------------------------
# Staff accounts: the only accounts on the site, so passwords are long and logins throttled.
# ---------------------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Each parameter counts on its own: an address that guesses at many accounts is locked out, and
# so is an account guessed at from many addresses (its owner waits out the cool-off or is
# unlocked with `manage.py axes_reset_username`).
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "wsi.ratelimit.client_ip"
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
AXES_ENABLE_ADMIN = False
# A fixed lifetime from login (not renewed by activity): a working day by default.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "America/New_York"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Production-safe defaults; a local production-mode run over plain http turns them off
# through the environment.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

WAGTAIL_SITE_NAME = "Workforce Strategies Initiative"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {
    # On PostgreSQL this is full-text search; on SQLite, its FTS5 or plain fallback.
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# Event recordings are uploaded as documents.
WAGTAILDOCS_EXTENSIONS += ["m4a", "mp3", "mp4", "ogg", "wav", "webm"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "svg"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # Wagtail logs every page action and background task at INFO; the admin's history has them.
    "loggers": {name: {"level": "WARNING"} for name in ("wagtail", "django_tasks", "modelsearch")},
}

# ---------------------------------------------------------------------------------------------
# Mailing list (mailinglist/): abuse limits, token lifetimes, delivery retries, housekeeping.
# ---------------------------------------------------------------------------------------------
# Signups accepted per client IP per window; more get a "try again later" page (429).
MAILINGLIST_SIGNUPS_PER_IP = env.int("MAILINGLIST_SIGNUPS_PER_IP", default=5)
MAILINGLIST_SIGNUP_IP_WINDOW_SECONDS = env.int("MAILINGLIST_SIGNUP_IP_WINDOW_SECONDS", default=60 * 60)
# Mails (confirmation or "already subscribed" notice) per address: one per 10 minutes, 3 a day.
MAILINGLIST_MAILS_PER_ADDRESS_SHORT = env.int("MAILINGLIST_MAILS_PER_ADDRESS_SHORT", default=1)
MAILINGLIST_ADDRESS_SHORT_WINDOW_SECONDS = env.int("MAILINGLIST_ADDRESS_SHORT_WINDOW_SECONDS", default=10 * 60)
MAILINGLIST_MAILS_PER_ADDRESS_DAY = env.int("MAILINGLIST_MAILS_PER_ADDRESS_DAY", default=3)
# A form submitted sooner than this after it was rendered came from a bot.
MAILINGLIST_MIN_FILL_SECONDS = env.float("MAILINGLIST_MIN_FILL_SECONDS", default=3.0)
MAILINGLIST_FORM_MAX_AGE_SECONDS = env.int("MAILINGLIST_FORM_MAX_AGE_SECONDS", default=24 * 60 * 60)
MAILINGLIST_CONFIRM_TOKEN_DAYS = env.int("MAILINGLIST_CONFIRM_TOKEN_DAYS", default=7)
MAILINGLIST_PURGE_UNCONFIRMED_DAYS = env.int("MAILINGLIST_PURGE_UNCONFIRMED_DAYS", default=30)
# Key for the hashes of IP addresses and of suppressed addresses; empty means SECRET_KEY. Set it
# explicitly in production so that rotating SECRET_KEY does not forget who unsubscribed.
MAILINGLIST_HASH_KEY = env.str("MAILINGLIST_HASH_KEY", default="")
# Optional mailto: in List-Unsubscribe, e.g. unsubscribe@wsi.example.org.
MAILINGLIST_UNSUBSCRIBE_MAILTO = env.str("MAILINGLIST_UNSUBSCRIBE_MAILTO", default="")
MAILINGLIST_SMTP_TIMEOUT_SECONDS = env.float("MAILINGLIST_SMTP_TIMEOUT_SECONDS", default=30.0)
MAILINGLIST_MAX_ATTEMPTS = env.int("MAILINGLIST_MAX_ATTEMPTS", default=8)
MAILINGLIST_RETRY_BASE_SECONDS = env.float("MAILINGLIST_RETRY_BASE_SECONDS", default=30.0)
MAILINGLIST_RETRY_MAX_SECONDS = env.float("MAILINGLIST_RETRY_MAX_SECONDS", default=60 * 60.0)
# The sweeper re-enqueues work still queued after the grace period, and releases claims older
# than the claim timeout (longer than any send can take: CELERY_TASK_TIME_LIMIT and more).
MAILINGLIST_QUEUED_GRACE_SECONDS = env.int("MAILINGLIST_QUEUED_GRACE_SECONDS", default=2 * 60)
MAILINGLIST_CLAIM_TIMEOUT_SECONDS = env.int("MAILINGLIST_CLAIM_TIMEOUT_SECONDS", default=5 * 60)
MAILINGLIST_ANNOUNCEMENT_BATCH_SIZE = env.int("MAILINGLIST_ANNOUNCEMENT_BATCH_SIZE", default=500)
CELERY_BEAT_SCHEDULE.update(
    {
        "mailinglist-sweep": {
            "task": "mailinglist.tasks.sweep",
            "schedule": env.float("MAILINGLIST_SWEEP_EVERY_SECONDS", default=120.0),
        },
        "mailinglist-purge": {
            "task": "mailinglist.tasks.purge",
            "schedule": env.float("MAILINGLIST_PURGE_EVERY_SECONDS", default=6 * 60 * 60.0),
        },
    }
)
