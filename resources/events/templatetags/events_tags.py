"""What the home page shows of the calendar and the news (wsi never imports resources)."""

from django import template
from django.utils import timezone
from wagtail.models import Page

from resources.events.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage
from wsi import page_cache
from wsi.page_privacy import public

register = template.Library()


@register.inclusion_tag("events/home_next_events.html", takes_context=True)
def next_events(context, count=3):
    """The next ``count`` events, soonest first, counting those in progress: kept until public
    pages change or one of them ends (only then can an event further on take its place)."""
    events = page_cache.remembered(
        ("next-events", count),
        lambda: _next_events(count),
        still_valid=lambda events: all(event.ends_at > timezone.now() for event in events),
    )
    return {"request": context.get("request"), "events": events, "index": _index(EventIndexPage)}


@register.inclusion_tag("events/home_latest_news.html", takes_context=True)
def latest_news(context, count=3):
    """The newest ``count`` news items: kept until public pages change."""
    news = page_cache.remembered(("latest-news", count), lambda: _latest_news(count))
    return {"request": context.get("request"), "news": news, "index": _index(NewsIndexPage)}


def _next_events(count):
    return list(public(EventPage.objects.live()).upcoming().for_cards()[:count])


def _latest_news(count):
    return list(public(NewsPage.objects.live()).select_related("author").order_by("-date", "-pk")[:count])


def _index(model):
    """The first live ``model`` page in tree order, for its address; the events and the news
    indexes are read together, and kept until public pages change."""
    indexes = page_cache.remembered("events-indexes", _read_indexes)
    return next((page for page in indexes if issubclass(page.specific_class, model)), None)


def _read_indexes():
    return list(Page.objects.live().type(EventIndexPage, NewsIndexPage).order_by("path"))
