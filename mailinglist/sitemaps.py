from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Announcement


class NewsletterSitemap(Sitemap):
    """The public newsletter archive: its list and every announcement sent."""

    def items(self):
        return [None, *Announcement.objects.filter(state__in=Announcement.PUBLIC_STATES).order_by("-queued_at")]

    def location(self, item):
        if item is None:
            return reverse("mailinglist:archive")
        return reverse("mailinglist:newsletter", args=[item.pk])

    def lastmod(self, item):
        return None if item is None else item.queued_at
