import pytest
from bs4 import BeautifulSoup

from faq.factories import FAQQuestionFactory
from tests.helpers.links import broken_links
from wsi.demo_kit import demo_document
from wsi.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_every_link_in_the_faq_resolves(client, faq_page, library, worker_outcomes):
    report = StandardPageFactory(parent=faq_page.get_parent(), title="Gaining Ground", slug="gaining-ground")
    handbook = demo_document("Business Value Assessment Handbook", ["Measuring what training is worth."])
    FAQQuestionFactory(
        page=faq_page,
        answer=[
            {
                "type": "text",
                "value": f'<p><a linktype="page" id="{report.pk}">Gaining Ground</a>, '
                f'<a linktype="document" id="{handbook.pk}">the handbook</a> and '
                '<a href="#what-is-question-number-2">the next question</a>.</p>',
            }
        ],
        see_also=[{"type": "page", "value": report.pk}],
        topics=[worker_outcomes],
    )
    FAQQuestionFactory(page=faq_page, question="What is question number 2?")

    soup = BeautifulSoup(client.get(faq_page.url).content, "html.parser")
    assert len(soup.main.find_all("a")) == 2 + 2 + 3 + 2 + 2 * 2  # breadcrumbs, contents, answer, see also, tools

    assert broken_links(client, faq_page.url) == []


def test_a_link_to_a_deleted_page_is_not_left_dangling(client, faq_page):
    report = StandardPageFactory(parent=faq_page.get_parent(), title="Old report")
    FAQQuestionFactory(page=faq_page, see_also=[{"type": "page", "value": report.pk}])
    report.delete()

    soup = BeautifulSoup(client.get(faq_page.url).content, "html.parser")

    assert soup.select(".faq-entry__see-also") == []
    assert broken_links(client, faq_page.url) == []


def test_a_linked_page_given_a_new_address_is_linked_there_at_once(client, faq_page):
    report = StandardPageFactory(parent=faq_page.get_parent(), title="Gaining Ground", slug="gaining-ground")
    FAQQuestionFactory(
        page=faq_page,
        answer=[{"type": "text", "value": f'<p><a linktype="page" id="{report.pk}">Gaining Ground</a></p>'}],
        see_also=[{"type": "page", "value": report.pk}],
    )

    def links_to_the_report():
        soup = BeautifulSoup(client.get(faq_page.url).content, "html.parser")
        return [a["href"] for a in soup.select(".faq-entry a") if "gaining-ground" in a["href"]]

    assert links_to_the_report() == [report.url, report.url]
    report.slug = "gaining-ground-2025"
    report.save_revision().publish()
    report.refresh_from_db()

    assert links_to_the_report() == [report.url, report.url]
    assert report.url.endswith("/gaining-ground-2025/")
