import re
import time

import pytest
from django.core import signing

from mailinglist.forms import STARTED_SALT
from mailinglist.models import Subscriber

from .sink import SmtpSink


@pytest.fixture(scope="module")
def sink():
    """An SMTP server on 127.0.0.1 that keeps what it receives, one per test module."""
    server = SmtpSink().start()
    yield server
    server.stop()


def started(seconds_ago=10):
    """The signed "form rendered at" stamp of a form opened ``seconds_ago``."""
    return signing.dumps(time.time() - seconds_ago, salt=STARTED_SALT)


def signup_data(email, **extra):
    return {"email": email, "started": started(), "page": "/about-us/", "website": "", **extra}


@pytest.fixture
def post_signup(client):
    def post(email, ip="203.0.113.9", **extra):
        return client.post("/mailing-list/", signup_data(email, **extra), REMOTE_ADDR=ip)

    return post


def link_from(message, name):
    """The first link to /mailing-list/<name>/ in a mail's plain-text body."""
    body = message.body if hasattr(message, "body") else message.get_body(("plain",)).get_content()
    match = re.search(rf"https?://[^\s]+/mailing-list/{name}/[^\s/]+/", body)
    assert match, f"no {name} link in: {body}"
    return match.group(0)


@pytest.fixture
def subscriber_of():
    def get(address):
        return Subscriber.objects.get(email_key=address.lower())

    return get
