"""RSS and Atom feeds of the newest resources, for the whole library and for each topic. The
library page serves them and hands over itself and the topic."""

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

FEED_LENGTH = 20


class LatestResourcesFeed(Feed):
    def __call__(self, request, *args, library=None, **kwargs):
        self.library = library
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, topic=None):
        self.request = request
        return topic

    def title(self, topic):
        return f"{topic.name}: new resources" if topic else "New research and resources"

    def link(self, topic):
        url = self.library.get_url(self.request)
        return url + self.library.reverse_subpage("topic_section", args=[topic.slug]) if topic else url

    def description(self, topic):
        if topic:
            return topic.description or f"New resources on {topic.name} from the Workforce Strategies Initiative."
        return "New reports, briefs, tools and surveys from the Workforce Strategies Initiative."

    def items(self, topic):
        resources = self.library.resources()
        if topic:
            resources = resources.filter(topics=topic)
        newest = [F("publication_date").desc(nulls_last=True), "-first_published_at", "-pk"]
        return resources.order_by(*newest).prefetch_related("topics", "authors__person", "authors__organisation")[
            :FEED_LENGTH
        ]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.introduction

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        if item.publication_date:
            return timezone.make_aware(datetime.datetime.combine(item.publication_date, datetime.time(12)))
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.author_names or None

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


class LatestResourcesAtomFeed(LatestResourcesFeed):
    feed_type = Atom1Feed

    def subtitle(self, topic):
        return self.description(topic)
