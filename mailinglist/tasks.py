"""Celery tasks of the mailing list. Each takes a primary key; the row in PostgreSQL, not the
message in Redis, is the record of what must happen, so a lost message is only a delay."""

from celery import shared_task
from django.db import transaction

from wsi.broker import enqueue

from . import delivery, imports, signups


def send_after_commit(mail):
    if mail is not None:
        transaction.on_commit(lambda: enqueue(send_mail, mail.pk))


def process_after_commit(signup_request):
    transaction.on_commit(lambda: enqueue(process_signup, signup_request.pk))


def import_after_commit(subscriber_import):
    transaction.on_commit(lambda: enqueue(import_subscribers, subscriber_import.pk))


@shared_task(acks_late=True, reject_on_worker_lost=True)
def send_mail(mail_id):
    retry_in = delivery.deliver(mail_id)
    if retry_in is not None:
        enqueue(send_mail, mail_id, countdown=retry_in)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def process_signup(request_id):
    send_after_commit(signups.process_signup_request(request_id))


@shared_task
def sweep():
    mail_ids, request_ids = delivery.sweep()
    for mail_id in mail_ids:
        enqueue(send_mail, mail_id)
    for request_id in request_ids:
        enqueue(process_signup, request_id)
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


@shared_task(acks_late=True, reject_on_worker_lost=True)
def queue_announcement(announcement_id):
    for mail_ids in delivery.queue_announcement(announcement_id):
        for mail_id in mail_ids:
            enqueue(send_mail, mail_id)
