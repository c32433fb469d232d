"""Erasure leaves no row that holds the address (nothing the sweeper could bring it back
from), and people who left are erased after the retention period, by beat."""

from datetime import timedelta

import pytest
import time_machine
from django.apps import apps
from django.conf import settings
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from mailinglist import tasks
from mailinglist.addresses import suppression_hash
from mailinglist.factories import OutgoingMailFactory, SubscriberFactory
from mailinglist.models import (
    ConfirmationToken,
    OutgoingMail,
    SignupConsent,
    SignupRequest,
    Subscriber,
    Suppression,
)
from mailinglist.signups import erase, process_signup_request
from mailinglist.tokens import new_confirmation_token
from wsi.celery import app

pytestmark = pytest.mark.django_db

ADDRESS = "Private.Person@example.org"


def rows_holding(text):
    """Every row of the mailing list's tables and of the admin's log that mentions ``text``."""
    found = []
    for model in [*apps.get_app_config("mailinglist").get_models(), ModelLogEntry]:
        for row in model.objects.values():
            if any(text.lower() in str(value).lower() for value in row.values()):
                found.append((model.__name__, row))
    return found


@pytest.fixture
def person(home):
    """A subscriber with everything the list keeps about someone: a signup that is still to be
    processed, a consent record with its confirmation mail and token, a mail whose SMTP error
    quotes the address, and entries in the admin's log."""
    subscriber = SubscriberFactory(email=ADDRESS, name="Private Person", pending=True)
    first = SignupRequest.objects.create(email=ADDRESS, consent_version="2025-1")
    process_signup_request(first.pk)
    new_confirmation_token(subscriber, subscriber.signup_consents.get())
    OutgoingMailFactory(subscriber=subscriber, last_error=f"452 <{ADDRESS}>: mailbox full")
    log(subscriber, "mailinglist.resend")
    SignupRequest.objects.create(email=ADDRESS.lower(), consent_version="2025-1")
    assert {model for model, _ in rows_holding(ADDRESS)} == {
        "Subscriber",
        "SignupRequest",
        "OutgoingMail",
        "ModelLogEntry",
    }
    return subscriber


def test_erasure_leaves_no_row_that_holds_the_address(person):
    erase(person)

    assert rows_holding(ADDRESS) == []
    assert rows_holding("Private Person") == []
    assert not SignupConsent.objects.exists() and not ConfirmationToken.objects.exists()
    assert Suppression.objects.filter(digest=suppression_hash(ADDRESS)).exists()
    assert OutgoingMail.objects.filter(subscriber__isnull=True).count() == 2  # counts stay, anonymous


def test_the_sweeper_cannot_bring_an_erased_person_back(person, settings):
    settings.MAILINGLIST_ENQUEUE_LEASE_SECONDS = 0

    erase(person)
    tasks.sweep()

    assert not Subscriber.objects.exists()
    assert rows_holding(ADDRESS) == []


def test_people_who_left_are_erased_after_the_retention_period(home, settings):
    settings.MAILINGLIST_ERASE_DEPARTED_AFTER_DAYS = 90
    now = timezone.now()
    with time_machine.travel(now - timedelta(days=91)):
        left_long_ago = SubscriberFactory(email="left.long.ago@example.org", unsubscribed=True)
        bounced_long_ago = SubscriberFactory(email="bounced.long.ago@example.org", bounced=True)
        subscribed_long_ago = SubscriberFactory(email="still.here@example.org")
    with time_machine.travel(now - timedelta(days=89)):
        left_lately = SubscriberFactory(email="left.lately@example.org", unsubscribed=True)

    erased = tasks.erase_departed()

    assert erased == 2
    remaining = set(Subscriber.objects.values_list("email", flat=True))
    assert remaining == {subscribed_long_ago.email, left_lately.email}
    for gone in (left_long_ago, bounced_long_ago):
        assert Suppression.objects.filter(digest=suppression_hash(gone.email)).exists()
        assert rows_holding(gone.email) == []
    entries = ModelLogEntry.objects.filter(action="mailinglist.erase")
    assert entries.count() == 2 and all(entry.data == {"reason": "retention"} for entry in entries)


def test_beat_runs_the_retention_erasure():
    [entry] = [entry for entry in settings.CELERY_BEAT_SCHEDULE.values() if entry["task"].endswith("erase_departed")]

    assert entry["task"] in app.tasks
    assert entry["schedule"] <= 24 * 60 * 60


def test_the_evidence_of_signups_never_confirmed_is_forgotten(home, settings):
    settings.MAILINGLIST_PURGE_UNCONFIRMED_DAYS = 30
    former = SubscriberFactory(email="former@example.org", unsubscribed=True)
    with time_machine.travel(timezone.now() - timedelta(days=31)):
        process_signup_request(SignupRequest.objects.create(email=former.email, consent_version="2025-1").pk)
    assert former.signup_consents.count() == 1

    tasks.erase_departed()

    assert former.signup_consents.count() == 0
    assert Subscriber.objects.filter(pk=former.pk).exists()
