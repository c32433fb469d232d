"""The mailing list in the admin: who may see and export, what an export contains, imports
that respect suppression, erasure, announcements and the dashboard panel."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from wagtail.models import ModelLogEntry

from mailinglist.factories import AnnouncementFactory, OutgoingMailFactory, SubscriberFactory
from mailinglist.models import AnnouncementPage, OutgoingMail, Subscriber, Suppression
from resources.library.factories import TopicFactory
from wsi.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/mailing-list/subscribers/"


@pytest.fixture
def manager(django_user_model):
    user = django_user_model.objects.create_user("manager", "manager@example.org", "pw")
    user.groups.add(Group.objects.get(name="Mailing list managers"))
    return user


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", "editor@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def export(client, query=""):
    response = client.get(f"{INDEX}?export=csv{query}")
    assert response.status_code == 200, response.status_code
    assert response.streaming
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_only_mailing_list_managers_see_and_export_subscribers(client, home, editor, manager):
    SubscriberFactory(email="someone@example.org")

    client.force_login(editor)
    assert client.get(INDEX).status_code in (302, 403)
    assert client.get(f"{INDEX}?export=csv").status_code in (302, 403)
    assert b"someone@example.org" not in client.get("/admin/").content

    client.force_login(manager)
    listing = client.get(INDEX)
    assert listing.status_code == 200 and b"someone@example.org" in listing.content
    assert b"Mailing list" in client.get("/admin/").content


def test_export_neutralises_formulas_follows_filters_and_is_audited(client, home, manager):
    SubscriberFactory(email="plain@example.org", name='=HYPERLINK("http://evil.example")', organisation="+1 555")
    SubscriberFactory(email="left@example.org", unsubscribed=True, name="@SUM(A1)", organisation="-2")
    client.force_login(manager)

    rows = export(client)
    subscribed_only = export(client, "&status=subscribed")

    assert rows[0][:3] == ["Email", "Name", "Organisation"]
    cells = [cell for row in rows[1:] for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    assert '\'=HYPERLINK("http://evil.example")' in cells and "'@SUM(A1)" in cells and "'-2" in cells
    assert [row[0] for row in subscribed_only[1:]] == ["plain@example.org"]
    entries = ModelLogEntry.objects.filter(action="mailinglist.export")
    assert entries.count() == 2
    assert entries.first().user == manager


def test_search_and_interest_filter(client, home, manager):
    topic = TopicFactory(name="Job Quality", slug="job-quality")
    SubscriberFactory(email="alpha@example.org", organisation="Alpha College").interests.set([topic])
    SubscriberFactory(email="beta@example.org")
    client.force_login(manager)

    searched = client.get(f"{INDEX}?q=alpha")
    filtered = client.get(f"{INDEX}?interests={topic.pk}")

    assert b"alpha@example.org" in searched.content and b"beta@example.org" not in searched.content
    assert b"alpha@example.org" in filtered.content and b"beta@example.org" not in filtered.content


def test_detail_shows_consent_and_mail_history(client, home, manager):
    subscriber = SubscriberFactory(consent_page="/our-work/faq/")
    OutgoingMailFactory(subscriber=subscriber, state=OutgoingMail.State.FAILED, last_error="550 no such mailbox")
    client.force_login(manager)

    response = client.get(f"{INDEX}inspect/{subscriber.pk}/")

    assert response.status_code == 200
    assert b"/our-work/faq/" in response.content and b"550 no such mailbox" in response.content


def test_erase_removes_personal_data_and_keeps_the_suppression_hash(client, home, manager):
    subscriber = SubscriberFactory(email="erase.me@example.org", name="Erase Me")
    OutgoingMailFactory(subscriber=subscriber, state=OutgoingMail.State.SENT)
    client.force_login(manager)

    response = client.post(f"{INDEX}delete/{subscriber.pk}/")

    assert response.status_code == 302
    assert not Subscriber.objects.exists()
    assert Suppression.objects.count() == 1
    assert OutgoingMail.objects.get().subscriber is None
    assert not ModelLogEntry.objects.filter(label__contains="erase.me").exists()


def test_resend_confirmation_queues_a_new_mail(client, home, manager, django_capture_on_commit_callbacks):
    subscriber = SubscriberFactory(pending=True, email="late@example.org")
    client.force_login(manager)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{INDEX}resend/{subscriber.pk}/")

    assert [message.to for message in mail.outbox] == [["late@example.org"]]
    assert "/mailing-list/confirm/" in mail.outbox[0].body


def test_sending_an_announcement_reaches_each_subscriber_once(
    client, home, manager, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(parent=home, title="Gaining Ground", slug="gaining-ground")
    SubscriberFactory.create_batch(3)
    SubscriberFactory(pending=True)
    announcement = AnnouncementFactory(subject="Gaining Ground is out")
    AnnouncementPage.objects.create(announcement=announcement, page=page)
    client.force_login(manager)
    url = f"/admin/mailing-list/announcements/send/{announcement.pk}/"

    assert b"Send to 3 subscribers" in client.get(url).content
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    client.post(url)

    assert len(mail.outbox) == 3
    assert all("/gaining-ground/" in message.body for message in mail.outbox), mail.outbox[0].body
    assert all(message.extra_headers["List-Unsubscribe-Post"] for message in mail.outbox)
    assert b"3 mails: 3 sent" in client.get(url).content


def test_dashboard_panel_counts_and_flags_failures(client, home, manager):
    SubscriberFactory.create_batch(2)
    SubscriberFactory(pending=True)
    OutgoingMailFactory(state=OutgoingMail.State.FAILED, last_error="550 gone")
    client.force_login(manager)

    response = client.get("/admin/")

    content = response.content.decode()
    assert "Signups per week" in content
    assert "1 mail failed" in content
    assert "550 gone" in content


def test_a_deleted_managers_group_comes_back_with_its_permissions_at_the_next_migrate():
    Group.objects.filter(name="Mailing list managers").delete()

    call_command("migrate", verbosity=0)

    group = Group.objects.get(name="Mailing list managers")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"access_admin", "view_subscriber", "export_subscriber", "add_announcement"} <= codenames
