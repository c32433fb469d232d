from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class BasePage(Page):
    """Every public page: an introduction for listings and the meta description, and an
    optional image for social sharing (the site default is used otherwise)."""

    introduction = models.TextField(blank=True, help_text="One or two sentences shown under the title and in listings.")
    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when the page is shared; the site default image is used when empty.",
    )

    promote_panels = [*Page.promote_panels, FieldPanel("social_image")]

    class Meta:
        abstract = True

    @property
    def meta_description(self):
        text = self.search_description or self.introduction
        return Truncator(strip_tags(text)).chars(200)
