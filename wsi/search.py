"""What site-wide search shows besides pages. Content apps add results through the Wagtail
hook ``register_site_search_results``: a function ``(request, query) -> list[SearchResult]``,
whose results are shown above the page results (the FAQ uses it to link a question's anchor)."""

from dataclasses import dataclass

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
