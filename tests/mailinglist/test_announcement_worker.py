"""Announcements with the real services: PostgreSQL, Redis, Celery worker processes and an SMTP
server. Whatever fails (Redis at Send, a worker killed mid-send, a task delivered twice, the
soft time limit), each subscriber receives the announcement exactly once."""

import os
import re
import time

import pytest
from django.conf import settings

from mailinglist import signups, tasks
from mailinglist.factories import AnnouncementFactory, SubscriberFactory
from mailinglist.models import Announcement, OutgoingMail, Subscriber
from tests.helpers.processes import (
    REDIS_SERVER,
    PrivateRedis,
    Worker,
    broker_to_ourselves,
    celery_broker,
    forget_queued_tasks,
)
from tests.helpers.services import require
from wsi.factories import make_site_root

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True),
]
State = Announcement.State
SEND_URL = "/admin/mailing-list/announcements/send/{}/"


@pytest.fixture
def services(sink, settings):
    """A site, an empty sink, and this process publishing tasks to Redis, to which the test
    starts workers of its own (each with the settings it needs)."""
    require(settings.REDIS_URL, "needs Redis: set REDIS_URL=redis://... to a running server")
    sink.reset()
    make_site_root()
    with broker_to_ourselves(settings.REDIS_URL):
        forget_queued_tasks(settings.REDIS_URL)
        with celery_broker(settings.REDIS_URL):
            yield sink


@pytest.fixture
def workers(sink, live_server):
    started = []

    def start(broker_url=None, **overrides):
        worker = Worker(broker_url or settings.REDIS_URL, sink.url, live_server.url, **overrides).start()
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


@pytest.fixture
def staff(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("staff", "staff@example.org", "pw"))
    return client


def readers(count):
    return Subscriber.objects.bulk_create(
        SubscriberFactory.build(email=f"reader{n}@example.org", email_key=f"reader{n}@example.org")
        for n in range(count)
    )


def wait_until(condition, timeout=30.0, what="the condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def received_once(sink, people):
    """Each reader received one copy, and no one else received any."""
    recipients = sorted(message["To"] for message in sink.messages)
    return recipients == sorted(person.email for person in people)


def notice(response):
    return re.sub(r"\s+", " ", response.content.decode())


def test_an_announcement_sent_while_redis_is_down_goes_out_when_it_is_back(services, staff, workers):
    require(os.path.exists(REDIS_SERVER), "needs redis-server (apt-get install redis-server) to run a private one")
    people = readers(3)
    announcement = AnnouncementFactory()
    broker = PrivateRedis()
    try:
        with celery_broker(broker.url):
            first = staff.post(SEND_URL.format(announcement.pk), follow=True)
            again = staff.post(SEND_URL.format(announcement.pk), follow=True)
            assert Announcement.objects.get().state == State.QUEUED

            broker.start()
            workers(broker.url)
            tasks.start_announcements()  # beat's next check
            wait_until(lambda: len(services.messages) == 3, what="the announcement to arrive")
            wait_until(lambda: Announcement.objects.get().state == State.SENT, what="the announcement to be sent")
    finally:
        broker.stop()

    assert "on its way" in notice(first)
    assert "already sent" not in notice(again)
    assert received_once(services, people)


def test_preparing_past_the_soft_time_limit_still_reaches_everyone(services, staff, workers):
    people = readers(600)
    announcement = AnnouncementFactory()
    workers(MAILINGLIST_ANNOUNCEMENT_BATCH_SIZE=1, CELERY_TASK_SOFT_TIME_LIMIT=1, CELERY_TASK_TIME_LIMIT=60)

    staff.post(SEND_URL.format(announcement.pk))

    wait_until(lambda: Announcement.objects.get().state == State.SENT, timeout=120, what="the send to finish")
    assert received_once(services, people)


def test_a_worker_killed_mid_send_and_restarted_delivers_each_mail_once(services, staff, workers, settings):
    people = readers(10)
    services.handler.stall["reader5@example.org"] = 30
    announcement = AnnouncementFactory()
    worker = workers()

    staff.post(SEND_URL.format(announcement.pk))
    wait_until(lambda: len(services.messages) == 5, what="the first five mails")
    time.sleep(0.3)  # the sixth is now held at RCPT
    worker.kill()
    assert OutgoingMail.objects.filter(state=OutgoingMail.State.SENDING).exists()
    worker.start()
    settings.MAILINGLIST_CLAIM_TIMEOUT_SECONDS = 0
    settings.MAILINGLIST_ENQUEUE_LEASE_SECONDS = 0
    tasks.sweep()  # releases the dead worker's claims
    tasks.start_announcements()  # and beat's check starts new senders

    wait_until(lambda: Announcement.objects.get().state == State.SENT, what=f"the resend:\n{worker.output()}")
    time.sleep(0.5)
    assert received_once(services, people)


def test_sender_tasks_delivered_several_times_send_each_mail_once(services, workers):
    people = readers(40)
    announcement = AnnouncementFactory(state=State.QUEUED)
    workers()

    tasks.queue_announcement.delay(announcement.pk)
    for _ in range(4):
        tasks.send_announcement.delay(announcement.pk)

    wait_until(lambda: Announcement.objects.get().state == State.SENT, what="the send to finish")
    time.sleep(0.5)
    assert received_once(services, people)


def test_unsubscribing_during_a_send_stops_the_mails_not_yet_gone(services, staff, workers):
    people = readers(6)
    leaving = people[-1]
    announcement = AnnouncementFactory()
    workers(MAILINGLIST_SEND_RATE=2, MAILINGLIST_SENDERS=1)

    staff.post(SEND_URL.format(announcement.pk))
    services.wait_for(lambda messages: len(messages) >= 1)
    signups.unsubscribe(leaving)

    wait_until(lambda: Announcement.objects.get().state == State.SENT, what="the send to finish")
    assert received_once(services, people[:-1])
    assert OutgoingMail.objects.get(subscriber=leaving).state == OutgoingMail.State.CANCELLED
