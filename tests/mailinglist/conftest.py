import pytest

from mailinglist.models import Subscriber
from tests.helpers.mailinglist import signup_data


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
