"""Property tests: whatever reaches the mailing list's public pages (the footer's signup POST,
confirm, unsubscribe by GET and by RFC 8058 one-click POST, preferences), the answer is never a
5xx, and a request turned away stores nothing. Strategies: tests/helpers/hostile.py."""

import itertools

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mailinglist.factories import SubscriberFactory
from mailinglist.models import ConfirmationToken, OutgoingMail, SignupRequest, Subscriber, Suppression
from mailinglist.tokens import preferences_token, unsubscribe_token
from resources.library.factories import TopicFactory
from tests.helpers.hostile import HOSTILE, fields, get, post, quoted, value, with_overrides
from tests.helpers.mailinglist import signup_data

pytestmark = pytest.mark.django_db

SIGNUP_FIELDS = ["email", "name", "interests", "website", "started", "page"]
PREFERENCES_FIELDS = ["action", "name", "organisation", "interests", "confirmed"]
addresses = (f"visitor{number}@example.org" for number in itertools.count())


def stored():
    return [
        model.objects.count() for model in (SignupRequest, Subscriber, OutgoingMail, ConfirmationToken, Suppression)
    ]


def as_seen(subscriber):
    subscriber.refresh_from_db()
    return (subscriber.status, subscriber.name, subscriber.organisation, sorted(subscriber.interests.values_list("pk")))


@pytest.fixture
def topic(home, settings):
    settings.MAILINGLIST_SIGNUPS_PER_IP = 10**9
    return TopicFactory(name="Worker Outcomes", slug="worker-outcomes")


@pytest.fixture
def subscriber(topic):
    return SubscriberFactory(email="reader@example.org", name="Reader", organisation="Library")


def token_for(subscriber, kind, random_token, signed):
    """A link's token: the subscriber's own (``signed`` makes it), one with a character changed,
    or anything."""
    if kind == "valid":
        return signed(subscriber)
    if kind == "tampered":
        token = signed(subscriber)
        return token[:-3] + ("A" if token[-3] != "A" else "B") + token[-2:]
    return random_token


@settings(HOSTILE, max_examples=1000)
@example(pairs=[("email", "a%00@example.org")], drop=set(), from_valid=True)
@example(pairs=[("interests", str(10**40)), ("interests", "1")], drop={"started"}, from_valid=True)
@example(pairs=[("interests", f" -{10**40}")], drop=set(), from_valid=True)
@given(
    pairs=fields(SIGNUP_FIELDS, known={"interests": ["1", "2", "999999"], "website": ["", "http://spam.example"]}),
    drop=st.sets(st.sampled_from(SIGNUP_FIELDS)),
    from_valid=st.booleans(),
)
def test_signup_post(client, topic, pairs, drop, from_valid):
    base = signup_data(next(addresses), interests=topic.pk) if from_valid else {}
    before = stored()

    response = post(client, "/mailing-list/", with_overrides(base, pairs, drop))

    assert response.status_code < 500
    if response.status_code != 302:
        assert stored() == before


@settings(HOSTILE, max_examples=500)
@given(
    kind=st.sampled_from(["valid", "tampered", "random"]),
    random_token=value,
    method=st.sampled_from(["GET", "POST"]),
    pairs=fields(["List-Unsubscribe"], known={"List-Unsubscribe": ["One-Click"]}),
)
def test_unsubscribe_by_link_and_one_click(client, subscriber, kind, random_token, method, pairs):
    token = token_for(subscriber, kind, random_token, unsubscribe_token)
    before, seen = stored(), as_seen(subscriber)
    path = f"/mailing-list/unsubscribe/{token if kind == 'random' else quoted(token)}/"

    response = (post if method == "POST" else get)(client, path, pairs)

    assert response.status_code < 500
    if kind == "valid" and method == "POST":
        assert response.status_code == 200 and as_seen(subscriber)[0] == Subscriber.Status.UNSUBSCRIBED
    else:
        assert (stored(), as_seen(subscriber)) == (before, seen)
    if kind == "valid":
        Subscriber.objects.filter(pk=subscriber.pk).update(status=Subscriber.Status.SUBSCRIBED)


@settings(HOSTILE, max_examples=600)
@given(
    kind=st.sampled_from(["valid", "valid", "tampered", "random"]),
    random_token=value,
    method=st.sampled_from(["GET", "POST", "POST"]),
    pairs=fields(PREFERENCES_FIELDS, known={"action": ["save", "", "unsubscribe", "resubscribe"], "interests": ["1"]}),
)
def test_preferences(client, subscriber, kind, random_token, method, pairs):
    token = token_for(subscriber, kind, random_token, preferences_token)
    before, seen = stored(), as_seen(subscriber)
    path = f"/mailing-list/preferences/{token if kind == 'random' else quoted(token)}/"

    response = (post if method == "POST" else get)(client, path, pairs)

    assert response.status_code < 500
    changed = response.status_code == 200 and any(
        notice in response.content.decode()
        for notice in ("Your preferences are saved.", "You have left the mailing list.", "Welcome back")
    )
    if not changed:
        assert (stored(), as_seen(subscriber)) == (before, seen)


@settings(HOSTILE, max_examples=300)
@given(token=value, method=st.sampled_from(["GET", "POST"]), pairs=fields(["csrfmiddlewaretoken", "token"]))
def test_confirm_with_any_token(client, subscriber, token, method, pairs):
    before = stored()

    response = (post if method == "POST" else get)(client, f"/mailing-list/confirm/{token}/", pairs)

    assert response.status_code < 500
    assert stored() == before
