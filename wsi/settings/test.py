"""Fast, isolated settings for the test suite; DATABASE_URL and REDIS_URL still come from the
environment so that the suite runs against real PostgreSQL and Redis where they exist."""

import tempfile
from pathlib import Path

from .dev import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Each test starts with an empty cache (rate limits, fragments), whatever REDIS_URL says.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Off, so that tests may change rows behind the signals' back; tests/wsi/test_page_cache.py turns it on.
PAGE_CACHE_SECONDS = 0
# Answers as gunicorn sends them in production, where nginx compresses (tests/wsi/test_nginx.py).
MIDDLEWARE = [name for name in MIDDLEWARE if name != "django.middleware.gzip.GZipMiddleware"]  # noqa: F405
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
SITE_URL = "http://testserver"
# Demo images and documents made by tests stay out of the working copy's var/media.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="wsi-test-media-"))
