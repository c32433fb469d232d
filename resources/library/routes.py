"""The library page's address and the addresses of its topic sections and people's pages,
for topics and people to link to. The library's address is kept in the process until public
pages change (``wsi.page_cache.remembered``), however many topics and people link to it."""

from django.apps import apps

from wsi import page_cache


def library_url():
    """The library's URL ("" while no library page is published)."""
    return page_cache.remembered("library-url", _read_library_url)


def _read_library_url():
    index = _library_page_model().objects.live().first()
    return (index.url or "") if index is not None else ""


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
