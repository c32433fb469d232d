"""The frontend cache (Varnish in Compose, or a CDN): the URLs a change shows on, purged through
``wagtail.contrib.frontend_cache`` by the Celery worker once the change is committed.

``wsi/page_cache.py`` says when public pages change; this module says where. A page published,
unpublished, moved or deleted shows at its own URLs (every route, and the old ones after a move
or a new slug, with its subtree), in the listings above it (its ancestors, up to the home page),
on the pages that link to it (Wagtail's reference index) and in what the apps list site-wide
(search, the sitemap's index and pages section, feeds, calendars), which they name through the
``frontend_cache_urls`` hook: wsi imports none of them. The hook is also how an app claims its
snippets: a topic shows on its section and on its resources. What shows on every page (the
menus, the footer's site settings) and what nothing claims purge the whole site, ``/*``, as does
a change that would purge more than ``MAX_URLS`` URLs.

A purge of a path drops every query-string variant of it (docker/varnish/default.vcl)."""

import logging
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from wagtail import hooks
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site

logger = logging.getLogger(__name__)

URLS_HOOK = "frontend_cache_urls"
EVERYTHING = "/*"
MAX_URLS = 500
MENUS_KEY = "wsi:frontend-cache:menus:{site_id}"
# Shown on every page: a change purges the whole site.
SHOWN_EVERYWHERE = (Site, BaseSiteSetting, BaseGenericSetting)
# A page changes search, and the sitemap: its index (the count of pages of the pages section)
# and the pages section, every ?p= of it.
SITE_WIDE_PATHS = ("/search/", "/sitemap.xml", "/sitemap-pages.xml")


def enabled():
    return bool(settings.WAGTAILFRONTENDCACHE)


class PurgingHTTPBackend(HTTPBackend):
    """Wagtail's HTTP backend (a PURGE per URL, with the URL's Host), raising a failure rather
    than logging it, so that the Celery task retries."""

    def purge(self, url):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        request = PurgeRequest(
            url=urlunsplit([self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""]),
            headers={"Host": host, "User-Agent": "wsi-frontend-cache"},
        )
        with urlopen(request, timeout=10):  # noqa: S310 - the scheme is the configured LOCATION's
            pass


# What changed, and where it shows ------------------------------------------------------------


def affected_urls(instance, signal_name, shown_before=(), **kwargs):
    """The absolute URLs where ``instance`` shows (``/*`` in them: all of that site), after the
    signal ``signal_name`` ("publish", "unpublish", "save", "delete", "move", "slug"), and
    ``shown_before``: where it showed before the change (wsi/signals.py)."""
    return _bounded(_shown_at(instance, signal_name, **kwargs) | set(shown_before))


def _shown_at(instance, signal_name, **kwargs):
    if isinstance(instance, SHOWN_EVERYWHERE):
        return everything()
    if isinstance(instance, Page):
        return _page_change(instance, signal_name, **kwargs)
    if isinstance(instance, PageViewRestriction):
        return _page_change(instance.page, "privacy")
    if isinstance(instance, Redirect):
        return site_paths([instance.old_path, instance.old_path.rstrip("/") + "/"], site=instance.site)
    if isinstance(instance, SearchPromotion):
        return site_paths(["/search/"])
    claimed = _claimed(instance)
    referrers = _referrers(instance)
    if claimed is None and not referrers:
        return everything()
    return _bounded(_urls_of(list(claimed or []) + referrers))


def everything():
    return {root_url + EVERYTHING for root_url in _root_urls()}


def _page_change(page, signal_name, url_path_before=None, instance_before=None, parent_page_before=None, **kwargs):
    page = page.specific_deferred
    if signal_name == "save" and not page.live:
        return set()  # a page never published, or a draft: nothing public changed
    # A publish sends post_save before modelcluster writes the page's child rows: what the apps
    # claim then (authors, speakers) is the state before the change, and on page_published after.
    moved_from = url_path_before or (instance_before.url_path if instance_before is not None else None)
    subtree = signal_name in ("move", "slug", "unpublish", "delete", "privacy")
    # The page and its subtree may have just left the site: their URLs are purged all the same.
    own = [page]
    if subtree:
        descendants = list(page.get_descendants().specific(defer=True)[: MAX_URLS + 1])
        if len(descendants) > MAX_URLS:
            return everything()
        own += descendants
    urls = _urls_of(own, live_only=False)
    if subtree and moved_from:
        old_url_paths = [moved_from + d.url_path[len(page.url_path) :] for d in descendants]
        old_urls = _paths_from_url_paths([moved_from])
        urls |= {url + path.lstrip("/") for url in old_urls for path in page.get_cached_paths()}
        urls |= _paths_from_url_paths(old_url_paths)
    shown = list(page.get_ancestors().filter(depth__gt=1).live().specific(defer=True))
    if parent_page_before is not None:
        # The listings it left.
        shown += parent_page_before.get_ancestors(inclusive=True).filter(depth__gt=1).live().specific(defer=True)
    shown += _claimed(page) or []
    shown += _referrers(page)
    urls |= _urls_of(shown)
    urls |= site_paths(SITE_WIDE_PATHS)
    return _bounded(urls)


def _claimed(instance):
    """Pages and paths the apps name for ``instance``; None when no app claims it."""
    found = None
    for hook in hooks.get_hooks(URLS_HOOK):
        shown = hook(instance)
        if shown is not None:
            found = (found or []) + list(shown)
    return found


def _referrers(instance):
    """The live pages that link to ``instance``, through Wagtail's reference index; the site's
    settings make it shown everywhere."""
    pages = []
    for source, _references in ReferenceIndex.get_grouped_references_to(instance):
        if isinstance(source, SHOWN_EVERYWHERE):
            return [EVERYTHING]
        if isinstance(source, Page) and source.live:
            pages.append(source)
    return pages


def _urls_of(shown, live_only=True):
    urls = set()
    for item in shown:
        if isinstance(item, str):  # a path, an absolute URL, or "" for an address not there yet
            if item:
                urls |= site_paths([item]) if item.startswith("/") else {item}
            continue
        page = item.specific_deferred
        if live_only and not page.live:
            continue
        base = page.get_full_url()
        if base is not None:
            urls |= {base + path.lstrip("/") for path in page.get_cached_paths()}
    return urls


def _bounded(urls):
    if len(urls) > MAX_URLS or any(urlsplit(url).path == EVERYTHING for url in urls):
        return everything()
    return urls


def _root_urls(site=None):
    sites = [site] if site is not None else Site.objects.all()
    return {site.root_url for site in sites}


def site_paths(paths, site=None):
    """The absolute URLs of ``paths`` ("/mailing-list/newsletters/") on ``site``, or every site."""
    return {root_url + path for root_url in _root_urls(site) for path in paths}


def _paths_from_url_paths(url_paths):
    """Absolute URLs of tree paths (``url_path``, e.g. /home/about/), on every site they fall under."""
    urls = set()
    for root in Site.get_site_root_paths():
        urls |= {
            root.root_url + url_path[len(root.root_path) - 1 :]
            for url_path in url_paths
            if url_path.startswith(root.root_path)
        }
    return urls


# The menus ------------------------------------------------------------------------------------


def menus_changed():
    """True when the menus (on every page) differ from the last time the worker looked, or it
    never did; the new menus are remembered."""
    from wsi.navigation import menu_tree

    changed = False
    for site in Site.objects.select_related("root_page"):
        menus = [
            (section.pk, section.url, section.menu_label, [(page.pk, page.url, page.menu_label) for page in pages])
            for section, pages in menu_tree(site)
        ]
        key = MENUS_KEY.format(site_id=site.pk)
        if cache.get(key) != menus:
            changed = True
            cache.set(key, menus, None)
    return changed


# Sending ----------------------------------------------------------------------------------------


def purge_after_commit(urls, check_menus=False):
    """Hand ``urls`` (None: the whole site) to the worker once the transaction commits (at once
    outside one): one task per transaction, whatever number of signals it sent. A rolled back
    transaction sends none."""
    if not enabled():
        return
    if urls is None:
        urls = everything()
    if not (urls or check_menus):
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _Batch(urls, check_menus)()
        return
    batch = getattr(connection, "_wsi_purge_batch", None)
    if batch is None or batch.sent or not any(entry[1] is batch for entry in connection.run_on_commit):
        batch = connection._wsi_purge_batch = _Batch()
        transaction.on_commit(batch)
    batch.urls |= set(urls)
    batch.check_menus |= check_menus


class _Batch:
    def __init__(self, urls=(), check_menus=False):
        self.urls = set(urls)
        self.check_menus = check_menus
        self.sent = False

    def __call__(self):
        self.sent = True
        from wsi.broker import enqueue
        from wsi.tasks import purge_frontend_cache

        # Never an error for the editor: a purge lost here leaves pages until FRONTEND_CACHE_MAX_AGE.
        try:
            sent = enqueue(purge_frontend_cache, sorted(self.urls), self.check_menus)
        except Exception:  # without a broker the task runs here, and may fail after its retries
            logger.exception("The purge of %d URL(s) failed; they expire by their TTL.", len(self.urls))
            return
        if not sent:
            logger.error("Could not enqueue the purge of %d URL(s); they expire by their TTL.", len(self.urls))


def deliver(urls, check_menus=False):
    """In the worker: purge ``urls`` (or the whole site if the menus changed) through the
    configured backends, and return the URLs purged. A failure raises, for Celery to retry."""
    from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task

    if check_menus and menus_changed():
        urls = everything()
    urls = sorted(urls)
    if urls:
        purge_urls_from_cache_task.call(urls)
    return urls


def surrogate_seconds(seconds_to_next_change):
    """How long the frontend cache may keep an anonymous page: until it is purged, but never past
    the next time-based change."""
    seconds = settings.FRONTEND_CACHE_MAX_AGE
    if seconds_to_next_change is not None:
        seconds = min(seconds, max(int(seconds_to_next_change), 0))
    return seconds
