import json

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import PageLogEntry

from faq.models import FAQPage
from tests.helpers.links import broken_links
from wsi.element_ids import is_reserved

pytestmark = pytest.mark.django_db

QUESTIONS = [
    "What is sectoral employment development?",
    "Who do sector initiatives serve?",
    "Which industries do sector initiatives target?",
    "Can only nonprofit organisations run sector initiatives?",
    "What outcomes do participants see?",
    "What outcomes do businesses see?",
    "How do sector initiatives change systems?",
    "What services do participants receive?",
    "How can I stay informed?",
]


@pytest.fixture
def demo_faq(client, demo_site):
    page = FAQPage.objects.get()
    return page, BeautifulSoup(client.get(page.url).content, "html.parser")


def answer_to(soup, number):
    return " ".join(soup.select(".faq-entry")[number - 1].get_text(" ").split())


def test_demo_faq_has_the_nine_questions_with_exact_figures_and_working_links(client, demo_faq):
    page, soup = demo_faq

    assert page.url == "/our-work/faq/"
    assert page.show_in_menus
    # The site map names it "FAQ" under Our Work.
    assert soup.select_one('.primary-nav a[href="/our-work/faq/"]').get_text(strip=True) == "FAQ"
    assert [h.get_text() for h in soup.select(".faq-entry__question")] == QUESTIONS
    assert len({h["id"] for h in soup.select(".faq-entry__question")}) == 9

    outcomes = answer_to(soup, 5)
    for figure in ["$4,500 more (18%)", "29% more", "$7,000", "$10,000", "78%", "50%", "Gaining Ground"]:
        assert figure in outcomes
    assert "One year after training: $7,000" in outcomes
    assert "Two years after training: $10,000" in outcomes
    assert "Year before training 50%, One year after training 78%" in outcomes
    assert "93% of 227" in answer_to(soup, 7)
    assert "86% of 227" in answer_to(soup, 8)
    assert "childcare" in answer_to(soup, 8)

    see_also = [a["href"] for a in soup.select(".faq-entry__see-also a")]
    assert "/research-resources/worker-outcomes/" in see_also
    assert "/research-resources/value-to-business/" in see_also
    informed = soup.select(".faq-entry")[8]
    assert informed.find("a", string="Join our mailing list")["href"] == "/mailing-list/"
    assert informed.find("a", string="follow us on Facebook")["href"] == "https://www.facebook.com/AspenWSI"
    assert broken_links(client, page.url) == []

    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert [item["name"] for item in data["mainEntity"]] == QUESTIONS
    assert "more than $7,000 one year after training" in data["mainEntity"][4]["acceptedAnswer"]["text"]


def test_loading_the_demo_twice_changes_nothing(demo_faq):
    page, _ = demo_faq
    entries = PageLogEntry.objects.count()

    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert PageLogEntry.objects.count() == entries
    assert FAQPage.objects.get().questions.count() == 9


def test_every_id_on_the_faq_page_is_an_anchor_or_declared_by_the_app_that_writes_it(demo_faq):
    page, soup = demo_faq
    anchors = set(page.questions.values_list("anchor", flat=True))
    ids = {element["id"] for element in soup.select("[id]")}

    assert anchors <= ids
    assert sorted(element_id for element_id in ids - anchors if not is_reserved(element_id)) == []
