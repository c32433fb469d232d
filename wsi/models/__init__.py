from .contact import ContactFormField, ContactPage, ContactSubmission
from .mixins import BasePage
from .pages import HomePage, SectionPage, StandardPage
from .site_settings import SiteSettings

__all__ = [
    "BasePage",
    "ContactFormField",
    "ContactPage",
    "ContactSubmission",
    "HomePage",
    "SectionPage",
    "SiteSettings",
    "StandardPage",
]
