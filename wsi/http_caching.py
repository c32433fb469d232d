"""Who may be served a cached page, and the caching headers of every response.

An anonymous visitor (no session or messages cookie) asking for a page with GET or HEAD gets a
page that is the same for everyone: it carries no cookie and no token, so it is kept in the page
cache (``wsi/page_cache.py``), sent with ``Cache-Control: public, max-age=CACHE_MAX_AGE`` and
an ``ETag``, and a conditional request that still matches is answered 304. Everything else
(staff, who have a session and see the userbar; a visitor just thanked through a message; POST
answers, including forms with errors; the admin and its previews) is built for that request
and marked ``private, no-store``. With a purged frontend cache (``WAGTAILFRONTENDCACHE``), a
shared page also carries ``Surrogate-Control: max-age=N`` for it alone (Varnish strips it):
``FRONTEND_CACHE_MAX_AGE``, or less when time changes the page sooner.

The middleware sits outside the session, CSRF and header middleware, so a cached page is served
without them, with the headers they added when it was built."""

import hashlib

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers, get_conditional_response, patch_cache_control

from wsi import frontend_cache, page_cache
from wsi.security import in_admin

# Set again on every response, never stored.
NOT_STORED_HEADERS = {"content-length", "set-cookie"}


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _shareable_request(request):
            response = self.get_response(request)
            if not response.has_header("Cache-Control"):
                add_never_cache_headers(response)
            return response

        caching = settings.PAGE_CACHE_SECONDS > 0
        if caching:
            generation = page_cache.current_generation()
            key = page_cache.entry_key(request, generation)
            found = page_cache.lookup(key)
            if found is not None:
                return _conditional(request, _for_frontend_cache(_cached_response(*found)))

        response = self.get_response(request)
        if not _shareable_response(response):
            if not response.has_header("Cache-Control"):
                add_never_cache_headers(response)
            return response
        _make_public(response)
        if caching and request.method == "GET":
            headers = [(name, value) for name, value in response.items() if name.lower() not in NOT_STORED_HEADERS]
            page_cache.store(key, response.content, headers, generation)
        return _conditional(request, _for_frontend_cache(response))


def _shareable_request(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES:
        return False
    return not in_admin(request)


def _shareable_response(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Cache-Control")
    )


def _make_public(response):
    # The session was read (by the userbar, to find no user) but there is none: the page is
    # the same for every visitor without a session cookie, which alone bypasses the cache.
    if response.has_header("Vary"):
        kept = [value.strip() for value in response["Vary"].split(",") if value.strip().lower() != "cookie"]
        if kept:
            response["Vary"] = ", ".join(kept)
        else:
            del response["Vary"]
    if not response.has_header("ETag"):
        response["ETag"] = f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
    patch_cache_control(response, public=True, max_age=settings.CACHE_MAX_AGE)


def _for_frontend_cache(response):
    """With a frontend cache that the site purges, it keeps the page until purged, or until time
    changes it (an event starting); browsers still keep it for max-age."""
    if frontend_cache.enabled():
        seconds = frontend_cache.surrogate_seconds(page_cache.seconds_to_next_change())
        response["Surrogate-Control"] = f"max-age={seconds}"
    return response


def _cached_response(content, headers):
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    return response


def _conditional(request, response):
    return get_conditional_response(request, etag=response["ETag"], response=response) or response
