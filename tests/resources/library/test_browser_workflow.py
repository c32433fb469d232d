"""A resource through the review workflow in Debian's Chromium against the live server: an
editor creates it with a PDF, a person and an institution as authors and a topic and submits
it; a moderator approves it; then a visitor finds it in the library, its topic section, the
feed and search, with its authors named right in the citations and the ``citation_*`` tags."""

import re

import pytest
from django.core.files.base import ContentFile
from playwright.sync_api import expect
from wagtail.documents.models import Document

from resources.library.factories import OrganisationFactory, PersonFactory, ResourceIndexPageFactory, TopicFactory
from resources.library.models import Organisation, ResourcePage
from tests.helpers.admin_browser import log_in, submit_for_moderation
from tests.helpers.staff import staff_member
from wsi.factories import make_site_root
from wsi.media_collections import ensure_collections
from wsi.roles import ensure_roles

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Apprenticeship Pathways in Health Care"
SLUG = "apprenticeship-pathways-in-health-care"
INSTITUTION = "Aspen Institute Economic Opportunities Program"
TIMEOUT = 30_000


@pytest.fixture
def site(live_server):
    """A library with a topic, a person, an institution and a PDF, an editor and a moderator.
    Roles and collections are restored as a migrate would: earlier tests emptied the tables."""
    home = make_site_root()
    ensure_roles()
    ensure_collections()
    live_server.library = ResourceIndexPageFactory(parent=home)
    TopicFactory(name="Apprenticeships", slug="apprenticeships")
    PersonFactory(name="Maureen Conway", given_names="Maureen", family_name="Conway", slug="maureen-conway")
    OrganisationFactory(name=INSTITUTION, kind=Organisation.Kind.AUTHOR)
    live_server.document = Document.objects.create(
        title="Apprenticeship pathways PDF", file=ContentFile(b"%PDF-1.4 " + b"x" * 2048, name="pathways.pdf")
    )
    staff_member("Editors", username="editor")
    staff_member("Moderators", username="moderator")
    return live_server


def choose(tab, button, item):
    """Opens a chooser with ``button`` and picks ``item`` from its modal's list."""
    button.click()
    modal = tab.locator(".modal-dialog")
    modal.get_by_role("link", name=item).click()
    expect(modal).to_be_hidden()


def add_author(tab, number, kind, name):
    tab.get_by_role("button", name="Add author").click()
    panel = tab.locator(f"#inline_child_authors-{number}")
    choose(tab, panel.locator(f"[data-contentpath='{kind}']").get_by_role("button", name=re.compile("Choose")), name)


def test_an_editor_submits_a_resource_a_moderator_approves_it_and_visitors_find_and_cite_it(site, browser, page):
    page.set_default_timeout(TIMEOUT)
    log_in(page, site.url, "editor")
    page.goto(site.url + f"/admin/pages/add/library/resourcepage/{site.library.pk}/")
    page.locator("#id_title").fill(TITLE)
    add_author(page, 0, "person", "Maureen Conway")
    add_author(page, 1, "organisation", INSTITUTION)
    page.get_by_role("checkbox", name="Apprenticeships").check()
    choose(
        page,
        page.locator("[data-contentpath='document']").get_by_role("button", name="Choose a document"),
        site.document.title,
    )
    expect(page.get_by_role("button", name="Publish")).to_have_count(0)
    submit_for_moderation(page)
    expect(page.get_by_role("status")).to_contain_text("submitted", timeout=TIMEOUT)

    resource = ResourcePage.objects.get(title=TITLE)
    assert not resource.live
    visitor_context = browser.new_context()
    visitor = visitor_context.new_page()
    visitor.set_default_timeout(TIMEOUT)
    url = site.url + f"/research-resources/{SLUG}/"
    assert visitor.request.get(url).status == 404

    moderator_context = browser.new_context()
    moderator = moderator_context.new_page()
    moderator.set_default_timeout(TIMEOUT)
    log_in(moderator, site.url, "moderator")
    moderator.goto(site.url + f"/admin/pages/{resource.pk}/edit/")
    moderator.get_by_role("button", name="More actions").click()
    moderator.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(moderator.get_by_role("status")).to_contain_text("has been updated", timeout=TIMEOUT)
    moderator_context.close()

    for path in ("/research-resources/", "/research-resources/apprenticeships/", "/search/?q=apprenticeship+pathways"):
        visitor.goto(site.url + path)
        expect(visitor.get_by_role("link", name=TITLE).first).to_be_visible()
    feed = visitor.request.get(site.url + "/research-resources/feed/")
    assert feed.ok and TITLE in feed.text()

    visitor.goto(url)
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    apa = visitor.locator(".citation__style").filter(has=visitor.get_by_role("heading", name="APA"))
    expect(apa.locator(".citation__text")).to_contain_text(f"Conway, M., & {INSTITUTION}.")
    bibtex = visitor.request.get(url + "cite/bibtex/").text()
    assert f"author = {{Conway, Maureen and {{{INSTITUTION}}}}}" in bibtex
    ris = visitor.request.get(url + "cite/ris/").text()
    assert "AU  - Conway, Maureen" in ris and f"AU  - {INSTITUTION}" in ris

    def meta(name):
        return visitor.locator(f"head meta[name='{name}']").evaluate_all("tags => tags.map(tag => tag.content)")

    assert meta("citation_title") == [TITLE]
    assert meta("citation_author") == ["Conway, Maureen", INSTITUTION]
    [pdf_url] = meta("citation_pdf_url")
    assert pdf_url == site.url + site.document.url
    assert visitor.request.get(pdf_url).ok
    visitor_context.close()
