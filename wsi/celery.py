import logging.config
import os

from celery import Celery
from celery.signals import setup_logging

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wsi.settings.dev")

app = Celery("wsi")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@setup_logging.connect
def use_django_logging(**kwargs):
    """The worker and beat log through the site's LOGGING (format, redaction) instead of their own."""
    from django.conf import settings

    logging.config.dictConfig(settings.LOGGING)
