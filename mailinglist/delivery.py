"""Sending one outgoing-mail row, exactly once: claim it with a conditional UPDATE, send,
then mark it sent; temporary SMTP trouble puts it back in the queue with a backoff."""

import logging
import random
import smtplib
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import BadHeaderError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from wsi.logs import mask_addresses

from . import smtp
from .messages import build_message
from .models import ConfirmationToken, OutgoingMail, SignupRequest, Subscriber

logger = logging.getLogger(__name__)
State = OutgoingMail.State
Kind = OutgoingMail.Kind
# A retry delivered by the broker a little before its countdown is still due.
EARLY_TOLERANCE = timedelta(seconds=2)


def deliver(mail_id):
    """Send the mail if it is queued and due. Returns the retry delay in seconds when a
    temporary failure put it back in the queue, else None."""
    now = timezone.now()
    claim = uuid.uuid4()
    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now + EARLY_TOLERANCE)
    claimed = OutgoingMail.objects.filter(due, pk=mail_id, state=State.QUEUED).update(
        state=State.SENDING, claim=claim, claimed_at=now, attempts=F("attempts") + 1
    )
    if not claimed:
        return None
    return send_claimed(OutgoingMail.objects.select_related("subscriber", "announcement").get(pk=mail_id), claim)


def send_claimed(mail, claim, words=None, shared=None, copies=None):
    """Send a row this process has claimed and record the outcome; returns the retry delay
    after a temporary failure, else None. An announcement's sender passes its ``copies``
    (``bulk_messages.AnnouncementCopies``), made once for all its mails."""
    reason = _reason_not_to_send(mail)
    if reason:
        _finish(mail, claim, State.CANCELLED, reason)
        return None
    try:
        copy = copies.copy(mail) if copies else None
        if copy:
            message_id, raw = copy
            smtp.send_bytes(copies.from_email, mail.subscriber.email, raw)
        else:
            message = build_message(mail, words, shared)
            smtp.send(message)
            message_id = message.extra_headers["Message-ID"]
    except BadHeaderError as error:  # a line break in a subject or name: no retry will help
        logger.error("Mail %s to subscriber %s cannot be built: %s", mail.pk, mail.subscriber_id, error)
        _finish(mail, claim, State.FAILED, f"The mail could not be built: {error}")
        return None
    except (smtplib.SMTPException, OSError) as error:  # SMTP replies, disconnects, timeouts
        return _failed_attempt(mail, claim, error)
    _finish(mail, claim, State.SENT, message_id=message_id)
    return None


def _claimed(mail, claim):
    return OutgoingMail.objects.filter(pk=mail.pk, state=State.SENDING, claim=claim)


def _finish(mail, claim, state, error="", message_id=""):
    _claimed(mail, claim).update(
        state=state,
        claim=None,
        last_error=error[:1000],
        sent_at=timezone.now() if state == State.SENT else None,
        message_id=message_id,
    )


def _reason_not_to_send(mail):
    subscriber = mail.subscriber
    if subscriber is None:
        return "The subscriber was erased."
    if mail.kind == Kind.CONFIRM and subscriber.status == Subscriber.Status.SUBSCRIBED:
        return "Already confirmed."
    # A confirmation or a preferences link goes to whoever asked for it, on the list or not.
    if mail.kind not in (Kind.CONFIRM, Kind.PREFERENCES) and subscriber.status != Subscriber.Status.SUBSCRIBED:
        return f"The subscriber is {subscriber.get_status_display().lower()}."
    return ""


def smtp_code(error):
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return min(code for code, _ in error.recipients.values())
    return getattr(error, "smtp_code", None)


def _describe(error):
    code = smtp_code(error)
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return f"{code} recipient refused: " + "; ".join(
            str(text, "utf-8", "replace") for _, text in error.recipients.values()
        )
    if code is not None:
        return f"{code} {getattr(error, 'smtp_error', b'')!r}"
    return f"{error.__class__.__name__}: {error}"


def backoff_seconds(attempt):
    """Exponential backoff with jitter: about base·2^(n-1), between half and all of it."""
    ceiling = min(settings.MAILINGLIST_RETRY_MAX_SECONDS, settings.MAILINGLIST_RETRY_BASE_SECONDS * 2 ** (attempt - 1))
    return random.uniform(ceiling / 2, ceiling)


def _failed_attempt(mail, claim, error):
    code = smtp_code(error)
    permanent = code is not None and code >= 500
    # SMTP replies often quote the recipient; the log keeps only ids and masked addresses.
    description = mask_addresses(_describe(error))
    logger.warning("Mail %s to subscriber %s, attempt %s: %s", mail.pk, mail.subscriber_id, mail.attempts, description)
    if permanent or mail.attempts >= settings.MAILINGLIST_MAX_ATTEMPTS:
        _finish(mail, claim, State.FAILED, _describe(error))
        if permanent and isinstance(error, smtplib.SMTPRecipientsRefused):
            Subscriber.objects.filter(pk=mail.subscriber_id).update(
                status=Subscriber.Status.BOUNCED, bounced_at=timezone.now()
            )
        return None
    delay = backoff_seconds(mail.attempts)
    retry_at = timezone.now() + timedelta(seconds=delay)
    _claimed(mail, claim).update(
        state=State.QUEUED, claim=None, next_attempt_at=retry_at, enqueued_at=retry_at, last_error=_describe(error)
    )
    return delay


def expired_lease():
    """The ``enqueued_at`` of a row whose task message is known not to be in the broker."""
    return timezone.now() - timedelta(seconds=settings.MAILINGLIST_ENQUEUE_LEASE_SECONDS)


def sweep():
    """Release claims held too long (the worker died) and take a new lease on one-to-one mail
    and signup requests whose lease ran out (the publish failed, or the message was lost).
    Returns the mail ids and signup-request ids to enqueue. Announcements' rows are left to
    their senders (``announcing.stalled``)."""
    now = timezone.now()
    lease_start = expired_lease()
    stale = OutgoingMail.objects.filter(
        state=State.SENDING, claimed_at__lt=now - timedelta(seconds=settings.MAILINGLIST_CLAIM_TIMEOUT_SECONDS)
    )
    stale.filter(attempts__gte=settings.MAILINGLIST_MAX_ATTEMPTS).update(
        state=State.FAILED, claim=None, last_error="Gave up: the worker was lost on the last attempt."
    )
    # Released rows count as long forgotten, so this same sweep enqueues them.
    stale.update(
        state=State.QUEUED,
        claim=None,
        next_attempt_at=None,
        enqueued_at=lease_start,
        last_error="The worker was lost while sending.",
    )
    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    with transaction.atomic():
        mails = list(
            OutgoingMail.objects.select_for_update(skip_locked=True)
            .filter(due, state=State.QUEUED, announcement__isnull=True, enqueued_at__lte=lease_start)
            .values_list("pk", flat=True)[:5000]
        )
        OutgoingMail.objects.filter(pk__in=mails).update(enqueued_at=now)
        requests = list(
            SignupRequest.objects.select_for_update(skip_locked=True)
            .filter(enqueued_at__lte=lease_start)
            .values_list("pk", flat=True)[:5000]
        )
        SignupRequest.objects.filter(pk__in=requests).update(enqueued_at=now)
    return mails, requests


def purge():
    """Forget signups never confirmed within the purge age, and dead tokens and requests."""
    cutoff = timezone.now() - timedelta(days=settings.MAILINGLIST_PURGE_UNCONFIRMED_DAYS)
    deleted, _ = Subscriber.objects.filter(
        status=Subscriber.Status.PENDING, confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    ConfirmationToken.objects.filter(expires_at__lt=cutoff).delete()
    SignupRequest.objects.filter(created_at__lt=cutoff).delete()
    return deleted
