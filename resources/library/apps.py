from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "resources.library"
    label = "library"
    verbose_name = "Research and resources library"

    def ready(self):
        from .facet_index import connect_signals

        connect_signals()
