import pytest

from faq.factories import FAQPageFactory, FAQQuestionFactory
from tests.helpers.browser import axe_violations
from tests.helpers.database import committed
from wsi.factories import SectionPageFactory, make_site_root

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def long_faq():
    our_work = SectionPageFactory(parent=make_site_root(), title="Our Work", slug="our-work")
    faq = FAQPageFactory(parent=our_work)
    for number in range(1, 13):
        FAQQuestionFactory(
            page=faq,
            question=f"Question {number}: what do sector initiatives do?",
            answer=[{"type": "text", "value": "<p>An answer long enough to fill the screen.</p>" * 12}],
        )
    return faq


@pytest.fixture(scope="module")
def faq_url(site_server, django_db_blocker):
    yield from committed(django_db_blocker, lambda: site_server.url + long_faq().url)


def test_demo_faq_has_no_accessibility_violations(demo_site, site_server, page):
    page.goto(site_server.url + "/our-work/faq/")

    assert page.get_by_role("heading", level=1).inner_text() == "Frequently Asked Questions"
    assert page.get_by_role("img", name="SEDLP participants with employer-provided health insurance").is_visible()
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("document.querySelector('main').scrollWidth") <= 375


def test_opening_a_question_link_shows_that_question(faq_url, page):
    page.goto(faq_url + "#question-9-what-do-sector-initiatives-do")

    heading = page.locator("#question-9-what-do-sector-initiatives-do")
    box = heading.bounding_box()
    assert 0 <= box["y"] < 900
    assert page.evaluate("document.querySelector(':target').id") == "question-9-what-do-sector-initiatives-do"


def test_copy_link_puts_the_question_address_on_the_clipboard(faq_url, page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(faq_url)

    page.get_by_role("link", name="Copy link to this question (Question 3: what do sector initiatives do?)").click()

    expected = faq_url + "#question-3-what-do-sector-initiatives-do"
    assert page.get_by_role("status").filter(has_text="Link copied").count() == 1
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert page.url == expected


def test_without_javascript_the_link_is_a_plain_link_to_the_question(faq_url, browser):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(faq_url)

    tab.get_by_role("link", name="Link to this question (Question 3: what do sector initiatives do?)").click()

    assert tab.url == faq_url + "#question-3-what-do-sector-initiatives-do"
    context.close()
