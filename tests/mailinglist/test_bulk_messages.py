"""An announcement's copies, made from one rendering, are the mail that ``build_message`` makes
for the same row: a reader cannot tell which way their copy was made."""

import email
import email.policy

import pytest
import time_machine

from mailinglist.bulk_messages import AnnouncementCopies
from mailinglist.factories import AnnouncementFactory, OutgoingMailFactory, SubscriberFactory
from mailinglist.messages import announcement_parts, build_message, mailing_list_settings
from mailinglist.models import OutgoingMail

pytestmark = pytest.mark.django_db
SAME_HEADERS = ["Subject", "From", "To", "List-Id", "List-Unsubscribe", "List-Unsubscribe-Post", "X-WSI-Mail-ID"]


def copies_of(announcement):
    return AnnouncementCopies(announcement, mailing_list_settings(), announcement_parts(announcement))


def parts(message):
    return {
        "text": message.get_body(("plain",)).get_content(),
        "html": message.get_body(("html",)).get_content(),
        **{name: str(message[name]).strip() for name in SAME_HEADERS},
    }


@pytest.mark.parametrize("address", ["reader@example.org", "o'brien&co@example.org"])
def test_a_copy_is_the_mail_built_on_its_own(home, settings, address):
    settings.SITE_URL = "https://wsi.example.org"
    settings.MAILINGLIST_UNSUBSCRIBE_MAILTO = "unsubscribe@wsi.example.org"
    announcement = AnnouncementFactory(
        subject="Café talks: Gaining Ground",
        body='<p>Read <a href="/research/gaining-ground/">Gaining Ground</a> &amp; tell a colleague: déjà vu.</p>',
    )
    mail = OutgoingMailFactory(
        kind=OutgoingMail.Kind.ANNOUNCEMENT, announcement=announcement, subscriber=SubscriberFactory(email=address)
    )

    with time_machine.travel("2026-11-29 10:00", tick=False):  # preferences links carry the time
        message_id, raw = copies_of(announcement).copy(mail)
        built_raw = build_message(mail).message().as_bytes(linesep="\r\n")
    copy = email.message_from_bytes(raw, policy=email.policy.default)
    built = email.message_from_bytes(built_raw, policy=email.policy.default)

    assert parts(copy) == parts(built)
    assert copy["Message-ID"] == message_id and f"mail{mail.pk}" in message_id
    assert copy["Date"] and raw.count(b"\r\n") == raw.count(b"\n")
    assert "/mailing-list/unsubscribe/#" in parts(copy)["text"]
    assert 'href="https://wsi.example.org/research/gaining-ground/"' in parts(copy)["html"]


def test_an_address_that_needs_quoting_is_left_to_build_message(home):
    announcement = AnnouncementFactory()
    mail = OutgoingMailFactory(
        kind=OutgoingMail.Kind.ANNOUNCEMENT,
        announcement=announcement,
        subscriber=SubscriberFactory(email='"two words"@example.org'),
    )

    assert copies_of(announcement).copy(mail) is None
