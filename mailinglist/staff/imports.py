"""CSV imports in the admin: the upload is checked and stored, a task imports it, and its page
shows the progress, then the report (added, updated, skipped with reasons)."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from wsi.broker import enqueue

from ..forms import ImportForm
from ..models import SubscriberImport
from ..tasks import import_after_commit, import_subscribers

# An import still waiting this long was probably never queued (the broker was down).
STUCK_AFTER = timedelta(minutes=1)


class ImportPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("mailinglist.change_subscriber"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ImportView(ImportPermissionMixin, WagtailAdminTemplateMixin, FormView):
    form_class = ImportForm
    template_name = "mailinglist/admin/import.html"
    page_title = "Import subscribers"
    header_icon = "upload"

    def form_valid(self, form):
        job = SubscriberImport.objects.create(
            filename=self.request.FILES["file"].name[:255],
            content=form.cleaned_data["file"],
            created_by=self.request.user,
        )
        import_after_commit(job)
        return redirect("mailinglist_subscribers:import_report", job.pk)


class ImportReportView(ImportPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "mailinglist/admin/import_report.html"
    page_title = "Subscriber import"
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        job = get_object_or_404(SubscriberImport, pk=self.kwargs["pk"])
        stuck = job.state == SubscriberImport.State.QUEUED and job.created_at < timezone.now() - STUCK_AFTER
        return super().get_context_data(job=job, stuck=stuck, **kwargs)

    def post(self, request, pk):
        """Queue a stuck import again; harmless if it was queued after all."""
        job = get_object_or_404(SubscriberImport, pk=pk, state=SubscriberImport.State.QUEUED)
        enqueue(import_subscribers, job.pk)
        messages.success(request, "The import is queued again.")
        return redirect("mailinglist_subscribers:import_report", job.pk)
