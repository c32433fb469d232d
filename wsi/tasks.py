import logging
from datetime import timedelta
from smtplib import SMTPException

from celery import shared_task
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from wsi import frontend_cache, housekeeping
from wsi.models import ContactSubmission

logger = logging.getLogger(__name__)


@shared_task
def publish_scheduled():
    """Run by beat every minute so that pages scheduled in the admin go live on time."""
    call_command("publish_scheduled")


@shared_task(autoretry_for=(SMTPException, OSError), retry_backoff=30, max_retries=6)
def mail_contact_submission(submission_pk):
    """Mail one contact message to the staff address, once. The row stays locked while its mail
    is sent, so a second task for it (the sweeper's, a redelivery) skips it rather than send it
    again; a worker that dies mid-send releases the lock with its connection."""
    with transaction.atomic():
        submission = (
            ContactSubmission.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("page")
            .filter(pk=submission_pk, mailed_at=None)
            .first()
        )
        if submission is None:
            return
        submission.staff_message().send()
        ContactSubmission.objects.filter(pk=submission_pk).update(mailed_at=timezone.now())


@shared_task
def mail_pending_contact_submissions():
    """Run by beat: queue the staff mail of messages stored while the broker was down (an hour
    old, so that the retries of their own task are over)."""
    now = timezone.now()
    pending = ContactSubmission.objects.filter(
        mailed_at=None,
        submit_time__lt=now - timedelta(hours=1),
        submit_time__gt=now - timedelta(days=7),
    ).values_list("pk", flat=True)
    for pk in pending:
        mail_contact_submission.delay(pk)


@shared_task
def purge_search_queries():
    """Run by beat daily: search strings older than ``SEARCH_QUERIES_MAX_AGE_DAYS``."""
    logger.info("Deleted %d search query rows.", housekeeping.purge_search_queries())


@shared_task
def purge_revisions():
    """Run by beat daily: revisions nothing uses, older than ``REVISIONS_MAX_AGE_DAYS``."""
    logger.info("Deleted %d revisions.", housekeeping.purge_revisions())


@shared_task
def purge_sessions():
    """Run by beat daily: expired sessions."""
    logger.info("Deleted %d expired sessions.", housekeeping.purge_sessions())


@shared_task
def purge_login_records():
    """Run by beat daily: login records older than ``LOGIN_RECORDS_MAX_AGE_DAYS``."""
    logger.info("Deleted %d login records.", housekeeping.purge_login_records())


@shared_task(bind=True, autoretry_for=(OSError,), retry_backoff=5, retry_backoff_max=300, max_retries=8)
def purge_frontend_cache(self, urls, check_menus=False, repurge=True):
    """Purge the URLs a change shows on from the frontend cache (wsi/frontend_cache.py), after
    the commit, so that an editor's save never waits for it. An unreachable cache is retried.
    With ``repurge``, the URLs purged (the whole site if the menus changed) are purged once more
    ``FRONTEND_CACHE_REPURGE_AFTER`` seconds later: a request that read the rows before the
    commit may store the old page in the frontend cache after the first purge."""
    try:
        purged = frontend_cache.deliver(urls, check_menus)
    except OSError as error:
        logger.warning("Could not purge %d URL(s) from the frontend cache (%s); retrying.", len(urls), error)
        raise
    # Not when tasks run in the editor's request (no broker), where the countdown is ignored.
    if repurge and purged and settings.FRONTEND_CACHE_REPURGE_AFTER and not self.request.is_eager:
        purge_frontend_cache.apply_async((purged,), {"repurge": False}, countdown=settings.FRONTEND_CACHE_REPURGE_AFTER)
