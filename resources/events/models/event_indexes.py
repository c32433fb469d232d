"""Where events are listed: Public Events and its two discussion series, the Events index
(upcoming and past, filters, calendar and feeds) and the "Past Events" menu entry."""

from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from resources.events import calendars
from resources.events import feeds as event_feeds
from resources.events.filters import ListingFilterForm, filtered_listing
from wsi import page_cache
from wsi.models import BasePage, BodyMixin, ListingImageMixin
from wsi.page_privacy import public

from .events import EventPage


class EventSeriesIndexPage(BodyMixin, BasePage):
    """Public Events under Our Work: introduces the discussion series and lists them."""

    template = "events/event_series_index_page.html"
    parent_page_types = ["wsi.SectionPage"]
    subpage_types = ["events.EventSeriesPage"]
    max_count = 1

    content_panels = [*BasePage.content_panels, *BodyMixin.content_panels]
    search_fields = [*BasePage.search_fields, *BodyMixin.search_fields]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["series_list"] = public(EventSeriesPage.objects.child_of(self).live()).select_related("image")
        return context


class EventSeriesPage(RoutablePageMixin, ListingImageMixin, BasePage):
    """A series of public discussions (Working in America, Reinventing Low-Wage Work): what it
    is about, who funds it and its events, upcoming first. Has its own calendar feed."""

    template = "events/event_series_page.html"
    parent_page_types = ["events.EventSeriesIndexPage"]
    subpage_types = []

    description = RichTextField(blank=True, features=["bold", "italic", "link", "ul"])
    funders = ParentalManyToManyField("library.Organisation", blank=True, related_name="event_series")

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("description"),
        *ListingImageMixin.content_panels,
        FieldPanel("funders"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("description")]

    def get_cached_paths(self):
        return ["/", "calendar/"]

    @path("calendar/", name="ics")
    def calendar(self, request):
        events = public(EventPage.objects.upcoming().live()).filter(series=self)
        return calendars.calendar_response(request, events, name=self.title, filename=f"{self.slug}.ics")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = public(EventPage.objects.live()).filter(series=self).for_cards()
        context["upcoming_events"] = events.upcoming()
        context["past_listing"] = filtered_listing(request, events.past())
        context["funders"] = self.funders.all()
        return context


class EventIndexPage(RoutablePageMixin, BasePage):
    """Events: upcoming events soonest first, then the latest past ones, filtered by series,
    topic and year. The past list has its own address, and the feeds hang off this page."""

    template = "events/event_index_page.html"
    parent_page_types = ["wsi.SectionPage"]
    subpage_types = ["events.EventPage"]
    max_count = 1

    def events(self):
        return public(EventPage.objects.child_of(self).live()).select_related("series")

    def get_sitemap_urls(self, request=None):
        """The past list too: it is where "Past Events" in the menus leads."""
        urls = super().get_sitemap_urls(request)
        if urls:
            urls.append({**urls[0], "location": urls[0]["location"] + self.reverse_subpage("past")})
        return urls

    def get_cached_paths(self):
        return ["/", "past/", "calendar/", "feed/rss/", "feed/atom/"]

    @path("past/", name="past")
    def past(self, request):
        return self.render(request, past=True)

    @path("calendar/", name="ics")
    def calendar(self, request):
        return calendars.calendar_response(request, self.events().upcoming(), name=self.title, filename="events.ics")

    @path("feed/rss/", name="rss")
    def rss(self, request):
        return event_feeds.EventsFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom(self, request):
        return event_feeds.EventsAtomFeed(self)(request)

    def get_context(self, request, *args, past=False, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = self.events()
        # The filters' choices change only with the pages: kept until they do.
        form = ListingFilterForm(
            request.GET,
            series=page_cache.remembered("event-series", lambda: list(public(EventSeriesPage.objects.live()))),
            years=page_cache.remembered(
                ("event-years", self.pk), lambda: list(events.dates("start_date", "year", order="DESC"))
            ),
        )
        cards = events.for_cards()
        listing = filtered_listing(request, cards.past() if past else cards.upcoming(), form=form)
        context.update(listing, past=past)
        if not past and not listing["is_filtered"]:
            context["recent_past_events"] = cards.past()[:3]
        return context


class PastEventsPage(BasePage):
    """The "Past Events" entry of the News & Events menu: it sends visitors to the past list
    of the events index."""

    parent_page_types = ["wsi.SectionPage"]
    subpage_types = []
    max_count = 1

    events_index = models.ForeignKey("events.EventIndexPage", null=True, on_delete=models.SET_NULL, related_name="+")

    content_panels = [*Page.content_panels, PageChooserPanel("events_index")]

    def get_sitemap_urls(self, request=None):
        return []

    def serve(self, request, *args, **kwargs):
        index = self.events_index
        if index is None or not index.live:
            raise Http404("There is no events list to show.")
        return redirect(index.get_url(request) + index.reverse_subpage("past"))
