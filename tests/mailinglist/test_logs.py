"""What the logs say about subscribers: neither their address nor the tokens of their links,
even when a link is used twice, forged or revoked."""

import io
import logging

import pytest
from django.core import mail
from django.urls import reverse

from mailinglist import urls
from mailinglist.tokens import preferences_token, unsubscribe_token
from tests.helpers.mailinglist import follow_link, link_from

pytestmark = pytest.mark.django_db


@pytest.fixture
def console():
    """What the site's configured console handler writes, formatted, during the test."""
    handler = next(handler for handler in logging.getLogger().handlers if handler.name == "console")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


def test_signup_confirm_and_unsubscribe_log_no_address_or_token(
    client, post_signup, home, subscriber_of, console, caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.INFO)
    with django_capture_on_commit_callbacks(execute=True):
        post_signup("private.person@example.org")
    confirm_url = link_from(mail.outbox[0], "confirm")
    confirm_token = confirm_url.partition("#")[2]

    with django_capture_on_commit_callbacks(execute=True):
        assert follow_link(client, confirm_url).status_code == 200
    assert follow_link(client, confirm_url).status_code == 410  # the link works once
    subscriber = subscriber_of("private.person@example.org")
    one_click = unsubscribe_token(subscriber)
    assert client.post(f"/mailing-list/unsubscribe/{one_click}/").status_code == 200
    assert client.post("/mailing-list/preferences/", {"token": preferences_token(subscriber)}).status_code == 200
    assert client.get("/mailing-list/preferences/forged.signature-0123456789/").status_code == 404

    secrets = ["private.person", confirm_token, one_click, "forged.signature-0123456789"]
    written = console.getvalue()
    assert "WARNING django.request Gone: /mailing-list/confirm/" in written
    assert "WARNING django.request Not Found: /mailing-list/preferences/[redacted]/" in written
    for record in caplog.records:
        assert not any(secret in record.getMessage() for secret in secrets), record.getMessage()
    assert not any(secret in written for secret in secrets), written


def test_every_link_with_a_token_is_redacted_in_the_logs(settings):
    with_tokens = [pattern for pattern in urls.urlpatterns if "token" in pattern.pattern.converters]

    assert len(with_tokens) == 3  # the one-click address, and the links mailed before
    for pattern in with_tokens:
        path = reverse(f"mailinglist:{pattern.name}", args=["secret"])
        assert any(path.startswith(prefix) for prefix in settings.LOG_REDACTED_PATH_PREFIXES), path
