"""Staff roles in Debian's Chromium against the live server: an editor adds a person and a topic
but cannot publish them nor open the mailing list or the settings; an editor adds a question
to the FAQ, previews it and submits it, a moderator approves, and the question is on the page
with its anchor and in its structured data."""


import pytest
from playwright.sync_api import expect

from faq.factories import FAQPageFactory, FAQQuestionFactory
from resources.library.factories import ResourceIndexPageFactory
from resources.library.models import Person, Topic
from tests.helpers.staff import PASSWORD, staff_member
from wsi.factories import SectionPageFactory, make_site_root
from wsi.media_collections import ensure_collections
from wsi.roles import ensure_roles

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server):
    """A small site with an FAQ, an editor and a moderator. The tables were emptied by the tests
    before, roles and collections with them: they are restored as a migrate would."""
    home = make_site_root()
    ensure_roles()
    ensure_collections()
    ResourceIndexPageFactory(parent=home)
    our_work = SectionPageFactory(parent=home, title="Our Work", slug="our-work")
    faq = FAQPageFactory(parent=our_work)
    FAQQuestionFactory(page=faq, question="What is a sector strategy?")
    staff_member("Editors", username="editor")
    staff_member("Moderators", username="moderator")
    live_server.faq = faq
    return live_server


def log_in(tab, site, username):
    tab.goto(site.url + "/admin/login/")
    tab.get_by_label("Username").fill(username)
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url(site.url + "/admin/")


def submit_for_moderation(tab):
    tab.get_by_role("button", name="More actions").click()
    tab.get_by_role("button", name="Submit to Review and publish").click()


def test_an_editor_adds_a_person_and_a_topic_but_cannot_publish_or_open_the_mailing_list_or_settings(site, page):
    log_in(page, site, "editor")

    page.goto(site.url + "/admin/snippets/library/person/add/")
    page.get_by_role("textbox", name="Name").fill("Maureen Conway")
    page.get_by_role("textbox", name="Slug").fill("maureen-conway")
    expect(page.get_by_role("button", name="Publish")).to_have_count(0)
    submit_for_moderation(page)
    expect(page.get_by_role("status")).to_contain_text("created and submitted for moderation")

    page.goto(site.url + "/admin/snippets/library/topic/add/")
    page.get_by_role("textbox", name="Name").fill("Apprenticeships")
    page.get_by_role("textbox", name="Slug").fill("apprenticeships")
    expect(page.get_by_role("button", name="Publish")).to_have_count(0)
    submit_for_moderation(page)
    expect(page.get_by_role("status")).to_contain_text("created and submitted for moderation")

    person, topic = Person.objects.get(slug="maureen-conway"), Topic.objects.get(slug="apprenticeships")
    assert not person.live and not topic.live
    assert person.workflow_in_progress and topic.workflow_in_progress

    for area in ("/admin/mailing-list/subscribers/", "/admin/settings/wsi/sitesettings/"):
        page.goto(site.url + area)
        assert page.url == site.url + "/admin/", area
        expect(page.get_by_text("Sorry, you do not have permission to access this area.")).to_be_visible()
    expect(page.get_by_role("navigation").get_by_text("Mailing list")).to_have_count(0)
    expect(page.get_by_role("navigation").get_by_text("Settings")).to_have_count(0)
