"""schema.org descriptions of events and news items, for search engines (JSON-LD)."""

from django.utils.html import strip_tags
from wagtail.models import Site

from resources.events.calendars import absolute_url
from wsi.models import SiteSettings

EVENT_STATUS = {
    "scheduled": "EventScheduled",
    "cancelled": "EventCancelled",
    "postponed": "EventPostponed",
    "moved_online": "EventMovedOnline",
}
ATTENDANCE_MODE = {
    "offline": "OfflineEventAttendanceMode",
    "online": "OnlineEventAttendanceMode",
    "mixed": "MixedEventAttendanceMode",
}


def organisation(request):
    site = Site.find_for_request(request)
    name = SiteSettings.for_request(request).organisation_name
    return {"@type": "Organization", "name": name, "url": absolute_url(request, site.root_page) if site else ""}


def _place(event):
    place = {"@type": "Place", "name": event.venue_name or event.address.splitlines()[0]}
    if event.address:
        place["address"] = " ".join(event.address.split())
    return place


def event(request, page, speakers):
    url = absolute_url(request, page)
    if page.all_day:
        start, end = page.local_start.date().isoformat(), page.local_end.date().isoformat()
    else:
        start, end = page.local_start.isoformat(), page.local_end.isoformat()
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "url": url,
        "startDate": start,
        "endDate": end,
        "eventStatus": f"https://schema.org/{EVENT_STATUS[page.status]}",
        "eventAttendanceMode": f"https://schema.org/{ATTENDANCE_MODE[page.attendance_mode]}",
        "organizer": organisation(request),
    }
    if page.introduction:
        data["description"] = strip_tags(page.introduction)
    locations = []
    if page.attendance_mode != "online" and (page.venue_name or page.address):
        locations.append(_place(page))
    if page.attendance_mode != "offline":
        locations.append({"@type": "VirtualLocation", "url": page.online_url or url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if speakers:
        data["performer"] = [_person(speaker.person) for speaker in speakers]
    if page.registration_url:
        data["offers"] = {"@type": "Offer", "url": page.registration_url}
    if page.series_id:
        data["superEvent"] = {"@type": "EventSeries", "name": page.series.title}
    return data


def _person(person):
    data = {"@type": "Person", "name": person.name}
    if person.role:
        data["jobTitle"] = person.role
    if person.organisation:
        data["affiliation"] = {"@type": "Organization", "name": person.organisation}
    return data


def news_article(request, page, image_url=""):
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "url": absolute_url(request, page),
        "datePublished": page.date.isoformat(),
        "publisher": organisation(request),
    }
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    if page.introduction:
        data["description"] = strip_tags(page.introduction)
    data["author"] = _person(page.author) if page.author else organisation(request)
    if image_url:
        data["image"] = [request.build_absolute_uri(image_url)]
    return data
