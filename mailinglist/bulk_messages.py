"""An announcement's mails made from one rendering. Rendering the templates and turning a
Django message into MIME bytes cost milliseconds per mail, most of a sender's time; every copy
of an announcement differs only in its address, its links and a few headers. So the mail is
rendered and encoded once, with markers where those go, and each copy is the bytes with the
markers replaced. Anything the markers cannot carry safely (an address that would need
encoding, an encoding that split a marker) is left to ``build_message``, one mail at a time."""

import re
from email.utils import formatdate, make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import BadHeaderError, EmailMultiAlternatives
from django.core.mail.message import sanitize_address
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape

from .messages import MAIL_ID_HEADER, absolute, list_headers, list_unsubscribe, token_link
from .tokens import preferences_token, unsubscribe_token

# What SMTP and a header line take as they are: no quoting or encoding needed.
PLAIN_ADDRESS = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9.-]+")
# Each copy's own headers, which the shared part leaves out.
OWN_HEADERS = {b"to", b"date", b"message-id", MAIL_ID_HEADER.lower().encode(), b"list-unsubscribe"}
# A substituted value this long could push a body line past SMTP's 998 characters.
LONGEST_VALUE = 400
TOKEN = "wsi0token0marker"


_last = {"key": None, "copies": None}


def copies_for(announcement, words, shared):
    """The announcement's copies, made once in this process for as long as nothing they show
    changes: every step of a send (each ~30 s, sooner with a short soft time limit) would
    otherwise render them again."""
    key = (
        announcement.pk,
        announcement.subject,
        shared["body_html"],
        shared["body_text"],
        tuple(shared["featured"]),
        settings.SITE_URL,
        settings.DEFAULT_FROM_EMAIL,
        settings.MAILINGLIST_UNSUBSCRIBE_MAILTO,
        settings.MAILINGLIST_PREFERENCES_LINK_DAYS,
    )
    if _last["key"] != key:
        _last.update(key=key, copies=AnnouncementCopies(announcement, words, shared))
    return _last["copies"]


def _marker(name):
    return f"wsi0{name}0marker"


class AnnouncementCopies:
    """The bytes of every copy of one announcement. ``copy(mail)`` returns (Message-ID, bytes
    for SMTP), or None for a mail that must be built on its own."""

    def __init__(self, announcement, words, shared):
        self.from_email = sanitize_address(settings.DEFAULT_FROM_EMAIL, settings.DEFAULT_CHARSET)
        self.host = urlsplit(settings.SITE_URL).hostname or "localhost"
        self.one_click = absolute(reverse("mailinglist:one_click_unsubscribe", args=[TOKEN]))
        self.preferences = token_link("mailinglist:preferences", TOKEN)
        self.unsubscribe = token_link("mailinglist:unsubscribe", TOKEN)
        self.head, self.body = self._render(announcement, words, shared)
        self.markers = re.compile(b"wsi0[a-z_]+0marker")

    def _render(self, announcement, words, shared):
        context = {
            "words": words,
            "site_url": settings.SITE_URL,
            "preferences_days": settings.MAILINGLIST_PREFERENCES_LINK_DAYS,
            "announcement": announcement,
            **shared,
        }
        fields = ("email", "preferences_url", "unsubscribe_url")
        text = render_to_string(
            "mailinglist/mail/announcement.txt", {**context, **{name: _marker(name) for name in fields}}
        )
        html = render_to_string(
            "mailinglist/mail/announcement.html", {**context, **{name: _marker(f"html_{name}") for name in fields}}
        )
        message = EmailMultiAlternatives(subject=announcement.subject, body=text, to=["nobody@invalid"])
        message.extra_headers = list_headers(self.host)
        message.attach_alternative(html, "text/html")
        try:
            raw = message.message().as_bytes(linesep="\r\n")
        except BadHeaderError:
            return None, None  # each mail fails on its own, as build_message has it
        head, _, body = raw.partition(b"\r\n\r\n")
        expected = sorted(re.findall(r"wsi0[a-z_]+0marker", text + html))
        if sorted(match.decode() for match in re.findall(rb"wsi0[a-z_]+0marker", body)) != expected:
            return None, None  # an encoding split a marker: build each mail on its own
        longest = max((len(line) for line in body.split(b"\r\n") if b"0marker" in line), default=0)
        if longest + LONGEST_VALUE > 998:
            return None, None
        return _without_own_headers(head), body

    def copy(self, mail):
        address = mail.subscriber.email
        if self.body is None or not PLAIN_ADDRESS.fullmatch(address):
            return None
        preferences = self.preferences.replace(TOKEN, preferences_token(mail.subscriber))
        unsubscribe_token_ = unsubscribe_token(mail.subscriber)
        unsubscribe = self.unsubscribe.replace(TOKEN, unsubscribe_token_)
        values = {
            b"wsi0email0marker": address,
            b"wsi0preferences_url0marker": preferences,
            b"wsi0unsubscribe_url0marker": unsubscribe,
            b"wsi0html_email0marker": escape(address),
            b"wsi0html_preferences_url0marker": escape(preferences),
            b"wsi0html_unsubscribe_url0marker": escape(unsubscribe),
        }
        if max(len(value) for value in values.values()) > LONGEST_VALUE:
            return None
        encoded = {marker: value.encode() for marker, value in values.items()}
        message_id = make_msgid(idstring=f"mail{mail.pk}", domain=self.host)
        unsubscribe_header = list_unsubscribe(self.one_click.replace(TOKEN, unsubscribe_token_))
        own = (
            f"To: {address}\r\nDate: {formatdate(localtime=settings.EMAIL_USE_LOCALTIME)}\r\n"
            f"Message-ID: {message_id}\r\n{MAIL_ID_HEADER}: {mail.pk}\r\nList-Unsubscribe: {unsubscribe_header}\r\n"
        ).encode()
        body = self.markers.sub(lambda match: encoded[match.group(0)], self.body)
        return message_id, own + self.head + b"\r\n\r\n" + body


def _without_own_headers(head):
    lines, skipping = [], False
    for line in head.split(b"\r\n"):
        if line[:1] in (b" ", b"\t"):  # a folded header's next line
            if not skipping:
                lines.append(line)
            continue
        skipping = line.partition(b":")[0].strip().lower() in OWN_HEADERS
        if not skipping:
            lines.append(line)
    return b"\r\n".join(lines)
