from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Announcement


class NewsletterSitemap(Sitemap):
    """The public newsletter archive: its list, then every announcement sent, newest first, a
    page of ``limit`` at a time (``?p=``, listed by the sitemap index)."""

    limit = 1000

    def items(self):
        announcements = Announcement.objects.filter(state__in=Announcement.PUBLIC_STATES)
        return announcements.order_by("-queued_at", "-pk").only("queued_at")

    def location(self, item):
        return reverse("mailinglist:newsletter", args=[item.pk])

    def lastmod(self, item):
        return item.queued_at

    def get_latest_lastmod(self):
        # The index names the section without a date, and so costs one count: the archive list
        # has none.
        return None

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        self.latest_lastmod = None  # no Last-Modified header, as wsi.sitemaps.PageSitemap says
        if int(page) == 1:  # a page number the paginator took
            urls.insert(0, {"location": f"{protocol}://{domain}{reverse('mailinglist:archive')}"})
        return urls
