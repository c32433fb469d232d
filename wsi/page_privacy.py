"""Which pages anyone may see, decided inside the query that lists them."""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


def public(pages):
    """Wagtail's ``PageQuerySet.public()`` (no view restriction on the page or an ancestor), as
    a subquery: Wagtail's reads every restriction in a query of its own on each call."""
    restricted = PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
    return pages.exclude(Exists(restricted))
