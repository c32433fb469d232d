"""Which pages anyone may see, decided inside the query that lists them."""

from functools import reduce
from operator import or_

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce, Length, Substr
from wagtail.models import Page, PageViewRestriction

from wsi import page_cache


def public(pages):
    """Wagtail's ``PageQuerySet.public()`` (no view restriction on the page or an ancestor), as
    a subquery: Wagtail's reads every restriction in a query of its own on each call."""
    restricted = PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
    return pages.exclude(Exists(restricted))


def searchable_public(pages):
    """``public(pages)`` for a queryset that is then searched: the search backend takes filters on
    indexed fields only, not a subquery. What Wagtail's ``public()`` reads, the restricted pages'
    paths, is kept until public pages change (``page_cache.remembered``) instead of read again."""
    paths = page_cache.remembered("restricted-paths", _restricted_paths)
    if not paths:
        return pages
    return pages.exclude(reduce(or_, (Q(path__startswith=path) for path in paths)))


def _restricted_paths():
    return sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))


def view_restrictions(page):
    """Wagtail's ``Page.get_view_restrictions()`` (those of the page and its ancestors, an alias
    answering for its source page) in one query: Wagtail reads the ancestors first."""
    paths = [page.path[:end] for end in range(page.steplen, len(page.path) + 1, page.steplen)]
    checked = Page.objects.filter(path__in=paths).annotate(source=Coalesce("alias_of", "pk")).values("source")
    return PageViewRestriction.objects.filter(page_id__in=checked)
