"""Sending an announcement to the list. Preparing turns recipients into mail rows a batch at a
time, and a cursor on the announcement lets any task resume where the last one stopped. Senders
then claim rows a chunk at a time and send them over the process's SMTP connection, at the
configured rate. The rows, not the task messages, say what is left: a task delivered twice
finds nothing to claim, and one lost is replaced by the next ``stalled`` check."""

import contextlib
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from . import smtp
from .archive import archive_changed
from .bulk_messages import copies_for
from .delivery import send_claimed
from .messages import announcement_parts, mailing_list_settings
from .models import Announcement, OutgoingMail, Subscriber

State = Announcement.State
MailState = OutgoingMail.State


def recipients(announcement):
    """The subscribers it goes to: all, or those interested in one of its topics."""
    subscribers = Subscriber.objects.filter(status=Subscriber.Status.SUBSCRIBED)
    topics = list(announcement.interests.values_list("pk", flat=True))
    if topics:
        subscribers = subscribers.filter(interests__in=topics)
    return subscribers


def start(announcement_id, user, send_at=None):
    """Staff pressed Send (now, or for ``send_at``): True if this changed the announcement, False
    when it had already left the draft state. The caller enqueues after commit."""
    now = timezone.now()
    later = send_at is not None and send_at > now
    return bool(
        Announcement.objects.filter(pk=announcement_id, state=State.DRAFT).update(
            state=State.SCHEDULED if later else State.QUEUED,
            send_at=send_at if later else None,
            queued_at=None if later else now,
            queued_by=user,
        )
    )


def prepare(announcement_id, deadline):
    """Create the mail rows of the recipients not yet prepared, batch by batch, until done
    (True: the announcement is now sending) or the monotonic ``deadline`` (False: call again)."""
    announcement = Announcement.objects.filter(pk=announcement_id, state=State.QUEUED).first()
    if announcement is None:
        return True
    people = recipients(announcement).order_by("pk").values_list("pk", flat=True).distinct()
    cursor = announcement.prepared_through
    while time.monotonic() < deadline:
        batch = list(people.filter(pk__gt=cursor)[: settings.MAILINGLIST_ANNOUNCEMENT_BATCH_SIZE])
        if not batch:
            if Announcement.objects.filter(pk=announcement_id, state=State.QUEUED).update(state=State.SENDING):
                archive_changed(announcement_id)
            return True
        cursor = batch[-1]
        with transaction.atomic():
            OutgoingMail.objects.bulk_create(
                [
                    OutgoingMail(kind=OutgoingMail.Kind.ANNOUNCEMENT, announcement_id=announcement_id, subscriber_id=pk)
                    for pk in batch
                ],
                ignore_conflicts=True,
            )
            Announcement.objects.filter(pk=announcement_id, prepared_through__lt=cursor).update(prepared_through=cursor)
    return False


def send(announcement_id, deadline):
    """Claim and send chunks of queued rows until none is left or the ``deadline`` passes.
    Returns None when the announcement is done, else seconds after which to call again."""
    announcement = Announcement.objects.filter(pk=announcement_id, state=State.SENDING).first()
    if announcement is None:
        return None
    rate = settings.MAILINGLIST_SEND_RATE / max(1, settings.MAILINGLIST_SENDERS)
    # Rows are claimed for about a second of sending at most, so that someone who unsubscribes
    # meanwhile is not mailed from a chunk claimed long before.
    chunk = max(1, min(settings.MAILINGLIST_SEND_CHUNK, int(rate))) if rate else settings.MAILINGLIST_SEND_CHUNK
    with _commits_without_waiting_for_disk():
        return _send_chunks(announcement, deadline, rate, chunk)


def _send_chunks(announcement, deadline, rate, chunk):
    words, shared = mailing_list_settings(), announcement_parts(announcement)
    copies = copies_for(announcement, words, shared) if smtp.sends_bytes() else None
    began, sent = time.monotonic(), 0
    # Every step sends at least one mail, however long rendering and claiming took on a busy
    # machine: otherwise a short step could end before its first mail, and so could the next.
    while not sent or time.monotonic() < deadline:
        claim = uuid.uuid4()
        mails = _claim(announcement, claim, chunk)
        if not mails:
            return _wait_or_finish(announcement)
        for position, mail in enumerate(mails):
            if rate:
                time.sleep(max(0.0, began + sent / rate - time.monotonic()))
            if sent and time.monotonic() >= deadline:
                _release(mails[position:], claim)
                return 0
            try:
                send_claimed(mail, claim, words, shared, copies)
            except BaseException:  # the soft time limit, a shutdown: the rows not tried go back
                _release(mails[position + 1 :], claim)
                raise
            sent += 1
    return 0


@contextlib.contextmanager
def _commits_without_waiting_for_disk():
    """Each mail's row is marked sent in a commit of its own, right after the SMTP server took
    it, so that a worker killed mid-send resends nothing. Waiting for each commit to reach the
    disk would cap sending at the disk's flushes per second; only a crash of PostgreSQL itself
    (not of a worker) could lose the last fraction of a second of these marks, and resend those."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")


def _claim(announcement, claim, chunk):
    now = timezone.now()
    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    with transaction.atomic():
        pks = list(
            OutgoingMail.objects.select_for_update(skip_locked=True)
            .filter(due, announcement=announcement, state=MailState.QUEUED)
            .order_by("pk")
            .values_list("pk", flat=True)[:chunk]
        )
        OutgoingMail.objects.filter(pk__in=pks).update(
            state=MailState.SENDING, claim=claim, claimed_at=now, attempts=F("attempts") + 1
        )
    mails = OutgoingMail.objects.filter(pk__in=pks).select_related("subscriber").order_by("pk")
    return [_with_announcement(mail, announcement) for mail in mails]


def _release(mails, claim):
    """Put claimed rows that were not tried back in the queue, as if never claimed."""
    OutgoingMail.objects.filter(pk__in=[mail.pk for mail in mails], claim=claim, state=MailState.SENDING).update(
        state=MailState.QUEUED, claim=None, claimed_at=None, attempts=F("attempts") - 1
    )


def _with_announcement(mail, announcement):
    mail.announcement = announcement
    return mail


def _wait_or_finish(announcement):
    """Nothing to claim now: rows waiting for a retry call for another pass when the first is
    due; rows another sender holds are its to finish; with neither, the announcement is sent."""
    mails = announcement.mails
    retry = mails.filter(state=MailState.QUEUED).order_by("next_attempt_at").values_list("next_attempt_at", flat=True)
    first_retry = retry.first()
    if first_retry is not None:
        return max(1.0, (first_retry - timezone.now()).total_seconds())
    if not mails.filter(state=MailState.SENDING).exists():
        Announcement.objects.filter(pk=announcement.pk, state=State.SENDING).update(
            state=State.SENT, sent_at=timezone.now()
        )
    return None


def _lease_expired():
    lease_start = timezone.now() - timedelta(seconds=settings.MAILINGLIST_ENQUEUE_LEASE_SECONDS)
    return Q(enqueued_at__isnull=True) | Q(enqueued_at__lte=lease_start)


def resume(announcement_id):
    """Take a new lease on an announcement preparing or sending whose last task was lost or
    never published. Returns its state when the caller should publish its next step, else None."""
    rows = Announcement.objects.filter(_lease_expired(), pk=announcement_id, state__in=[State.QUEUED, State.SENDING])
    state = rows.values_list("state", flat=True).first()
    if state is None or not rows.update(enqueued_at=timezone.now()):
        return None
    return state


def stalled():
    """Announcements to (re)start: scheduled ones whose time has come, and those preparing or
    sending whose last task was published longer ago than the lease, or not at all (Redis was
    down at Send, a worker was lost). Returns (to prepare, to send) ids, each with a new lease."""
    now = timezone.now()
    Announcement.objects.filter(state=State.SCHEDULED, send_at__lte=now).update(state=State.QUEUED, queued_at=now)
    with transaction.atomic():
        rows = list(
            Announcement.objects.select_for_update(skip_locked=True)
            .filter(_lease_expired(), state__in=[State.QUEUED, State.SENDING])
            .values_list("pk", "state")
        )
        Announcement.objects.filter(pk__in=[pk for pk, _ in rows]).update(enqueued_at=now)
    return [pk for pk, state in rows if state == State.QUEUED], [pk for pk, state in rows if state == State.SENDING]
