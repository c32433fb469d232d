"""Topics, people and organisations in the admin: revisions, drafts and the review workflow,
a preview, drag-and-drop order, and what a draft means on the public site."""

import json

import pytest
from bs4 import BeautifulSoup
from wagtail.models import WorkflowState

from resources.library.factories import PersonFactory, StaffPageFactory, TopicFactory
from resources.library.models import Person, Topic
from tests.helpers.sitemaps import all_locations
from tests.helpers.staff import staff_member
from wsi.factories import SectionPageFactory

pytestmark = pytest.mark.django_db

PEOPLE = "/admin/snippets/library/person/"
TOPICS = "/admin/snippets/library/topic/"
NEW_PERSON = {
    "given_names": "Maureen",
    "family_name": "Conway",
    "slug": "maureen-conway",
    "role": "Executive Director",
    "bio": "",
}


@pytest.fixture
def staff_page(home):
    about = SectionPageFactory(parent=home, title="About us", slug="about-us")
    return StaffPageFactory(parent=about, title="Staff", slug="staff")


def person_form(**fields):
    data = {**NEW_PERSON, **fields}
    data["bio"] = json.dumps({"blocks": [], "entityMap": {}})
    return {**data, "is_staff": "on"}


def staff_names(client, staff_page):
    soup = BeautifulSoup(client.get(staff_page.url).content, "html.parser")
    return [name.get_text(strip=True) for name in soup.select(".person-card__name")]


def test_an_editor_adds_a_person_who_stays_off_the_site_until_a_moderator_approves(
    client, library, staff_page, mailoutbox
):
    moderator = staff_member("Moderators")
    client.force_login(staff_member("Editors"))

    client.post(PEOPLE + "add/", person_form(**{"action-publish": "1"}))
    person = Person.objects.get(slug="maureen-conway")
    assert not person.live
    client.post(PEOPLE + f"edit/{person.pk}/", person_form(**{"action-submit": "1"}))

    state = WorkflowState.objects.get(object_id=str(person.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.workflow.name == "Review and publish"
    assert [message.to for message in mailoutbox] == [[moderator.email]]
    client.logout()
    assert "Maureen Conway" not in staff_names(client, staff_page)
    assert client.get("/research-resources/people/maureen-conway/").status_code == 404

    client.force_login(moderator)
    task_state = state.current_task_state
    client.post(f"/admin/snippets/library/person/workflow/action/{person.pk}/approve/{task_state.pk}/", {"comment": ""})
    client.logout()

    person.refresh_from_db()
    assert person.live
    assert "Maureen Conway" in staff_names(client, staff_page)
    assert client.get("/research-resources/people/maureen-conway/").status_code == 200


def test_changes_saved_as_a_draft_show_nowhere_until_published(client, library, staff_page):
    person = PersonFactory(name="Amy Blair", slug="amy-blair", is_staff=True)
    client.force_login(staff_member("Editors"))

    draft = person_form(given_names="Amy", family_name="Blair-Smith", slug="amy-blair")
    client.post(PEOPLE + f"edit/{person.pk}/", draft)
    client.logout()

    assert staff_names(client, staff_page) == ["Amy Blair"]
    assert person.revisions.count() == 1


def test_a_draft_topic_is_in_no_public_list(client, library):
    TopicFactory(name="Job Quality", slug="job-quality")
    TopicFactory(name="Apprenticeships", slug="apprenticeships", live=False)

    listing = client.get(library.url).content.decode()

    assert "Job Quality" in listing and "Apprenticeships" not in listing
    assert client.get(library.url + "apprenticeships/").status_code == 404
    assert not any("apprenticeships" in location for location in all_locations(client))


def test_the_preview_shows_the_person_as_a_visitor_would_see_them(client, home):
    client.force_login(staff_member("Editors"))

    client.post(PEOPLE + "preview/", person_form(role="Director of Research"))
    preview = client.get(PEOPLE + "preview/")

    soup = BeautifulSoup(preview.content, "html.parser")
    assert soup.h1.get_text() == "Maureen Conway"
    assert "Director of Research" in soup.select_one(".lead").get_text()


def test_moderators_order_topics_by_dragging_them_in_the_list(client, library):
    """The order goes live at once, so it takes the right to publish: editors see no handles."""
    alpha, beta, gamma = (TopicFactory(name=name, sort_order=n) for n, name in enumerate(["Alpha", "Beta", "Gamma"]))
    client.force_login(staff_member("Editors"))
    assert "Drag" not in client.get(TOPICS + "?ordering=sort_order").content.decode()
    assert client.post(TOPICS + f"reorder/{gamma.pk}/?position=0").status_code in (302, 403)

    client.force_login(staff_member("Moderators"))
    listing = client.get(TOPICS + "?ordering=sort_order").content.decode()
    response = client.post(TOPICS + f"reorder/{gamma.pk}/?position=0")

    assert "Drag" in listing
    assert response.status_code == 200
    assert list(Topic.objects.values_list("name", flat=True)) == ["Gamma", "Alpha", "Beta"]
    topic_nav = BeautifulSoup(client.get(library.url).content, "html.parser").get_text(" ", strip=True)
    assert topic_nav.index("Gamma") < topic_nav.index("Alpha") < topic_nav.index("Beta")
    assert 'name="sort_order"' not in client.get(TOPICS + "add/").content.decode()
