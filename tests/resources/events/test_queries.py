"""Every events and news page type of the demo site renders in at most 15 queries with the page
cache off (issue 12); test_query_bounds.py shows the counts do not grow with the content."""

import pytest
from django.utils.html import escape

from resources.events.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage
from tests.helpers.queries import render_within_query_bar

pytestmark = pytest.mark.django_db


def html_of(client, url):
    return render_within_query_bar(client, url).content.decode()


@pytest.fixture
def events(demo_site):
    return EventIndexPage.objects.live().descendant_of(demo_site).get()


def test_the_events_page(client, events):
    assert 'href="' + EventPage.objects.live().upcoming().first().url in html_of(client, events.url)


def test_an_event(client, demo_site):
    event = EventPage.objects.live().descendant_of(demo_site).first()
    assert f"<title>{escape(event.seo_title or event.title)} | " in html_of(client, event.url)


def test_the_past_events(client, events):
    past = EventPage.objects.live().past().first()
    assert 'href="' + past.url in html_of(client, events.url + "past/")


def test_the_news(client, demo_site):
    news = NewsIndexPage.objects.live().descendant_of(demo_site).get()
    assert 'href="' + NewsPage.objects.live().order_by("-date").first().url in html_of(client, news.url)


def test_a_news_item(client, demo_site):
    item = NewsPage.objects.live().descendant_of(demo_site).first()
    assert f"<title>{escape(item.seo_title or item.title)} | " in html_of(client, item.url)


def test_the_events_feed(client, events):
    assert "<rss" in html_of(client, events.url + "feed/rss/")


def test_an_event_calendar_file(client, demo_site):
    event = EventPage.objects.live().descendant_of(demo_site).first()
    calendar = html_of(client, event.url + "calendar/")
    assert calendar.startswith("BEGIN:VCALENDAR")
    assert "BEGIN:VEVENT" in calendar
