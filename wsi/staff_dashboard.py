"""The site's panel on the admin dashboard: everything waiting for a moderator (pages and
snippets, whoever submitted them) and what was published lately. Apps add panels of their own
through the ``construct_homepage_panels`` hook (events: upcoming events without registration)."""

from wagtail.admin.ui.components import Component
from wagtail.models import ModelLogEntry, PageLogEntry, WorkflowState

SHOWN = 10


def awaiting_review():
    """In-progress workflow states, longest waiting first, whose page or snippet still exists."""
    states = (
        WorkflowState.objects.active()
        .select_related("requested_by", "current_task_state__task")
        .prefetch_related("content_object")
        .order_by("created_at")
    )
    return [state for state in states[: SHOWN * 2] if state.content_object is not None][:SHOWN]


def recently_published():
    """The latest publications of pages and snippets, newest first: (when, who, object)."""
    entries = [
        *PageLogEntry.objects.filter(action="wagtail.publish").select_related("user").order_by("-timestamp")[:SHOWN],
        *ModelLogEntry.objects.filter(action="wagtail.publish").select_related("user").order_by("-timestamp")[:SHOWN],
    ]
    entries.sort(key=lambda entry: entry.timestamp, reverse=True)
    published = []
    for entry in entries:
        instance = _instance(entry)
        if instance is not None:
            published.append((entry.timestamp, entry.user, instance))
        if len(published) == SHOWN:
            break
    return published


def _instance(entry):
    model = entry.content_type.model_class()
    if model is None:
        return None
    object_id = entry.page_id if isinstance(entry, PageLogEntry) else entry.object_id
    return model._default_manager.filter(pk=object_id).first()


class SiteActivityPanel(Component):
    name = "site_activity"
    order = 90
    template_name = "staff/site_activity_panel.html"

    def get_context_data(self, parent_context=None):
        return {"awaiting": awaiting_review(), "published": recently_published()}
