"""What the site does when something happens elsewhere. ``WsiConfig.ready`` connects each
receiver here to its signals."""

import logging
from functools import partial

from django.db import transaction
from kombu.exceptions import OperationalError
from wagtail.models import Page, Site

from wsi.navigation import forget_menu_tree
from wsi.tasks import mail_contact_submission

logger = logging.getLogger(__name__)


def forget_menus(sender, instance=None, **kwargs):
    """A page or site saved, moved or deleted: the menus are built anew on the next page view."""
    if instance is None or isinstance(instance, Page | Site):
        forget_menu_tree()


def mail_new_contact_submission(sender, instance, created, raw=False, **kwargs):
    """A message stored from the contact form is mailed to the staff once it is committed."""
    if created and not raw and instance.mailed_at is None:
        transaction.on_commit(partial(_queue_staff_mail, instance.pk))


def _queue_staff_mail(submission_pk):
    try:
        mail_contact_submission.delay(submission_pk)
    except OperationalError:
        # The message is stored; the sweeper task mails it once the broker is back.
        logger.warning("Contact submission %s stored, staff mail not queued: broker unavailable", submission_pk)
