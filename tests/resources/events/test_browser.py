"""Event, series and news pages in a real browser: no WCAG 2.2 AA violations found by axe-core."""

import datetime

import pytest
from django.utils import timezone

from resources.events.factories import (
    EventPageFactory,
    EventSeriesIndexPageFactory,
    EventSeriesPageFactory,
    EventSpeakerFactory,
    NewsPageFactory,
    make_events_section,
)
from resources.library.factories import OrganisationFactory, TopicFactory
from tests.helpers.browser import axe_violations
from tests.helpers.database import committed
from wsi.factories import SectionPageFactory, make_site_root

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="module")
def calendar(site_server, django_db_blocker):
    yield from committed(django_db_blocker, build_calendar)


def build_calendar():
    home = make_site_root()
    events, news = make_events_section(home)
    our_work = SectionPageFactory(parent=home, title="Our Work", slug="our-work")
    series = EventSeriesPageFactory(
        parent=EventSeriesIndexPageFactory(parent=our_work), title="Working in America", slug="working-in-america"
    )
    series.funders.add(OrganisationFactory(name="A Sample Foundation"))
    series.save_revision().publish()
    topic = TopicFactory(name="Job Quality", slug="job-quality")
    today = timezone.localdate()
    upcoming = EventPageFactory(
        parent=events,
        title="What makes a good job?",
        series=series,
        topics=[topic],
        start_date=today + datetime.timedelta(days=7),
        venue_name="Main Hall",
        address="1 Main St\nWashington, DC",
        online_url="https://example.org/live",
        registration_url="https://example.org/register",
        registration_deadline=today + datetime.timedelta(days=5),
    )
    EventSpeakerFactory(page=upcoming, person__name="Ada Example", person__bio="<p>Studies good jobs.</p>")
    cancelled = EventPageFactory(
        parent=events,
        title="Logistics jobs",
        series=series,
        status="cancelled",
        status_note="Sorry.",
        start_date=today + datetime.timedelta(days=9),
    )
    past = EventPageFactory(
        parent=events,
        title="Careers in care",
        series=series,
        start_date=today - datetime.timedelta(days=30),
        start_time=None,
        end_time=None,
        transcript="<p>Welcome, everyone.</p>",
    )
    item = NewsPageFactory(
        parent=news,
        title="Partnership launched",
        topics=[topic],
        is_press_release=True,
        media_contact_name="Press office",
        media_contact_email="press@example.org",
    )
    return [upcoming, cancelled, past, series, events, news, item]


def test_event_series_and_news_pages_have_no_accessibility_violations(site_server, calendar, page):
    for target in calendar:
        page.goto(site_server.url + target.url)
        assert page.get_by_role("heading", level=1).count() == 1
        assert axe_violations(page) == [], target.url
    page.goto(site_server.url + calendar[4].url + "past/?series=nope&page=abc")
    assert axe_violations(page) == []


def test_cancelled_event_announces_it_before_the_details(site_server, calendar, page):
    page.goto(site_server.url + calendar[1].url)
    notice = page.locator(".event-status-notice")
    assert "This event has been cancelled." in notice.inner_text()
    assert page.get_by_role("link", name="Register").count() == 0
