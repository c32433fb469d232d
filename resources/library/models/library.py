from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from wsi.models import BasePage, BodyMixin
from wsi.page_privacy import public

from ..cards import for_cards, with_topics
from ..facet_index import library_index
from ..feeds import LatestResourcesAtomFeed, LatestResourcesFeed
from ..listing import LibraryListing
from ..sections import PERSON_PAGE_SECTIONS, TOPIC_SECTION_SECTIONS, sections
from ..topics import live_topic, live_topics
from .resource import ResourcePage
from .snippets import Person, Topic


class ResourceIndexPage(RoutablePageMixin, BodyMixin, BasePage):
    """Research & Resources: the library, with one section per topic at
    ``/research-resources/<topic-slug>/`` (the FAQ's link targets) and a page per author."""

    template = "library/resource_index_page.html"
    max_count = 1
    parent_page_types = ["wsi.HomePage"]
    subpage_types = ["library.ResourcePage"]

    content_panels = [*BasePage.content_panels, *BodyMixin.content_panels]
    search_fields = [*BasePage.search_fields, *BodyMixin.search_fields]

    def route(self, request, path_components):
        # A resource page whose slug equals a topic's wins over the topic section.
        try:
            return BasePage.route(self, request, path_components)
        except Http404:
            return super().route(request, path_components)

    def resources(self):
        # Every resource lives under the one library (max_count = 1, parent_page_types): no
        # tree condition needed.
        return public(ResourcePage.objects.live())

    def get_context(self, request, *args, topic=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        topics = live_topics()
        listing = LibraryListing(request.GET, library_index(), topics, within=topic)
        context.update(listing.context())
        context["topics"] = topics
        context["topic"] = topic
        return context

    def get_cached_paths(self):
        """Its addresses in the frontend cache (wsi/frontend_cache.py); the topic sections and
        people pages are named by wagtail_hooks.frontend_cache_urls."""
        return ["/", "feed/", "feed/atom/"]

    @path("feed/", name="feed")
    def rss_feed(self, request):
        return LatestResourcesFeed()(request, library=self)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        return LatestResourcesAtomFeed()(request, library=self)

    @path("people/<slug:person_slug>/", name="person")
    def person(self, request, person_slug):
        person = get_object_or_404(Person.objects.live(), slug=person_slug)
        works = for_cards(
            self.resources().filter(authors__person=person).distinct().order_by("-publication_date", "title")
        )
        works = with_topics(list(works))
        context = super().get_context(request)
        context.update(person=person, works=works, sections=sections(PERSON_PAGE_SECTIONS, request, person))
        return TemplateResponse(request, "library/person_page.html", context)

    @path("<slug:topic_slug>/", name="topic_section")
    def topic_section(self, request, topic_slug):
        topic = live_topic(topic_slug)
        if topic is None:
            raise Http404("No such topic.")
        context = self.get_context(request, topic=topic)
        context["sections"] = sections(TOPIC_SECTION_SECTIONS, request, topic)
        return TemplateResponse(request, "library/topic_section.html", context)

    @path("<slug:topic_slug>/feed/", name="topic_feed")
    def topic_rss_feed(self, request, topic_slug):
        topic = get_object_or_404(Topic.objects.live(), slug=topic_slug)
        return LatestResourcesFeed()(request, library=self, topic=topic)

    @path("<slug:topic_slug>/feed/atom/", name="topic_atom_feed")
    def topic_atom_feed(self, request, topic_slug):
        topic = get_object_or_404(Topic.objects.live(), slug=topic_slug)
        return LatestResourcesAtomFeed()(request, library=self, topic=topic)

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if base is None:
            return urls
        urls += [
            {"location": base + self.reverse_subpage("topic_section", args=[t.slug])} for t in Topic.objects.live()
        ]
        authors = Person.objects.live().filter(authorships__page__live=True).distinct()
        urls += [{"location": base + self.reverse_subpage("person", args=[p.slug])} for p in authors]
        return urls
