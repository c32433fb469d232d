"""RSS and Atom feeds of upcoming events and of the latest news. Each feed belongs to an index
page, which serves it from a route of its own."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from resources.events.calendars import absolute_url

FEED_LENGTH = 20


class PageFeed(Feed):
    """A feed built for one index page and one request (URLs follow the visitor's host)."""

    def __init__(self, page):
        super().__init__()
        self.page = page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.page.title

    def link(self):
        return absolute_url(self.request, self.page)

    def description(self):
        return self.page.introduction or self.page.title

    def item_link(self, item):
        return absolute_url(self.request, item)

    def item_guid(self, item):
        return f"{self.item_link(item)}#{item.translation_key}"

    item_guid_is_permalink = False

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


class EventsFeed(PageFeed):
    def items(self):
        return self.page.events().upcoming().prefetch_related("topics")[:FEED_LENGTH]

    def item_title(self, item):
        return item.display_title

    def item_description(self, item):
        parts = [item.when, item.location_text, item.status_note if item.status_label else "", item.introduction]
        return "\n\n".join(part for part in parts if part)

    def item_pubdate(self, item):
        return item.first_published_at


class EventsAtomFeed(EventsFeed):
    feed_type = Atom1Feed
    subtitle = PageFeed.description


class NewsFeed(PageFeed):
    def items(self):
        return self.page.news().prefetch_related("topics").select_related("author")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.introduction

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.date, time.min))

    def item_author_name(self, item):
        return item.author.name if item.author else None


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = PageFeed.description
