"""The subscribers in the admin: a filtered list, a detail page with the consent record and
mail history, a CSV export (streamed, audited) and import, resend, revoke and erase."""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.decorators.http import require_POST
from wagtail.admin.views.generic import DeleteView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy

from wsi.spreadsheets import neutralise

from .. import signups
from ..models import OutgoingMail, Subscriber
from ..tasks import send_after_commit
from .imports import ImportReportView, ImportView

EXPORT_COLUMNS = [
    ("Email", lambda s: s.email),
    ("Name", lambda s: s.name),
    ("Organisation", lambda s: s.organisation),
    ("Status", lambda s: s.get_status_display()),
    ("Interests", lambda s: "; ".join(topic.name for topic in s.interests.all())),
    ("Signed up", lambda s: s.created_at.isoformat()),
    ("Confirmed", lambda s: s.confirmed_at.isoformat() if s.confirmed_at else ""),
    ("Consent", lambda s: s.get_consent_method_display()),
]


class _Echo:
    def write(self, value):
        return value


def csv_rows(subscribers):
    writer = csv.writer(_Echo())
    yield writer.writerow([heading for heading, _ in EXPORT_COLUMNS])
    for subscriber in subscribers:
        yield writer.writerow([neutralise(column(subscriber)) for _, column in EXPORT_COLUMNS])


class SubscriberPermissionPolicy(ModelPermissionPolicy):
    """Subscribers join through the form or an import, never by being typed into the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


class SubscriberIndexView(IndexView):
    FORMATS = (IndexView.FORMAT_CSV,)

    @cached_property
    def header_more_buttons(self):
        buttons = []
        user = self.request.user
        if user.has_perm("mailinglist.export_subscriber"):
            buttons.append(HeaderButton("Export CSV", url=self.csv_export_url, icon_name="download", priority=10))
        if user.has_perm("mailinglist.change_subscriber"):
            url = reverse("mailinglist_subscribers:import")
            buttons.append(HeaderButton("Import CSV", url=url, icon_name="upload", priority=20))
        return buttons

    def as_spreadsheet(self, queryset, spreadsheet_format):
        if not self.request.user.has_perm("mailinglist.export_subscriber"):
            raise PermissionDenied
        filters = {key: value for key, value in self.request.GET.lists() if key != "export"}
        log(
            self.request.user,
            "mailinglist.export",
            user=self.request.user,
            title="Subscriber export",
            data={"filters": filters, "rows": queryset.count()},
        )
        rows = csv_rows(queryset.prefetch_related("interests").iterator(chunk_size=1000))
        response = StreamingHttpResponse(rows, content_type="text/csv; charset=utf-8")
        filename = f"subscribers-{timezone.localdate().isoformat()}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class SubscriberInspectView(InspectView):
    template_name = "mailinglist/admin/subscriber_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["mails"] = self.object.mails.select_related("announcement")[:50]
        context["consents"] = self.object.signup_consents.all()[:50]
        context["can_change"] = self.request.user.has_perm("mailinglist.change_subscriber")
        return context


class SubscriberEraseView(DeleteView):
    """Wagtail's delete, turned into erasure: the suppression hash stays."""

    page_title = "Erase"

    def get_success_message(self):
        return "The subscriber's personal data was erased; the address stays suppressed."

    def delete_action(self):
        signups.erase(self.object, user=self.request.user)


def _subscriber_action(request, pk):
    if not request.user.has_perm("mailinglist.change_subscriber"):
        raise PermissionDenied
    return get_object_or_404(Subscriber, pk=pk)


@require_POST
def resend_confirmation(request, pk):
    subscriber = _subscriber_action(request, pk)
    if subscriber.status == Subscriber.Status.SUBSCRIBED:
        messages.error(request, "This subscriber has already confirmed.")
    else:
        send_after_commit(OutgoingMail.objects.create(kind=OutgoingMail.Kind.CONFIRM, subscriber=subscriber))
        log(subscriber, "mailinglist.resend", user=request.user)
        messages.success(request, "A new confirmation mail is queued; earlier links stop working when it is sent.")
    return redirect("mailinglist_subscribers:inspect", pk)


@require_POST
def revoke_links(request, pk):
    subscriber = _subscriber_action(request, pk)
    signups.revoke_links(subscriber)
    log(subscriber, "mailinglist.revoke", user=request.user)
    messages.success(request, "All unsubscribe, preferences and confirmation links of this subscriber stopped working.")
    return redirect("mailinglist_subscribers:inspect", pk)


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    name = "mailinglist_subscribers"
    url_prefix = "mailing-list/subscribers"
    icon = "user"
    menu_label = "Subscribers"
    index_view_class = SubscriberIndexView
    inspect_view_class = SubscriberInspectView
    delete_view_class = SubscriberEraseView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["email", "status", "created_at", "confirmed_at"]
    list_filter = ["status", "interests", "created_at"]
    search_fields = ["email", "name", "organisation"]
    form_fields = ["name", "organisation", "interests"]
    inspect_view_fields = ["email", "name", "organisation", "interests", "status", "created_at", "confirmed_at"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("import/", ImportView.as_view(), name="import"),
            path("import/<int:pk>/", ImportReportView.as_view(), name="import_report"),
            path("resend/<int:pk>/", resend_confirmation, name="resend"),
            path("revoke/<int:pk>/", revoke_links, name="revoke"),
        ]
