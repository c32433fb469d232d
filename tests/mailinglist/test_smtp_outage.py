"""SMTP down, with a real Celery worker on a private Redis: the mail server answers every
connection with 421 and hangs up. Each attempt waits longer than the one before (backoff); after
MAILINGLIST_MAX_ATTEMPTS the mail is marked failed, and staff find it in the admin's list of
outgoing mail and on the dashboard."""

import itertools
import os
import socket
import threading
import time

import pytest

from mailinglist import tasks
from mailinglist.factories import OutgoingMailFactory
from mailinglist.models import OutgoingMail
from tests.helpers.processes import REDIS_SERVER, PrivateRedis, Worker, celery_broker
from tests.helpers.services import require
from wsi.factories import make_site_root

pytestmark = [pytest.mark.postgres, pytest.mark.integration, pytest.mark.django_db(transaction=True)]

ATTEMPTS = 4
RETRY_BASE_SECONDS = 0.5


class RefusingSmtpServer:
    """Accepts each connection, notes when it came, answers "421 service not available" and
    closes: what a mail server that is shutting down or overloaded says."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"smtp://127.0.0.1:{self.listener.getsockname()[1]}"
        self.connections = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            self.connections.append(time.monotonic())
            with client:
                client.sendall(b"421 4.3.2 Service not available, closing transmission channel\r\n")

    def close(self):
        self.listener.close()


@pytest.fixture
def smtp_down():
    server = RefusingSmtpServer()
    yield server
    server.close()


@pytest.fixture
def worker(smtp_down):
    require(os.path.exists(REDIS_SERVER), "needs redis-server (apt-get install redis-server) to run a private one")
    broker = PrivateRedis().start()
    process = Worker(
        broker.url,
        smtp_down.url,
        "http://testserver",
        MAILINGLIST_MAX_ATTEMPTS=ATTEMPTS,
        MAILINGLIST_RETRY_BASE_SECONDS=RETRY_BASE_SECONDS,
    ).start()
    with celery_broker(broker.url):
        yield process
    process.stop()
    broker.stop()


def test_smtp_down_retries_with_backoff_then_fails_and_staff_see_it(worker, smtp_down, client, django_user_model):
    row = OutgoingMailFactory(subscriber__email="reader@example.org")

    tasks.send_mail.delay(row.pk)

    deadline = time.monotonic() + 30
    while OutgoingMail.objects.get(pk=row.pk).state != OutgoingMail.State.FAILED:
        assert time.monotonic() < deadline, f"the mail never failed; worker log:\n{worker.output()}"
        time.sleep(0.1)
    row.refresh_from_db()
    assert row.attempts == ATTEMPTS
    assert row.last_error.startswith("421")
    assert len(smtp_down.connections) == ATTEMPTS
    waits = [later - earlier for earlier, later in itertools.pairwise(smtp_down.connections)]
    # Attempt n waits between half and all of base * 2^(n-1) seconds.
    for attempt, waited in enumerate(waits, start=1):
        assert waited >= RETRY_BASE_SECONDS * 2 ** (attempt - 1) / 2 * 0.9, waits
    assert waits[-1] > waits[0]

    make_site_root()  # the admin's menu needs a page tree
    client.force_login(django_user_model.objects.create_superuser("staff", "staff@example.org", "pw"))
    listing = client.get("/admin/mailing-list/mails/?state=failed").content.decode()
    assert f"#{row.pk} (failed)" in listing
    assert "421" in client.get(f"/admin/mailing-list/mails/inspect/{row.pk}/").content.decode()
    assert "1 mail failed" in client.get("/admin/").content.decode()
