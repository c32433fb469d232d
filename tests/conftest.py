"""Fixtures shared by the whole suite, and the rule for tests that need real services:
they skip with the reason on a laptop without the service, and fail under CI=true."""

import os
import shutil

import pytest
import redis
from django.conf import settings
from django.db import connection

from wsi.factories import make_site_root

IN_CI = os.environ.get("CI", "").lower() == "true"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


def require(available, reason):
    if available:
        return
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: a missing service is a failure, not a skip)")
    pytest.skip(reason)


def redis_answers():
    if not settings.REDIS_URL:
        return False
    try:
        return redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


def pytest_runtest_setup(item):
    if item.get_closest_marker("postgres"):
        require(connection.vendor == "postgresql", "needs PostgreSQL: set DATABASE_URL=postgres://...")
    if item.get_closest_marker("redis"):
        require(redis_answers(), "needs Redis: set REDIS_URL=redis://... to a running server")
    if item.get_closest_marker("browser"):
        require(os.path.exists(CHROMIUM), "needs Chromium: apt-get install -y chromium")


@pytest.fixture
def home(db):
    return make_site_root()
