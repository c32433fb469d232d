"""A resource as a card of a list (library/includes/resource_card.html: the library's results,
a person's work): the fields the card reads, its authors read in one query for the whole list,
and its topics taken from the library's facet index, which holds every resource's topics
already. A tile (resource_tile.html: related resources, the home page) reads the same fields."""

from django.db.models import Prefetch

from .facet_index import library_index
from .models.resource import ResourceAuthor, ResourcePage
from .topics import all_topics

# The page fields a card and its link read: the rest of a resource (its summary, findings,
# identifiers) took a third of the query's time.
CARD_FIELDS = ("title", "path", "depth", "url_path", "locale", "live", "resource_type", "publication_date")
CARD_FIELDS += ("date_precision", "introduction")
CARD_AUTHORS = Prefetch(
    "authors",
    queryset=ResourceAuthor.objects.select_related("person", "organisation").only(
        "page", "sort_order", "person__name", "organisation__name"
    ),
)


def for_cards(resources):
    """``resources`` (a queryset of resource pages) reading what a card shows."""
    return resources.only(*CARD_FIELDS).prefetch_related(CARD_AUTHORS)


def with_topics(resources, index=None):
    """``resources``, each given ``card_topics``: its topics in the admin's order."""
    index = index or library_index()
    topics = all_topics()
    order = {topic.pk: rank for rank, topic in enumerate(topics)}
    for resource in resources:
        position = index.position.get(resource.pk)
        ranks = sorted(order[pk] for pk in (index.topics_of[position] if position is not None else ()) if pk in order)
        resource.card_topics = [topics[rank] for rank in ranks]
    return resources


def resources_at(index, positions):
    """The resources at ``positions`` of the index, in that order, as cards: two queries. A
    resource unpublished since the index was read is left out."""
    pks = [index.ids[position] for position in positions]
    by_pk = for_cards(ResourcePage.objects.live().filter(pk__in=pks)).in_bulk(pks)
    return with_topics([by_pk[pk] for pk in pks if pk in by_pk], index)
