from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page

from wsi.blocks import BodyBlock
from wsi.models import BasePage

from .snippets import Topic


class ResourceIndexPage(RoutablePageMixin, BasePage):
    """Research & Resources: the library, with one section per topic at
    ``/research-resources/<topic-slug>/`` (the FAQ's link targets)."""

    template = "resources/resource_index_page.html"
    max_count = 1
    parent_page_types = ["wsi.HomePage"]
    subpage_types = []

    body = StreamField(BodyBlock(), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction"), FieldPanel("body")]

    def route(self, request, path_components):
        # A resource page whose slug equals a topic's wins over the topic section.
        try:
            return Page.route(self, request, path_components)
        except Http404:
            return super().route(request, path_components)

    @path("<slug:topic_slug>/", name="topic_section")
    def topic_section(self, request, topic_slug):
        topic = get_object_or_404(Topic, slug=topic_slug)
        context = self.get_context(request)
        context["topic"] = topic
        return TemplateResponse(request, "resources/topic_section.html", context)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = Topic.objects.all()
        return context
