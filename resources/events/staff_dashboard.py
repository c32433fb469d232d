"""The events' panel on the admin dashboard: upcoming events that visitors cannot yet
register for (no registration link), soonest first, drafts included, cancelled ones left out."""

from wagtail.admin.ui.components import Component

from .models import EventPage

SHOWN = 10


def events_without_registration():
    return (
        EventPage.objects.upcoming()
        .filter(registration_url="")
        .exclude(status=EventPage.Status.CANCELLED)
        .select_related("series")
    )


class EventsWithoutRegistrationPanel(Component):
    name = "events_without_registration"
    order = 95
    template_name = "events/admin/dashboard_panel.html"

    def get_context_data(self, parent_context=None):
        events = events_without_registration()
        return {"events": events[:SHOWN], "total": events.count()}
