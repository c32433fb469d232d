from django.db.models import Q
from django.urls import reverse
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from wsi.frontend_cache import URLS_HOOK

from .models import FundersPage, Organisation, Person, ResourceIndexPage, ResourcePage, StaffPage, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug", "live"]
    sort_order_field = "sort_order"
    search_fields = ["name"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    list_display = ["name", "role", "organisation", "is_staff", "live"]
    sort_order_field = "sort_order"
    list_filter = ["is_staff"]
    search_fields = ["name", "organisation"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "kind", "live"]
    list_filter = ["kind"]
    search_fields = ["name"]


class LibraryViewSetGroup(SnippetViewSetGroup):
    menu_label = "Library"
    menu_icon = "folder-open-inverse"
    items = (TopicViewSet, PersonViewSet, OrganisationViewSet)


register_snippet(LibraryViewSetGroup)


@hooks.register(URLS_HOOK)
def library_urls(instance):
    """Where the library shows a change (wsi/frontend_cache.py). A resource: the library's
    listing, every topic section (it may have just left one) and its authors' pages. A topic:
    every section (each lists the topics) and the resources that show it. A person or an
    organisation: their page and the resources that name them, and the Staff or Funders page.
    The sitemap lists the topics' sections and the authors' pages."""
    if isinstance(instance, ResourcePage):
        authors = Person.objects.filter(authorships__page=instance)
        return [*_listings(), *(author.get_absolute_url() for author in authors)]
    if isinstance(instance, Topic):
        return [*_listings(), *instance.resources.live(), _sitemap_pages()]
    if isinstance(instance, Person):
        works = ResourcePage.objects.live().filter(authors__person=instance)
        staff_pages = StaffPage.objects.live() if instance.is_staff else []
        return [*_listings(sections=False), instance.get_absolute_url(), *works, *staff_pages, _sitemap_pages()]
    if isinstance(instance, Organisation):
        resources = ResourcePage.objects.live().filter(
            Q(authors__organisation=instance) | Q(partners=instance) | Q(funders=instance)
        )
        funders_pages = FundersPage.objects.live() if instance.kind == Organisation.Kind.FUNDER else []
        return [*resources.distinct(), *funders_pages]
    return None


def _listings(sections=True):
    """The library's page and, with ``sections``, every topic section and its feeds (the
    library's address read once, not once per topic as ``Topic.get_absolute_url`` would outside
    a request, in the worker's scheduled publishing)."""
    library = ResourceIndexPage.objects.live().first()
    base = library.get_full_url() if library is not None else None
    if base is None:
        return []
    urls = [library]
    if sections:
        for slug in Topic.objects.values_list("slug", flat=True):
            section = base + library.reverse_subpage("topic_section", args=[slug])
            urls += [section, section + "feed/", section + "feed/atom/"]
    return urls


def _sitemap_pages():
    return reverse("sitemap-section", args=["pages"])
