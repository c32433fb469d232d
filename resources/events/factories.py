"""Factories for events and news; topics, people and funders come from resources.library.factories."""

import datetime

import factory
import wagtail_factories

from resources.events.models import (
    EventIndexPage,
    EventPage,
    EventSeriesIndexPage,
    EventSeriesPage,
    EventSpeaker,
    NewsIndexPage,
    NewsPage,
)
from resources.library.factories import PersonFactory
from wsi.factories import SectionPageFactory


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"
    show_in_menus = True

    class Meta:
        model = EventIndexPage


class EventSeriesIndexPageFactory(wagtail_factories.PageFactory):
    title = "Public Events"
    slug = "public-events"

    class Meta:
        model = EventSeriesIndexPage


class EventSeriesPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Series {n}")

    class Meta:
        model = EventSeriesPage


class EventPageFactory(wagtail_factories.PageFactory):
    """A one-hour event at 2 p.m. New York time, a week from 1 June 2030 unless told."""

    title = factory.Sequence(lambda n: f"Event {n}")
    start_date = datetime.date(2030, 6, 8)
    start_time = datetime.time(14, 0)
    end_time = datetime.time(15, 0)
    introduction = "A discussion of good jobs."

    class Meta:
        model = EventPage


class EventSpeakerFactory(factory.django.DjangoModelFactory):
    person = factory.SubFactory(PersonFactory)
    role = "Moderator"

    class Meta:
        model = EventSpeaker


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Latest News"
    slug = "latest-news"
    show_in_menus = True

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"News item {n}")
    date = datetime.date(2030, 5, 1)
    introduction = "Something happened."

    class Meta:
        model = NewsPage


def make_events_section(home):
    """News & Events with its Events and Latest News indexes, as the demo builds them."""
    section = SectionPageFactory(parent=home, title="News & Events", slug="news-events")
    return EventIndexPageFactory(parent=section), NewsIndexPageFactory(parent=section)
