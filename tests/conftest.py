"""Fixtures shared by the whole suite, and the rule for tests that need real services:
they skip with the reason on a laptop without the service, and fail under CI=true."""

import os
import shutil

import pytest
import redis
from django.conf import settings
from django.core.cache import cache
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


@pytest.fixture(autouse=True)
def _empty_cache():
    """The local-memory cache outlives a test: neither rate limits nor the stamp of a library
    index built from rolled-back rows may leak into the next one."""
    cache.clear()


@pytest.fixture
def home(db):
    return make_site_root()


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; never a downloaded browser."""
    require(os.path.exists(CHROMIUM), "needs Chromium: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django must allow ORM calls here.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()


def axe_violations(tab):
    """The WCAG 2.2 AA violations axe-core finds on the page, as readable strings."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(tab, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])} nodes: "
        f"{', '.join(node['target'][0] for node in violation['nodes'][:3])})"
        for violation in results.response["violations"]
    ]
