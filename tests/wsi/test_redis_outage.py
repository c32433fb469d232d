"""Redis stops while the site runs: its cache and broker are a private redis-server that this test
stops and starts again. Pages are still served, a signup is still stored, /readyz says 503, and
the confirmation goes out exactly once when Redis is back and the sweeper re-queues it."""

import os
import time

import pytest
import requests

from mailinglist import tasks
from mailinglist.models import OutgoingMail, SignupRequest
from resources.library.factories import ResourceIndexPageFactory, ResourcePageFactory
from tests.helpers.mailinglist import sign_up_over_http
from tests.helpers.processes import REDIS_SERVER, PrivateRedis, Worker, celery_broker
from tests.helpers.services import require
from wsi.factories import make_site_root

pytestmark = [pytest.mark.postgres, pytest.mark.integration, pytest.mark.django_db(transaction=True)]

PAGES = ["/", "/research-resources/", "/research-resources/?topic=nothing&page=2", "/search/?q=jobs", "/mailing-list/"]


@pytest.fixture
def redis_server():
    require(os.path.exists(REDIS_SERVER), "needs redis-server (apt-get install redis-server) to run a private one")
    server = PrivateRedis().start()
    yield server
    server.stop()


@pytest.fixture
def site_on(redis_server, settings, live_server):
    """The live server's cache, broker and readiness check all use the private Redis."""
    settings.REDIS_URL = redis_server.url
    settings.CACHES = {
        "default": {
            "BACKEND": "wsi.cache.ForgivingRedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    settings.MAILINGLIST_MIN_FILL_SECONDS = 0
    settings.MAILINGLIST_QUEUED_GRACE_SECONDS = 0
    home = make_site_root()
    library = ResourceIndexPageFactory(parent=home)
    ResourcePageFactory(parent=library, title="Jobs in sector partnerships")
    with celery_broker(redis_server.url):
        yield live_server.url


def get(url):
    began = time.monotonic()
    response = requests.get(url, timeout=15)
    return response, time.monotonic() - began


def test_redis_stopped_pages_served_signups_stored_mail_sent_once_when_back(site_on, redis_server, sink):
    sink.reset()
    for path in PAGES:
        assert get(site_on + path)[0].status_code == 200, path
    assert requests.get(f"{site_on}/readyz", timeout=5).status_code == 200

    redis_server.stop()

    for path in PAGES:
        response, took = get(site_on + path)
        assert response.status_code == 200, path
        assert took < 5, f"{path} took {took:.1f}s without Redis"
    ready = requests.get(f"{site_on}/readyz", timeout=15)
    assert ready.status_code == 503
    assert ready.json()["checks"]["redis"].startswith("error: ")
    answer = sign_up_over_http(site_on, "while-redis-is-down@example.org")
    assert answer.status_code == 302 and answer.headers["Location"] == "/mailing-list/check-your-inbox/"
    assert SignupRequest.objects.count() == 1
    assert sink.messages == []

    redis_server.start()
    worker = Worker(redis_server.url, sink.url, site_on).start()
    try:
        assert requests.get(f"{site_on}/readyz", timeout=5).status_code == 200
        tasks.sweep()  # what beat runs every MAILINGLIST_SWEEP_EVERY_SECONDS
        sink.wait_for(lambda messages: len(messages) == 1)
        tasks.sweep()
        time.sleep(1.5)
    finally:
        worker.stop()

    [confirmation] = sink.messages
    assert confirmation["To"] == "while-redis-is-down@example.org"
    assert sink.by_mail_id() == {str(OutgoingMail.objects.get().pk): 1}
