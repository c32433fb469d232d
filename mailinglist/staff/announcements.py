"""Announcements in the admin: compose, preview, test, send to the list (or some topics) now
or at a set time, watch progress."""

import smtplib

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.views.generic import TemplateView
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import DeleteView, EditView, IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from .. import announcing
from ..announcing import recipients
from ..messages import sample_message
from ..models import Announcement, OutgoingMail
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


class ScheduleForm(forms.Form):
    send_at = forms.DateTimeField(
        label="Send at", widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    )

    def clean_send_at(self):
        send_at = self.cleaned_data["send_at"]
        if send_at <= timezone.now():
            raise forms.ValidationError("Choose a time in the future, or send it now.")
        return send_at


class AnnouncementStaffView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("mailinglist.change_announcement"):
            raise PermissionDenied
        self.announcement = get_object_or_404(Announcement, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)


class SendView(AnnouncementStaffView):
    """The confirmation page: a preview, the recipient count, Send now / Schedule / Send a test;
    once sent, the progress."""

    template_name = "mailinglist/admin/announcement_send.html"
    page_title = "Send announcement"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        announcement = self.announcement
        context.update(
            announcement=announcement,
            recipient_count=recipients(announcement).distinct().count(),
            progress=progress(announcement),
            progress_text=progress_text(announcement),
            schedule_form=kwargs.get("schedule_form") or ScheduleForm(),
            failed=announcement.mails.filter(state=OutgoingMail.State.FAILED).select_related("subscriber")[:20],
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action == "test":
            return self.send_test(request)
        if action == "unschedule":
            Announcement.objects.filter(pk=self.announcement.pk, state=Announcement.State.SCHEDULED).update(
                state=Announcement.State.DRAFT, send_at=None
            )
            messages.success(request, "The announcement is a draft again; it will not be sent.")
            return redirect("mailinglist_announcements:send", self.announcement.pk)
        send_at = None
        if action == "schedule":
            form = ScheduleForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(schedule_form=form))
            send_at = form.cleaned_data["send_at"]
        return self.start(request, send_at)

    def start(self, request, send_at):
        pk = self.announcement.pk
        with transaction.atomic():
            if announcing.start(pk, request.user, send_at):
                log(self.announcement, "mailinglist.send", user=request.user)
                if send_at is None:
                    transaction.on_commit(lambda: publish_announcement_task(queue_announcement, pk))
                    messages.success(request, "The announcement is on its way. This page shows the progress.")
                else:
                    when = date_format(timezone.localtime(send_at), "DATETIME_FORMAT")
                    messages.success(request, f"The announcement will be sent on {when}.")
                return redirect("mailinglist_announcements:send", pk)
        if resume_announcement(pk):
            messages.success(request, "Sending had stopped and is resumed. Each subscriber still receives it once.")
        elif Announcement.objects.filter(pk=pk, state=Announcement.State.SENT).exists():
            messages.warning(request, "This announcement was already sent; it goes to each subscriber only once.")
        else:
            messages.info(request, "This announcement is already scheduled or being sent; this page shows when.")
        return redirect("mailinglist_announcements:send", pk)

    def send_test(self, request):
        address = request.user.email
        if not address:
            messages.error(request, "Your account has no email address: add one in your account settings.")
        else:
            try:
                sample_message(self.announcement, address).send()
            except (smtplib.SMTPException, OSError) as error:
                messages.error(request, f"The test could not be sent: {error.__class__.__name__}. Try again later.")
            else:
                messages.success(request, f"A test was sent to {address}.")
        return redirect("mailinglist_announcements:send", self.announcement.pk)


def progress(announcement):
    """What the progress bar shows: each state's count, done (sent, failed or not needed) of total."""
    counts = announcement.progress()
    done = sum(counts.get(state, 0) for state in ("sent", "failed", "cancelled"))
    return {
        "state": announcement.state,
        "state_label": announcement.get_state_display(),
        "total": sum(counts.values()),
        "done": done,
        "counts": {state: counts.get(state, 0) for state in ("queued", "sending", "sent", "failed", "cancelled")},
    }


class ProgressView(AnnouncementStaffView):
    def get(self, request, *args, **kwargs):
        return JsonResponse(progress(self.announcement))


class PreviewView(AnnouncementStaffView):
    """The mail as a subscriber receives it: its HTML part, or with ?format=text its plain text."""

    def get(self, request, *args, **kwargs):
        message = sample_message(self.announcement, request.user.email or "you@example.org")
        if request.GET.get("format") == "text":
            return HttpResponse(message.body, content_type="text/plain; charset=utf-8")
        return HttpResponse(message.alternatives[0][0])


class AnnouncementEditView(EditView):
    """Only a draft can change: what was mailed stays what the archive shows, and a send under
    way keeps the text it started with."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = self.get_object()

    def get(self, request, *args, **kwargs):
        return self._refusal() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self._refusal() or super().post(request, *args, **kwargs)

    def _refusal(self):
        if self.object.state == Announcement.State.DRAFT:
            return None
        state = self.object.get_state_display().lower()
        if self.object.state == Announcement.State.SCHEDULED:
            messages.warning(self.request, f"This announcement is {state}. Cancel its schedule to change it.")
        else:
            messages.warning(self.request, f"This announcement is {state}. What was mailed cannot change.")
        return redirect("mailinglist_announcements:send", self.object.pk)


class AnnouncementDeleteView(DeleteView):
    """Not while it is being sent: its mails' rows go with it."""

    def post(self, request, *args, **kwargs):
        if self.object.state in (Announcement.State.QUEUED, Announcement.State.SENDING):
            messages.warning(request, "This announcement is being sent; it can be deleted once it is sent.")
            return redirect("mailinglist_announcements:send", self.object.pk)
        return super().post(request, *args, **kwargs)


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
    edit_view_class = AnnouncementEditView
    delete_view_class = AnnouncementDeleteView
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
            path("progress/<int:pk>/", ProgressView.as_view(), name="progress"),
            path("preview/<int:pk>/", PreviewView.as_view(), name="preview"),
        ]
