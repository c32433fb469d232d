"""Every topic, kept in the process until public pages change (``wsi.page_cache.remembered``):
the library's filters and navigation, a card's topics and the events' topic filter all read
them on nearly every request."""

from wsi import page_cache

from .models.snippets import Topic


def all_topics():
    """Every topic, live or not, in the admin's order. A card names a topic that is not live, as
    the resource's own page does."""
    return page_cache.remembered("library-topics", lambda: list(Topic.objects.all()))


def live_topics():
    return [topic for topic in all_topics() if topic.live]


def live_topic(slug):
    """The live topic with ``slug``, or None."""
    return next((topic for topic in live_topics() if topic.slug == slug), None)
