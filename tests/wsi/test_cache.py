"""The site keeps serving pages when the Redis behind its cache stops answering: menus, the
library and the forms are built from the database, and the outage is logged."""

import contextlib
import logging
import socket

import pytest
from django.core.cache import cache, caches
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from mailinglist.models import SignupRequest
from resources.library.factories import ResourceIndexPageFactory, ResourcePageFactory
from tests.helpers.mailinglist import signup_data

pytestmark = pytest.mark.django_db


def _closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "wsi.cache.ForgivingRedisCache",
            "LOCATION": f"redis://127.0.0.1:{_closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }


@pytest.fixture
def redis_up(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "wsi.cache.ForgivingRedisCache",
            "LOCATION": settings.REDIS_URL,
            "KEY_PREFIX": "wsi-test-cache",
        }
    }
    yield
    cache.clear()


def test_a_cache_that_does_not_answer_reads_as_empty_and_drops_writes(redis_down, caplog):
    with caplog.at_level(logging.WARNING, logger="wsi.cache"):
        cache.set("greeting", "hello")
        assert cache.get("greeting") is None
        assert cache.get("greeting", "fallback") == "fallback"
        assert cache.add("greeting", "hello") is False
        assert cache.get_many(["greeting"]) == {}
        with pytest.raises(ValueError):
            cache.incr("counter")
    assert "The cache is unavailable" in caplog.text


def test_pages_library_and_forms_are_served_while_the_cache_is_down(client, home, redis_down):
    library = ResourceIndexPageFactory(parent=home)
    ResourcePageFactory(parent=library, title="A report on care jobs")

    assert client.get("/").status_code == 200
    listing = client.get(library.url, {"q": "care"})
    assert listing.status_code == 200
    assert "A report on care jobs" in listing.content.decode()
    signup = client.post("/mailing-list/", signup_data("reader@example.org"))
    assert signup.status_code == 302
    assert signup["Location"] == "/mailing-list/check-your-inbox/"
    assert SignupRequest.objects.count() == 1


@pytest.mark.redis
def test_a_running_redis_keeps_values(redis_up):
    cache.set("greeting", "hello")
    assert cache.get("greeting") == "hello"
    assert cache.add("counter", 1) is True
    assert cache.incr("counter") == 2


def test_a_redis_that_never_answers_costs_one_timeout_not_one_per_call(settings):
    """A server that accepts connections and says nothing, like a host gone silent."""
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(16)
    settings.CACHES = {
        "default": {
            "BACKEND": "wsi.cache.ForgivingRedisCache",
            "LOCATION": f"redis://127.0.0.1:{silent.getsockname()[1]}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 0.5},
        }
    }
    try:
        for _ in range(10):
            assert cache.get("greeting") is None
        silent.settimeout(0.1)
        attempts = 0
        with contextlib.suppress(TimeoutError):
            while True:
                silent.accept()[0].close()
                attempts += 1
        assert attempts == 1
    finally:
        silent.close()


@pytest.mark.redis
def test_cache_calls_share_one_redis_client(redis_up):
    """Django's Redis cache makes a client per call, whose set-up cost more than the call."""
    cache.set("greeting", "hello")
    assert cache._cache.get_client(write=True) is cache._cache.get_client()


@pytest.mark.redis
def test_a_rendition_read_from_the_cache_is_not_written_back(settings, django_assert_num_queries):
    """Wagtail writes each rendition it reads from the cache back to it: a Redis write per image
    on every page view. The key's time to live in Redis shows whether it was written again."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "renditions": {
            "BACKEND": "wsi.cache.RenditionCache",
            "LOCATION": settings.REDIS_URL,
            "KEY_PREFIX": "wsi-test-renditions",
            "TIMEOUT": 600,
        },
    }
    renditions = caches["renditions"]
    redis = renditions._cache.get_client(write=True)
    image = Image.objects.create(title="Chart", file=get_test_image_file())
    small = image.get_rendition("fill-100x100")
    small_key = renditions.make_and_validate_key(small.get_cache_key())
    try:
        assert 0 < redis.ttl(small_key) <= 600
        redis.expire(small_key, 30)

        fresh = Image.objects.get(pk=image.pk)  # nothing prefetched: the cache answers
        with django_assert_num_queries(0):
            assert fresh.get_rendition("fill-100x100").url == small.url
            assert fresh.get_renditions("fill-100x100")["fill-100x100"].url == small.url
        large = fresh.get_rendition("fill-200x200")

        assert redis.ttl(small_key) <= 30
        assert redis.ttl(renditions.make_and_validate_key(large.get_cache_key())) > 30
    finally:
        renditions.delete_many([small.get_cache_key(), large.get_cache_key()])
