"""Every events and news page type renders in as many queries with 1,000 items as with 10."""

import datetime
from datetime import UTC

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resources.events.factories import EventPageFactory, NewsPageFactory, make_events_section
from resources.events.models import EventPage, NewsPage
from tests.helpers.bulk_pages import add_live_children

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2030, 6, 1, 16, 0, tzinfo=UTC)


def event_fields(number):
    day = NOW + datetime.timedelta(days=number % 400 - 200)  # half past, half upcoming
    return {
        "title": f"Forum {number}",
        "introduction": "A discussion of good jobs.",
        "start_date": day.date(),
        "starts_at": day,
        "ends_at": day + datetime.timedelta(hours=1),
        "time_zone": "UTC",
        "status": EventPage.Status.SCHEDULED,
        "registration_url": "https://example.org/register",
    }


def news_fields(number):
    return {"title": f"News {number}", "introduction": "Something happened.", "date": datetime.date(2030, 5, 1)}


def queries(client, url):
    client.get(url)  # the menus and Wagtail's caches, emptied by the new pages
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.fixture
def section(home):
    events, news = make_events_section(home)
    return events, news, EventPageFactory(parent=events, title="The one we look at"), NewsPageFactory(parent=news)


def test_events_and_news_pages_take_as_many_queries_for_1000_items_as_for_10(client, home, section):
    events, news, event, news_item = section
    urls = ["/", events.url, events.url + "past/", events.url + "calendar/", event.url, news.url, news_item.url]
    urls += [events.url + "feed/rss/", news.url + "feed/rss/"]
    with time_machine.travel(NOW, tick=False):
        add_live_children(events, EventPage, 10, event_fields)
        add_live_children(news, NewsPage, 10, news_fields, slug_prefix="bulk-news-")
        small = {url: queries(client, url) for url in urls}
        add_live_children(events, EventPage, 990, event_fields)
        add_live_children(news, NewsPage, 990, news_fields, slug_prefix="bulk-news-")
        large = {url: queries(client, url) for url in urls}
    assert large == small
