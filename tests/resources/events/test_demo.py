"""The demo calendar: real past events, upcoming samples dated from the load day, news, and the
site map's pages; loading it twice changes nothing."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from resources.events.models import EventPage, NewsPage

pytestmark = pytest.mark.django_db

PAGES = [
    "/news-events/events/",
    "/news-events/events/past/",
    "/news-events/latest-news/",
    "/our-work/public-events/",
    "/our-work/public-events/working-in-america/",
    "/our-work/public-events/reinventing-low-wage-work/",
    "/news-events/events/launch-of-the-communities-that-work-partnership/",
]


def test_demo_calendar_and_news(client, demo_site):
    events = EventPage.objects.live()
    assert events.count() >= 12
    assert NewsPage.objects.live().count() >= 8
    for series in ["Working in America", "Reinventing Low-Wage Work"]:
        assert events.upcoming().filter(series__title=series).exists()
        assert events.past().filter(series__title=series).exists()
    launch = events.get(slug="launch-of-the-communities-that-work-partnership")
    assert [speaker.person.name for speaker in launch.speakers.all()] == [
        "Maureen Conway",
        "Jay Williams",
        "Penny Pritzker",
        "Walter Isaacson",
    ]
    assert launch.recording_kind == "audio"
    assert all("(sample)" in event.title for event in events.filter(starts_at__year__gte=2020))

    home = client.get("/").content.decode()
    assert '<a href="/news-events/past-events/">Past Events</a>' in home
    assert '<a href="/news-events/latest-news/">Latest News</a>' in home
    assert client.get("/news-events/past-events/")["Location"] == "/news-events/events/past/"
    for url in PAGES:
        assert client.get(url).status_code == 200, url

    before = (Page.objects.count(), Revision.objects.count())
    call_command("load_demo_content", stdout=io.StringIO())
    assert (Page.objects.count(), Revision.objects.count()) == before
