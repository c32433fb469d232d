from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from wsi import page_cache

from .fields import image_field


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """What the header and footer of every page say about the organisation."""

    organisation_name = models.CharField(max_length=200, default="Workforce Strategies Initiative")
    tagline = models.CharField(max_length=255, blank=True)
    footer_text = models.TextField(blank=True)
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=50, blank=True)
    postal_address = models.TextField(blank=True)
    facebook_url = models.URLField(blank=True)
    twitter_url = models.URLField(blank=True, verbose_name="X / Twitter URL")
    linkedin_url = models.URLField(blank=True, verbose_name="LinkedIn URL")
    youtube_url = models.URLField(blank=True, verbose_name="YouTube URL")
    default_social_image = image_field()

    # Read with the settings: every page's meta tags use it.
    select_related = ["default_social_image"]

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("tagline"), FieldPanel("footer_text")],
            heading="Organisation",
        ),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone"), FieldPanel("postal_address")],
            heading="Contact details",
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("twitter_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("youtube_url"),
            ],
            heading="Follow us",
        ),
        FieldPanel("default_social_image"),
    ]

    class Meta:
        verbose_name = "site settings"

    @classmethod
    def for_request(cls, request):
        """Read on every page (header, footer, meta tags): kept in the process until public pages
        change. The admin edits the row ``for_site`` reads, never this shared one."""
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name):
            kept = page_cache.remembered_for_site(
                request, "site-settings", lambda: cls.for_site(Site.find_for_request(request))
            )
            setattr(request, attr_name, kept)
        return getattr(request, attr_name)

    @property
    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("X (Twitter)", self.twitter_url),
            ("LinkedIn", self.linkedin_url),
            ("YouTube", self.youtube_url),
        ]
        return [{"name": name, "url": url} for name, url in links if url]
