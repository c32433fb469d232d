from .contact import ContactFormField, ContactPage, ContactSubmission
from .fields import image_field
from .mixins import BasePage, BodyMixin, ListingImageMixin
from .pages import HomePage, SectionPage, StandardPage
from .site_settings import SiteSettings

__all__ = [
    "BasePage",
    "BodyMixin",
    "ContactFormField",
    "ContactPage",
    "ContactSubmission",
    "HomePage",
    "ListingImageMixin",
    "SectionPage",
    "SiteSettings",
    "StandardPage",
    "image_field",
]
