from django.apps import AppConfig


class WsiConfig(AppConfig):
    name = "wsi"
    verbose_name = "Site"
