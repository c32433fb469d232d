"""What site-wide search shows besides pages. Content apps add results through the Wagtail
hook ``register_site_search_results``: a function ``(request, query) -> list[SearchResult]``,
whose results are shown above the page results (the FAQ uses it to link a question's anchor)."""

import re
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


CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def search_terms(query):
    """The words of ``query`` as the search backends should see them. Double quotes go (SQLite's
    FTS5 rejects some unbalanced or adjacent ones) and so do control characters (NUL is refused
    by both databases): a phrase search is not worth a 500."""
    return " ".join(CONTROL_CHARACTERS.sub(" ", query).replace('"', " ").split())
