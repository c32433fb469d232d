from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class BasePage(Page):
    """Every public page: an introduction for listings and the meta description, a shorter
    name for the menus if its title is long, and an optional image for social sharing (the site
    default is used otherwise)."""

    introduction = models.TextField(blank=True, help_text="One or two sentences shown under the title and in listings.")
    menu_title = models.CharField(
        max_length=60, blank=True, help_text="A shorter name for the menus, e.g. “FAQ”. Empty: the title."
    )
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when the page is shared; the site default image is used when empty.",
    )

    promote_panels = [*Page.promote_panels, FieldPanel("menu_title"), FieldPanel("social_image")]

    class Meta:
        abstract = True

    @property
    def menu_label(self):
        return self.menu_title or self.title

    @property
    def meta_description(self):
        text = self.search_description or self.introduction
        return Truncator(strip_tags(text)).chars(200)
