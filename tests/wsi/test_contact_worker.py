"""The contact form end to end with the real services: the POST commits, Redis carries the
task, a Celery worker started here mails the staff address through an SMTP sink."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from django.conf import settings
from django.db import connection

from wsi.celery import app as celery_app
from wsi.factories import ContactPageFactory, make_site_root
from wsi.models import ContactSubmission

pytestmark = [
    pytest.mark.integration,
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True),
]

ROOT = Path(__file__).resolve().parents[2]


class Inbox(Message):
    def __init__(self):
        super().__init__()
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)


@pytest.fixture
def smtp_sink():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, port
    controller.stop()


@pytest.fixture
def worker(smtp_sink):
    _, smtp_port = smtp_sink
    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wsi.settings.dev",
        "DATABASE_URL": (
            f"postgres://{database['USER']}:{database['PASSWORD'] or ''}@{database['HOST']}:"
            f"{database['PORT'] or 5432}/{database['NAME']}"
        ),
        "REDIS_URL": settings.REDIS_URL,
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "STAFF_EMAIL": "team@wsi.example.org",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "wsi", "worker", "--pool=solo", "--loglevel=WARNING"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    yield process
    process.terminate()
    process.wait(timeout=20)


def test_contact_message_reaches_staff_through_the_worker(client, smtp_sink, worker):
    inbox, _ = smtp_sink
    contact = ContactPageFactory(parent=make_site_root())
    celery_app.conf.task_always_eager = False
    try:
        response = client.post(
            contact.url,
            {"name": "Ana Ruiz", "email": "ana@example.org", "message": "Please send the Gaining Ground report."},
        )
        deadline = time.monotonic() + 60
        while not inbox.messages and time.monotonic() < deadline and worker.poll() is None:
            time.sleep(0.2)
    finally:
        celery_app.conf.task_always_eager = True

    assert response.status_code == 302
    assert worker.poll() is None, worker.stderr.read()
    [message] = inbox.messages
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
