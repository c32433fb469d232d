"""The "announce this" action on a page: a confirmation page (GET changes nothing), then a
draft announcement that features the page (POST), ready for staff to edit and send."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.html import format_html
from django.utils.text import Truncator
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from ..models import Announcement, AnnouncementPage

SUBJECT_LENGTH = Announcement._meta.get_field("subject").max_length


def draft_announcement(page):
    """A draft whose subject is the page's title (shortened to fit) and whose body is the
    page's introduction, which is plain text: escaped, never taken as HTML."""
    introduction = getattr(page, "introduction", "") or ""
    announcement = Announcement(
        subject=Truncator(page.title).chars(SUBJECT_LENGTH),
        body=format_html("<p>{}</p>", introduction) if introduction else "",
    )
    announcement.featured_pages = [AnnouncementPage(page=page)]
    announcement.save()
    return announcement


class AnnouncePageView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "mailinglist/admin/announce_page.html"
    page_title = "Announce this page"
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("mailinglist.add_announcement"):
            raise PermissionDenied
        self.page = get_object_or_404(Page, pk=kwargs["page_id"]).specific
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(page=self.page, **kwargs)

    def post(self, request, *args, **kwargs):
        return redirect("mailinglist_announcements:edit", draft_announcement(self.page).pk)
