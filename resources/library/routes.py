"""The library page's address and the addresses of its topic sections and people's pages,
for topics and people to link to. The library's address is looked up once per request,
however many topics and people link to it (the memo is opened and closed by
``resources.library.signals``)."""

import threading

from django.apps import apps

_memo = threading.local()


def start_request_memo():
    _memo.urls = {}


def end_request_memo():
    _memo.urls = None


def library_url():
    """The library's URL ("" while no library page is published); memoised within a request."""
    urls = getattr(_memo, "urls", None)
    if urls is not None and "library" in urls:
        return urls["library"]
    index = _library_page_model().objects.live().first()
    url = (index.url or "") if index is not None else ""
    if urls is not None:
        urls["library"] = url
    return url


def remember_library(index):
    """Record the library's URL for this request when routing passes through ``index``: there
    is one library (max_count = 1), so a live one is the page ``library_url`` would read."""
    urls = getattr(_memo, "urls", None)
    if urls is not None and index.live:
        urls["library"] = index.url or ""


def library_route_url(name, slug):
    """The URL of the library's route ``name`` ("topic_section", "person") for ``slug``."""
    base = library_url()
    if not base:
        return ""
    return base + _library_page_model().get_resolver().reverse(name, slug)


def _library_page_model():
    # Named, not imported: the library page's module imports the topics and people whose
    # addresses this module makes.
    return apps.get_model("library", "ResourceIndexPage")
