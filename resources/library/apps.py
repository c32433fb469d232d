from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from wagtail.signals import post_page_move

SNIPPETS = ("topic", "person", "organisation")


class LibraryConfig(AppConfig):
    name = "resources.library"
    label = "library"
    verbose_name = "Research and resources library"
    # Kept by wsi.roles: editors write the library's snippets and submit them for review,
    # moderators also publish and delete them.
    # Portraits and logos; publications; reports staff may read before their release.
    media_collections = ("People", "Reports")
    private_media_collections = ("Embargoed reports",)
    role_permissions = {
        "Editors": [f"library.{action}_{model}" for model in SNIPPETS for action in ("add", "change")],
        "Moderators": [
            f"library.{action}_{model}" for model in SNIPPETS for action in ("add", "change", "delete", "publish")
        ],
    }

    def ready(self):
        from . import signals

        post_save.connect(signals.forget_index, dispatch_uid="library-index-save")
        post_delete.connect(signals.forget_index, dispatch_uid="library-index-delete")
        post_page_move.connect(signals.forget_index, dispatch_uid="library-index-move")
