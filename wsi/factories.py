import factory
import wagtail_factories
from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from wsi.models import HomePage, SectionPage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    slug = "wsi-home"
    hero_heading = "Helping low-income Americans gain ground"

    class Meta:
        model = HomePage


class SectionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Section {n}")
    show_in_menus = True

    class Meta:
        model = SectionPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    show_in_menus = True
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>Some text.</p>"}])

    class Meta:
        model = StandardPage


def make_site_root():
    """A HomePage at the root of the default site, replacing Wagtail's welcome page. Works
    after a transactional test has emptied the tables that Wagtail's migrations fill."""
    if not Locale.objects.exists():
        Locale.objects.create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    home = HomePageFactory(parent=root)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="testserver", root_page=home, is_default_site=True)
        return home
    welcome = site.root_page
    site.root_page = home
    site.hostname = "testserver"
    site.save()
    if welcome.pk != home.pk:
        welcome.delete()
    return home
