"""Events as calendar entries: iCalendar files (RFC 5545) for one event or a subscribable
feed, and "add to calendar" links for Google and Outlook."""

from datetime import UTC, timedelta
from urllib.parse import urlencode, urlsplit

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

PRODUCT_ID = "-//Workforce Strategies Initiative//Events//EN"
ICAL_STATUS = {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}


def absolute_url(request, page):
    return request.build_absolute_uri(page.get_url(request))


def uid(event):
    """Stable for the life of the event: the page's translation key never changes, not even
    when the page is moved or its slug edited."""
    return f"{event.translation_key}@{urlsplit(settings.SITE_URL).hostname or 'wsi'}"


def description(event, url):
    parts = [event.status_note if event.status_label else "", event.introduction, f"Details: {url}"]
    return "\n\n".join(part for part in parts if part)


def event_component(request, event):
    url = absolute_url(request, event)
    component = icalendar.Event()
    component.add("uid", uid(event))
    # Without a METHOD, DTSTAMP is the time the event was last changed (RFC 5545, 3.8.7.2).
    changed = event.last_published_at or event.latest_revision_created_at or timezone.now()
    component.add("dtstamp", changed.astimezone(UTC))
    component.add("last-modified", changed.astimezone(UTC))
    if event.all_day:
        component.add("dtstart", event.local_start.date())
        component.add("dtend", event.local_end.date())
    else:
        component.add("dtstart", event.local_start)
        component.add("dtend", event.local_end)
    component.add("summary", event.display_title)
    component.add("description", description(event, url))
    if event.location_text:
        component.add("location", event.location_text)
    component.add("url", url)
    component.add("status", ICAL_STATUS.get(event.status, "CONFIRMED"))
    return component


def build_calendar(request, events, name):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    events = list(events)
    for event in events:
        calendar.add_component(event_component(request, event))
    if events:
        # Time zone definitions only for the years the events span keep the file small.
        first = min(event.local_start.date() for event in events) - timedelta(days=366)
        last = max(event.local_end.date() for event in events) + timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar


def calendar_response(request, events, name, filename):
    response = HttpResponse(
        build_calendar(request, events, name).to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def google_url(request, event):
    if event.all_day:
        dates = f"{event.local_start:%Y%m%d}/{event.local_end:%Y%m%d}"
    else:
        dates = f"{event.starts_at.astimezone(UTC):%Y%m%dT%H%M%SZ}/{event.ends_at.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    query = {
        "action": "TEMPLATE",
        "text": event.display_title,
        "dates": dates,
        "ctz": event.time_zone,
        "details": description(event, absolute_url(request, event)),
        "location": event.location_text,
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query)


def outlook_url(request, event, host="outlook.live.com"):
    if event.all_day:
        start, end = event.local_start.date().isoformat(), event.local_end.date().isoformat()
    else:
        start, end = event.local_start.isoformat(), event.local_end.isoformat()
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": event.display_title,
        "startdt": start,
        "enddt": end,
        "allday": "true" if event.all_day else "false",
        "body": description(event, absolute_url(request, event)),
        "location": event.location_text,
    }
    return f"https://{host}/calendar/0/action/compose?" + urlencode(query)


def links(request, event):
    """The "Add to calendar" choices of an event page."""
    ics = absolute_url(request, event) + event.reverse_subpage("ics")
    return [
        {"label": "Download .ics (Apple, Outlook desktop and others)", "url": ics},
        {"label": "Google Calendar", "url": google_url(request, event)},
        {"label": "Outlook.com", "url": outlook_url(request, event)},
        {"label": "Office 365", "url": outlook_url(request, event, host="outlook.office.com")},
    ]
