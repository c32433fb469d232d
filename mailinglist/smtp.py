"""One SMTP connection per worker process, reused from mail to mail: opening one (TCP, EHLO,
STARTTLS, AUTH) costs more than sending a mail. A connection that failed is closed, and the
next mail opens a new one; one idle for a while is checked with NOOP before it is used."""

import contextlib
import os
import re
import smtplib
import time

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend
from django.core.mail.message import sanitize_address
from django.utils.module_loading import import_string

IDLE_CHECK_SECONDS = 5
_open = {"key": None, "connection": None, "used": 0.0}


def send(message):
    """Send one EmailMessage; raises what the backend raises, after closing the connection. To
    an SMTP server, a mail to one address goes as ``send_bytes`` sends it, in two round trips
    where the server pipelines (the bytes are those Django's SMTP backend would send)."""
    connection = _connection()
    recipients = message.recipients()
    if isinstance(connection, SmtpBackend) and len(recipients) == 1:
        encoding = message.encoding or settings.DEFAULT_CHARSET
        raw = message.message().as_bytes(linesep="\r\n")
        send_bytes(sanitize_address(message.from_email, encoding), sanitize_address(recipients[0], encoding), raw)
        return
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
    """Send a mail already encoded (headers and body, CRLF line ends) to one recipient. Raises
    what smtplib's ``sendmail`` raises, after closing the connection."""
    client = _connection().connection
    try:
        client.ehlo_or_helo_if_needed()
        if client.has_extn("pipelining"):
            _send_pipelined(client, from_email, recipient, raw)
        else:
            client.sendmail(from_email, [recipient], raw)
    except BaseException:
        close()
        raise
    _open["used"] = time.monotonic()


def _send_pipelined(client, from_email, recipient, raw):
    """``sendmail`` for one recipient in two round trips instead of four: MAIL, RCPT and DATA
    go in one write (RFC 2920), then the mail. Each waits for the server's reply, and the
    further the server (or the busier the machine), the more that wait costs."""
    size = f" SIZE={len(raw)}" if client.has_extn("size") else ""
    sender, to = smtplib.quoteaddr(from_email), smtplib.quoteaddr(recipient)
    client.send(f"MAIL FROM:{sender}{size}\r\nRCPT TO:{to}\r\nDATA\r\n")
    (mail_code, mail_reply), (rcpt_code, rcpt_reply), (data_code, data_reply) = (client.getreply() for _ in range(3))
    if mail_code != 250:
        raise smtplib.SMTPSenderRefused(mail_code, mail_reply, from_email)
    if rcpt_code not in (250, 251):
        raise smtplib.SMTPRecipientsRefused({recipient: (rcpt_code, rcpt_reply)})
    if data_code != 354:
        raise smtplib.SMTPDataError(data_code, data_reply)
    client.send(re.sub(rb"(?m)^\.", b"..", raw) + (b"" if raw.endswith(b"\r\n") else b"\r\n") + b".\r\n")
    code, reply = client.getreply()
    if code != 250:
        raise smtplib.SMTPDataError(code, reply)


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
