from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.permissions import page_permission_policy

from resources.library.models import Person
from resources.library.sections import PERSON_PAGE_SECTIONS
from wsi.frontend_cache import URLS_HOOK
from wsi.page_cache import NEXT_CHANGE_HOOK
from wsi.page_privacy import public

from .models import EventPage
from .staff_dashboard import EventsWithoutRegistrationPanel


@hooks.register(PERSON_PAGE_SECTIONS)
def person_events(request, person):
    """The events a person spoke at, newest first, on their page in the library."""
    events = public(EventPage.objects.live()).filter(speakers__person=person).distinct().order_by("-starts_at")
    if not events:
        return ""
    return render_to_string("events/person_events.html", {"events": events, "request": request})


@hooks.register("construct_homepage_panels")
def add_events_without_registration_panel(request, panels):
    if page_permission_policy.user_has_any_permission(request.user, {"add", "change", "publish"}):
        panels.append(EventsWithoutRegistrationPanel())


@hooks.register(NEXT_CHANGE_HOOK)
def next_event_change(now):
    """Cached pages list an event as upcoming, or its registration as open, until then."""
    return EventPage.objects.live().next_change(now)


@hooks.register(URLS_HOOK)
def event_urls(instance):
    """Where events show a change (wsi/frontend_cache.py), beyond the event's own addresses and
    the listings above it: its series' page and calendar, and its speakers' pages in the
    library. A person: the events they speak at."""
    if isinstance(instance, EventPage):
        series = [instance.series] if instance.series_id else []
        speakers = Person.objects.filter(event_appearances__page=instance)
        return series + [speaker.get_absolute_url() for speaker in speakers]
    if isinstance(instance, Person):
        return list(EventPage.objects.live().filter(speakers__person=instance).distinct())
    return None
