import datetime

import pytest
from playwright.sync_api import expect

from resources.library.factories import PersonFactory, ResourceIndexPageFactory, ResourcePageFactory, TopicFactory
from tests.helpers.browser import axe_violations
from tests.helpers.database import committed
from wsi.factories import make_site_root

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture(scope="module")
def library(site_server, django_db_blocker):
    yield from committed(django_db_blocker, stocked_library)


def stocked_library():
    outcomes = TopicFactory(name="Worker Outcomes", slug="worker-outcomes", description="What participants gain.")
    business = TopicFactory(name="Value to Business", slug="value-to-business")
    library = ResourceIndexPageFactory(parent=make_site_root())
    author = PersonFactory(name="Amy Blair", slug="amy-blair")
    for number in range(25):
        ResourcePageFactory(
            parent=library,
            title=f"Report {number}",
            resource_type="report" if number % 2 else "brief",
            publication_date=datetime.date(2000 + number % 15, 1 + number % 12, 1),
            topics=[outcomes] if number % 3 else [outcomes, business],
            authors=[author],
        )
    ResourcePageFactory(
        parent=library,
        title="Gaining Ground",
        slug="gaining-ground",
        publication_date=None,
        topics=[outcomes],
        key_findings=[("finding", "Earnings rose by more than $7,000.")],
        summary="<p>A summary.</p>",
    )
    return library


@pytest.mark.parametrize(
    "path",
    [
        "/research-resources/",
        "/research-resources/?topic=worker-outcomes&type=report&year=2000s&page=2",
        "/research-resources/?q=nothing-matches-this",
        "/research-resources/worker-outcomes/",
        "/research-resources/gaining-ground/",
        "/research-resources/people/amy-blair/",
    ],
)
def test_library_pages_have_no_accessibility_violations(site_server, library, page, path):
    page.goto(site_server.url + path)

    assert page.get_by_role("heading", level=1).count() == 1
    assert axe_violations(page) == []


def test_filters_update_in_place_and_the_url_follows(site_server, library, page):
    page.goto(site_server.url + "/research-resources/")

    page.get_by_label("Brief (").check()
    page.wait_for_url("**/research-resources/?type=brief")
    expect(page.locator(".library__count")).to_have_text("Showing 1–13 of 13 resources.")
    expect(page.get_by_label("Brief (")).to_be_focused()

    page.go_back()
    page.wait_for_url("**/research-resources/")
    expect(page.locator(".library__count")).to_have_text("Showing 1–20 of 26 resources.")


def test_copy_puts_the_citation_on_the_clipboard(live_server, library, page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(live_server.url + "/research-resources/gaining-ground/")
    citation = page.locator(".citation__style").first

    citation.get_by_role("button", name="Copy").click()

    expect(citation.get_by_role("button", name="Copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == citation.locator(".citation__text").text_content().strip()
