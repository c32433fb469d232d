"""Links in mails: confirmation tokens (hashed, single use, expiring, rotated), tokens in the
fragment and the POST body (never in an address a server logs, but for the RFC 8058 one-click
address), pages whose GET changes nothing, the preferences page, its expiry and a new link by
mail, and the links mailed before, which still work."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mailinglist.delivery import deliver
from mailinglist.factories import SubscriberFactory
from mailinglist.models import ConfirmationToken, OutgoingMail, Subscriber, Suppression
from mailinglist.signups import revoke_links
from mailinglist.tokens import new_confirmation_token, preferences_token, unsubscribe_token
from resources.library.factories import TopicFactory
from tests.helpers.mailinglist import follow_link, legacy_manage_token, link_from, started

pytestmark = pytest.mark.django_db

Status = Subscriber.Status
Kind = OutgoingMail.Kind
ONE_CLICK = {"data": "List-Unsubscribe=One-Click", "content_type": "application/x-www-form-urlencoded"}


@pytest.fixture
def pending(home):
    return SubscriberFactory(email="pending@example.org", pending=True)


def mailed(kind, subscriber):
    deliver(OutgoingMail.objects.create(kind=kind, subscriber=subscriber).pk)
    return mail.outbox[-1]


def test_tokens_are_stored_only_as_hashes(pending):
    raw = new_confirmation_token(pending)

    assert len(raw) >= 32  # 192 random bits, URL-safe base64
    assert not ConfirmationToken.objects.filter(digest__contains=raw).exists()
    assert ConfirmationToken.objects.get().digest != raw


def test_mailed_links_carry_their_tokens_in_the_fragment_only(pending):
    subscriber = SubscriberFactory()
    messages = [mailed(Kind.CONFIRM, pending), mailed(Kind.WELCOME, subscriber), mailed(Kind.PREFERENCES, subscriber)]

    for message in messages:
        for body in (message.body, message.alternatives[0][0]):
            links = re.findall(r"https?://[^\s\"<>]+", body)
            list_links = [link for link in links if "/mailing-list/" in link]
            assert list_links, body
            for link in list_links:
                assert "?" not in link, link
                assert re.fullmatch(r"http://testserver/mailing-list/(confirm|unsubscribe|preferences)/#[\w.:-]+", link)
    # RFC 8058: the one-click address must name the subscriber itself; its token only unsubscribes.
    one_click = messages[1].extra_headers["List-Unsubscribe"].strip("<>")
    assert re.fullmatch(r"http://testserver/mailing-list/unsubscribe/[\w.:-]+/", one_click)


def test_the_confirm_page_asks_for_the_token_and_changes_nothing(client, pending):
    response = client.get("/mailing-list/confirm/")

    assert response.status_code == 200
    assert b"Yes, subscribe me" in response.content
    assert b'name="token"' in response.content and b"follows the # sign" in response.content
    assert b"mailinglist/link-token" in response.content


def test_confirming_with_the_token_posted_once_sends_a_welcome(client, pending, django_capture_on_commit_callbacks):
    link = link_from(mailed(Kind.CONFIRM, pending), "confirm")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = follow_link(client, link, REMOTE_ADDR="203.0.113.5")
    again = follow_link(client, link)

    assert response.status_code == 200
    assert b"you are subscribed" in response.content
    assert b"pending@example.org" in response.content  # the preferences page
    pending.refresh_from_db()
    assert pending.status == Status.SUBSCRIBED
    assert pending.confirmed_at is not None and pending.confirmed_ip_hash
    assert [message.subject for message in mail.outbox] == ["Welcome to our mailing list"]
    assert again.status_code == 410
    assert b"does not work any more" in again.content
    assert b'action="/mailing-list/"' in again.content  # offers a new mail


def test_expired_tokens_do_not_confirm(client, pending):
    raw = new_confirmation_token(pending)

    with time_machine.travel(timezone.now() + timedelta(days=7, minutes=1)):
        posted = client.post("/mailing-list/confirm/", {"token": raw})

    assert posted.status_code == 410
    pending.refresh_from_db()
    assert pending.status == Status.PENDING


def test_a_resend_rotates_the_token(client, pending):
    first = new_confirmation_token(pending)
    second = new_confirmation_token(pending)

    assert client.post("/mailing-list/confirm/", {"token": first}).status_code == 410
    assert client.post("/mailing-list/confirm/", {"token": second}).status_code == 200


@pytest.mark.parametrize("token", ["", "nonsense", "x" * 500, "%3Cscript%3E", "1.2.3"])
def test_unknown_tokens_get_a_clear_page(client, home, token):
    assert client.post("/mailing-list/confirm/", {"token": token}).status_code == 410
    assert client.post("/mailing-list/unsubscribe/", {"token": token}).status_code == 404
    opened = client.post("/mailing-list/preferences/", {"token": token})
    assert opened.status_code == 404
    assert b"This link does not work" in opened.content and b"Mail me a new link" in opened.content


def test_unsubscribing_from_the_link_in_the_mail(client, home):
    subscriber = SubscriberFactory(email="leaving@example.org")
    link = link_from(mailed(Kind.WELCOME, subscriber), "unsubscribe")

    shown = client.get("/mailing-list/unsubscribe/")
    subscriber.refresh_from_db()
    status_after_get = subscriber.status
    response = follow_link(client, link)

    assert shown.content.count(b'type="submit">Unsubscribe<') == 1
    assert status_after_get == Status.SUBSCRIBED
    assert response.status_code == 200 and b"You have unsubscribed" in response.content
    subscriber.refresh_from_db()
    assert subscriber.status == Status.UNSUBSCRIBED


def test_the_one_click_address_shows_a_button_on_get_and_changes_nothing(client, home):
    subscriber = SubscriberFactory()

    response = client.get(f"/mailing-list/unsubscribe/{unsubscribe_token(subscriber)}/")

    assert response.status_code == 200
    assert response.content.count(b'type="submit">Unsubscribe<') == 1
    assert b"/mailing-list/preferences/new-link/" in response.content
    subscriber.refresh_from_db()
    assert subscriber.status == Status.SUBSCRIBED


def test_one_click_post_needs_no_csrf_is_idempotent_and_suppresses(home):
    subscriber = SubscriberFactory(email="leaver@example.org")
    client = Client(enforce_csrf_checks=True)
    url = f"/mailing-list/unsubscribe/{unsubscribe_token(subscriber)}/"

    first = client.post(url, **ONE_CLICK)
    second = client.post(url, **ONE_CLICK)

    assert first.status_code == second.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Status.UNSUBSCRIBED
    assert Suppression.objects.count() == 1
    assert "leaver" not in Suppression.objects.get().digest


def test_the_one_click_token_opens_no_preferences(client, home):
    """The one-click address is the one token a server may log: it can only unsubscribe."""
    subscriber = SubscriberFactory()

    response = client.post("/mailing-list/preferences/", {"token": unsubscribe_token(subscriber)})

    assert response.status_code == 404
    assert subscriber.email.encode() not in response.content


def test_revoked_links_stop_working(client, home):
    subscriber = SubscriberFactory()
    old_unsubscribe, old_preferences = unsubscribe_token(subscriber), preferences_token(subscriber)

    revoke_links(subscriber)

    assert client.post(f"/mailing-list/unsubscribe/{old_unsubscribe}/", **ONE_CLICK).status_code == 404
    assert client.post("/mailing-list/preferences/", {"token": old_preferences}).status_code == 404
    assert client.post("/mailing-list/preferences/", {"token": preferences_token(subscriber)}).status_code == 200


def test_preferences_change_name_and_interests_then_leave_and_return(client, home):
    topic = TopicFactory(name="Job Quality", slug="job-quality")
    subscriber = SubscriberFactory(name="Old name")
    link = link_from(mailed(Kind.WELCOME, subscriber), "preferences")

    opened = follow_link(client, link)
    token = re.search(rb'name="token" value="([^"]+)"', opened.content).group(1).decode()

    def press(action, **data):
        return client.post("/mailing-list/preferences/", {"token": token, "action": action, **data})

    saved = press("save", name="New name", organisation="", interests=[topic.pk])
    left = press("unsubscribe")
    subscriber.refresh_from_db()
    status_after_leaving = subscriber.status
    back = press("resubscribe")
    subscriber.refresh_from_db()

    assert b"Old name" in opened.content and b"Save preferences" in opened.content
    assert b"Your preferences are saved" in saved.content
    assert b"You have left the mailing list" in left.content
    assert status_after_leaving == Status.UNSUBSCRIBED
    assert b"Welcome back" in back.content
    assert subscriber.status == Status.SUBSCRIBED
    assert subscriber.name == "New name"
    assert list(subscriber.interests.all()) == [topic]
    assert not Suppression.objects.exists()


def test_the_preferences_page_opens_itself_from_the_fragment(client, home):
    response = client.get("/mailing-list/preferences/")

    assert response.status_code == 200
    assert b"data-submit-on-load" in response.content and b"Open my preferences" in response.content
    assert b'href="/mailing-list/preferences/new-link/"' in response.content


def test_preferences_links_expire(client, home, settings):
    settings.MAILINGLIST_PREFERENCES_LINK_DAYS = 30
    subscriber = SubscriberFactory(email="reader@example.org")
    link = link_from(mailed(Kind.WELCOME, subscriber), "preferences")

    with time_machine.travel(timezone.now() + timedelta(days=29)):
        still = follow_link(client, link)
    with time_machine.travel(timezone.now() + timedelta(days=31)):
        expired = follow_link(client, link)

    assert still.status_code == 200 and b"reader@example.org" in still.content
    assert expired.status_code == 410
    assert b"This link has expired" in expired.content and b"reader@example.org" not in expired.content
    assert b'action="/mailing-list/preferences/new-link/"' in expired.content


def ask_for_a_link(client, address, ip):
    return client.post(
        "/mailing-list/preferences/new-link/",
        {"email": address, "started": started(), "website": ""},
        REMOTE_ADDR=ip,
    )


def test_a_new_preferences_link_by_mail_without_telling_who_is_on_the_list(
    client, home, django_capture_on_commit_callbacks
):
    SubscriberFactory(email="reader@example.org")
    SubscriberFactory(email="gone@example.org", unsubscribed=True)
    answers, query_counts = [], []
    client.get("/mailing-list/")  # the process reads the site once, before the first case
    for index, address in enumerate(["reader@example.org", "stranger@example.org", "gone@example.org"]):
        # The request's queries, then the task's, run at commit.
        with django_capture_on_commit_callbacks(execute=True), CaptureQueriesContext(connection) as queries:
            response = ask_for_a_link(client, address, f"198.51.100.{index}")
        answers.append((response.status_code, response["Location"], response.content))
        query_counts.append([query["sql"].split(" ")[0] for query in queries.captured_queries])

    assert len(set(answers)) == 1
    assert answers[0][1] == "/mailing-list/preferences/new-link/sent/"
    assert all(count == query_counts[0] for count in query_counts), query_counts
    assert sorted(message.to[0] for message in mail.outbox) == ["gone@example.org", "reader@example.org"]
    reader_mail = next(message for message in mail.outbox if message.to == ["reader@example.org"])
    assert reader_mail.subject == "Your mailing list preferences"
    opened = follow_link(client, link_from(reader_mail, "preferences"))
    assert opened.status_code == 200 and b"reader@example.org" in opened.content


def test_new_links_by_mail_are_limited_per_address(client, home, django_capture_on_commit_callbacks):
    SubscriberFactory(email="reader@example.org")

    for index in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            assert ask_for_a_link(client, "reader@example.org", f"192.0.2.{index}").status_code == 302

    assert len(mail.outbox) == 1


def test_links_mailed_before_the_fragment_links_still_work(client, home, pending):
    subscriber = SubscriberFactory(email="loyal@example.org")
    old = legacy_manage_token(subscriber)
    raw = new_confirmation_token(pending)

    confirm_page = client.get(f"/mailing-list/confirm/{raw}/")
    preferences = client.get(f"/mailing-list/preferences/{old}/")
    unsubscribe_page = client.get(f"/mailing-list/unsubscribe/{old}/")
    confirmed = client.post(f"/mailing-list/confirm/{raw}/")
    unsubscribed = client.post(f"/mailing-list/unsubscribe/{old}/", **ONE_CLICK)

    assert b"pending@example.org" in confirm_page.content and b"Yes, subscribe me" in confirm_page.content
    assert preferences.status_code == 200 and b"loyal@example.org" in preferences.content
    assert unsubscribe_page.status_code == 200 and b"loyal@example.org" in unsubscribe_page.content
    assert confirmed.status_code == 200 and b"you are subscribed" in confirmed.content
    assert unsubscribed.status_code == 200
    subscriber.refresh_from_db()
    pending.refresh_from_db()
    assert (subscriber.status, pending.status) == (Status.UNSUBSCRIBED, Status.SUBSCRIBED)


def test_mails_to_unsubscribed_people_are_not_sent(home):
    subscriber = SubscriberFactory(unsubscribed=True)
    row = OutgoingMail.objects.create(kind=Kind.WELCOME, subscriber=subscriber)

    deliver(row.pk)

    row.refresh_from_db()
    assert row.state == OutgoingMail.State.CANCELLED
    assert mail.outbox == []
