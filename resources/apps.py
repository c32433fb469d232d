from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "resources"
    verbose_name = "Research and resources"

    def ready(self):
        from resources.library_index import connect_signals

        connect_signals()
