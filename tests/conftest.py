"""Fixtures shared by the whole suite, and the order its tests run in.

Most tests run in a transaction rolled back after them, on an empty site that they build. The
tests that read the demo site share one copy of it, loaded once (per xdist worker) and
committed, so that a live server's threads see it too; each of them still runs in a rolled-back
transaction. Browser tests that only read rows build them once per module, committed, and reach
them through ``site_server``. Committed rows are removed by emptying the database, which also
removes what migrations created (Wagtail's welcome page and default site), so these tests run
after the rolled-back ones: first the demo group, whose load finds the database as a new install
has it, then the tests that commit, as pytest-django's transactional tests do.
"""

import os

import pytest
from django.core.cache import cache
from django.db import connection
from pytest_django.fixtures import validate_django_db
from pytest_django.live_server_helper import LiveServer
from wagtail.models import Page

from resources.library.factories import ResourceIndexPageFactory, TopicFactory
from tests.helpers.browser import CHROMIUM, CHROMIUM_ARGS
from tests.helpers.demo import SharedDemo
from tests.helpers.services import redis_answers, require
from tests.helpers.smtp_sink import SmtpSink
from wsi.factories import make_site_root

SHARED_DEMO = pytest.StashKey[SharedDemo]()


def uses_demo(item):
    return "demo_site" in item.fixturenames


def empties_database(item):
    """pytest-django's transactional tests, and the tests that read a module's committed rows
    through ``site_server``: the database is emptied after them."""
    marker = item.get_closest_marker("django_db")
    if marker is not None:
        transaction, reset_sequences, *_ = validate_django_db(marker)
        if transaction or reset_sequences:
            return True
    return not {"transactional_db", "live_server", "site_server"}.isdisjoint(item.fixturenames)


def run_order(item):
    if uses_demo(item):
        return 1
    if empties_database(item):
        return 2
    return 0


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    # A stable sort, after pytest-django's own ordering. xdist hands each worker its tests in
    # this order, so a worker that gets demo tests runs them one after the other too.
    items.sort(key=run_order)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    try:
        return (yield)
    finally:
        demo = item.config.stash.get(SHARED_DEMO, None)
        if demo is not None and nextitem is not None and not uses_demo(nextitem):
            demo.remove()


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


@pytest.fixture
def library(home):
    """An empty Research & Resources page; modules that need a stocked library extend it."""
    return ResourceIndexPageFactory(parent=home)


@pytest.fixture
def worker_outcomes(db):
    return TopicFactory(name="Worker Outcomes", slug="worker-outcomes", description="", sort_order=3)


@pytest.fixture
def sector_approach(db):
    return TopicFactory(name="Sector Approach", slug="sector-approach", description="", sort_order=0)


@pytest.fixture(scope="session")
def _shared_demo(request, django_db_setup, django_db_blocker):
    demo = SharedDemo(django_db_blocker)
    request.config.stash[SHARED_DEMO] = demo
    demo.load()
    yield demo
    demo.remove()


@pytest.fixture
def demo_site(_shared_demo, db):
    """The demo site's home page, from the copy that all the demo tests share."""
    assert _shared_demo.home_pk is not None, "the demo tests must run one after the other"
    return Page.objects.get(pk=_shared_demo.home_pk).specific


@pytest.fixture(scope="session")
def site_server(django_db_setup):
    """A live server for tests that only read committed rows: the demo's, or those a module
    fixture commits. Unlike pytest-django's ``live_server``, it leaves each test in a rolled-back
    transaction, so the database is not emptied after every test."""
    server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def sink():
    """An SMTP server on 127.0.0.1 that keeps what it receives, one per test module."""
    server = SmtpSink().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; never a downloaded browser. Launched once per
    session (per xdist worker)."""
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
    """A tab in a fresh browser context (cookies, storage, permissions) for each test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    yield tab
    context.close()
