"""Announcements in the admin: compose, send to the list (or some topics), watch progress."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from wsi.broker import enqueue

from ..models import Announcement, OutgoingMail, Subscriber
from ..tasks import queue_announcement


def recipients(announcement):
    subscribers = Subscriber.objects.filter(status=Subscriber.Status.SUBSCRIBED)
    topics = list(announcement.interests.values_list("pk", flat=True))
    if topics:
        subscribers = subscribers.filter(interests__in=topics).distinct()
    return subscribers


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
            recipient_count=recipients(announcement).count(),
            progress=progress_text(announcement),
            failed=announcement.mails.filter(state=OutgoingMail.State.FAILED).select_related("subscriber")[:20],
        )
        return context

    def post(self, request, *args, **kwargs):
        with transaction.atomic():
            announcement = Announcement.objects.select_for_update().get(pk=self.announcement.pk)
            if announcement.state == Announcement.State.DRAFT:
                announcement.state = Announcement.State.QUEUED
                announcement.queued_at = timezone.now()
                announcement.queued_by = request.user
                announcement.save()
                log(announcement, "mailinglist.send", user=request.user)
                transaction.on_commit(lambda: enqueue(queue_announcement, announcement.pk))
                messages.success(request, "The announcement is on its way. This page shows the progress.")
            else:
                messages.warning(request, "This announcement was already sent; it goes to each subscriber only once.")
        return redirect("mailinglist_announcements:send", announcement.pk)


class AnnouncementIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        url = reverse("mailinglist_announcements:send", args=[instance.pk])
        return [*super().get_list_more_buttons(instance), MenuItem("Send / progress", url=url, icon_name="mail")]


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
        ]
