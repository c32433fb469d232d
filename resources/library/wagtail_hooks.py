from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Organisation, Person, Topic


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
