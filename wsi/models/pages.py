from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from wsi.blocks import BodyBlock
from wsi.navigation import menu_tree_for_request
from wsi.page_privacy import public

from .contact import ContactPage
from .fields import image_field
from .mixins import BasePage, BodyMixin, ListingImageMixin


class HomePage(BodyMixin, BasePage):
    """The site's front page: a statement of purpose, then what is new across the site."""

    template = "pages/home_page.html"
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    # Content apps declare HomePage among their own parent_page_types.

    hero_heading = models.CharField(max_length=200)
    hero_text = models.TextField(blank=True)
    hero_image = image_field()

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_heading"),
        FieldPanel("hero_text"),
        FieldPanel("hero_image"),
        FieldPanel("introduction"),
        *BodyMixin.content_panels,
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("hero_text"), *BodyMixin.search_fields]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The sections shown as cards under "What we do"; the contact page has its own place.
        # They are the menus' sections (live, public, in the menus) when this is the site's home.
        site = Site.find_for_request(request)
        if site is not None and site.root_page_id == self.pk:
            sections = [section for section, _children in menu_tree_for_request(request)]
        else:
            sections = public(self.get_children().live()).in_menu().specific()
        context["sections"] = [section for section in sections if not isinstance(section, ContactPage)]
        return context


class SectionPage(BodyMixin, BasePage):
    """A top-level section of the site map (About us, Our Work, News & Events) that introduces
    its pages and lists them as cards."""

    template = "pages/section_page.html"
    parent_page_types = ["wsi.HomePage"]
    # Content apps declare SectionPage among their own parent_page_types.

    content_panels = [*BasePage.content_panels, *BodyMixin.content_panels]
    search_fields = [*BasePage.search_fields, *BodyMixin.search_fields]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = public(self.get_children().live()).specific().in_menu()
        return context


class StandardPage(ListingImageMixin, BodyMixin, BasePage):
    """A page of prose: Who We Are, Our Story, a project or a tool description."""

    template = "pages/standard_page.html"
    parent_page_types = ["wsi.HomePage", "wsi.SectionPage", "wsi.StandardPage"]
    subpage_types = ["wsi.StandardPage"]

    body = StreamField(BodyBlock())  # required: the prose is the page

    content_panels = [*BasePage.content_panels, *ListingImageMixin.content_panels, *BodyMixin.content_panels]
    search_fields = [*BasePage.search_fields, *BodyMixin.search_fields]
