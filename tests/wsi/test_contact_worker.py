"""The contact form end to end with the real services: the POST commits, Redis carries the
task, a Celery worker started here mails the staff address through an SMTP sink."""

import time

import pytest
from django.conf import settings

from tests.helpers.processes import Worker, broker_to_ourselves, celery_broker, forget_queued_tasks
from wsi.factories import ContactPageFactory, make_site_root
from wsi.models import ContactSubmission
from wsi.tasks import mail_contact_submission

pytestmark = [
    pytest.mark.integration,
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def worker(sink):
    with broker_to_ourselves(settings.REDIS_URL):
        forget_queued_tasks(settings.REDIS_URL)
        process = Worker(settings.REDIS_URL, sink.url, "http://testserver", STAFF_EMAIL="team@wsi.example.org").start()
        yield process
        process.stop()


def test_contact_message_reaches_staff_through_the_worker(client, sink, worker):
    contact = ContactPageFactory(parent=make_site_root())
    with celery_broker(settings.REDIS_URL):
        response = client.post(
            contact.url,
            {"name": "Ana Ruiz", "email": "ana@example.org", "message": "Please send the Gaining Ground report."},
        )
        deadline = time.monotonic() + 60
        while not sink.messages and time.monotonic() < deadline and worker.process.poll() is None:
            time.sleep(0.2)

    assert response.status_code == 302
    assert worker.process.poll() is None, worker.output()
    [message] = sink.messages
    assert message["To"] == "team@wsi.example.org"
    assert message["Reply-To"] == "ana@example.org"
    assert "Please send the Gaining Ground report." in message.get_payload()
    submission = ContactSubmission.objects.get()
    for _ in range(50):
        if submission.mailed_at:
            break
        time.sleep(0.1)
        submission.refresh_from_db()
    assert submission.mailed_at is not None


def test_two_tasks_for_one_message_mail_it_once(sink, worker):
    """The sweeper's task and a redelivered one may run at once, in two worker processes."""
    sink.reset()
    contact = ContactPageFactory(parent=make_site_root())
    sink.handler.stall["team@wsi.example.org"] = 2  # the first send waits at RCPT

    with celery_broker(settings.REDIS_URL):
        submission = ContactSubmission.objects.create(page=contact, form_data={"name": "Ana", "message": "Hello"})
        time.sleep(0.5)
        mail_contact_submission.delay(submission.pk)
        sink.wait_for(lambda messages: len(messages) >= 1)
        time.sleep(3)

    assert len(sink.messages) == 1, worker.output()
    submission.refresh_from_db()
    assert submission.mailed_at is not None
