"""Celery tasks of the mailing list. Each takes a primary key; the row in PostgreSQL, not the
message in Redis, is the record of what must happen, so a lost message is only a delay."""

import logging

import redis
from celery import shared_task
from django.db import transaction
from kombu.exceptions import OperationalError

from . import delivery, signups

logger = logging.getLogger(__name__)
BROKER_ERRORS = (OperationalError, redis.RedisError, OSError)


def _enqueue(task, *args, **options):
    try:
        task.apply_async(args, **options)
    except BROKER_ERRORS as error:
        # The row stays queued and the sweeper enqueues it again once the broker is back.
        logger.warning("Could not enqueue %s%r (%s); the sweeper will retry.", task.name, args, error)


def send_after_commit(mail):
    if mail is not None:
        transaction.on_commit(lambda: _enqueue(send_mail, mail.pk))


def process_after_commit(signup_request):
    transaction.on_commit(lambda: _enqueue(process_signup, signup_request.pk))


@shared_task(acks_late=True, reject_on_worker_lost=True)
def send_mail(mail_id):
    retry_in = delivery.deliver(mail_id)
    if retry_in is not None:
        _enqueue(send_mail, mail_id, countdown=retry_in)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def process_signup(request_id):
    send_after_commit(signups.process_signup_request(request_id))


@shared_task
def sweep():
    mail_ids, request_ids = delivery.sweep()
    for mail_id in mail_ids:
        _enqueue(send_mail, mail_id)
    for request_id in request_ids:
        _enqueue(process_signup, request_id)
    return {"mails": len(mail_ids), "signups": len(request_ids)}


@shared_task
def purge():
    return delivery.purge()


@shared_task(acks_late=True, reject_on_worker_lost=True)
def queue_announcement(announcement_id):
    for mail_ids in delivery.queue_announcement(announcement_id):
        for mail_id in mail_ids:
            _enqueue(send_mail, mail_id)
