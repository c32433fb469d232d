"""Links in mails: confirmation tokens (hashed, single use, expiring, rotated), pages whose GET
changes nothing, the RFC 8058 one-click unsubscribe and the preferences page."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from mailinglist.factories import SubscriberFactory
from mailinglist.models import ConfirmationToken, OutgoingMail, Subscriber, Suppression
from mailinglist.signups import revoke_links
from mailinglist.tokens import manage_token, new_confirmation_token
from resources.library.factories import TopicFactory

pytestmark = pytest.mark.django_db

Status = Subscriber.Status


@pytest.fixture
def pending(home):
    return SubscriberFactory(email="pending@example.org", pending=True)


def test_tokens_are_stored_only_as_hashes(pending):
    raw = new_confirmation_token(pending)

    assert len(raw) >= 32  # 192 random bits, URL-safe base64
    assert not ConfirmationToken.objects.filter(digest__contains=raw).exists()
    assert ConfirmationToken.objects.get().digest != raw


def test_get_shows_a_button_and_changes_nothing(client, pending):
    raw = new_confirmation_token(pending)

    response = client.get(f"/mailing-list/confirm/{raw}/")

    assert response.status_code == 200
    assert b"Yes, subscribe me" in response.content
    pending.refresh_from_db()
    assert pending.status == Status.PENDING
    assert ConfirmationToken.objects.get().used_at is None


def test_post_confirms_once_and_sends_a_welcome(client, pending, django_capture_on_commit_callbacks):
    raw = new_confirmation_token(pending)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/mailing-list/confirm/{raw}/", REMOTE_ADDR="203.0.113.5")
    again = client.post(f"/mailing-list/confirm/{raw}/")

    assert response.status_code == 302
    assert response["Location"].startswith("/mailing-list/preferences/")
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
        shown = client.get(f"/mailing-list/confirm/{raw}/")
        posted = client.post(f"/mailing-list/confirm/{raw}/")

    assert shown.status_code == posted.status_code == 410
    pending.refresh_from_db()
    assert pending.status == Status.PENDING


def test_a_resend_rotates_the_token(client, pending):
    first = new_confirmation_token(pending)
    second = new_confirmation_token(pending)

    assert client.post(f"/mailing-list/confirm/{first}/").status_code == 410
    assert client.post(f"/mailing-list/confirm/{second}/").status_code == 302


@pytest.mark.parametrize("token", ["nonsense", "x" * 500, "%3Cscript%3E", "1.2.3"])
def test_unknown_tokens_get_a_clear_page(client, home, token):
    assert client.get(f"/mailing-list/confirm/{token}/").status_code == 410
    assert client.get(f"/mailing-list/unsubscribe/{token}/").status_code == 404
    assert client.get(f"/mailing-list/preferences/{token}/").status_code == 404


def test_unsubscribe_get_shows_one_button_and_changes_nothing(client, home):
    subscriber = SubscriberFactory()

    response = client.get(f"/mailing-list/unsubscribe/{manage_token(subscriber)}/")

    assert response.status_code == 200
    assert response.content.count(b'type="submit">Unsubscribe<') == 1
    assert b"/mailing-list/preferences/" in response.content
    subscriber.refresh_from_db()
    assert subscriber.status == Status.SUBSCRIBED


def test_one_click_post_needs_no_csrf_is_idempotent_and_suppresses(home):
    from django.test import Client

    subscriber = SubscriberFactory(email="leaver@example.org")
    client = Client(enforce_csrf_checks=True)
    url = f"/mailing-list/unsubscribe/{manage_token(subscriber)}/"

    first = client.post(url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    second = client.post(url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")

    assert first.status_code == second.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Status.UNSUBSCRIBED
    assert Suppression.objects.count() == 1
    assert "leaver" not in Suppression.objects.get().digest


def test_revoked_links_stop_working(client, home):
    subscriber = SubscriberFactory()
    token = manage_token(subscriber)

    revoke_links(subscriber)

    assert client.post(f"/mailing-list/unsubscribe/{token}/").status_code == 404
    assert client.get(f"/mailing-list/preferences/{manage_token(subscriber)}/").status_code == 200


def test_preferences_change_name_and_interests_then_leave_and_return(client, home):
    topic = TopicFactory(name="Job Quality", slug="job-quality")
    subscriber = SubscriberFactory(name="Old name")
    url = f"/mailing-list/preferences/{manage_token(subscriber)}/"

    assert client.get(url).status_code == 200
    saved = client.post(url, {"action": "save", "name": "New name", "organisation": "", "interests": [topic.pk]})
    left = client.post(url, {"action": "unsubscribe"})
    subscriber.refresh_from_db()
    status_after_leaving = subscriber.status
    back = client.post(url, {"action": "resubscribe"})
    subscriber.refresh_from_db()

    assert b"Your preferences are saved" in saved.content
    assert b"You have left the mailing list" in left.content
    assert status_after_leaving == Status.UNSUBSCRIBED
    assert b"Welcome back" in back.content
    assert subscriber.status == Status.SUBSCRIBED
    assert subscriber.name == "New name"
    assert list(subscriber.interests.all()) == [topic]
    assert not Suppression.objects.exists()


def test_mails_to_unsubscribed_people_are_not_sent(home):
    from mailinglist.delivery import deliver

    subscriber = SubscriberFactory(unsubscribed=True)
    row = OutgoingMail.objects.create(kind=OutgoingMail.Kind.WELCOME, subscriber=subscriber)

    deliver(row.pk)

    row.refresh_from_db()
    assert row.state == OutgoingMail.State.CANCELLED
    assert mail.outbox == []
