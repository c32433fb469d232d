"""Rate limits: counters kept in the cache (Redis in production), shared by every process."""

from django.conf import settings
from django.core.cache import cache


def client_ip(request):
    """The visitor's address. Behind ``PROXY_COUNT`` trusted proxies (nginx in Compose), it is
    the entry those proxies appended to X-Forwarded-For; earlier entries can be forged."""
    proxies = settings.PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _key(scope, request):
    return f"ratelimit:{scope}:{client_ip(request)}"


def exceeded(scope, request, limit):
    """True when this client already used ``limit`` actions of ``scope`` in the current window."""
    return cache.get(_key(scope, request), 0) >= limit


def record(scope, request, window):
    """Count one action; the count expires ``window`` seconds after the first one."""
    count(_key(scope, request), window)


def count(key, window):
    """Add one to the counter ``key`` and return its value; the counter expires ``window``
    seconds after its first count."""
    if cache.add(key, 1, timeout=window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:
        # The window ended between add() and incr(): this count starts a new one.
        cache.add(key, 1, timeout=window)
        return 1
