"""Property tests: whatever reaches the event and news listings' query strings (series, topic,
year, page), their feeds and the calendars (.ics), the answer is never a 5xx.
Strategies: tests/helpers/hostile.py."""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.helpers.hostile import HOSTILE, fields, get

KNOWN = {
    "series": ["working-in-america", "reinventing-low-wage-work"],
    "topic": ["worker-outcomes", "sector-approach"],
    "year": ["2015", "2026"],
    "page": ["2"],
}
PATHS = [
    "/news-events/events/",
    "/news-events/events/past/",
    "/news-events/events/calendar/",
    "/news-events/events/feed/rss/",
    "/news-events/events/feed/atom/",
    "/news-events/events/from-fast-food-to-fine-cuisine/",
    "/news-events/events/from-fast-food-to-fine-cuisine/calendar/",
    "/news-events/latest-news/",
    "/news-events/latest-news/feed/rss/",
    "/news-events/latest-news/feed/atom/",
    "/our-work/public-events/",
    "/our-work/public-events/working-in-america/",
    "/our-work/public-events/working-in-america/calendar/",
]


@pytest.mark.parametrize("path", PATHS)
def test_the_paths_exist(client, demo_site, path):
    assert client.get(path).status_code == 200


@settings(HOSTILE, max_examples=700)
@example(path="/news-events/events/", pairs=[("year", "9" * 400), ("page", "%ED%A0%80")])
@example(path="/news-events/events/calendar/", pairs=[("topic", "%00"), ("topic", "a" * 100_000)])
@given(path=st.sampled_from(PATHS), pairs=fields(["series", "topic", "year", "page"], known=KNOWN))
def test_event_and_news_query_strings(client, demo_site, path, pairs):
    assert get(client, path, pairs).status_code < 500
