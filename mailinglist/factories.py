import factory
from django.utils import timezone

from .addresses import email_key
from .models import Announcement, OutgoingMail, Subscriber


class SubscriberFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    email_key = factory.LazyAttribute(lambda s: email_key(s.email))
    status = Subscriber.Status.SUBSCRIBED
    consent_version = "2025-1"
    consent_page = "/mailing-list/"
    confirmed_at = factory.LazyAttribute(lambda s: None if s.status == Subscriber.Status.PENDING else timezone.now())

    class Meta:
        model = Subscriber

    class Params:
        pending = factory.Trait(status=Subscriber.Status.PENDING)
        unsubscribed = factory.Trait(
            status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at=factory.LazyFunction(timezone.now)
        )
        bounced = factory.Trait(status=Subscriber.Status.BOUNCED, bounced_at=factory.LazyFunction(timezone.now))


class OutgoingMailFactory(factory.django.DjangoModelFactory):
    kind = OutgoingMail.Kind.WELCOME
    subscriber = factory.SubFactory(SubscriberFactory)

    class Meta:
        model = OutgoingMail


class AnnouncementFactory(factory.django.DjangoModelFactory):
    subject = "New report: Gaining Ground"
    body = "<p>Our latest research report is out.</p>"

    class Meta:
        model = Announcement
