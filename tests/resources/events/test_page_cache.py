"""A cached page never shows an event as upcoming, or its registration as open, after the
moment that changed: entries expire at the next start, end or registration deadline."""

import datetime
from datetime import UTC

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resources.events.factories import EventPageFactory, make_events_section

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2030, 6, 1, 16, 0, tzinfo=UTC)
# The factory's event: 8 June 2030, 2 to 3 p.m. New York time.
STARTS = datetime.datetime(2030, 6, 8, 18, 0, tzinfo=UTC)
ENDS = datetime.datetime(2030, 6, 8, 19, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60 * 24 * 60 * 60  # only time itself makes these entries expire


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.content.decode(), len(queries)


def test_an_event_leaves_the_next_events_when_it_ends(client, home):
    events, _ = make_events_section(home)
    EventPageFactory(parent=events, title="Care jobs forum")
    with time_machine.travel(NOW, tick=False):
        get(client, "/")  # also stores the site's settings, a change like any other
        get(client, "/")
        html, queries = get(client, "/")
        assert "Care jobs forum" in html and queries == 0
    with time_machine.travel(STARTS - datetime.timedelta(minutes=1), tick=False):
        html, queries = get(client, "/")
        assert "Care jobs forum" in html and queries == 0
    with time_machine.travel(ENDS - datetime.timedelta(minutes=1), tick=False):
        html, queries = get(client, "/")
        assert "Care jobs forum" in html and queries > 0, "built again when it started"
    with time_machine.travel(ENDS + datetime.timedelta(minutes=1), tick=False):
        html, queries = get(client, "/")
        assert "Care jobs forum" not in html and queries > 0


def test_registration_closes_on_a_cached_event_page_after_its_deadline(client, home):
    events, _ = make_events_section(home)
    event = EventPageFactory(
        parent=events, registration_url="https://example.org/register", registration_deadline=datetime.date(2030, 6, 3)
    )
    with time_machine.travel(NOW, tick=False):
        get(client, event.url)
        get(client, event.url)
        html, queries = get(client, event.url)
        assert ">Register<" in html and queries == 0
    # Midnight after 3 June in New York is 04:00 UTC on the 4th.
    with time_machine.travel(datetime.datetime(2030, 6, 4, 3, 59, tzinfo=UTC), tick=False):
        assert ">Register<" in get(client, event.url)[0]
    with time_machine.travel(datetime.datetime(2030, 6, 4, 4, 1, tzinfo=UTC), tick=False):
        assert ">Register<" not in get(client, event.url)[0]
