from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.permissions import page_permission_policy

from resources.library.sections import PERSON_PAGE_SECTIONS

from .models import EventPage
from .staff_dashboard import EventsWithoutRegistrationPanel


@hooks.register(PERSON_PAGE_SECTIONS)
def person_events(request, person):
    """The events a person spoke at, newest first, on their page in the library."""
    events = EventPage.objects.live().public().filter(speakers__person=person).distinct().order_by("-starts_at")
    if not events:
        return ""
    return render_to_string("events/person_events.html", {"events": events, "request": request})


@hooks.register("construct_homepage_panels")
def add_events_without_registration_panel(request, panels):
    if page_permission_policy.user_has_any_permission(request.user, {"add", "change", "publish"}):
        panels.append(EventsWithoutRegistrationPanel())
