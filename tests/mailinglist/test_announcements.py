"""Announcements as staff and readers see them: preview, a test to oneself, send now or at a
set time (beat's check sends it), progress, and the public newsletter archive."""

from datetime import timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import timezone

from mailinglist import tasks
from mailinglist.factories import AnnouncementFactory, OutgoingMailFactory, SubscriberFactory
from mailinglist.models import Announcement, OutgoingMail
from tests.helpers.sitemaps import locations

pytestmark = pytest.mark.django_db
State = Announcement.State


@pytest.fixture
def staff(client, django_user_model, home):
    client.force_login(django_user_model.objects.create_superuser("staff", "editor@wsi.example.org", "pw"))
    return client


def send_page(announcement):
    return f"/admin/mailing-list/announcements/send/{announcement.pk}/"


def text(response):
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())


def test_the_preview_shows_the_mail_in_its_layout_as_html_and_plain_text(staff):
    announcement = AnnouncementFactory(subject="Gaining Ground", body="<p>Our <b>report</b> is out.</p>")
    url = f"/admin/mailing-list/announcements/preview/{announcement.pk}/"

    html = staff.get(url)
    plain = staff.get(f"{url}?format=text")

    assert "Workforce Strategies Initiative" in text(html) and "Our report is out." in text(html)
    assert b"<b>report</b>" in html.content
    assert plain["Content-Type"].startswith("text/plain")
    assert "Gaining Ground" in plain.content.decode() and "Our report is out." in plain.content.decode()
    assert f'src="{url}"' in staff.get(send_page(announcement)).content.decode()


def test_a_test_goes_to_the_staff_member_only(staff):
    SubscriberFactory.create_batch(2)
    announcement = AnnouncementFactory(subject="Gaining Ground")

    response = staff.post(send_page(announcement), {"action": "test"}, follow=True)

    [message] = mail.outbox
    assert message.to == ["editor@wsi.example.org"] and message.subject == "[Test] Gaining Ground"
    assert "A test was sent to editor@wsi.example.org" in text(response)
    assert Announcement.objects.get().state == State.DRAFT and not OutgoingMail.objects.exists()


def test_send_now_confirms_the_count_and_shows_progress(staff, django_capture_on_commit_callbacks):
    SubscriberFactory.create_batch(3)
    announcement = AnnouncementFactory()

    assert "Send to 3 subscribers" in text(staff.get(send_page(announcement)))
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(send_page(announcement), {"action": "send"})
    progress = staff.get(f"/admin/mailing-list/announcements/progress/{announcement.pk}/").json()
    page = BeautifulSoup(staff.get(send_page(announcement)).content, "html.parser")

    assert len(mail.outbox) == 3
    assert progress["state"] == "sent" and progress["total"] == 3 and progress["done"] == 3
    assert progress["counts"]["sent"] == 3 and progress["counts"]["queued"] == 0
    bar = page.find("progress")
    assert bar["max"] == "3" and bar["value"] == "3"
    assert page.find(attrs={"data-progress-url": True})["data-progress-url"].endswith(f"/progress/{announcement.pk}/")


def test_progress_counts_queued_sent_and_failed_while_sending(staff):
    announcement = AnnouncementFactory(state=State.SENDING)
    for state in ("queued", "queued", "sent", "failed"):
        OutgoingMailFactory(kind=OutgoingMail.Kind.ANNOUNCEMENT, announcement=announcement, state=state)

    progress = staff.get(f"/admin/mailing-list/announcements/progress/{announcement.pk}/").json()

    assert progress["total"] == 4 and progress["done"] == 2
    assert progress["counts"] == {"queued": 2, "sending": 0, "sent": 1, "failed": 1, "cancelled": 0}


def test_a_scheduled_announcement_goes_out_at_its_time(staff):
    SubscriberFactory.create_batch(2)
    announcement = AnnouncementFactory()
    send_at = timezone.localtime() + timedelta(hours=1)

    response = staff.post(
        send_page(announcement), {"action": "schedule", "send_at": send_at.strftime("%Y-%m-%dT%H:%M")}, follow=True
    )
    tasks.start_announcements()  # beat, before the time
    assert "will be sent on" in text(response)
    assert Announcement.objects.get().state == State.SCHEDULED and mail.outbox == []

    with time_machine.travel(send_at + timedelta(minutes=1)):
        tasks.start_announcements()

    assert len(mail.outbox) == 2
    assert Announcement.objects.get().state == State.SENT
    assert settings.CELERY_BEAT_SCHEDULE["mailinglist-announcements"]["task"] == "mailinglist.tasks.start_announcements"


def test_a_time_in_the_past_is_refused_with_a_message(staff):
    announcement = AnnouncementFactory()
    past = timezone.localtime() - timedelta(hours=1)

    response = staff.post(send_page(announcement), {"action": "schedule", "send_at": past.strftime("%Y-%m-%dT%H:%M")})

    assert response.status_code == 200 and "Choose a time in the future" in text(response)
    assert Announcement.objects.get().state == State.DRAFT


def test_a_schedule_can_be_cancelled(staff):
    announcement = AnnouncementFactory(state=State.SCHEDULED, send_at=timezone.now() + timedelta(hours=1))

    staff.post(send_page(announcement), {"action": "unschedule"})
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        tasks.start_announcements()

    assert Announcement.objects.get().state == State.DRAFT and mail.outbox == []


def test_the_archive_lists_sent_announcements_only_and_is_in_the_sitemap(client, home):
    sent = AnnouncementFactory(subject="Gaining Ground is out", state=State.SENT, queued_at=timezone.now())
    draft = AnnouncementFactory(subject="Not yet", state=State.DRAFT)

    archive = client.get("/mailing-list/newsletters/")
    page = client.get(f"/mailing-list/newsletters/{sent.pk}/")

    assert "Gaining Ground is out" in text(archive) and "Not yet" not in text(archive)
    assert page.status_code == 200 and "Our latest research report is out." in text(page)
    assert client.get(f"/mailing-list/newsletters/{draft.pk}/").status_code == 404
    assert locations(client, "/sitemap-newsletters.xml") == [
        "http://testserver/mailing-list/newsletters/",
        f"http://testserver/mailing-list/newsletters/{sent.pk}/",
    ]


@pytest.mark.parametrize("state", [State.SCHEDULED, State.QUEUED, State.SENDING, State.SENT])
def test_only_a_draft_can_be_changed(staff, state):
    announcement = AnnouncementFactory(subject="Gaining Ground", state=state)
    edit = f"/admin/mailing-list/announcements/edit/{announcement.pk}/"

    page = staff.get(edit, follow=True)
    staff.post(edit, {"subject": "Another subject", "body": "<p>Another text.</p>"})

    assert page.redirect_chain[-1][0] == send_page(announcement)
    assert f"This announcement is {state.label.lower()}." in text(page)
    assert Announcement.objects.get().subject == "Gaining Ground"


def test_an_announcement_being_sent_cannot_be_deleted(staff):
    sending, sent = AnnouncementFactory(state=State.SENDING), AnnouncementFactory(state=State.SENT)

    refused = staff.post(f"/admin/mailing-list/announcements/delete/{sending.pk}/", follow=True)
    staff.post(f"/admin/mailing-list/announcements/delete/{sent.pk}/")

    assert "it can be deleted once it is sent" in text(refused)
    assert list(Announcement.objects.all()) == [sending]


def test_an_announcement_sent_shows_in_the_cached_archive_at_once(staff, settings, django_capture_on_commit_callbacks):
    settings.PAGE_CACHE_SECONDS = 600
    SubscriberFactory()
    announcement = AnnouncementFactory(subject="Gaining Ground is out")
    visitor = Client()
    visitor.get("/mailing-list/newsletters/")
    assert "Gaining Ground is out" not in text(visitor.get("/mailing-list/newsletters/"))

    with django_capture_on_commit_callbacks(execute=True):
        staff.post(send_page(announcement), {"action": "send"})

    assert "Gaining Ground is out" in text(visitor.get("/mailing-list/newsletters/"))


def test_a_sent_announcement_deleted_leaves_the_cached_archive_at_once(staff, settings):
    settings.PAGE_CACHE_SECONDS = 600
    sent = AnnouncementFactory(subject="Gaining Ground is out", state=State.SENT, queued_at=timezone.now())
    visitor = Client()
    visitor.get("/mailing-list/newsletters/")
    assert "Gaining Ground is out" in text(visitor.get("/mailing-list/newsletters/"))

    staff.post(f"/admin/mailing-list/announcements/delete/{sent.pk}/")

    assert "Gaining Ground is out" not in text(visitor.get("/mailing-list/newsletters/"))
