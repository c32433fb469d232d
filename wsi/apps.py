from django.apps import AppConfig


class WsiConfig(AppConfig):
    name = "wsi"
    verbose_name = "Site"

    def ready(self):
        from wsi.navigation import connect_signals

        connect_signals()
