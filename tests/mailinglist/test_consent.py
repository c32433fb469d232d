"""Consent that holds: each signup's evidence waits with its own confirmation mail and becomes
the subscriber's only when that mail's link is used; the preferences link brings back only
people who confirmed before, and records new evidence when it does."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from mailinglist.addresses import keyed_hash
from mailinglist.factories import SubscriberFactory
from mailinglist.models import SignupConsent, Subscriber
from mailinglist.tokens import preferences_token
from tests.helpers.mailinglist import follow_link, link_from, signup_data

pytestmark = pytest.mark.django_db

Status = Subscriber.Status
LONG_AGO = timezone.now() - timedelta(days=400)


def consent_of(subscriber):
    subscriber.refresh_from_db()
    return (
        subscriber.consent_method,
        subscriber.consent_at,
        subscriber.consent_ip_hash,
        subscriber.consent_user_agent,
        subscriber.consent_page,
    )


@pytest.fixture
def former(home):
    """Someone who signed up and confirmed long ago, from a known network, then left."""
    return SubscriberFactory(
        email="former@example.org",
        unsubscribed=True,
        consent_at=LONG_AGO,
        consent_ip_hash=keyed_hash("ip", "192.0.2.77"),
        consent_user_agent="Their browser",
        consent_page="/about-us/",
        confirmed_at=LONG_AGO,
    )


def stranger_signs_up(client, address, page="/events/"):
    client.post(
        "/mailing-list/", signup_data(address, page=page), REMOTE_ADDR="198.51.100.66", HTTP_USER_AGENT="Stranger"
    )


@pytest.mark.parametrize("status", [Status.UNSUBSCRIBED, Status.BOUNCED])
def test_a_strangers_signup_leaves_the_consent_of_someone_who_left_as_it_was(
    client, former, status, django_capture_on_commit_callbacks
):
    Subscriber.objects.filter(pk=former.pk).update(status=status)
    before = consent_of(former)

    with django_capture_on_commit_callbacks(execute=True):
        stranger_signs_up(client, "Former@example.org")

    assert [message.to for message in mail.outbox] == [["former@example.org"]]
    assert consent_of(former) == before
    former.refresh_from_db()
    assert former.status == status
    assert SignupConsent.objects.get().page == "/events/"  # kept with the confirmation mail


def test_confirming_copies_the_evidence_of_the_signup_that_mailed_the_link(
    client, former, django_capture_on_commit_callbacks
):
    signed_up = timezone.now() - timedelta(minutes=5)
    with time_machine.travel(signed_up, tick=False), django_capture_on_commit_callbacks(execute=True):
        stranger_signs_up(client, "former@example.org", page="/our-work/")
    confirm_url = link_from(mail.outbox[0], "confirm")

    with django_capture_on_commit_callbacks(execute=True):
        follow_link(client, confirm_url, REMOTE_ADDR="203.0.113.200", HTTP_USER_AGENT="Owner's phone")

    former.refresh_from_db()
    assert former.status == Status.SUBSCRIBED
    assert former.consent_method == Subscriber.ConsentMethod.FORM
    assert former.consent_at == signed_up
    assert former.consent_ip_hash == keyed_hash("ip", "198.51.100.66")
    assert (former.consent_user_agent, former.consent_page) == ("Stranger", "/our-work/")
    assert former.confirmed_ip_hash == keyed_hash("ip", "203.0.113.200")
    assert former.confirmed_user_agent == "Owner's phone"
    assert SignupConsent.objects.get().confirmed_at == former.confirmed_at


def test_a_pending_subscriber_cannot_subscribe_through_the_preferences_link(client, home):
    pending = SubscriberFactory(email="pending@example.org", pending=True)
    token = preferences_token(pending)

    shown = client.post("/mailing-list/preferences/", {"token": token})
    response = client.post("/mailing-list/preferences/", {"token": token, "action": "resubscribe"})

    assert b"Subscribe me again" not in shown.content
    assert b"confirmation mail" in shown.content
    assert b"Welcome back" not in response.content
    pending.refresh_from_db()
    assert pending.status == Status.PENDING and pending.confirmed_at is None


def test_someone_who_never_confirmed_cannot_come_back_through_the_preferences_link(client, home):
    left_unconfirmed = SubscriberFactory(pending=True)
    Subscriber.objects.filter(pk=left_unconfirmed.pk).update(status=Status.UNSUBSCRIBED)

    client.post("/mailing-list/preferences/", {"token": preferences_token(left_unconfirmed), "action": "resubscribe"})

    left_unconfirmed.refresh_from_db()
    assert left_unconfirmed.status == Status.UNSUBSCRIBED


def test_coming_back_through_the_preferences_link_records_new_evidence(client, former):
    response = client.post(
        "/mailing-list/preferences/",
        {"token": preferences_token(former), "action": "resubscribe"},
        REMOTE_ADDR="203.0.113.8",
        HTTP_USER_AGENT="Their new browser",
    )

    assert b"Welcome back" in response.content
    former.refresh_from_db()
    assert former.status == Status.SUBSCRIBED
    assert former.consent_method == Subscriber.ConsentMethod.PREFERENCES
    assert former.consent_at > LONG_AGO + timedelta(days=399)
    assert former.consent_ip_hash == keyed_hash("ip", "203.0.113.8")
    assert former.consent_user_agent == "Their new browser"
    assert former.consent_page == "/mailing-list/preferences/"
    assert former.consent_version == "2025-1"
    [history] = former.signup_consents.all()
    assert history.method == Subscriber.ConsentMethod.PREFERENCES and history.confirmed_at
