from celery import shared_task
from django.core.management import call_command


@shared_task
def publish_scheduled():
    """Run by beat every minute so that pages scheduled in the admin go live on time."""
    call_command("publish_scheduled")
