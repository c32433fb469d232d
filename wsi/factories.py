import factory
import wagtail_factories
from wagtail.models import Page, Site

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
    """A HomePage at the root of the default site (replacing Wagtail's welcome page)."""
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    site.root_page = home
    site.hostname = "testserver"
    site.save()
    if welcome.pk != home.pk:
        welcome.delete()
    return home
