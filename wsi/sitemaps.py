from django.contrib.contenttypes.models import ContentType
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, get_page_models

from wsi.page_privacy import public

# Page methods a model may override to give the sitemap other addresses than its own.
SITEMAP_METHODS = ("get_sitemap_urls", "get_url_parts", "get_full_url")


class PageSitemap(Sitemap):
    """Wagtail's sitemap of the site's live, public pages, a page of ``limit`` pages at a time
    (``?p=``, listed by the sitemap index), each read in a fixed number of queries whatever the
    size of the site. Wagtail reads every page as its specific model, in chunks of 2,000 pages of
    one query per model each; a page's address and date are on its Page row, so only the pages
    of models that add addresses of their own (the library's topics and people, the events' past
    list) are read again as their model, one query per such model."""

    limit = 1000

    def items(self):
        root = self.get_wagtail_site().root_page
        pages = public(root.get_descendants(inclusive=True).live()).order_by("path")
        return pages.only("path", "url_path", "content_type", "last_published_at", "latest_revision_created_at")

    def get_latest_lastmod(self):
        # The index names the section without a date, and so costs one count: Django's default
        # reads every page for the latest. Not every address has a date anyway (the library's
        # topics and people).
        return None

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        own_types = {content_type.pk for content_type in _content_types_with_own_sitemap_urls()}
        own_pks = [item.pk for item in pages if item.content_type_id in own_types]
        specific = {item.pk: item for item in Page.objects.filter(pk__in=own_pks).defer_streamfields().specific()}
        # No latest_lastmod, so no Last-Modified header: entries move between pages as pages come
        # and go while a page's newest date may stay, and a cache answering If-Modified-Since
        # from that date would keep the old list.
        return [url_info for item in pages for url_info in specific.get(item.pk, item).get_sitemap_urls(self.request)]


def _content_types_with_own_sitemap_urls():
    models = [
        model
        for model in get_page_models()
        if any(getattr(model, method) is not getattr(Page, method) for method in SITEMAP_METHODS)
    ]
    return ContentType.objects.get_for_models(*models).values()
