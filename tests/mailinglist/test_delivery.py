"""One outgoing-mail row, one mail: claims, retries on temporary SMTP errors, no retry on
permanent ones, the sweeper and the purge. SMTP here is a real server (aiosmtpd) on 127.0.0.1."""

import logging
import time
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings as django_settings
from django.utils import timezone

from mailinglist import announcing, delivery, tasks
from mailinglist.factories import AnnouncementFactory, OutgoingMailFactory, SubscriberFactory
from mailinglist.messages import build_message
from mailinglist.models import Announcement, ConfirmationToken, OutgoingMail, SignupRequest, Subscriber
from resources.library.factories import TopicFactory
from tests.helpers.ports import free_port
from tests.helpers.processes import celery_broker
from wsi.celery import app as celery_app

pytestmark = pytest.mark.django_db
State = OutgoingMail.State


@pytest.fixture
def smtp(sink, settings, home):
    sink.reset()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = sink.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    return sink


def test_a_sent_mail_carries_its_row_id_and_the_unsubscribe_headers(smtp):
    row = OutgoingMailFactory(kind=OutgoingMail.Kind.WELCOME)

    delivery.deliver(row.pk)

    [message] = smtp.messages
    row.refresh_from_db()
    assert row.state == State.SENT and row.attempts == 1 and row.sent_at
    assert message["X-WSI-Mail-ID"] == str(row.pk)
    assert message["Message-ID"] == row.message_id
    assert message["List-Unsubscribe"].strip().startswith("<http://testserver/mailing-list/unsubscribe/")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert {part.get_content_type() for part in message.walk()} >= {"text/plain", "text/html"}


def test_a_second_delivery_of_the_same_task_sends_nothing(smtp):
    row = OutgoingMailFactory()

    delivery.deliver(row.pk)
    delivery.deliver(row.pk)

    assert smtp.by_mail_id() == {str(row.pk): 1}


def test_421_then_250_retries_with_backoff_and_sends_once(smtp, settings):
    settings.MAILINGLIST_RETRY_BASE_SECONDS = 60
    row = OutgoingMailFactory(subscriber__email="busy@example.org")
    smtp.handler.temporary_failures["busy@example.org"] = 1

    retry_in = delivery.deliver(row.pk)
    row.refresh_from_db()
    too_early = delivery.deliver(row.pk)
    with time_machine.travel(timezone.now() + timedelta(seconds=61)):
        delivery.deliver(row.pk)

    assert 30 <= retry_in <= 60
    assert row.state == State.QUEUED and row.last_error.startswith("421")
    assert too_early is None
    row.refresh_from_db()
    assert row.state == State.SENT and row.attempts == 2
    assert smtp.by_mail_id() == {str(row.pk): 1}


def test_550_fails_at_once_and_marks_the_address_bounced(smtp):
    row = OutgoingMailFactory(
        kind=OutgoingMail.Kind.CONFIRM, subscriber__email="nobody@example.org", subscriber__pending=True
    )
    smtp.handler.refused.add("nobody@example.org")

    assert delivery.deliver(row.pk) is None

    row.refresh_from_db()
    assert row.state == State.FAILED and row.attempts == 1 and row.last_error.startswith("550")
    assert Subscriber.objects.get(pk=row.subscriber_id).status == Subscriber.Status.BOUNCED
    assert smtp.messages == []


def test_a_refusal_is_logged_with_ids_and_a_masked_address(smtp, caplog):
    row = OutgoingMailFactory(
        kind=OutgoingMail.Kind.CONFIRM, subscriber__email="nobody@example.org", subscriber__pending=True
    )
    smtp.handler.refused.add("nobody@example.org")

    with caplog.at_level(logging.INFO):
        delivery.deliver(row.pk)

    [warning] = [record.getMessage() for record in caplog.records if record.name == "mailinglist.delivery"]
    assert warning.startswith(f"Mail {row.pk} to subscriber {row.subscriber_id}, attempt 1: 550")
    assert "<n***@example.org>" in warning and "nobody" not in warning


def test_the_attempt_cap_turns_temporary_errors_into_failure(smtp, settings):
    settings.MAILINGLIST_MAX_ATTEMPTS = 2
    row = OutgoingMailFactory(subscriber__email="down@example.org")
    smtp.handler.temporary_failures["down@example.org"] = 5

    delivery.deliver(row.pk)
    OutgoingMail.objects.filter(pk=row.pk).update(next_attempt_at=None)
    delivery.deliver(row.pk)

    row.refresh_from_db()
    assert row.state == State.FAILED and row.attempts == 2


def test_a_refused_connection_is_temporary(smtp, settings):
    settings.EMAIL_PORT = 1  # nothing listens there
    row = OutgoingMailFactory()

    assert delivery.deliver(row.pk) is not None
    row.refresh_from_db()
    assert row.state == State.QUEUED and "ConnectionRefusedError" in row.last_error


def test_the_sweeper_releases_stale_claims_and_picks_up_forgotten_rows(home, settings):
    now = timezone.now()
    stale = OutgoingMailFactory(state=State.SENDING, claimed_at=now - timedelta(hours=1), attempts=1)
    fresh_claim = OutgoingMailFactory(state=State.SENDING, claimed_at=now)
    forgotten = OutgoingMailFactory(enqueued_at=now - timedelta(hours=1))
    just_queued = OutgoingMailFactory()
    waiting_retry = OutgoingMailFactory(enqueued_at=now - timedelta(hours=1), next_attempt_at=now + timedelta(hours=1))
    lost_signup = SignupRequest.objects.create(email="lost@example.org", consent_version="2025-1")
    SignupRequest.objects.filter(pk=lost_signup.pk).update(enqueued_at=now - timedelta(hours=1))

    mails, requests = delivery.sweep()

    assert sorted(mails) == sorted([stale.pk, forgotten.pk])
    assert requests == [lost_signup.pk]
    assert OutgoingMail.objects.get(pk=fresh_claim.pk).state == State.SENDING
    assert just_queued.pk not in mails and waiting_retry.pk not in mails
    assert delivery.sweep() == ([], [])  # what it just enqueued has a new lease


def test_a_mail_waiting_in_a_backlog_is_enqueued_once_per_lease(home, settings):
    settings.MAILINGLIST_ENQUEUE_LEASE_SECONDS = 900
    published = timezone.now()
    waiting = OutgoingMailFactory(enqueued_at=published)
    enqueued = []

    for minutes in range(0, 40, 2):  # beat's sweeps while the workers are busy elsewhere
        with time_machine.travel(published + timedelta(minutes=minutes, seconds=1)):
            enqueued += delivery.sweep()[0]

    assert enqueued == [waiting.pk, waiting.pk]  # at 15 and 30 minutes, not every 2 minutes


def test_a_failed_publish_ends_the_lease_so_the_next_sweep_enqueues(home):
    row = OutgoingMailFactory()

    with celery_broker(f"redis://127.0.0.1:{free_port()}/0"):  # nothing listens there
        tasks.publish_mail(row.pk)

    assert delivery.sweep()[0] == [row.pk]


def test_a_line_break_in_a_header_fails_the_mail_at_once(smtp):
    announcement = AnnouncementFactory(subject="News\nBcc: everyone@example.org")
    row = OutgoingMailFactory(kind=OutgoingMail.Kind.ANNOUNCEMENT, announcement=announcement)

    assert delivery.deliver(row.pk) is None

    row.refresh_from_db()
    assert row.state == State.FAILED and "could not be built" in row.last_error
    assert smtp.messages == []


def test_the_broker_keeps_a_taken_task_longer_than_the_longest_retry_and_run():
    options = celery_app.conf.broker_transport_options

    longest = django_settings.MAILINGLIST_RETRY_MAX_SECONDS + django_settings.CELERY_TASK_TIME_LIMIT
    assert options["visibility_timeout"] > longest


def test_the_purge_forgets_old_unconfirmed_signups_only(home):
    old = timezone.now() - timedelta(days=31)
    SubscriberFactory(email="old-pending@example.org", pending=True, created_at=old)
    SubscriberFactory(email="new-pending@example.org", pending=True)
    SubscriberFactory(email="old-subscribed@example.org", created_at=old, confirmed_at=old)
    SubscriberFactory(email="old-left@example.org", unsubscribed=True, created_at=old, confirmed_at=old)

    assert delivery.purge() >= 1

    assert sorted(Subscriber.objects.values_list("email", flat=True)) == [
        "new-pending@example.org",
        "old-left@example.org",
        "old-subscribed@example.org",
    ]
    assert not ConfirmationToken.objects.exists()


def test_an_announcement_prepares_one_mail_per_subscribed_reader_even_twice(home, settings):
    settings.MAILINGLIST_ANNOUNCEMENT_BATCH_SIZE = 2
    topic, other = TopicFactory(slug="worker-outcomes"), TopicFactory(slug="job-quality")
    readers = SubscriberFactory.create_batch(5)
    for reader in readers[:3]:
        reader.interests.set([topic, other])
    SubscriberFactory(pending=True).interests.set([topic])
    SubscriberFactory(unsubscribed=True).interests.set([topic])
    everyone = AnnouncementFactory(state=Announcement.State.QUEUED)
    targeted = AnnouncementFactory(state=Announcement.State.QUEUED)
    targeted.interests.set([topic, other])
    targeted.save()  # a ParentalManyToManyField is written on save

    assert announcing.prepare(everyone.pk, deadline=time.monotonic() + 60)
    Announcement.objects.filter(pk=everyone.pk).update(state=Announcement.State.QUEUED, prepared_through=0)
    assert announcing.prepare(everyone.pk, deadline=time.monotonic() + 60)
    assert announcing.prepare(targeted.pk, deadline=time.monotonic() + 60)

    assert everyone.mails.count() == 5
    assert Announcement.objects.get(pk=everyone.pk).state == Announcement.State.SENDING
    assert set(targeted.mails.values_list("subscriber_id", flat=True)) == {reader.pk for reader in readers[:3]}


def test_preparing_stopped_midway_resumes_where_it_stopped(home, settings):
    settings.MAILINGLIST_ANNOUNCEMENT_BATCH_SIZE = 2
    SubscriberFactory.create_batch(5)
    announcement = AnnouncementFactory(state=Announcement.State.QUEUED)

    assert not announcing.prepare(announcement.pk, deadline=time.monotonic())  # out of time at once
    announcement.refresh_from_db()
    assert announcement.state == Announcement.State.QUEUED and announcement.mails.count() == 0
    assert announcing.prepare(announcement.pk, deadline=time.monotonic() + 60)
    assert announcement.mails.count() == 5


def test_an_announcement_mail_carries_absolute_links_and_clean_plain_text(home, settings):
    settings.SITE_URL = "https://wsi.example.org"
    announcement = AnnouncementFactory(
        body='<p>Read <a href="/research-resources/gaining-ground/">Gaining Ground</a> &amp; tell a colleague.</p>'
    )
    mail = OutgoingMailFactory(kind=OutgoingMail.Kind.ANNOUNCEMENT, announcement=announcement)

    message = build_message(mail)

    html_part = message.alternatives[0][0]
    assert 'href="https://wsi.example.org/research-resources/gaining-ground/"' in html_part
    assert "Read Gaining Ground & tell a colleague." in message.body
