"""What the home page shows of the calendar and the news (wsi never imports resources)."""

from django import template

from resources.events.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage
from wsi.page_privacy import public

register = template.Library()


@register.inclusion_tag("events/home_next_events.html", takes_context=True)
def next_events(context, count=3):
    """The next ``count`` events, soonest first, counting those in progress."""
    events = public(EventPage.objects.live()).upcoming().select_related("series")[:count]
    return {"request": context.get("request"), "events": events, "index": EventIndexPage.objects.live().first()}


@register.inclusion_tag("events/home_latest_news.html", takes_context=True)
def latest_news(context, count=3):
    news = public(NewsPage.objects.live()).select_related("author").order_by("-date", "-pk")[:count]
    return {"request": context.get("request"), "news": news, "index": NewsIndexPage.objects.live().first()}
