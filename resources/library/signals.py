"""What the library does when something happens elsewhere. ``LibraryConfig.ready`` connects
each receiver here to its signals."""

from wagtail.models import PageViewRestriction

from .facet_index import forget_library_index
from .models import ResourcePage, Topic


def forget_index(sender, instance=None, raw=False, **kwargs):
    """A resource, a topic or a page's privacy changed: every process rebuilds its facet index."""
    # Rows saved raw come in bulk (fixtures, resources.library.bulk), whose loader forgets the index once.
    if not raw and isinstance(instance, ResourcePage | Topic | PageViewRestriction):
        forget_library_index()
