"""One SMTP connection per worker process, reused from mail to mail: opening one (TCP, EHLO,
STARTTLS, AUTH) costs more than sending a mail. A connection that failed is closed, and the
next mail opens a new one; one idle for a while is checked with NOOP before it is used."""

import contextlib
import os
import smtplib
import time

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend
from django.utils.module_loading import import_string

IDLE_CHECK_SECONDS = 5
_open = {"key": None, "connection": None, "used": 0.0}


def send(message):
    """Send one EmailMessage; raises what the backend raises, after closing the connection."""
    connection = _connection()
    message.connection = connection
    try:
        message.send()
    except BaseException:
        close()
        raise
    _open["used"] = time.monotonic()


def sends_bytes():
    """True when mail goes to an SMTP server, which takes a mail's bytes as they are."""
    return issubclass(import_string(settings.EMAIL_BACKEND), SmtpBackend)


def send_bytes(from_email, recipient, raw):
    """Send a mail already encoded (headers and body, CRLF line ends) to one recipient."""
    connection = _connection()
    try:
        connection.connection.sendmail(from_email, [recipient], raw)
    except BaseException:
        close()
        raise
    _open["used"] = time.monotonic()


def close():
    connection, _open["connection"] = _open["connection"], None
    if connection is not None:
        with contextlib.suppress(smtplib.SMTPException, OSError):
            connection.close()


def _connection():
    # A forked pool process must not share its parent's socket, and settings may point elsewhere.
    key = (os.getpid(), settings.EMAIL_BACKEND, settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_HOST_USER)
    if _open["key"] != key:
        _open.update(key=key, connection=None)
    connection = _open["connection"]
    if connection is not None and time.monotonic() - _open["used"] > IDLE_CHECK_SECONDS and not _answers(connection):
        close()
        connection = None
    if connection is None:
        connection = get_connection(timeout=settings.MAILINGLIST_SMTP_TIMEOUT_SECONDS)
        if not isinstance(connection, SmtpBackend):
            return connection  # files, console, memory: nothing worth keeping open
        connection.open()
        _open.update(connection=connection, used=time.monotonic())
    return connection


def _answers(connection):
    try:
        return connection.connection is not None and connection.connection.noop()[0] == 250
    except (smtplib.SMTPException, OSError):
        return False
