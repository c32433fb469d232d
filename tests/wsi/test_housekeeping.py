"""Beat's daily housekeeping: rows past their age go, what is recent or still in use stays. Each
test runs the task beat runs (eagerly, in this process) on rows dated in the past."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Comment, Revision, Workflow, WorkflowState

from wsi import tasks
from wsi.celery import app
from wsi.factories import StandardPageFactory
from wsi.roles import REVIEW_WORKFLOW

pytestmark = pytest.mark.django_db

HOUSEKEEPING = ["purge_search_queries", "purge_revisions", "purge_sessions", "purge_login_records"]


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def test_beat_runs_each_purge_daily():
    scheduled = {entry["task"]: entry["schedule"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}

    for name in HOUSEKEEPING:
        assert scheduled[f"wsi.tasks.{name}"] == 24 * 60 * 60
        assert f"wsi.tasks.{name}" in app.tasks


def searched(text, days):
    query = Query.get(text)
    query.add_hit(date=timezone.localdate() - timedelta(days=days))
    return query


def test_search_strings_go_once_their_hits_are_older_than_the_limit(settings, home):
    settings.SEARCH_QUERIES_MAX_AGE_DAYS = 10
    searched("jane.doe@example.org", 11)
    recent = searched("apprenticeships", 11)
    recent.add_hit()
    promoted = searched("job quality", 40)
    SearchPromotion.objects.create(query=promoted, page=home, description="Start here.")

    tasks.purge_search_queries.delay()

    assert sorted(Query.objects.values_list("query_string", flat=True)) == ["apprenticeships", "job quality"]
    assert [(hit.query.query_string, hit.date) for hit in QueryDailyHits.objects.all()] == [
        ("apprenticeships", timezone.localdate())
    ]


def revise(page, days, publish=False, **fields):
    """A new revision of ``page`` dated ``days`` ago (published when asked)."""
    for name, value in fields.items():
        setattr(page, name, value)
    revision = page.save_revision()
    if publish:
        revision.publish()
    Revision.objects.filter(pk=revision.pk).update(created_at=days_ago(days))
    return revision


def remaining(*revisions):
    return [revision in Revision.objects.filter(pk=revision.pk) for revision in revisions]


def test_old_revisions_nothing_uses_go_and_the_ones_in_use_stay(settings, home):
    settings.REVISIONS_MAX_AGE_DAYS = 90
    page = StandardPageFactory(parent=home, title="Our story")
    Revision.objects.all().update(created_at=days_ago(400))
    superseded = revise(page, 300, publish=True, title="Our story, first")
    live = revise(page, 200, publish=True, title="Our story, today")
    old_draft = revise(page, 150, title="Our story, a draft")
    recent_draft = revise(page, 30, title="Our story, a recent draft")
    latest = revise(page, 100, title="Our story, the latest draft")  # latest by id, dated earlier

    tasks.purge_revisions.delay()

    assert remaining(superseded, live, old_draft, recent_draft, latest) == [False, True, False, True, True]
    page.refresh_from_db()
    assert page.live_revision == live
    assert page.title == "Our story, today"


def test_an_old_revision_scheduled_in_moderation_or_with_an_open_comment_stays(settings, home):
    settings.REVISIONS_MAX_AGE_DAYS = 90
    editor = get_user_model().objects.create_user("editor", "editor@example.org")
    scheduled_page = StandardPageFactory(parent=home, title="Scheduled")
    scheduled = revise(scheduled_page, 200, title="Goes live next week")
    Revision.objects.filter(pk=scheduled.pk).update(approved_go_live_at=timezone.now() + timedelta(days=7))
    revise(scheduled_page, 10, title="A later draft")

    moderated_page = StandardPageFactory(parent=home, title="Moderated")
    in_moderation = revise(moderated_page, 200, title="Waiting for approval")
    Workflow.objects.get(name=REVIEW_WORKFLOW).start(moderated_page, editor)
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_IN_PROGRESS
    revise(moderated_page, 10, title="A later draft")

    tasks.purge_revisions.delay()

    assert remaining(scheduled, in_moderation) == [True, True]


def test_the_comments_of_a_deleted_revision_stay_on_the_page(settings, home):
    settings.REVISIONS_MAX_AGE_DAYS = 90
    editor = get_user_model().objects.create_user("editor", "editor@example.org")
    page = StandardPageFactory(parent=home, title="Commented")
    commented = revise(page, 200, title="Please check this")
    later = revise(page, 10, title="A later draft")
    Comment.objects.create(
        page=page, user=editor, text="Is this right?", contentpath="title", revision_created=commented
    )

    tasks.purge_revisions.delay()

    assert remaining(commented, later) == [False, True]
    assert [(comment.text, comment.revision_created) for comment in page.wagtail_admin_comments.all()] == [
        ("Is this right?", later)
    ]


def test_expired_sessions_go_and_a_staff_login_stays(client):
    expired = SessionStore()
    expired["note"] = "expired yesterday"
    expired.set_expiry(days_ago(1))
    expired.create()
    staff = get_user_model().objects.create_superuser("staff", "staff@example.org", "a long password")
    client.force_login(staff)

    tasks.purge_sessions.delay()

    assert list(Session.objects.values_list("session_key", flat=True)) == [client.session.session_key]
    assert client.get("/admin/").status_code == 200


def login_record(model, days, username, **fields):
    record = model.objects.create(
        username=username,
        ip_address="203.0.113.9",
        user_agent="test",
        http_accept="*/*",
        path_info="/admin/login/",
        **fields,
    )
    model.objects.filter(pk=record.pk).update(attempt_time=days_ago(days))


def test_login_records_older_than_the_limit_go(settings):
    settings.LOGIN_RECORDS_MAX_AGE_DAYS = 30
    attempt = {"get_data": "", "post_data": "", "failures_since_start": 5}
    for days, username in [(31, "old"), (29, "recent")]:
        login_record(AccessAttempt, days, username, **attempt)
        login_record(AccessFailureLog, days, username)
        login_record(AccessLog, days, username)

    tasks.purge_login_records.delay()

    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        assert list(model.objects.values_list("username", flat=True)) == ["recent"]


def test_a_lockout_still_running_is_not_lifted_by_a_short_limit(settings):
    settings.LOGIN_RECORDS_MAX_AGE_DAYS = 1
    settings.AXES_COOLOFF_TIME = timedelta(days=3)
    login_record(AccessAttempt, 2, "locked", get_data="", post_data="", failures_since_start=5)
    login_record(AccessFailureLog, 2, "locked")

    tasks.purge_login_records.delay()

    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["locked"]
    assert not AccessFailureLog.objects.exists()
