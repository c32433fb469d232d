"""The page cache: anonymous pages kept in Django's cache, and the one place that says when the
site's public pages change.

Every entry's key holds the current *generation*, a random token in the shared cache. Any
change that can show on a public page (publishing, unpublishing, moving or deleting a page, a
snippet, a setting, a redirect, a promoted search result, an image, a view restriction) draws a
new token, so every process reads new keys at once and the old entries are left to expire.
Per-URL invalidation would buy little here: one page published changes the menus of every
page, the listings, search, the feeds and the sitemap, and an entry costs one render. The
frontend cache (Varnish), which keeps pages far longer and in front of every node, is purged
URL by URL: ``pages_changed`` is told where the change shows (``wsi/frontend_cache.py``).

Time changes pages too: an event that starts or ends moves from "upcoming" to "past". Apps
name the next such instant through the ``page_cache_next_change`` hook, and no entry outlives
it.

The token is drawn again when the transaction commits, because a request that read the old rows
before the commit could have stored them under the token drawn by the signal itself.

A request reads the token once (``open_request`` and ``close_request``, on Django's request
signals). Values that only change when public pages do, and that every request would otherwise
read from the database again, are kept in the process under it (``remembered``)."""

import hashlib
import secrets
import threading
import time
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Site

from wsi import frontend_cache

GENERATION_KEY = "wsi:pages:generation"
NEXT_CHANGE_HOOK = "page_cache_next_change"
# Query parameters that only say where a visitor came from: one entry serves them all.
TRACKING_PARAMETERS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")

# .generation: this request's token; .open: inside a request; .uncommitted: the token drawn by a
# change whose transaction has not ended.
_request = threading.local()
# What ``remembered`` keeps: {generation: (kept until (a timestamp), {name: value})}, the current
# generation's only. Kept a minute at most, for a change the generation missed: one saved while
# Redis did not answer, or rows changed behind the signals' back.
_remembered = {}
REMEMBER_SECONDS = 60


def pages_changed(urls=None, check_menus=False):
    """Something public changed: no page cached before now is served again. ``urls``, where it
    shows (``wsi/frontend_cache.py``; None: anywhere), are purged from the frontend cache
    after the commit, once the new generation is drawn: a purge that came first would let the
    frontend cache fetch the old page again from this one."""
    generation = _new_generation()
    if transaction.get_connection().in_atomic_block:
        _request.uncommitted = generation
        transaction.on_commit(_new_generation)
    frontend_cache.purge_after_commit(urls, check_menus)


def _new_generation():
    generation = secrets.token_hex(8)
    cache.set(GENERATION_KEY, generation, None)
    _request.generation = None
    return generation


def open_request(**kwargs):
    _request.open, _request.generation = True, None


def close_request(**kwargs):
    _request.open, _request.generation = False, None


def current_generation():
    """The token, read from the shared cache once per request (at every call outside one)."""
    if getattr(_request, "open", False) and _request.generation is not None:
        return _request.generation
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = secrets.token_hex(8)
        # add, not set: a token drawn meanwhile by a change wins.
        if not cache.add(GENERATION_KEY, generation, None):
            generation = cache.get(GENERATION_KEY, generation)
    if getattr(_request, "open", False):
        _request.generation = generation
    return generation


def remembered(name, build, still_valid=None):
    """``build()``, kept in this process until public pages change (``REMEMBER_SECONDS`` at
    most), or until ``still_valid(value)`` says no when time alone changes it: for what every
    request would read again from the database. The value is shared by the requests that
    follow: never change it, except to add what they may all use (``page_routes`` fills a dict
    of the pages routing passes through)."""
    values = _remembered_values()
    if name not in values or (still_valid is not None and not still_valid(values[name])):
        values[name] = build()
    return values[name]


def remembered_for_site(request, name, build):
    """``remembered``, for each site apart: for a value holding links relative to the request's
    site, or read from its settings."""
    site = Site.find_for_request(request)
    return remembered((name, site.pk if site is not None else None), build)


def recall(name):
    """What ``remembered`` or ``remember`` kept under ``name``, or None."""
    return _remembered_values().get(name)


def remember(name, value):
    _remembered_values()[name] = value


def _remembered_values():
    generation = current_generation()
    if getattr(_request, "uncommitted", None) and not transaction.get_connection().in_atomic_block:
        # The transaction of a change made in this thread has ended. Still its generation: it was
        # rolled back (a commit draws another), and what was kept meanwhile came from its rows.
        if generation == _request.uncommitted:
            _new_generation()
            generation = current_generation()
        _request.uncommitted = None
    kept_until, values = _remembered.get(generation, (0, None))
    if kept_until <= time.time():
        _remembered.clear()
        values = {}
        _remembered[generation] = (time.time() + REMEMBER_SECONDS, values)
    return values


def normalised_query(query_string):
    """The query string in one canonical form: parameters sorted (keeping the order of repeated
    ones), empty values and tracking parameters dropped."""
    pairs = [
        (name, value)
        for name, value in parse_qsl(query_string, keep_blank_values=False)
        if not name.startswith(TRACKING_PARAMETERS)
    ]
    return urlencode(sorted(pairs, key=lambda pair: pair[0]))


def entry_key(request, generation):
    query = normalised_query(request.META.get("QUERY_STRING", ""))
    url = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return f"wsi:pages:{generation}:{hashlib.sha256(url.encode()).hexdigest()}"


def lookup(key):
    """``(content, headers)`` of the page stored under ``key``, or None."""
    entry = cache.get(key)
    if entry is None or entry[0] <= time.time():
        return None
    return entry[1], entry[2]


def store(key, content, headers, generation):
    expires = time.time() + settings.PAGE_CACHE_SECONDS
    next_change = _next_change(generation)
    if next_change is not None:
        expires = min(expires, next_change)
    timeout = expires - time.time()
    if timeout > 1:
        cache.set(key, (expires, content, headers), timeout)


def seconds_to_next_change():
    """Seconds until time alone changes a page (None: nothing scheduled)."""
    next_change = _next_change(current_generation())
    return None if next_change is None else next_change - time.time()


def _next_change(generation):
    """The next instant (a timestamp) at which time alone changes a page, as of this generation."""
    key = f"wsi:pages:{generation}:next-change"
    found = cache.get(key)
    if found is None or found <= time.time():
        now = timezone.now()
        instants = [instant for hook in hooks.get_hooks(NEXT_CHANGE_HOOK) if (instant := hook(now)) is not None]
        found = min(instants).timestamp() if instants else float("inf")
        cache.set(key, found, settings.PAGE_CACHE_SECONDS)
    return None if found == float("inf") else found
