"""What the home page shows of the calendar and the news (wsi never imports resources)."""

from django import template
from wagtail.models import Page

from resources.events.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage
from wsi.page_privacy import public

register = template.Library()


@register.inclusion_tag("events/home_next_events.html", takes_context=True)
def next_events(context, count=3):
    """The next ``count`` events, soonest first, counting those in progress."""
    events = public(EventPage.objects.live()).upcoming().select_related("series")[:count]
    return {"request": context.get("request"), "events": events, "index": _index(context, EventIndexPage)}


@register.inclusion_tag("events/home_latest_news.html", takes_context=True)
def latest_news(context, count=3):
    news = public(NewsPage.objects.live()).select_related("author").order_by("-date", "-pk")[:count]
    return {"request": context.get("request"), "news": news, "index": _index(context, NewsIndexPage)}


def _index(context, model):
    """The first live ``model`` page in tree order, for its address; the events and the news
    indexes are read together, once per request."""
    request = context.get("request")
    indexes = getattr(request, "_wsi_events_indexes", None)
    if indexes is None:
        indexes = list(Page.objects.live().type(EventIndexPage, NewsIndexPage).order_by("path"))
        if request is not None:
            request._wsi_events_indexes = indexes
    return next((page for page in indexes if issubclass(page.specific_class, model)), None)
