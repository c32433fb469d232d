"""Local development: the site runs from a fresh clone with no services and no secrets. The
local Compose stack (docker/env/local.env) runs on these too, with its services."""

from . import DEV_SECRET_KEY
from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default=DEV_SECRET_KEY)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["*"])
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# Serve static files straight from the source folders, without collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Without nginx in front (make run), Django compresses the pages itself; outside the page cache,
# which keeps them uncompressed. Its gzip pads each answer against BREACH.
MIDDLEWARE.insert(MIDDLEWARE.index("wsi.http_caching.PageCacheMiddleware"), "django.middleware.gzip.GZipMiddleware")  # noqa: F405
