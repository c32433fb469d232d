"""The Events index, the past list, series pages and event pages as a visitor sees them."""

import datetime
import json
from datetime import UTC

import pytest
import time_machine
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from resources.events.factories import (
    EventPageFactory,
    EventSeriesIndexPageFactory,
    EventSeriesPageFactory,
    EventSpeakerFactory,
)
from resources.events.models import PastEventsPage
from resources.library.factories import OrganisationFactory, PersonFactory, TopicFactory
from tests.helpers.sitemaps import all_locations
from wsi.factories import SectionPageFactory

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2030, 6, 1, 16, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def series(home):
    our_work = SectionPageFactory(parent=home, title="Our Work", slug="our-work")
    public = EventSeriesIndexPageFactory(parent=our_work)
    return (
        EventSeriesPageFactory(parent=public, title="Working in America", slug="working-in-america"),
        EventSeriesPageFactory(parent=public, title="Reinventing Low-Wage Work", slug="reinventing-low-wage-work"),
    )


def day(offset):
    return NOW.date() + datetime.timedelta(days=offset)


def titles(html, selector=".card__title"):
    return [node.get_text(" ", strip=True) for node in BeautifulSoup(html, "html.parser").select(selector)]


def test_index_lists_upcoming_events_and_the_latest_past_ones(client, events):
    EventPageFactory(parent=events, title="Next week", start_date=day(7))
    EventPageFactory(parent=events, title="Tomorrow", start_date=day(1))
    EventPageFactory(parent=events, title="Last month", start_date=day(-30))

    html = client.get(events.url).content.decode()

    assert titles(html) == ["Tomorrow", "Next week", "Last month"]
    assert "Recent past events" in html


def test_past_list_has_its_own_address_and_past_events_menu_entry_leads_there(client, events):
    EventPageFactory(parent=events, title="Next week", start_date=day(7))
    EventPageFactory(parent=events, title="Last year", start_date=day(-365))
    EventPageFactory(parent=events, title="Last month", start_date=day(-30))
    link = PastEventsPage(title="Past Events", slug="past-events", events_index=events, show_in_menus=True)
    events.get_parent().add_child(instance=link)

    response = client.get("/news-events/past-events/")
    assert response.status_code == 302
    assert response["Location"] == "/news-events/events/past/"
    html = client.get("/news-events/events/past/").content.decode()
    assert "<h1>Past Events</h1>" in html
    assert titles(html) == ["Last month", "Last year"]
    assert '<a href="/news-events/past-events/">Past Events</a>' in client.get("/").content.decode()
    found = all_locations(client)
    assert "http://testserver/news-events/events/past/" in found
    assert not any("past-events" in location for location in found)


def test_drafts_and_private_events_are_not_listed(client, events):
    EventPageFactory(parent=events, title="Public talk", start_date=day(3))
    EventPageFactory(parent=events, title="Unpublished talk", start_date=day(3), live=False)
    private = EventPageFactory(parent=events, title="Members only", start_date=day(3))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    html = client.get(events.url).content.decode()
    feed = client.get(events.url + "feed/rss/").content.decode()
    calendar = client.get(events.url + "calendar/").content.decode()

    assert titles(html) == ["Public talk"]
    for hidden in ["Unpublished talk", "Members only"]:
        assert hidden not in html + feed + calendar


def test_a_speakers_page_in_the_library_lists_neither_drafts_nor_private_events(client, events, library):
    speaker = PersonFactory(name="Maureen Conway", slug="maureen-conway")
    talks = {
        title: EventPageFactory(parent=events, title=title, start_date=day(-3), live=live)
        for title, live in [("Public talk", True), ("Unpublished talk", False), ("Members only", True)]
    }
    for talk in talks.values():
        EventSpeakerFactory(page=talk, person=speaker)
    PageViewRestriction.objects.create(page=talks["Members only"], restriction_type=PageViewRestriction.LOGIN)

    html = client.get("/research-resources/people/maureen-conway/").content.decode()

    assert "Public talk" in html
    assert "Unpublished talk" not in html
    assert "Members only" not in html


def test_filters_by_series_topic_and_year(client, events, series):
    america, low_wage = series
    jobs = TopicFactory(name="Job Quality", slug="job-quality")
    EventPageFactory(parent=events, title="America next", start_date=day(5), series=america, topics=[jobs])
    EventPageFactory(parent=events, title="Low wage next", start_date=day(6), series=low_wage)
    EventPageFactory(parent=events, title="Low wage next year", start_date=day(400), series=low_wage)

    assert titles(client.get(events.url, {"series": "working-in-america"}).content.decode()) == ["America next"]
    assert titles(client.get(events.url, {"topic": "job-quality"}).content.decode()) == ["America next"]
    html = client.get(events.url, {"series": "reinventing-low-wage-work", "year": "2031"}).content.decode()
    assert titles(html) == ["Low wage next year"]
    assert "Clear filters" in html


def explanations(html, within=None):
    """What the page says about the visitor's input: filter errors and the listing's notices."""
    soup = BeautifulSoup(html, "html.parser")
    if within is not None:
        soup = soup.find("section", attrs={"aria-labelledby": within})
    return [item.get_text() for item in soup.select('[role="status"] li')]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"series": "no-such-series"}, "There is no such series; showing every series."),
        ({"topic": "<script>alert(1)</script>"}, "There is no such topic; showing every topic."),
        ({"year": "abc"}, "There is nothing from that year; showing every year."),
        ({"year": "1' OR '1'='1"}, "There is nothing from that year; showing every year."),
        ({"series": "x" * 5000, "page": "9" * 5000}, "There is no such series; showing every series."),
        ({"page": "abc", "unknown": "thing"}, "“abc” is not a page number; here is the first page."),
        ({"page": "0"}, "Pages are numbered from 1; here is the first page."),
        ({"page": "-3"}, "Pages are numbered from 1; here is the first page."),
    ],
)
def test_bad_filters_and_page_numbers_are_explained_never_an_error(client, events, series, query, message):
    EventPageFactory(parent=events, title="Still listed", start_date=day(3))
    EventPageFactory(parent=events, title="Long gone", start_date=day(-3))

    response = client.get(events.url, query)
    html = response.content.decode()
    past = client.get(events.url + "past/", query)

    assert response.status_code == 200
    assert message in explanations(html)
    assert titles(html) == ["Still listed", "Long gone"]
    assert "<script>alert(1)</script>" not in html
    assert past.status_code == 200
    assert message in explanations(past.content.decode())
    assert titles(past.content.decode()) == ["Long gone"]


def test_pagination_keeps_the_filters(client, events, series):
    america = series[0]
    for number in range(12):
        EventPageFactory(parent=events, title=f"Talk {number:02}", start_date=day(number + 1), series=america)

    first = client.get(events.url, {"series": "working-in-america"}).content.decode()
    second = client.get(events.url, {"series": "working-in-america", "page": "2"}).content.decode()
    beyond = client.get(events.url, {"series": "working-in-america", "page": "99"}).content.decode()

    assert len(titles(first)) == 10
    assert "?series=working-in-america&amp;page=2" in first
    assert titles(second) == ["Talk 10", "Talk 11"]
    assert titles(beyond) == ["Talk 10", "Talk 11"]
    assert explanations(second) == []
    assert explanations(beyond) == ["There are only 2 pages of results; here is the last one."]


@pytest.mark.parametrize(
    ("page", "shown", "notice"),
    [
        ("2", ["Ago 10", "Ago 11"], None),
        ("99", ["Ago 10", "Ago 11"], "There are only 2 pages of results; here is the last one."),
        ("abc", [f"Ago {n:02}" for n in range(10)], "“abc” is not a page number; here is the first page."),
        ("0", [f"Ago {n:02}" for n in range(10)], "Pages are numbered from 1; here is the first page."),
    ],
)
def test_the_past_list_explains_a_page_number_it_does_not_have(client, events, page, shown, notice):
    for number in range(12):
        EventPageFactory(parent=events, title=f"Ago {number:02}", start_date=day(-number - 1))

    html = client.get(events.url + "past/", {"page": page}).content.decode()

    assert titles(html) == shown
    assert explanations(html, within="event-list-heading") == ([notice] if notice else [])


def test_listing_queries_do_not_grow_with_the_number_of_events(
    client, events, series, django_assert_max_num_queries, django_assert_num_queries
):
    for number in range(3):
        EventPageFactory(parent=events, start_date=day(number + 1), series=series[number % 2])
    client.get(events.url)  # warm the site and settings caches
    with django_assert_max_num_queries(30) as few:
        client.get(events.url)
    few_count = len(few.captured_queries)
    for number in range(12):
        EventPageFactory(parent=events, start_date=day(number + 10), series=series[number % 2])
        EventPageFactory(parent=events, start_date=day(-number - 1), series=series[number % 2])
    client.get(events.url)  # the new pages emptied the cached menus
    with django_assert_num_queries(few_count):
        client.get(events.url)
    with django_assert_max_num_queries(few_count):
        client.get(events.url + "past/")


def test_series_page_lists_its_events_upcoming_first_then_past_and_its_funders(client, events, series):
    america = series[0]
    america.funders.add(OrganisationFactory(name="A Sample Foundation"))
    america.save_revision().publish()
    EventPageFactory(parent=events, title="Old talk", start_date=day(-10), series=america)
    EventPageFactory(parent=events, title="Next talk", start_date=day(10), series=america)
    EventPageFactory(parent=events, title="Other series", start_date=day(5), series=series[1])

    html = client.get(america.url).content.decode()

    assert titles(html) == ["Next talk", "Old talk"]
    assert html.index("Upcoming discussions") < html.index("Past discussions")
    assert "A Sample Foundation" in html
    public_events = client.get(america.get_parent().url).content.decode()
    assert "Working in America" in public_events and "Reinventing Low-Wage Work" in public_events


@pytest.mark.parametrize(
    ("page", "shown", "notice"),
    [
        ("2", ["Old talk 10", "Old talk 11"], None),
        ("99", ["Old talk 10", "Old talk 11"], "There are only 2 pages of results; here is the last one."),
        ("x1", [f"Old talk {n:02}" for n in range(10)], "“x1” is not a page number; here is the first page."),
        ("-1", [f"Old talk {n:02}" for n in range(10)], "Pages are numbered from 1; here is the first page."),
    ],
)
def test_series_page_past_discussions_explain_a_page_number_they_do_not_have(
    client, events, series, page, shown, notice
):
    america = series[0]
    EventPageFactory(parent=events, title="Next talk", start_date=day(10), series=america)
    for number in range(12):
        EventPageFactory(parent=events, title=f"Old talk {number:02}", start_date=day(-number - 1), series=america)

    html = client.get(america.url, {"page": page}).content.decode()

    assert titles(html) == ["Next talk", *shown]
    assert explanations(html, within="past-heading") == ([notice] if notice else [])


def test_event_page_shows_when_where_speakers_and_registration(client, events):
    event = EventPageFactory(
        parent=events,
        title="Good jobs",
        start_date=day(10),
        venue_name="Main Hall",
        address="1 Main Street\nWashington, DC",
        registration_url="https://example.org/register",
        registration_deadline=day(8),
    )
    EventSpeakerFactory(page=event, person__name="Ada Example", person__slug="ada-example", role="Moderator")

    html = client.get(event.url).content.decode()

    assert "Tuesday, June 11, 2030, 2 p.m. – 3 p.m. EDT (Eastern Time)" in html
    assert 'datetime="2030-06-11T14:00:00-04:00"' in html
    assert "Main Hall" in html and "Washington, DC" in html
    assert 'id="speaker-ada-example"' in html and "Moderator" in html
    assert "Register by Sunday, June 9, 2030." in html
    assert "Google Calendar" in html and "Outlook.com" in html
    with time_machine.travel(datetime.datetime(2030, 6, 10, 12, 0, tzinfo=UTC), tick=False):
        assert "Registration has closed." in client.get(event.url).content.decode()


def test_cancelled_events_say_so_everywhere(client, events):
    event = EventPageFactory(
        parent=events,
        title="Logistics jobs",
        start_date=day(4),
        status="cancelled",
        status_note="We hope to hold it in the autumn.",
        registration_url="https://example.org/register",
    )

    page = client.get(event.url).content.decode()
    listing = client.get(events.url).content.decode()
    home = client.get("/").content.decode()
    rss = client.get(events.url + "feed/rss/").content.decode()
    ics = client.get(event.url + "calendar/").content.decode()

    assert "This event has been cancelled." in page and "We hope to hold it in the autumn." in page
    assert "Registration is closed: the event is cancelled." in page
    assert "<title>Cancelled: Logistics jobs" in page
    assert "Cancelled: Logistics jobs" in BeautifulSoup(page, "html.parser").find("a", string="Google Calendar")[
        "href"
    ].replace("+", " ").replace("%3A", ":")
    assert "Cancelled" in listing and "Cancelled" in home
    assert "Cancelled: Logistics jobs" in rss
    assert "STATUS:CANCELLED" in ics and "SUMMARY:Cancelled: Logistics jobs" in ics
    data = json.loads(BeautifulSoup(page, "html.parser").find("script", type="application/ld+json").string)
    assert data["eventStatus"] == "https://schema.org/EventCancelled"


def test_home_page_shows_the_next_events_soonest_first(client, events):
    for offset in [9, 2, 5, 7, -1]:
        EventPageFactory(parent=events, title=f"In {offset} days", start_date=day(offset))

    html = client.get("/").content.decode()
    section = BeautifulSoup(html, "html.parser").find("section", attrs={"aria-labelledby": "home-events-heading"})

    assert titles(str(section)) == ["In 2 days", "In 5 days", "In 7 days"]
    assert section.find("a", string="All events")["href"] == events.url


def test_series_and_home_page_queries_do_not_grow_with_the_number_of_events(
    client, events, series, django_assert_max_num_queries, django_assert_num_queries
):
    america = series[0]
    EventPageFactory(parent=events, start_date=day(3), series=america)
    EventPageFactory(parent=events, start_date=day(-3), series=america)
    counts = {}
    for url in [america.url, "/"]:
        client.get(url)
        with django_assert_max_num_queries(40) as few:
            client.get(url)
        counts[url] = len(few.captured_queries)
    for number in range(8):
        EventPageFactory(parent=events, start_date=day(number + 5), series=america)
        EventPageFactory(parent=events, start_date=day(-number - 5), series=america)
    for url, count in counts.items():
        client.get(url)  # the new pages emptied the cached menus
        with django_assert_num_queries(count):
            client.get(url)


def test_an_event_leaves_the_home_page_when_it_ends_and_the_next_one_takes_its_place(client, events):
    soon = EventPageFactory(parent=events, title="Soon", start_date=day(1))
    for offset in (2, 3, 4):
        EventPageFactory(parent=events, title=f"In {offset} days", start_date=day(offset))

    def next_events():
        html = client.get("/").content.decode()
        return titles(str(BeautifulSoup(html, "html.parser").find(attrs={"aria-labelledby": "home-events-heading"})))

    with time_machine.travel(soon.ends_at - datetime.timedelta(seconds=20), tick=False):
        assert next_events() == ["Soon", "In 2 days", "In 3 days"]
    with time_machine.travel(soon.ends_at + datetime.timedelta(seconds=20), tick=False):
        assert next_events() == ["In 2 days", "In 3 days", "In 4 days"]
