"""The parts every page is built from: ``BasePage`` and the mixins a page composes, each
carrying its own panels and search fields. A page model lists them in its own order, e.g.
``content_panels = [*BasePage.content_panels, *BodyMixin.content_panels]``."""

from django.db import models
from django.http import Http404
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from wsi.blocks import BodyBlock
from wsi.page_privacy import view_restrictions
from wsi.page_routes import child_on_path

from .fields import image_field


class BasePage(Page):
    """Every public page: an introduction for listings and the meta description, a shorter
    name for the menus if its title is long, and an optional image for social sharing (the site
    default is used otherwise)."""

    introduction = models.TextField(blank=True, help_text="One or two sentences shown under the title and in listings.")
    menu_title = models.CharField(
        max_length=60, blank=True, help_text="A shorter name for the menus, e.g. “FAQ”. Empty: the title."
    )
    social_image = image_field(help_text="Shown when the page is shared; the site default image is used when empty.")

    # The Open Graph type of the page's meta tags (articles say "article"). Declared here, not left
    # to the template's default, because a template's lookup of a missing attribute costs a
    # dir() of the whole page object.
    og_type = "website"

    # The introduction comes under the title; a page that asks for it further down starts from
    # Page.content_panels and places it itself.
    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    promote_panels = [*Page.promote_panels, FieldPanel("menu_title"), FieldPanel("social_image")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    class Meta:
        abstract = True

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        child = child_on_path(request, self, path_components)
        if child is None:
            raise Http404
        child._cached_parent_obj = self  # as Wagtail's routing does: get_parent() without a query
        return child.route(request, path_components[1:])

    def get_view_restrictions(self):
        return view_restrictions(self)

    @property
    def menu_label(self):
        return self.menu_title or self.title

    @property
    def meta_description(self):
        text = self.search_description or self.introduction
        return Truncator(strip_tags(text)).chars(200)


class BodyMixin(models.Model):
    """The page's text in the site's shared blocks (headings, paragraphs, images, quotes,
    charts...), found by site search."""

    body = StreamField(BodyBlock(), blank=True)

    content_panels = [FieldPanel("body")]
    search_fields = [index.SearchField("body")]

    class Meta:
        abstract = True


class ListingImageMixin(models.Model):
    """The page's image, shown at its head and on its card wherever the page is listed."""

    image = image_field()

    content_panels = [FieldPanel("image")]

    class Meta:
        abstract = True
