"""Settings shared by every environment.

Values come from the environment (see the README's configuration table). The defaults here
are the safe ones for production; ``dev`` and ``test`` relax them.
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from wagtail.embeds.oembed_providers import soundcloud, vimeo, youtube

from wsi.logs import logging_config, parse_admins
from wsi.settings.object_storage import media_origin, s3_media_storage

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# Former SECRET_KEYs, newest first: what they signed (unsubscribe and preferences links already
# mailed, sessions) stays valid after a rotation. SECRET_KEY itself is set by each environment.
SECRET_KEY_FALLBACKS = env.list("SECRET_KEY_FALLBACKS", default=[])

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
    "wagtail.contrib.typed_table_block",
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
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "wsi.security.PublicMethodsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside sessions, CSRF and the header middleware: a cached page is served without them.
    "wsi.http_caching.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "wsi.sites.SiteMiddleware",
    # Public forms carry no token: a post from this site's pages passes by its Origin.
    "wsi.csrf.SameOriginCsrfMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wsi.security.SitePolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
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
        },
        # Wagtail's rendition lookups (wagtail.images: the "renditions" alias), in the same Redis.
        "renditions": {
            "BACKEND": "wsi.cache.RenditionCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "wsi",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        },
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Anonymous pages: kept this many seconds at most in the page cache (0 turns it off; wsi/page_cache.py
# drops them sooner when content changes), and this many in browsers and shared caches.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
CACHE_MAX_AGE = env.int("CACHE_MAX_AGE", default=60)

# The frontend cache in front of the site (wsi/frontend_cache.py), purged by the worker when
# pages change: Varnish's purge listener (Compose: http://varnish:6091), or a CDN's API. Unset,
# there is none (the embedded default). It keeps pages FRONTEND_CACHE_MAX_AGE seconds at most.
FRONTEND_CACHE_URL = env.str("FRONTEND_CACHE_URL", default="")
FRONTEND_CACHE_MAX_AGE = env.int("FRONTEND_CACHE_MAX_AGE", default=24 * 60 * 60)
# The worker purges the same URLs again this many seconds later (0: never), for the pages that
# requests in flight during the first purge rendered from the rows before the change.
FRONTEND_CACHE_REPURGE_AFTER = env.int("FRONTEND_CACHE_REPURGE_AFTER", default=10)
WAGTAILFRONTENDCACHE = {}
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "wsi.frontend_cache.PurgingHTTPBackend",
        "LOCATION": FRONTEND_CACHE_URL,
    }
if env.str("CLOUDFLARE_ZONE_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env.str("CLOUDFLARE_API_TOKEN"),
        "ZONEID": env.str("CLOUDFLARE_ZONE_ID"),
    }
if env.str("CLOUDFRONT_DISTRIBUTION_ID", default=""):
    # Credentials as boto3 finds them (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, a role).
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env.str("CLOUDFRONT_DISTRIBUTION_ID"),
    }

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
# Mail has queues of its own, each consumed by its own worker (docker-compose.yml): "mail" for
# confirmations and other one-to-one mail, "bulk" for announcements, so that an announcement
# never delays a confirmation; "celery" for the rest (beat's tasks).
CELERY_TASK_DEFAULT_QUEUE = "celery"
CELERY_TASK_ROUTES = {
    "wsi.tasks.mail_contact_submission": {"queue": "mail"},
    "mailinglist.tasks.send_mail": {"queue": "mail"},
    "mailinglist.tasks.process_signup": {"queue": "mail"},
    "mailinglist.tasks.queue_announcement": {"queue": "bulk"},
    "mailinglist.tasks.send_announcement": {"queue": "bulk"},
}
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE = {
    "publish-scheduled-pages": {"task": "wsi.tasks.publish_scheduled", "schedule": 60.0},
    "mail-pending-contact-submissions": {"task": "wsi.tasks.mail_pending_contact_submissions", "schedule": 900.0},
}


def _days(name, default):
    days = env.int(name, default=default)
    if days < 1:
        raise ImproperlyConfigured(f"{name} must be 1 or more days, not {days}.")
    return days


# Housekeeping (wsi/housekeeping.py): what beat deletes, and after how many days.
SEARCH_QUERIES_MAX_AGE_DAYS = _days("SEARCH_QUERIES_MAX_AGE_DAYS", 30)
WAGTAILSEARCH_HITS_MAX_AGE = SEARCH_QUERIES_MAX_AGE_DAYS
REVISIONS_MAX_AGE_DAYS = _days("REVISIONS_MAX_AGE_DAYS", 180)
LOGIN_RECORDS_MAX_AGE_DAYS = _days("LOGIN_RECORDS_MAX_AGE_DAYS", 30)
_HOUSEKEEPING_EVERY = env.float("HOUSEKEEPING_EVERY_SECONDS", default=24 * 60 * 60.0)
CELERY_BEAT_SCHEDULE.update(
    {
        "purge-search-queries": {"task": "wsi.tasks.purge_search_queries", "schedule": _HOUSEKEEPING_EVERY},
        "purge-revisions": {"task": "wsi.tasks.purge_revisions", "schedule": _HOUSEKEEPING_EVERY},
        "purge-sessions": {"task": "wsi.tasks.purge_sessions", "schedule": _HOUSEKEEPING_EVERY},
        "purge-login-records": {"task": "wsi.tasks.purge_login_records", "schedule": _HOUSEKEEPING_EVERY},
    }
)

# filemail takes the path after "//" minus its first character, hence the extra slash. An empty
# EMAIL_URL counts as unset (production then names it as missing).
EMAIL_CONFIG = env.email_url_config(env.str("EMAIL_URL", default="") or f"filemail:///{VAR_DIR / 'mail'}")
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
# Sessions are read from the cache (Redis, shared by every web node) and written through to
# PostgreSQL: a node reads a staff member's session without a query, and a Redis restart, or an
# outage (wsi/cache.py), logs nobody out. The "cache" engine would lose every session with Redis;
# without Redis the cache is local memory and PostgreSQL alone is shared.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_SAMESITE = "Lax"
# No script of the site or of Wagtail's admin reads the CSRF cookie (the admin gets the token in
# its page), so scripts are not allowed to.
CSRF_COOKIE_HTTPONLY = True

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
# Media (originals, renditions, documents) in a bucket when AWS_STORAGE_BUCKET_NAME is set.
_S3_MEDIA = s3_media_storage(env)
if _S3_MEDIA:
    STORAGES["default"] = _S3_MEDIA

# Production-safe defaults; a local production-mode run over plain http turns them off
# through the environment.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Opt in only once the domain is submitted to hstspreload.org: leaving the list takes months.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): the public templates have no inline script or style, and
# the only third-party content is the players of the embed providers the body blocks offer.
EMBED_ORIGINS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://w.soundcloud.com",
]
_IMAGE_ORIGINS = [SELF, media_origin(_S3_MEDIA)] if _S3_MEDIA else [SELF]
_CSP = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": _IMAGE_ORIGINS,
        "frame-src": EMBED_ORIGINS,
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Roll out with CSP_REPORT_ONLY=true: browsers then report violations without blocking anything.
_REPORT_ONLY = env.bool("CSP_REPORT_ONLY", default=False)
CONTENT_SECURITY_POLICY_REPORT_ONLY = _CSP if _REPORT_ONLY else None
CONTENT_SECURITY_POLICY = None if _REPORT_ONLY else _CSP
# Wagtail's admin writes inline styles and scripts, shows data: and blob: images and frames its
# own previews. It calls no third party: no Gravatar avatars (they would send a hash of each
# staff address), no check for new Wagtail releases.
ADMIN_CSP_REPLACE = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [*_IMAGE_ORIGINS, "data:", "blob:"],
    "frame-src": [SELF, *EMBED_ORIGINS],
    "frame-ancestors": [SELF],
}
# Powerful features are off for the site and for every frame, except what the players use.
_PLAYERS = ["self", *EMBED_ORIGINS]
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": _PLAYERS,
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": _PLAYERS,
    "fullscreen": _PLAYERS,
    "geolocation": [],
    "gyroscope": [],
    "interest-cohort": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "picture-in-picture": _PLAYERS,
    "usb": [],
}

WAGTAIL_SITE_NAME = "Workforce Strategies Initiative"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Workflow mail (submitted, approved, changes requested) goes to the Moderators and the editor,
# in text and HTML, through EMAIL_URL; superusers are for emergencies and get none.
WAGTAILADMIN_NOTIFICATION_USE_HTML = True
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAILSEARCH_BACKENDS = {
    # On PostgreSQL this is full-text search; on SQLite, its FTS5 or plain fallback.
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# Event recordings are uploaded as documents.
WAGTAILDOCS_EXTENSIONS += ["m4a", "mp3", "mp4", "ogg", "wav", "webm"]
# Documents are streamed by the application after its privacy check, from the bucket too: a
# redirect would hand out a bucket URL (unsigned behind AWS_S3_CUSTOM_DOMAIN) that outlives the
# check, and would lose the headers Wagtail sets (no inline execution, nosniff).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "svg"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# The only oEmbed providers: their players are the frames EMBED_ORIGINS allows. An address from
# any other is refused in the admin (wsi.embeds.NOT_EMBEDDABLE) and shown as a link.
WAGTAILEMBEDS_FINDERS = [{"class": "wagtail.embeds.finders.oembed", "providers": [youtube, vimeo, soundcloud]}]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Logs: one line per record on stderr, as text or JSON (LOG_FORMAT=json); tokens in the mailing
# list's link paths are redacted. Django's errors are mailed to ADMINS ("Name <a@b>, c@d").
LOG_FORMAT = env.str("LOG_FORMAT", default="text")
if LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be text or json, not {LOG_FORMAT!r}.")
LOG_REDACTED_PATH_PREFIXES = ["/mailing-list/confirm/", "/mailing-list/unsubscribe/", "/mailing-list/preferences/"]
LOGGING = logging_config(LOG_FORMAT, env.str("LOG_LEVEL", default="INFO"), LOG_REDACTED_PATH_PREFIXES)
ADMINS = parse_admins(env.str("ADMINS", default=""))
# Error reporting to Sentry (production settings only) when set; see the README.
SENTRY_DSN = env.str("SENTRY_DSN", default="")

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
# How long a preferences link works; an expired one offers to mail a fresh one.
MAILINGLIST_PREFERENCES_LINK_DAYS = env.int("MAILINGLIST_PREFERENCES_LINK_DAYS", default=90)
# People who unsubscribed or bounced are erased this long after (only the suppression hash stays).
MAILINGLIST_ERASE_DEPARTED_AFTER_DAYS = env.int("MAILINGLIST_ERASE_DEPARTED_AFTER_DAYS", default=90)
# Key for the hashes of IP addresses and of suppressed addresses; empty means SECRET_KEY.
# Production requires its own, so that rotating SECRET_KEY does not forget who unsubscribed.
MAILINGLIST_HASH_KEY = env.str("MAILINGLIST_HASH_KEY", default="")
# Optional mailto: in List-Unsubscribe, e.g. unsubscribe@wsi.example.org.
MAILINGLIST_UNSUBSCRIBE_MAILTO = env.str("MAILINGLIST_UNSUBSCRIBE_MAILTO", default="")
MAILINGLIST_SMTP_TIMEOUT_SECONDS = env.float("MAILINGLIST_SMTP_TIMEOUT_SECONDS", default=30.0)
MAILINGLIST_MAX_ATTEMPTS = env.int("MAILINGLIST_MAX_ATTEMPTS", default=8)
MAILINGLIST_RETRY_BASE_SECONDS = env.float("MAILINGLIST_RETRY_BASE_SECONDS", default=30.0)
MAILINGLIST_RETRY_MAX_SECONDS = env.float("MAILINGLIST_RETRY_MAX_SECONDS", default=60 * 60.0)
# A task message published for a row is its lease: the sweeper publishes another only when the
# lease has run out (a message lost with Redis's data) or the publish failed (Redis down), so a
# backlog longer than the sweep interval is never queued twice. It releases claims older than
# the claim timeout (longer than any send can take: CELERY_TASK_TIME_LIMIT and more).
MAILINGLIST_ENQUEUE_LEASE_SECONDS = env.int("MAILINGLIST_ENQUEUE_LEASE_SECONDS", default=15 * 60)
MAILINGLIST_CLAIM_TIMEOUT_SECONDS = env.int("MAILINGLIST_CLAIM_TIMEOUT_SECONDS", default=5 * 60)
MAILINGLIST_ANNOUNCEMENT_BATCH_SIZE = env.int("MAILINGLIST_ANNOUNCEMENT_BATCH_SIZE", default=500)
# The largest CSV file staff may import (about 200,000 rows); a task imports it.
MAILINGLIST_IMPORT_MAX_BYTES = env.int("MAILINGLIST_IMPORT_MAX_BYTES", default=10 * 1024 * 1024)
# Announcements: mails per second at most (0: as fast as the workers go), to stay within the
# provider's limits; sender tasks working on one announcement at once (the bulk worker's
# concurrency); rows each sender claims at a time.
MAILINGLIST_SEND_RATE = env.float("MAILINGLIST_SEND_RATE", default=0.0)
MAILINGLIST_SENDERS = env.int("MAILINGLIST_SENDERS", default=2)
MAILINGLIST_SEND_CHUNK = env.int("MAILINGLIST_SEND_CHUNK", default=50)
# A task message taken by a worker that died goes back to the queue after the visibility
# timeout. A retry waiting for its countdown is held unacknowledged by a worker, so the timeout
# must outlast the longest retry delay and a task's run, or Redis hands that retry to a second
# worker while the first still holds it.
CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] = int(
    MAILINGLIST_RETRY_MAX_SECONDS + CELERY_TASK_TIME_LIMIT + 5 * 60
)
CELERY_BEAT_SCHEDULE.update(
    {
        "mailinglist-sweep": {
            "task": "mailinglist.tasks.sweep",
            "schedule": env.float("MAILINGLIST_SWEEP_EVERY_SECONDS", default=120.0),
        },
        # Scheduled announcements go out, and a send that stopped (Redis down at Send, a worker
        # lost) is resumed.
        "mailinglist-announcements": {"task": "mailinglist.tasks.start_announcements", "schedule": 60.0},
        "mailinglist-purge": {
            "task": "mailinglist.tasks.purge",
            "schedule": env.float("MAILINGLIST_PURGE_EVERY_SECONDS", default=6 * 60 * 60.0),
        },
        "mailinglist-erase-departed": {
            "task": "mailinglist.tasks.erase_departed",
            "schedule": env.float("MAILINGLIST_ERASE_EVERY_SECONDS", default=24 * 60 * 60.0),
        },
    }
)
