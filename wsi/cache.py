"""Redis as Django's cache, for a site that keeps serving pages while Redis does not answer.

Everything the site keeps in the cache can be rebuilt from the database: the menus, the
library's index stamp, rate-limit counters, rendition lookups. So while Redis is down a read
finds nothing, a write is dropped, and the pages are built from PostgreSQL, slower but whole.
After a failure the cache is not asked again for a few seconds, so that a Redis that does not
answer at all costs one timeout then, not one per cache call. Only a lost connection is
forgiven; any other error (a bad key, a full server) still raises."""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

LOG_EVERY_SECONDS = 60
RETRY_AFTER_SECONDS = 5


def _forgiving(method, fallback):
    @functools.wraps(method)
    def call(self, *args, **kwargs):
        if time.monotonic() < self._retry_at:
            return fallback(*args, **kwargs)
        try:
            return method(self, *args, **kwargs)
        except (RedisConnectionError, RedisTimeoutError) as error:
            self._retry_at = time.monotonic() + RETRY_AFTER_SECONDS
            self._log_unavailable(method.__name__, error)
            return fallback(*args, **kwargs)

    return call


def _key_not_found(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found")  # what incr() says of a missing key


class ReusedClientRedisCacheClient(RedisCacheClient):
    """One ``redis.Redis`` per connection pool: Django's client builds a new one for every cache
    call, and its constructor (a table of some 170 reply callbacks) cost more than the call."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}  # by connection pool (pools live as long as this object)

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        if pool not in self._clients:
            self._clients[pool] = self._client(connection_pool=pool)
        return self._clients[pool]


class ForgivingRedisCache(RedisCache):
    _last_logged = 0.0
    _retry_at = 0.0  # each thread has its own cache object, hence its own pause

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient

    def _log_unavailable(self, operation, error):
        # One line a minute, not one per request, while Redis is away.
        now = time.monotonic()
        if now - ForgivingRedisCache._last_logged >= LOG_EVERY_SECONDS:
            ForgivingRedisCache._last_logged = now
            logger.warning("The cache is unavailable (%s: %s); pages are built without it.", operation, error)

    get = _forgiving(RedisCache.get, lambda key, default=None, version=None: default)
    get_many = _forgiving(RedisCache.get_many, lambda keys, version=None: {})
    has_key = _forgiving(RedisCache.has_key, lambda key, version=None: False)
    add = _forgiving(RedisCache.add, lambda *args, **kwargs: False)
    set = _forgiving(RedisCache.set, lambda *args, **kwargs: None)
    set_many = _forgiving(RedisCache.set_many, lambda data, *args, **kwargs: list(data))
    touch = _forgiving(RedisCache.touch, lambda *args, **kwargs: False)
    delete = _forgiving(RedisCache.delete, lambda *args, **kwargs: False)
    delete_many = _forgiving(RedisCache.delete_many, lambda *args, **kwargs: None)
    incr = _forgiving(RedisCache.incr, _key_not_found)
    clear = _forgiving(RedisCache.clear, lambda: False)


class RenditionCache(ForgivingRedisCache):
    """Wagtail's rendition cache (the "renditions" alias). Wagtail writes every rendition it has
    just read from this cache back into it: a Redis write per image on every page view. A
    rendition read here is marked, and a write of it is dropped; a new one is written as usual."""

    def get(self, key, default=None, version=None):
        return _read(super().get(key, default, version))

    def get_many(self, keys, version=None):
        found = super().get_many(keys, version)
        for value in found.values():
            _read(value)
        return found

    def set(self, key, value, *args, **kwargs):
        if not getattr(value, READ_HERE, False):
            super().set(key, value, *args, **kwargs)

    def set_many(self, data, *args, **kwargs):
        unread = {key: value for key, value in data.items() if not getattr(value, READ_HERE, False)}
        return super().set_many(unread, *args, **kwargs) if unread else []


READ_HERE = "_wsi_read_from_cache"


def _read(value):
    if hasattr(value, "__dict__"):
        setattr(value, READ_HERE, True)
    return value
