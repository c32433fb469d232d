"""Announcements in the admin: compose, send to the list (or some topics), watch progress."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.generic import TemplateView
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.models import Page

from .. import announcing
from ..announcing import recipients
from ..models import Announcement, AnnouncementPage, OutgoingMail
from ..tasks import publish_announcement_task, queue_announcement, resume_announcement


def progress_text(announcement):
    if announcement.state == Announcement.State.DRAFT:
        return "Draft"
    counts = announcement.progress()
    total = sum(counts.values())
    parts = [
        f"{counts.get(state, 0)} {state}" for state in ("sent", "queued", "sending", "failed") if counts.get(state)
    ]
    return f"{total} mails: " + ", ".join(parts) if parts else "Preparing"


class SendView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "mailinglist/admin/announcement_send.html"
    page_title = "Send announcement"
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("mailinglist.change_announcement"):
            raise PermissionDenied
        self.announcement = get_object_or_404(Announcement, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        announcement = self.announcement
        context.update(
            announcement=announcement,
            recipient_count=recipients(announcement).distinct().count(),
            progress=progress_text(announcement),
            failed=announcement.mails.filter(state=OutgoingMail.State.FAILED).select_related("subscriber")[:20],
        )
        return context

    def post(self, request, *args, **kwargs):
        pk = self.announcement.pk
        with transaction.atomic():
            if announcing.start(pk, request.user):
                log(self.announcement, "mailinglist.send", user=request.user)
                transaction.on_commit(lambda: publish_announcement_task(queue_announcement, pk))
                messages.success(request, "The announcement is on its way. This page shows the progress.")
                return redirect("mailinglist_announcements:send", pk)
        if resume_announcement(pk):
            messages.success(request, "Sending had stopped and is resumed. Each subscriber still receives it once.")
        elif Announcement.objects.filter(pk=pk, state=Announcement.State.SENT).exists():
            messages.warning(request, "This announcement was already sent; it goes to each subscriber only once.")
        else:
            messages.info(request, "This announcement is being sent; this page shows the progress.")
        return redirect("mailinglist_announcements:send", pk)


class AnnouncementIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        url = reverse("mailinglist_announcements:send", args=[instance.pk])
        return [*super().get_list_more_buttons(instance), MenuItem("Send / progress", url=url, icon_name="mail")]


def announce_page(request, page_id):
    """The "announce this" action on a page: a draft announcement that features it."""
    if not request.user.has_perm("mailinglist.add_announcement"):
        raise PermissionDenied
    page = get_object_or_404(Page, pk=page_id).specific
    announcement = Announcement(subject=page.title, body=f"<p>{getattr(page, 'introduction', '') or ''}</p>")
    announcement.featured_pages = [AnnouncementPage(page=page)]
    announcement.save()
    return redirect("mailinglist_announcements:edit", announcement.pk)


class AnnouncementViewSet(ModelViewSet):
    model = Announcement
    name = "mailinglist_announcements"
    url_prefix = "mailing-list/announcements"
    icon = "mail"
    menu_label = "Announcements"
    copy_view_enabled = False
    index_view_class = AnnouncementIndexView
    list_display = [
        "subject",
        Column("progress", label="Progress", accessor=progress_text),
        "created_at",
        "queued_at",
    ]
    list_filter = ["state"]
    search_fields = ["subject"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("send/<int:pk>/", SendView.as_view(), name="send"),
            path("announce-page/<int:page_id>/", announce_page, name="announce_page"),
        ]
