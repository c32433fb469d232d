import base64
import hashlib
import re
import sys
from collections import defaultdict
from functools import partial

import redis
from csp.decorators import csp_update
from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.db.models import F, Q
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator, capfirst
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page, Site
from wagtail.search.utils import normalise_query_string

from wsi import page_cache
from wsi.listing import clamped_page, clean_query, page_url, pagination, search_terms
from wsi.page_privacy import public, searchable_public
from wsi.search import RankedMatches, SearchResult, extra_search_results


def _inline_style_source(template):
    """The policy source that allows the one ``<style>`` element of ``template``, by its hash."""
    style = re.search(r"<style>(.*?)</style>", (settings.BASE_DIR / "templates" / template).read_text(), re.S)[1]
    return f"'sha256-{base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()}'"


# The error pages carry their own styles, so that they render whatever else is broken.
ERROR_PAGE_STYLES = tuple(sorted({_inline_style_source("500.html"), _inline_style_source("503.html")}))
# Seconds a visitor (or a crawler) is asked to wait while the database does not answer.
UNAVAILABLE_RETRY_AFTER = 30


@csp_update({"style-src": ERROR_PAGE_STYLES}, REPORT_ONLY=True)
@csp_update({"style-src": ERROR_PAGE_STYLES})
def server_error(request):
    """The 500 page; while the database is down or restarting (no connection, or one lost
    mid-request), a "temporarily unavailable" page with Retry-After instead."""
    if isinstance(sys.exc_info()[1], (OperationalError, InterfaceError)):
        response = defaults.server_error(request, template_name="503.html")
        response.status_code = 503
        response["Retry-After"] = str(UNAVAILABLE_RETRY_AFTER)
        return response
    return defaults.server_error(request)


@never_cache
@require_GET
def healthz(request):
    """Liveness: the process answers. Checks nothing else, so a database outage does not get
    healthy web containers restarted."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request):
    """Readiness: the database answers, and Redis too when the site is configured to use it."""
    checks = {"database": _database_answers()}
    if settings.REDIS_URL:
        checks["redis"] = _redis_answers(settings.REDIS_URL)
    ready = all(state == "ok" for state in checks.values())
    return JsonResponse({"status": "ok" if ready else "unavailable", "checks": checks}, status=200 if ready else 503)


def _database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except Exception as error:  # noqa: BLE001 - any failure means "not ready"
        return f"error: {error.__class__.__name__}"


def _redis_answers(url):
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
        client.ping()
        return "ok"
    except redis.RedisError as error:
        return f"error: {error.__class__.__name__}"


SEARCH_PER_PAGE = 10
# Page results kept per site until public pages change, the first found first: about 0.7 kB each.
SEARCH_RESULTS_KEPT = 2000
# Past any search's results, and within the OFFSET both databases take.
MAX_PAGE_NUMBER = 10**6


@require_GET
def search(request):
    """Site-wide search: staff-promoted results first, then what content apps add through the
    ``register_site_search_results`` hook (FAQ answers, deep-linked), then ranked pages."""
    notices = []
    query = clean_query(request.GET.get("q", ""), notices)
    site = Site.find_for_request(request)
    pages = Page.objects.none()
    terms = search_terms(query)
    if terms and site is not None:
        pages = searchable_public(Page.objects.live()).descendant_of(site.root_page, inclusive=True)
        pages = RankedMatches(pages.only("pk").search(terms), SEARCH_PER_PAGE, _page_number(request))
    results = clamped_page(pages, SEARCH_PER_PAGE, request.GET.get("page"), notices)

    promotions, extra = [], []
    if query and results.number == 1:
        promotions = _promotions(query, request)
        extra = extra_search_results(request, query)
        _count_hit(query)
    context = {
        "search_query": query,
        "notices": notices,
        "results": results,
        "page_results": _page_results(results, request),
        "promotions": promotions,
        "extra_results": extra,
        "total": results.paginator.count + len(extra) + len(promotions),
        "pagination": pagination(results, partial(page_url, [("q", query)])),
    }
    return TemplateResponse(request, "pages/search_results.html", context)


def _page_number(request):
    """The page of results asked for, as far as the one query can tell (``clamped_page`` says
    what is wrong with a bad one, and finds the last page for one past the end: a number too
    large for the database's OFFSET is read as such)."""
    digits = request.GET.get("page", "").lstrip("0")
    if not digits.isdecimal():
        return 1
    return int(digits) if len(digits) < len(str(MAX_PAGE_NUMBER)) else MAX_PAGE_NUMBER


def _count_hit(query):
    """Wagtail's ``Query.add_hit()``, in one query once today's count exists (Wagtail reads the
    query, then today's count, then saves it)."""
    todays = QueryDailyHits.objects.filter(
        query__query_string=normalise_query_string(query), date=timezone.now().date()
    )
    if not todays.update(hits=F("hits") + 1):
        Query.get(query).add_hit()


def _page_results(pages, request):
    """The results that ``pages`` (found by search, in order) show. What a page shows is kept
    until public pages change, added as pages are found: a search reads only which pages match."""
    kept = page_cache.remembered_for_site(request, "page-search-results", dict)
    found = {page.pk: kept[page.pk] for page in pages if page.pk in kept}
    missing = [page.pk for page in pages if page.pk not in found]
    for page in Page.objects.filter(pk__in=missing).specific().defer_streamfields():
        found[page.pk] = _page_result(page, request)
        if len(kept) < SEARCH_RESULTS_KEPT:
            kept[page.pk] = found[page.pk]
    return [found[page.pk] for page in pages if page.pk in found]


def _page_result(page, request):
    label = getattr(page, "search_result_label", None) or capfirst(page._meta.verbose_name)
    snippet = page.search_description or getattr(page, "introduction", "") or ""
    return SearchResult(
        title=page.title, url=page.get_url(request), kind=label, snippet=Truncator(strip_tags(snippet)).words(40)
    )


def _promotions(query, request):
    """Staff's recommended results for ``query``. All of them are kept until public pages change
    (``page_cache.remembered``; a promotion saved or deleted is such a change): most searches
    have none, and cost no query."""
    promotions = page_cache.remembered_for_site(request, "search-promotions", partial(_all_promotions, request))
    return promotions.get(normalise_query_string(query), [])


def _all_promotions(request):
    """{normalised query string: its recommended results}. A promoted page is shown only while
    search could find it too: live, and neither it nor an ancestor restricted to some viewers."""
    promotions = list(
        SearchPromotion.objects.filter(Q(page__isnull=True) | Q(page__in=public(Page.objects.live())))
        .select_related("query")
        .order_by("sort_order", "pk")
    )
    page_ids = {promotion.page_id for promotion in promotions if promotion.page_id is not None}
    pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids).specific().defer_streamfields()}
    results = defaultdict(list)
    for promotion in promotions:
        if promotion.page_id is not None:
            result = _page_result(pages[promotion.page_id], request)
            results[promotion.query.query_string].append(
                SearchResult(result.title, result.url, "Recommended", promotion.description or result.snippet)
            )
        elif promotion.external_link_url:
            results[promotion.query.query_string].append(
                SearchResult(
                    promotion.external_link_text, promotion.external_link_url, "Recommended", promotion.description
                )
            )
    return dict(results)
