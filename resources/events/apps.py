from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "resources.events"
    label = "events"
    verbose_name = "Events and news"
    # Agendas, slides and recordings (wsi.media_collections).
    media_collections = ("Event documents",)
