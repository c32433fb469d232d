"""Keys: links already mailed survive a SECRET_KEY rotation through SECRET_KEY_FALLBACKS, and
suppression hashes do not depend on SECRET_KEY when MAILINGLIST_HASH_KEY is set."""

import pytest
from django.core import mail

from mailinglist.delivery import deliver
from mailinglist.factories import SubscriberFactory
from mailinglist.imports import import_rows
from mailinglist.models import OutgoingMail, Subscriber
from mailinglist.signups import unsubscribe
from tests.helpers.mailinglist import follow_link, link_from

pytestmark = pytest.mark.django_db

ROTATED = "rotated-" + "r0t4" * 13
ONE_CLICK_BODY = "List-Unsubscribe=One-Click"


def test_links_mailed_before_a_secret_key_rotation_still_work(client, home, settings):
    subscriber = SubscriberFactory(email="loyal@example.org")
    deliver(OutgoingMail.objects.create(kind=OutgoingMail.Kind.WELCOME, subscriber=subscriber).pk)
    [message] = mail.outbox
    preferences, unsubscribe_link = link_from(message, "preferences"), link_from(message, "unsubscribe")
    one_click = message.extra_headers["List-Unsubscribe"].strip("<>")
    former_key = settings.SECRET_KEY

    settings.SECRET_KEY, settings.SECRET_KEY_FALLBACKS = ROTATED, []
    assert follow_link(client, preferences).status_code == 404  # the old key is really needed
    assert client.post(one_click).status_code == 404
    settings.SECRET_KEY_FALLBACKS = [former_key]
    shown = follow_link(client, preferences)
    left = follow_link(client, unsubscribe_link)
    one_click_again = client.post(
        one_click, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert shown.status_code == 200 and b"loyal@example.org" in shown.content
    assert left.status_code == one_click_again.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_an_import_after_a_rotation_still_skips_who_unsubscribed(home, settings):
    settings.MAILINGLIST_HASH_KEY = "hash-" + "h4" * 30
    unsubscribe(SubscriberFactory(email="gone@example.org"))
    Subscriber.objects.all().delete()

    settings.SECRET_KEY = ROTATED
    report = import_rows([["gone@example.org"]])

    assert report.added == 0
    assert not Subscriber.objects.exists()
