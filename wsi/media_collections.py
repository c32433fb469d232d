"""The collections staff file images and documents in, by use ("Page images", "People",
"Reports", ...), each declared by the app that uses it (``media_collections`` on its
AppConfig) and created under the root collection after every migrate if missing. A collection
in ``private_media_collections`` (embargoed reports) is created with a view restriction: its
documents are served only to staff who are logged in, since documents leave only through
Wagtail's serve view (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``), which checks it."""

from django.apps import apps
from wagtail.models import Collection, CollectionViewRestriction


def declared():
    """{name: private} for every app's collections, in INSTALLED_APPS order."""
    collections = {}
    for config in apps.get_app_configs():
        collections.update(dict.fromkeys(getattr(config, "media_collections", ()), False))
        collections.update(dict.fromkeys(getattr(config, "private_media_collections", ()), True))
    return collections


def collection_named(name):
    """The collection ``name`` under the root, created (restricted if declared private) if absent."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    if existing is not None:
        return existing
    collection = root.add_child(name=name)
    if declared().get(name):
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    return collection


def ensure_collections():
    """Every declared collection; nothing while there is no root collection (an emptied test
    database), until the next call."""
    if Collection.get_first_root_node() is None:
        return
    for name in declared():
        collection_named(name)
