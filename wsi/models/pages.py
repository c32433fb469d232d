from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from wsi.blocks import BodyBlock

from .contact import ContactPage
from .mixins import BasePage


class HomePage(BasePage):
    """The site's front page: a statement of purpose, then what is new across the site."""

    template = "pages/home_page.html"
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    # Content apps declare HomePage among their own parent_page_types.

    hero_heading = models.CharField(max_length=200)
    hero_text = models.TextField(blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = StreamField(BodyBlock(), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("hero_heading"),
        FieldPanel("hero_text"),
        FieldPanel("hero_image"),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("hero_text"), index.SearchField("body")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The sections shown as cards under "What we do"; the contact page has its own place.
        context["sections"] = self.get_children().live().public().in_menu().not_type(ContactPage).specific()
        return context


class SectionPage(BasePage):
    """A top-level section of the site map (About us, Our Work, News & Events) that introduces
    its pages and lists them as cards."""

    template = "pages/section_page.html"
    parent_page_types = ["wsi.HomePage"]
    # Content apps declare SectionPage among their own parent_page_types.

    body = StreamField(BodyBlock(), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction"), index.SearchField("body")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = self.get_children().live().public().specific().in_menu()
        return context


class StandardPage(BasePage):
    """A page of prose: Who We Are, Our Story, a project or a tool description."""

    template = "pages/standard_page.html"
    parent_page_types = ["wsi.HomePage", "wsi.SectionPage", "wsi.StandardPage"]
    subpage_types = ["wsi.StandardPage"]

    image = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    body = StreamField(BodyBlock())

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction"), index.SearchField("body")]
