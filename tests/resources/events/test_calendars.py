"""Calendar files, feeds and structured data of events, read back with the libraries that
calendar apps, feed readers and search engines rely on."""

import datetime
import json
import re
from datetime import UTC
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import pytest
import time_machine
from bs4 import BeautifulSoup

from resources.events.factories import (
    EventPageFactory,
    EventSeriesIndexPageFactory,
    EventSeriesPageFactory,
    EventSpeakerFactory,
)
from wsi.factories import SectionPageFactory

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2030, 6, 1, 16, 0, tzinfo=UTC)
NEW_YORK = ZoneInfo("America/New_York")


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def parse_ics(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def json_ld(html):
    return json.loads(BeautifulSoup(html, "html.parser").find("script", type="application/ld+json").string)


def test_event_ics_round_trips_times_and_escapes_text(client, events):
    event = EventPageFactory(
        parent=events,
        title="Jobs, wages; and hours",
        introduction="Line one, with a comma;\nline two.",
        start_date=datetime.date(2025, 3, 8),
        start_time=datetime.time(22),
        end_date=datetime.date(2025, 3, 9),
        end_time=datetime.time(4),
        venue_name="Hall A, Floor 2",
        address="1 Main St; Washington",
    )

    response = client.get(event.url + "calendar/")
    calendar = parse_ics(response)
    [vevent] = calendar.walk("VEVENT")

    assert 'filename="' in response["Content-Disposition"]
    assert vevent.start == datetime.datetime(2025, 3, 8, 22, tzinfo=NEW_YORK)
    assert vevent.end == datetime.datetime(2025, 3, 9, 4, tzinfo=NEW_YORK)
    assert (vevent.start.astimezone(UTC), vevent.end.astimezone(UTC)) == (event.starts_at, event.ends_at)
    assert vevent.end.astimezone(UTC) - vevent.start.astimezone(UTC) == datetime.timedelta(hours=5)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["America/New_York"]
    assert str(vevent["SUMMARY"]) == "Jobs, wages; and hours"
    assert "Line one, with a comma;\nline two." in str(vevent["DESCRIPTION"])
    assert str(vevent["LOCATION"]) == "Hall A, Floor 2, 1 Main St; Washington"
    assert str(vevent["URL"]) == "http://testserver/news-events/events/jobs-wages-and-hours/"
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert vevent["DTSTAMP"].dt.tzinfo is not None
    raw = response.content.decode()
    assert "SUMMARY:Jobs\\, wages\\; and hours" in raw
    assert "DTSTART;TZID=America/New_York:20250308T220000" in raw


def test_uid_is_stable_across_downloads_and_edits(client, events):
    event = EventPageFactory(parent=events, title="Stable")
    first = parse_ics(client.get(event.url + "calendar/")).walk("VEVENT")[0]["UID"]

    event.title = "Stable, renamed"
    event.slug = "stable-renamed"
    event.save_revision().publish()
    second = parse_ics(client.get("/news-events/events/stable-renamed/calendar/")).walk("VEVENT")[0]["UID"]

    assert first == second
    assert "@" in str(first)


def test_all_day_event_uses_dates_with_an_exclusive_end(client, events):
    event = EventPageFactory(
        parent=events,
        start_date=datetime.date(2030, 7, 1),
        end_date=datetime.date(2030, 7, 2),
        start_time=None,
        end_time=None,
    )
    [vevent] = parse_ics(client.get(event.url + "calendar/")).walk("VEVENT")
    assert vevent.start == datetime.date(2030, 7, 1)
    assert vevent.end == datetime.date(2030, 7, 3)


def test_cancelled_event_ics_is_marked_cancelled(client, events):
    event = EventPageFactory(parent=events, title="Called off", status="cancelled")
    [vevent] = parse_ics(client.get(event.url + "calendar/")).walk("VEVENT")
    assert str(vevent["STATUS"]) == "CANCELLED"
    assert str(vevent["SUMMARY"]) == "Cancelled: Called off"


def test_subscribable_calendars_of_all_upcoming_events_and_of_each_series(client, home, events):
    our_work = SectionPageFactory(parent=home, title="Our Work", slug="our-work")
    america = EventSeriesPageFactory(parent=EventSeriesIndexPageFactory(parent=our_work), title="Working in America")
    EventPageFactory(parent=events, title="In the series", start_date=datetime.date(2030, 6, 5), series=america)
    EventPageFactory(parent=events, title="Elsewhere", start_date=datetime.date(2030, 6, 3), time_zone="Europe/London")
    EventPageFactory(parent=events, title="Already over", start_date=datetime.date(2030, 5, 1))

    everything = parse_ics(client.get(events.url + "calendar/"))
    series_only = parse_ics(client.get(america.url + "calendar/"))

    assert [str(e["SUMMARY"]) for e in everything.walk("VEVENT")] == ["Elsewhere", "In the series"]
    assert {tz["TZID"] for tz in everything.walk("VTIMEZONE")} == {"America/New_York", "Europe/London"}
    assert [str(e["SUMMARY"]) for e in series_only.walk("VEVENT")] == ["In the series"]
    assert str(series_only["X-WR-CALNAME"]) == "Working in America"


def test_google_and_outlook_links_carry_the_same_times(client, events):
    event = EventPageFactory(parent=events, title="Linked", start_date=datetime.date(2030, 12, 3))
    soup = BeautifulSoup(client.get(event.url).content, "html.parser")

    google = parse_qs(urlsplit(soup.find("a", string="Google Calendar")["href"]).query)
    outlook = parse_qs(urlsplit(soup.find("a", string="Outlook.com")["href"]).query)

    assert google["dates"] == ["20301203T190000Z/20301203T200000Z"]  # 2 p.m. EST
    assert google["text"] == ["Linked"] and google["ctz"] == ["America/New_York"]
    assert outlook["startdt"] == ["2030-12-03T14:00:00-05:00"]
    assert outlook["enddt"] == ["2030-12-03T15:00:00-05:00"]


def test_events_rss_and_atom_feeds_parse_and_list_upcoming_events(client, events):
    EventPageFactory(parent=events, title="Second", start_date=datetime.date(2030, 6, 9))
    EventPageFactory(parent=events, title="First", start_date=datetime.date(2030, 6, 2), status="postponed")
    EventPageFactory(parent=events, title="Over", start_date=datetime.date(2030, 5, 2))

    for route in ["feed/rss/", "feed/atom/"]:
        feed = feedparser.parse(client.get(events.url + route).content)
        assert not feed.bozo, feed.bozo_exception
        assert feed.feed.title == "Events"
        assert [entry.title for entry in feed.entries] == ["Postponed: First", "Second"]
        assert feed.entries[1].link == "http://testserver/news-events/events/second/"
        assert "Sunday, June 9, 2030, 2 p.m. – 3 p.m. EDT (Eastern Time)" in feed.entries[1].summary


def test_index_pages_advertise_their_feeds(client, events):
    soup = BeautifulSoup(client.get(events.url).content, "html.parser")
    assert soup.find("link", rel="alternate", type="application/rss+xml")["href"] == "/news-events/events/feed/rss/"
    assert soup.find("link", rel="alternate", type="application/atom+xml")


def test_event_json_ld_describes_a_mixed_event_with_performers(client, events):
    event = EventPageFactory(
        parent=events,
        title="Hybrid talk",
        venue_name="Main Hall",
        address="1 Main St\nWashington, DC",
        online_url="https://example.org/live",
        registration_url="https://example.org/register",
    )
    EventSpeakerFactory(page=event, person__name="Ada Example", person__role="Researcher")

    data = json_ld(client.get(event.url).content.decode())

    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    assert data["name"] == "Hybrid talk"
    assert data["startDate"] == "2030-06-08T14:00:00-04:00"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", data["endDate"])
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["location"] == [
        {"@type": "Place", "name": "Main Hall", "address": "1 Main St Washington, DC"},
        {"@type": "VirtualLocation", "url": "https://example.org/live"},
    ]
    assert data["performer"] == [{"@type": "Person", "name": "Ada Example", "jobTitle": "Researcher"}]
    assert data["organizer"]["@type"] == "Organization"
    assert data["offers"]["url"] == "https://example.org/register"


def test_event_moved_online_has_a_virtual_location_and_escaped_json(client, events):
    event = EventPageFactory(
        parent=events,
        title="</script><b>Moved</b>",
        status="moved_online",
        venue_name="Old hall",
        online_url="https://example.org/live",
    )
    html = client.get(event.url).content.decode()
    data = json_ld(html)

    assert "</script><b>" not in html
    assert data["name"] == "</script><b>Moved</b>"
    assert data["eventStatus"] == "https://schema.org/EventMovedOnline"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://example.org/live"}
