from django.db.models import Q
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from wsi.frontend_cache import URLS_HOOK

from .models import Organisation, Person, ResourceIndexPage, ResourcePage, Topic


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
    organisation: their page and the resources that name them."""
    if isinstance(instance, ResourcePage):
        authors = Person.objects.filter(authorships__page=instance)
        return [*_listings(), *(author.get_absolute_url() for author in authors)]
    if isinstance(instance, Topic):
        return [*_listings(topic=instance), *instance.resources.live()]
    if isinstance(instance, Person):
        works = ResourcePage.objects.live().filter(authors__person=instance)
        return [*_listings(sections=False), instance.get_absolute_url(), *works]
    if isinstance(instance, Organisation):
        resources = ResourcePage.objects.live().filter(
            Q(authors__organisation=instance) | Q(partners=instance) | Q(funders=instance)
        )
        return list(resources.distinct())
    return None


def _listings(sections=True, topic=None):
    """The library's page and, with ``sections``, every topic section and its feeds (the
    library's address read once, not once per topic as ``Topic.get_absolute_url`` would outside
    a request, in the worker's scheduled publishing); ``topic``'s at its slug in memory too,
    which may be the one before a save."""
    library = ResourceIndexPage.objects.live().first()
    base = library.get_full_url() if library is not None else None
    if base is None:
        return []
    urls = [library]
    if sections:
        slugs = set(Topic.objects.values_list("slug", flat=True))
        if topic is not None:
            slugs.add(topic.slug)
        for slug in slugs:
            section = base + library.reverse_subpage("topic_section", args=[slug])
            urls += [section, section + "feed/", section + "feed/atom/"]
    return urls
