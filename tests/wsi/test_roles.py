"""Staff roles on every admin area, through real requests as members of each group: what an
editor, a moderator, a mailing-list manager and an announcer may open (README, "Staff roles")."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import Page, Site, Workflow, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from mailinglist.factories import AnnouncementFactory
from mailinglist.models import Announcement
from tests.helpers.staff import staff_member
from wsi import roles
from wsi.factories import ContactPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

EDITORS, MODERATORS, MANAGERS, ANNOUNCERS = "Editors", "Moderators", "Mailing list managers", "Announcers"
ROLES = (EDITORS, MODERATORS, MANAGERS, ANNOUNCERS)

# (area, URL with {home}, {page}, {contact}, {site}, {announcement}, the roles that may open it)
AREAS = [
    ("add a page", "/admin/pages/add/wsi/standardpage/{home}/", {EDITORS, MODERATORS}),
    ("edit a page", "/admin/pages/{page}/edit/", {EDITORS, MODERATORS}),
    ("images", "/admin/images/", {EDITORS, MODERATORS}),
    ("upload an image", "/admin/images/add/", {EDITORS, MODERATORS}),
    ("documents", "/admin/documents/", {EDITORS, MODERATORS}),
    ("upload a document", "/admin/documents/add/", {EDITORS, MODERATORS}),
    ("add a topic", "/admin/snippets/library/topic/add/", {EDITORS, MODERATORS}),
    ("add a person", "/admin/snippets/library/person/add/", {EDITORS, MODERATORS}),
    ("add an organisation", "/admin/snippets/library/organisation/add/", {EDITORS, MODERATORS}),
    ("site settings", "/admin/settings/wsi/sitesettings/{site}/", {MODERATORS}),
    ("redirects", "/admin/redirects/", {MODERATORS}),
    ("add a redirect", "/admin/redirects/add/", {MODERATORS}),
    ("promoted results", "/admin/searchpicks/", {MODERATORS}),
    ("form submissions", "/admin/forms/submissions/{contact}/", {MODERATORS}),
    ("form submissions export", "/admin/forms/submissions/{contact}/?export=csv", {MODERATORS}),
    ("mailing list subscribers", "/admin/mailing-list/subscribers/", {MANAGERS}),
    ("mailing list settings", "/admin/settings/mailinglist/mailinglistsettings/{site}/", {MANAGERS}),
    ("announcements", "/admin/mailing-list/announcements/", {MANAGERS, ANNOUNCERS}),
    ("send an announcement", "/admin/mailing-list/announcements/send/{announcement}/", {MANAGERS, ANNOUNCERS}),
]


@pytest.fixture
def site_objects(home):
    return {
        "home": home.pk,
        "page": StandardPageFactory(parent=home, title="Who We Are").pk,
        "contact": ContactPageFactory(parent=home).pk,
        "site": Site.objects.get(is_default_site=True).pk,
        "announcement": AnnouncementFactory().pk,
    }


def opens(client, url):
    """True when the area answers 200; a refusal is a 403 or Wagtail's redirect to the
    dashboard with "Sorry, you do not have permission", never the login page."""
    response = client.get(url)
    if response.status_code == 200:
        return True
    assert response.status_code in (302, 403), (url, response.status_code)
    if response.status_code == 302:
        assert not response["Location"].startswith("/admin/login/"), url
    return False


@pytest.mark.parametrize("role", ROLES)
def test_each_role_opens_exactly_its_admin_areas(client, site_objects, role):
    client.force_login(staff_member(role))

    opened = {area: opens(client, url.format(**site_objects)) for area, url, _ in AREAS}

    assert opened == {area: role in allowed for area, _, allowed in AREAS}


def edit_data(page, **extra):
    body = streamfield([("paragraph", rich_text("<p>Since 1991.</p>"))])
    return nested_form_data({"title": page.title, "slug": page.slug, "body": body, **extra})


def test_an_editor_cannot_publish_but_submits_for_review(client, home, mailoutbox):
    page = StandardPageFactory(parent=home, title="Our Story")
    moderator = staff_member(MODERATORS)
    client.force_login(staff_member(EDITORS))

    client.post(f"/admin/pages/{page.pk}/edit/", edit_data(page, title="Our Story, told", **{"action-publish": "1"}))
    page.refresh_from_db()
    assert page.title == "Our Story" and page.has_unpublished_changes
    assert mailoutbox == []

    client.post(f"/admin/pages/{page.pk}/edit/", edit_data(page, title="Our Story, told", **{"action-submit": "1"}))

    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Review and publish"
    assert [message.to for message in mailoutbox] == [[moderator.email]]
    assert "Our Story, told" in mailoutbox[0].subject


def test_a_moderator_approves_and_the_page_goes_live(client, home):
    page = StandardPageFactory(parent=home, title="Our Story", live=False)
    editor = staff_member(EDITORS)
    client.force_login(editor)
    client.post(f"/admin/pages/{page.pk}/edit/", edit_data(page, title="Our Story, told", **{"action-submit": "1"}))
    state = WorkflowState.objects.get(object_id=str(page.pk))
    task_state = state.current_task_state

    client.force_login(staff_member(MODERATORS))
    response = client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": "Fine."})

    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live and page.title == "Our Story, told"
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_an_editor_sees_the_state_of_their_submission_on_the_dashboard(client, home):
    page = StandardPageFactory(parent=home, title="Our Story", live=False)
    client.force_login(staff_member(EDITORS))
    client.post(f"/admin/pages/{page.pk}/edit/", edit_data(page, **{"action-submit": "1"}))

    dashboard = client.get("/admin/").content.decode()

    assert "Your pages and snippets in a workflow" in dashboard
    assert "Our Story" in dashboard and "Moderators approval" in dashboard


def test_an_announcer_sends_an_announcement(client, home):
    announcement = AnnouncementFactory()
    client.force_login(staff_member(ANNOUNCERS))

    client.post(f"/admin/mailing-list/announcements/send/{announcement.pk}/")

    announcement.refresh_from_db()
    assert announcement.state == Announcement.State.QUEUED


def test_every_permission_a_role_names_exists():
    named = {name for names in roles.model_permissions().values() for name in names}
    named |= {name for names in roles.COLLECTION_PERMISSIONS.values() for name in names}
    existing = {
        f"{app_label}.{codename}"
        for app_label, codename in Permission.objects.values_list("content_type__app_label", "codename")
    }

    assert named - existing == set()


def test_deleted_roles_and_workflow_come_back_at_the_next_migrate(home):
    Group.objects.filter(name__in=ROLES).delete()
    Workflow.objects.all().delete()

    call_command("migrate", verbosity=0)

    moderators = Group.objects.get(name=MODERATORS)
    assert set(Group.objects.filter(name__in=ROLES).values_list("name", flat=True)) == set(ROLES)
    assert {"publish_page", "change_page"} <= set(
        moderators.page_permissions.values_list("permission__codename", flat=True)
    )
    workflow = Page.get_first_root_node().get_workflow()
    assert workflow.name == "Review and publish"
    assert list(workflow.tasks.get().specific.groups.all()) == [moderators]


def test_the_dashboard_shows_what_awaits_review_and_what_was_published(client, home):
    waiting = StandardPageFactory(parent=home, title="Our Story", live=False)
    editor = staff_member(EDITORS)
    client.force_login(editor)
    client.post(f"/admin/pages/{waiting.pk}/edit/", edit_data(waiting, **{"action-submit": "1"}))
    moderator = staff_member(MODERATORS)
    client.force_login(moderator)
    published = StandardPageFactory(parent=home, title="Who We Are", live=False)
    client.post(f"/admin/pages/{published.pk}/edit/", edit_data(published, **{"action-publish": "1"}))

    client.force_login(editor)
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")

    panel = soup.find(id="site-activity-section")
    lines = [" ".join(item.get_text(" ", strip=True).split()) for item in panel.find_all("li")]
    assert panel.find(id="awaiting-review").get_text() == "Awaiting review (1)"
    assert lines[0].startswith("Our Story — Moderators approval, submitted by Editor")
    assert lines[1].startswith("Who We Are — 0") and lines[1].endswith("by Moderator")
    assert panel.find("a", string="Our Story")["href"] == f"/admin/pages/{waiting.pk}/edit/"
