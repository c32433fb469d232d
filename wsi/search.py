"""Site-wide search: the pages it finds, a page of them at a time in one query
(``RankedMatches``), and what it shows besides pages. Content apps add results through the
Wagtail hook ``register_site_search_results``: a function ``(request, query) ->
list[SearchResult]``, whose results are shown above the page results (the FAQ uses it to link a
question's anchor)."""

from dataclasses import dataclass

from django.db.models import Count, Window
from wagtail import hooks


@dataclass(frozen=True)
class SearchResult:
    title: str
    url: str
    kind: str
    snippet: str = ""


def extra_search_results(request, query):
    results = []
    for find_results in hooks.get_hooks("register_site_search_results"):
        results.extend(find_results(request, query))
    return results


class RankedMatches:
    """A search's matches as Django's Paginator reads them (``count()``, then a slice), in one
    query instead of two: the first call reads the page ``number`` with the count of all the
    matches alongside (``COUNT(*) OVER ()`` over the same ranking). The backend's own
    ``count()`` ran the whole search a second time. Past the last page, or with a backend that
    gives no queryset, it counts as the backend does."""

    ordered = True  # ranked: the Paginator's check for an unordered list need not warn

    def __init__(self, results, per_page, number):
        self.results = results
        self.first, self.last = (number - 1) * per_page, number * per_page
        self.page = None

    def count(self):
        if hasattr(self.results, "get_queryset"):
            ranked = self.results.get_queryset().annotate(_matches=Window(Count("pk")))
            self.page = list(ranked[self.first : self.last])
        return self.page[0]._matches if self.page else self.results.count()

    def __getitem__(self, item):
        # The Paginator ends the last page's slice at the count.
        if self.page and item.start == self.first and item.stop <= self.last:
            return self.page[: item.stop - item.start]
        return self.results[item]
