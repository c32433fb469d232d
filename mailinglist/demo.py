"""A few sample subscribers, obviously fake (example.org), so the admin's list, filters and
dashboard panel have something to show."""

from datetime import timedelta

from django.utils import timezone

from resources.library.models import Topic

from .addresses import email_key
from .models import CURRENT_CONSENT_VERSION, Subscriber
from .signups import suppress

SAMPLES = [
    ("ada.sample@example.org", "Ada Sample", "Example Workforce Board", "subscribed", ["sector-approach"], 40),
    ("ben.sample@example.org", "", "", "subscribed", ["worker-outcomes", "job-quality"], 25),
    ("chloe.sample@example.org", "Chloe Sample", "Example Community College", "pending", [], 2),
    ("dev.sample@example.org", "", "", "unsubscribed", ["value-to-business"], 60),
    ("eve.sample@example.org", "Eve Sample", "", "subscribed", [], 9),
]


def load(demo):
    now = timezone.now()
    for address, name, organisation, status, topics, days_ago in SAMPLES:
        signed_up = now - timedelta(days=days_ago)
        subscriber, created = Subscriber.objects.get_or_create(
            email_key=email_key(address),
            defaults={
                "email": address,
                "name": name,
                "organisation": organisation,
                "status": status,
                "created_at": signed_up,
                "consent_at": signed_up,
                "consent_page": "/mailing-list/",
                "consent_version": CURRENT_CONSENT_VERSION,
                "confirmed_at": signed_up + timedelta(minutes=7) if status != "pending" else None,
                "unsubscribed_at": now - timedelta(days=3) if status == "unsubscribed" else None,
            },
        )
        if created:
            subscriber.interests.set(Topic.objects.filter(slug__in=topics))
        if status == "unsubscribed":
            suppress(address, "unsubscribed")
    demo.log(f"mailing list: {len(SAMPLES)} sample subscribers at example.org")
