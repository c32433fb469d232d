"""The mailing list with the real services: PostgreSQL, Redis, a Celery worker process and an
SMTP server. Every fault ends with exactly one mail per outgoing-mail row."""

import os
import re
import time

import pytest
import requests
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import ModelLogEntry

from mailinglist import tasks
from mailinglist.factories import OutgoingMailFactory
from mailinglist.models import OutgoingMail, SignupRequest, Subscriber, SubscriberImport
from tests.helpers.mailinglist import link_from, sign_up_over_http
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
State = OutgoingMail.State


@pytest.fixture(scope="module")
def worker(sink, live_server, django_db_setup, django_db_blocker):
    require(settings.REDIS_URL, "needs Redis: set REDIS_URL=redis://... to a running server")
    with broker_to_ourselves(settings.REDIS_URL):
        forget_queued_tasks(settings.REDIS_URL)
        with django_db_blocker.unblock():
            process = Worker(settings.REDIS_URL, sink.url, live_server.url).start()
        yield process
        process.stop()


@pytest.fixture
def services(worker, sink, settings):
    """A site, an empty sink, and this process publishing tasks to Redis for the worker."""
    settings.MAILINGLIST_MIN_FILL_SECONDS = 0
    sink.reset()
    make_site_root()
    if worker.process.poll() is not None:
        worker.start()
    with celery_broker(settings.REDIS_URL):
        yield sink


def wait_until(condition, timeout=20.0, what="the condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def test_signup_confirm_welcome_and_one_click_unsubscribe(services, live_server):
    sink = services

    answer = sign_up_over_http(live_server.url, "reader@example.org")
    assert answer.status_code == 302 and answer.headers["Location"] == "/mailing-list/check-your-inbox/"

    [confirmation] = sink.wait_for(lambda messages: len(messages) == 1)
    confirm_url = link_from(confirmation, "confirm")
    assert confirm_url.startswith(live_server.url)
    browser = requests.Session()
    page = browser.get(confirm_url, timeout=10)
    assert page.status_code == 200 and "Yes, subscribe me" in page.text
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING  # the GET changed nothing
    page_url, _, token = confirm_url.partition("#")
    confirmed = browser.post(
        page_url,
        data={"csrfmiddlewaretoken": browser.cookies["csrftoken"], "token": token},
        headers={"Referer": page_url},
    )
    assert confirmed.status_code == 200 and "you are subscribed" in confirmed.text

    messages = sink.wait_for(lambda messages: len(messages) == 2)
    welcome = messages[1]
    assert welcome["Subject"] == "Welcome to our mailing list"
    assert welcome["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_url = re.search(r"<(https?://[^>]+)>", welcome["List-Unsubscribe"]).group(1)
    one_click = requests.post(
        unsubscribe_url,
        data="List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        timeout=10,
    )

    assert one_click.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED
    assert sorted(sink.by_mail_id().values()) == [1, 1]


def test_same_task_delivered_twice_sends_once(services):
    row = OutgoingMailFactory(subscriber__email="twice@example.org")

    for _ in range(3):
        tasks.send_mail.delay(row.pk)

    services.wait_for(lambda messages: len(messages) >= 1)
    wait_until(lambda: OutgoingMail.objects.get(pk=row.pk).state == State.SENT, what="the row to be marked sent")
    time.sleep(0.5)
    assert services.by_mail_id() == {str(row.pk): 1}


def test_sweeper_racing_the_worker_sends_each_mail_once(services, settings):
    settings.MAILINGLIST_ENQUEUE_LEASE_SECONDS = 0
    rows = [OutgoingMailFactory(subscriber__email=f"race{n}@example.org") for n in range(20)]

    for row in rows:
        tasks.send_mail.delay(row.pk)
        tasks.sweep()

    wait_until(lambda: not OutgoingMail.objects.exclude(state=State.SENT).exists(), what="all rows to be marked sent")
    time.sleep(0.5)
    assert services.by_mail_id() == {str(row.pk): 1 for row in rows}


def test_421_then_250_is_retried_and_sent_once(services):
    services.handler.temporary_failures["busy@example.org"] = 1
    row = OutgoingMailFactory(subscriber__email="busy@example.org")

    tasks.send_mail.delay(row.pk)

    wait_until(lambda: OutgoingMail.objects.get(pk=row.pk).state == State.SENT, what="the retry to succeed")
    row.refresh_from_db()
    assert row.attempts == 2
    assert services.by_mail_id() == {str(row.pk): 1}


def test_550_is_not_retried_and_shows_as_failed(services):
    services.handler.refused.add("nobody@example.org")
    row = OutgoingMailFactory(subscriber__email="nobody@example.org")

    tasks.send_mail.delay(row.pk)

    wait_until(lambda: OutgoingMail.objects.get(pk=row.pk).state == State.FAILED, what="the row to fail")
    row.refresh_from_db()
    assert row.attempts == 1 and row.last_error.startswith("550")
    assert services.messages == []


def test_worker_killed_mid_send_then_restarted(services, worker, settings):
    services.handler.stall["slow@example.org"] = 15
    row = OutgoingMailFactory(subscriber__email="slow@example.org")

    tasks.send_mail.delay(row.pk)
    wait_until(lambda: OutgoingMail.objects.get(pk=row.pk).state == State.SENDING, what="the send to start")
    worker.kill()
    assert OutgoingMail.objects.get(pk=row.pk).state == State.SENDING
    worker.start()
    settings.MAILINGLIST_CLAIM_TIMEOUT_SECONDS = 0
    tasks.sweep()

    wait_until(
        lambda: OutgoingMail.objects.get(pk=row.pk).state == State.SENT,
        what=f"the resend after the sweep; worker log:\n{worker.output()}",
    )
    time.sleep(0.5)
    assert services.by_mail_id() == {str(row.pk): 1}


def test_signup_while_redis_is_down_is_mailed_once_redis_is_back(sink, live_server, settings, worker):
    require(os.path.exists(REDIS_SERVER), "needs redis-server (apt-get install redis-server) to run a private one")
    settings.MAILINGLIST_MIN_FILL_SECONDS = 0
    settings.MAILINGLIST_ENQUEUE_LEASE_SECONDS = 0
    sink.reset()
    make_site_root()
    broker = PrivateRedis()
    with celery_broker(broker.url):
        began = time.monotonic()
        answer = sign_up_over_http(live_server.url, "patient@example.org")
        took = time.monotonic() - began

        assert answer.status_code == 302 and answer.headers["Location"] == "/mailing-list/check-your-inbox/"
        assert took < 5
        assert SignupRequest.objects.count() == 1

        broker.start()
        private_worker = Worker(broker.url, sink.url, live_server.url).start()
        try:
            tasks.sweep()
            sink.wait_for(lambda messages: len(messages) == 1)
            tasks.sweep()
            time.sleep(1)
        finally:
            private_worker.stop()
            broker.stop()

    [confirmation] = sink.messages
    assert confirmation["To"] == "patient@example.org"
    assert sink.by_mail_id() == {str(OutgoingMail.objects.get().pk): 1}


def test_a_csv_import_runs_in_the_worker_and_reports_every_row(services, client, django_user_model):
    # Earlier transactional tests emptied the database, the managers' group with it.
    manager = django_user_model.objects.create_superuser("manager", "manager@example.org", "pw")
    client.force_login(manager)
    rows = ["email,name", *(f"person{n}@example.org,Person {n}" for n in range(3000)), "no-at-sign,Nobody"]
    upload = SimpleUploadedFile("people.csv", "\n".join(rows).encode())

    answer = client.post("/admin/mailing-list/subscribers/import/", {"file": upload, "confirm_consent": "on"})

    assert answer.status_code == 302 and "/subscribers/import/" in answer["Location"], answer["Location"]
    wait_until(lambda: SubscriberImport.objects.get().finished, timeout=60, what="the worker to finish the import")
    report = " ".join(BeautifulSoup(client.get(answer["Location"]).content, "html.parser").get_text().split())
    assert "Imported 3000 new subscribers, updated 0, skipped 1 row." in report
    assert "No @ in the first column 1 3002" in report
    assert Subscriber.objects.filter(consent_method=Subscriber.ConsentMethod.IMPORTED).count() == 3000
    assert ModelLogEntry.objects.get(action="mailinglist.import").user == manager
