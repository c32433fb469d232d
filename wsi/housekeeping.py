"""What beat deletes so that tables do not grow without bound (``wsi.tasks``, daily): search
strings, old revisions, expired sessions and old login records. Each function returns how many
rows it deleted; the ages come from settings (the README's configuration table)."""

import logging
from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db.models import Exists, OuterRef, Q
from django.db.models.deletion import ProtectedError
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.models import DraftStateMixin, Revision, RevisionMixin, WorkflowState

logger = logging.getLogger(__name__)


def purge_search_queries(days=None):
    """Daily hit counts older than ``days``, then every search string left with no hits and no
    promotion (Wagtail's own garbage collection, with our age)."""
    days = settings.SEARCH_QUERIES_MAX_AGE_DAYS if days is None else days
    hits, _ = QueryDailyHits.objects.filter(date__lt=timezone.localdate() - timedelta(days=days)).delete()
    queries, _ = Query.objects.filter(daily_hits__isnull=True, editors_picks__isnull=True).delete()
    return hits + queries


def purge_revisions(days=None):
    """Revisions of pages and snippets older than ``days`` that nothing uses. Kept, whatever their
    age: the latest revision of each object (by date, and the one it points to as its draft), its
    live one, one approved to go live at a set time, and one in moderation (a workflow in progress
    or sent back). Wagtail's ``purge_revisions`` command keeps all but the live one, which it
    deletes once a newer draft exists. A deleted revision's comments move to the next one."""
    days = settings.REVISIONS_MAX_AGE_DAYS if days is None else days
    newer = Revision.objects.filter(
        base_content_type_id=OuterRef("base_content_type_id"), object_id=OuterRef("object_id")
    ).filter(Q(created_at__gt=OuterRef("created_at")) | Q(created_at=OuterRef("created_at"), pk__gt=OuterRef("pk")))
    purgeable = (
        Revision.objects.filter(created_at__lt=timezone.now() - timedelta(days=days), approved_go_live_at=None)
        .filter(Exists(newer))
        .exclude(pk__in=_revisions_in_use())
        .exclude(
            task_states__workflow_state__status__in=[
                WorkflowState.STATUS_IN_PROGRESS,
                WorkflowState.STATUS_NEEDS_CHANGES,
            ]
        )
    )
    deleted = 0
    for revision in purgeable.iterator():
        try:
            revision.delete()
        except ProtectedError:
            logger.warning("Revision %s is still referred to; kept.", revision.pk)
        else:
            deleted += 1
    return deleted


def _revisions_in_use():
    """The live and the latest revision of every page and snippet, as one set of ids."""
    ids = set()
    for model in apps.get_models():
        for name, mixin in (("latest_revision", RevisionMixin), ("live_revision", DraftStateMixin)):
            if issubclass(model, mixin) and model._meta.get_field(name).model is model:
                ids.update(model.objects.exclude(**{name: None}).values_list(f"{name}_id", flat=True))
    return ids


def purge_sessions():
    """Sessions past their expiry: what Django's ``clearsessions`` does for the database sessions
    the site uses, counted."""
    deleted, _ = Session.objects.filter(expire_date__lt=timezone.now()).delete()
    return deleted


def purge_login_records(days=None):
    """django-axes' rows older than ``days``: failed-login counters (never one whose cool-off is
    still running), failure logs and the log of logins. They hold addresses and usernames."""
    days = settings.LOGIN_RECORDS_MAX_AGE_DAYS if days is None else days
    now = timezone.now()
    cutoff = now - timedelta(days=days)
    deleted = 0
    for model in (AccessFailureLog, AccessLog):
        deleted += model.objects.filter(attempt_time__lt=cutoff).delete()[0]
    attempts_cutoff = min(cutoff, now - settings.AXES_COOLOFF_TIME)
    deleted += AccessAttempt.objects.filter(attempt_time__lt=attempts_cutoff).delete()[0]
    return deleted
