import pytest

from mailinglist.models import Subscriber
from tests.helpers.mailinglist import signup_data
from tests.helpers.smtp_sink import SmtpSink


@pytest.fixture(scope="module")
def sink():
    """An SMTP server on 127.0.0.1 that keeps what it receives, one per test module."""
    server = SmtpSink().start()
    yield server
    server.stop()


@pytest.fixture
def post_signup(client):
    def post(email, ip="203.0.113.9", **extra):
        return client.post("/mailing-list/", signup_data(email, **extra), REMOTE_ADDR=ip)

    return post


@pytest.fixture
def subscriber_of():
    def get(address):
        return Subscriber.objects.get(email_key=address.lower())

    return get
