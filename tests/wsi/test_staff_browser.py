"""Staff roles in Debian's Chromium against the live server: an editor adds a person and a topic
but cannot publish them nor open the mailing list or the settings; an editor adds a question
to the FAQ, previews it and submits it, a moderator approves, and the question is on the page
with its anchor and in its structured data."""

import json

import pytest
from playwright.sync_api import expect

from faq.factories import FAQPageFactory, FAQQuestionFactory
from faq.models import FAQPage
from resources.library.factories import ResourceIndexPageFactory
from resources.library.models import Person, Topic
from tests.helpers.admin_browser import log_in, submit_for_moderation
from tests.helpers.staff import staff_member
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


def test_an_editor_adds_a_person_and_a_topic_but_cannot_publish_or_open_the_mailing_list_or_settings(site, page):
    log_in(page, site.url, "editor")

    page.goto(site.url + "/admin/snippets/library/person/add/")
    page.get_by_role("textbox", name="Given names").fill("Maureen")
    page.get_by_role("textbox", name="Family name").fill("Conway")
    page.get_by_role("textbox", name="Slug").fill("maureen-conway")
    expect(page.get_by_role("button", name="Publish")).to_have_count(0)
    submit_for_moderation(page)
    expect(page.get_by_role("status")).to_contain_text("submitted for moderation")

    page.goto(site.url + "/admin/snippets/library/topic/add/")
    page.get_by_role("textbox", name="Name").fill("Apprenticeships")
    page.get_by_role("textbox", name="Slug").fill("apprenticeships")
    expect(page.get_by_role("button", name="Publish")).to_have_count(0)
    submit_for_moderation(page)
    expect(page.get_by_role("status")).to_contain_text("submitted for moderation")

    person, topic = Person.objects.get(slug="maureen-conway"), Topic.objects.get(slug="apprenticeships")
    assert not person.live and not topic.live
    assert person.workflow_in_progress and topic.workflow_in_progress

    for area in ("/admin/mailing-list/subscribers/", "/admin/settings/wsi/sitesettings/"):
        page.goto(site.url + area)
        assert page.url == site.url + "/admin/", area
        expect(page.get_by_text("Sorry, you do not have permission to access this area.")).to_be_visible()
    expect(page.get_by_role("navigation").get_by_text("Mailing list")).to_have_count(0)
    expect(page.get_by_role("navigation").get_by_text("Settings")).to_have_count(0)


def test_an_editor_adds_an_faq_question_a_moderator_approves_it_and_it_has_its_anchor_and_structured_data(
    site, browser, page
):
    question = "How long do training programmes last?"
    log_in(page, site.url, "editor")
    page.goto(site.url + f"/admin/pages/{site.faq.pk}/edit/")
    page.get_by_role("button", name="Add question").click()
    page.locator("#id_questions-1-question").fill(question)
    answer = page.locator("#inline_child_questions-1-panel-content [data-contentpath='answer']")
    answer.get_by_title("Insert a block").click()
    page.get_by_role("option", name="Text").click()
    answer.get_by_role("textbox").fill("Most run for eight to twelve weeks.")

    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("iframe.w-preview__iframe").last
    expect(preview.get_by_role("heading", name=question)).to_be_visible(timeout=15_000)
    expect(page.get_by_role("button", name="Publish")).to_have_count(0)
    submit_for_moderation(page)
    expect(page.get_by_role("status")).to_contain_text("submitted")
    faq = FAQPage.objects.get(pk=site.faq.pk)
    assert [q.question for q in faq.questions.all()] == ["What is a sector strategy?"]

    context = browser.new_context()
    moderator = context.new_page()
    log_in(moderator, site.url, "moderator")
    moderator.goto(site.url + f"/admin/pages/{site.faq.pk}/edit/")
    moderator.get_by_role("button", name="More actions").click()
    moderator.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(moderator.get_by_role("status")).to_contain_text("has been updated")
    context.close()

    page.goto(site.url + site.faq.url)
    heading = page.get_by_role("heading", level=2, name=question)
    expect(heading).to_have_id("how-long-do-training-programmes-last")
    blocks = [json.loads(text) for text in page.locator("script[type='application/ld+json']").all_text_contents()]
    faq_data = next(block for block in blocks if block.get("@type") == "FAQPage")
    assert question in [entry["name"] for entry in faq_data["mainEntity"]]
