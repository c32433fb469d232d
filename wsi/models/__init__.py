from .mixins import BasePage
from .pages import HomePage, SectionPage, StandardPage
from .site_settings import SiteSettings

__all__ = ["BasePage", "HomePage", "SectionPage", "SiteSettings", "StandardPage"]
