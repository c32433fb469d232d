"""News: announcements, press releases and looks ahead, newest first."""

from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from resources.events import feeds as event_feeds
from resources.events import structured_data as event_structured_data
from resources.events.filters import ListingFilterForm, filtered_listing
from wsi import page_cache
from wsi.models import BasePage, BodyMixin, ListingImageMixin
from wsi.page_privacy import public
from wsi.structured_data import json_ld_script


class NewsIndexPage(RoutablePageMixin, BasePage):
    """Latest News: every news item, newest first, filtered by topic and year, with RSS and
    Atom feeds."""

    template = "events/news_index_page.html"
    parent_page_types = ["wsi.SectionPage"]
    subpage_types = ["events.NewsPage"]
    max_count = 1

    def news(self):
        return public(NewsPage.objects.child_of(self).live()).order_by("-date", "-pk")

    def get_cached_paths(self):
        return ["/", "feed/rss/", "feed/atom/"]

    @path("feed/rss/", name="rss")
    def rss(self, request):
        return event_feeds.NewsFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom(self, request):
        return event_feeds.NewsAtomFeed(self)(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = self.news()
        # The years change only with the pages: kept until they do.
        years = page_cache.remembered(("news-years", self.pk), lambda: list(news.dates("date", "year", order="DESC")))
        form = ListingFilterForm(request.GET, years=years, date_field="date")
        context.update(filtered_listing(request, news.select_related("author"), form=form))
        return context


class NewsPage(ListingImageMixin, BodyMixin, BasePage):
    """One news item or press release (which carries a media contact)."""

    template = "events/news_page.html"
    og_type = "article"
    parent_page_types = ["events.NewsIndexPage"]
    subpage_types = []

    date = models.DateField(default=timezone.localdate)
    author = models.ForeignKey(
        "library.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="news_items"
    )
    topics = ParentalManyToManyField("library.Topic", blank=True, related_name="news_items")
    is_press_release = models.BooleanField("press release", default=False)
    media_contact_name = models.CharField(max_length=200, blank=True)
    media_contact_email = models.EmailField(blank=True)
    media_contact_phone = models.CharField(max_length=50, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("author"),
        FieldPanel("introduction", heading="Summary"),
        *ListingImageMixin.content_panels,
        *BodyMixin.content_panels,
        FieldPanel("topics"),
        MultiFieldPanel(
            [
                FieldPanel("is_press_release"),
                FieldPanel("media_contact_name"),
                FieldPanel("media_contact_email"),
                FieldPanel("media_contact_phone"),
            ],
            heading="Press release",
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        *BodyMixin.search_fields,
        index.FilterField("date"),
    ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        image_url = self.image.get_rendition("fill-1200x675").url if self.image else ""
        context["topics"] = self.topics.all()
        context["structured_data"] = json_ld_script(event_structured_data.news_article(request, self, image_url))
        return context

    @property
    def has_media_contact(self):
        return self.is_press_release and bool(
            self.media_contact_name or self.media_contact_email or self.media_contact_phone
        )
