"""Celery tasks of the mailing list. Each takes a primary key; the row in PostgreSQL, not the
message in Redis, is the record of what must happen, so a lost message is only a delay. A
publish that fails marks its row at once, for the next sweep."""

import time

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from wsi.broker import enqueue

from . import announcing, delivery, imports, signups
from .models import Announcement, OutgoingMail, SignupRequest


def send_after_commit(mail):
    if mail is not None:
        transaction.on_commit(lambda: publish_mail(mail.pk))


def process_after_commit(signup_request):
    transaction.on_commit(lambda: _publish(process_signup, SignupRequest, signup_request.pk))


def publish_mail(mail_id, countdown=None):
    _publish(send_mail, OutgoingMail, mail_id, countdown=countdown)


def _publish(task, model, pk, **options):
    """Publish the task for the row; if the broker is down, end the row's lease now so that the
    next sweep publishes it again."""
    if not enqueue(task, pk, **options):
        model.objects.filter(pk=pk).update(enqueued_at=delivery.expired_lease())


def publish_announcement_task(task, announcement_id, countdown=None):
    """Publish a step of an announcement and renew its lease (or, if the broker is down, end it)."""
    published = enqueue(task, announcement_id, countdown=countdown)
    Announcement.objects.filter(pk=announcement_id).update(enqueued_at=timezone.now() if published else None)
    return published


def _step_deadline():
    # Each step ends well before the soft time limit and publishes the next one.
    return time.monotonic() + min(30.0, settings.CELERY_TASK_SOFT_TIME_LIMIT / 3)


def import_after_commit(subscriber_import):
    transaction.on_commit(lambda: enqueue(import_subscribers, subscriber_import.pk))


@shared_task(acks_late=True, reject_on_worker_lost=True)
def send_mail(mail_id):
    retry_in = delivery.deliver(mail_id)
    if retry_in is not None:
        publish_mail(mail_id, countdown=retry_in)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def process_signup(request_id):
    """The signup's mail is sent here, not by a second task: one trip through the queue."""
    mail = signups.process_signup_request(request_id)
    if mail is not None:
        send_mail(mail.pk)


@shared_task
def sweep():
    mail_ids, request_ids = delivery.sweep()
    for mail_id in mail_ids:
        publish_mail(mail_id)
    for request_id in request_ids:
        _publish(process_signup, SignupRequest, request_id)
    return {"mails": len(mail_ids), "signups": len(request_ids)}


@shared_task
def purge():
    return delivery.purge()


@shared_task
def erase_departed():
    return signups.erase_departed()


# A file of the largest size takes minutes, far past the default time limits.
@shared_task(acks_late=True, reject_on_worker_lost=True, soft_time_limit=50 * 60, time_limit=60 * 60)
def import_subscribers(import_id):
    return imports.run_import(import_id)


@shared_task
def start_announcements():
    """Beat: scheduled announcements whose time has come, and sends that stopped."""
    to_prepare, to_send = announcing.stalled()
    for announcement_id in to_prepare:
        publish_announcement_task(queue_announcement, announcement_id)
    for announcement_id in to_send:
        start_senders(announcement_id)
    return {"prepare": len(to_prepare), "send": len(to_send)}


def start_senders(announcement_id):
    for _ in range(settings.MAILINGLIST_SENDERS):
        publish_announcement_task(send_announcement, announcement_id)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def queue_announcement(announcement_id):
    try:
        done = announcing.prepare(announcement_id, _step_deadline())
    except SoftTimeLimitExceeded:
        done = False  # what was committed stays; the next step resumes from the cursor
    if done:
        start_senders(announcement_id)
    else:
        publish_announcement_task(queue_announcement, announcement_id)


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True)
def send_announcement(self, announcement_id):
    try:
        again_in = announcing.send(announcement_id, _step_deadline())
    except SoftTimeLimitExceeded:
        again_in = 0
    if again_in is None or (again_in and self.app.conf.task_always_eager):
        return  # in-process tasks run a countdown at once: retries wait for the beat check
    publish_announcement_task(send_announcement, announcement_id, countdown=again_in or None)


def resume_announcement(announcement_id):
    """Publish the next step of a send that stopped; False if it is running or done."""
    state = announcing.resume(announcement_id)
    if state == Announcement.State.QUEUED:
        publish_announcement_task(queue_announcement, announcement_id)
    elif state == Announcement.State.SENDING:
        start_senders(announcement_id)
    return state is not None
