from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "resources.events"
    label = "events"
    verbose_name = "Events and news"
