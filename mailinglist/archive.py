"""The public newsletter archive lists the announcements sent: it changes when one starts
sending (a queryset update, which sends no signal) and when a sent one is deleted. Either way
the page cache starts again and the frontend cache forgets the archive's addresses."""

from django.urls import reverse

from wsi import frontend_cache, page_cache

from .models import Announcement


def archive_changed(announcement_pk):
    urls = None
    if frontend_cache.enabled():
        paths = [
            reverse("mailinglist:archive"),
            reverse("mailinglist:newsletter", args=[announcement_pk]),
            reverse("sitemap-section", args=["newsletters"]),
        ]
        urls = frontend_cache.site_paths(paths)
    page_cache.pages_changed(urls)


def forget_deleted(sender, instance, **kwargs):
    if instance.state in Announcement.PUBLIC_STATES:
        archive_changed(instance.pk)
