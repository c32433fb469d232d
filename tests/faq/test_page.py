import json

import pytest
from bs4 import BeautifulSoup

from faq.blocks import AnswerBlock
from faq.factories import FAQQuestionFactory
from wsi.blocks import BodyBlock
from wsi.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def visible_questions(soup):
    return [heading.get_text(strip=True) for heading in soup.select(".faq-entry__question")]


def structured_data(soup):
    return json.loads(soup.find("script", type="application/ld+json").string)


def test_questions_show_in_their_order_with_a_table_of_contents(client, faq_page):
    FAQQuestionFactory(page=faq_page, question="Who do sector initiatives serve?", sort_order=2)
    FAQQuestionFactory(page=faq_page, question="What is sectoral employment development?", sort_order=1)

    response = client.get(faq_page.url)

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text() == "Frequently Asked Questions"
    assert "Short answers to the questions" in soup.select_one(".lead").get_text()
    assert visible_questions(soup) == ["What is sectoral employment development?", "Who do sector initiatives serve?"]
    contents = [(a["href"], a.get_text()) for a in soup.select("#faq-contents a")]
    assert contents == [
        ("#what-is-sectoral-employment-development", "What is sectoral employment development?"),
        ("#who-do-sector-initiatives-serve", "Who do sector initiatives serve?"),
    ]
    for href, _ in contents:
        assert soup.find(id=href[1:]).name == "h2"


def test_each_question_has_a_link_to_itself_and_back_to_top(client, faq_page):
    FAQQuestionFactory(page=faq_page, question="Can only nonprofits run them?")

    soup = BeautifulSoup(client.get(faq_page.url).content, "html.parser")

    permalink = soup.select_one(".faq-entry [data-copy-link]")
    assert permalink["href"] == "#can-only-nonprofits-run-them"
    assert permalink.get_text() == "Link to this question (Can only nonprofits run them?)"
    assert soup.select_one(".faq-entry__top")["href"] == "#top"
    assert soup.find(id="top") is not None


def test_answers_keep_their_formatting_and_links(client, faq_page):
    report = StandardPageFactory(parent=faq_page.get_parent(), title="Gaining Ground", slug="gaining-ground")
    FAQQuestionFactory(
        page=faq_page,
        answer=[
            {
                "type": "text",
                "value": f'<p>See <a linktype="page" id="{report.pk}">the report</a>.</p><ul><li><b>Bold</b></li></ul>',
            }
        ],
    )

    soup = BeautifulSoup(client.get(faq_page.url).content, "html.parser")

    answer = soup.select_one(".faq-entry__answer")
    assert answer.find("a", string="the report")["href"] == report.url
    assert answer.select_one("ul li b").get_text() == "Bold"


def test_see_also_links_pages_and_topic_sections(client, faq_page, library, worker_outcomes):
    report = StandardPageFactory(parent=faq_page.get_parent(), title="Gaining Ground", slug="gaining-ground")
    draft = StandardPageFactory(parent=faq_page.get_parent(), title="Unfinished report", live=False)
    FAQQuestionFactory(
        page=faq_page,
        see_also=[{"type": "page", "value": report.pk}, {"type": "page", "value": draft.pk}],
        topics=[worker_outcomes],
    )

    soup = BeautifulSoup(client.get(faq_page.url).content, "html.parser")

    links = [(a.get_text(), a["href"]) for a in soup.select(".faq-entry__see-also a")]
    assert links == [("Gaining Ground", report.url), ("Worker Outcomes", "/research-resources/worker-outcomes/")]


def test_topic_link_is_left_out_while_there_is_no_library(client, faq_page, worker_outcomes):
    FAQQuestionFactory(page=faq_page, topics=[worker_outcomes])

    soup = BeautifulSoup(client.get(faq_page.url).content, "html.parser")

    assert soup.select(".faq-entry__see-also") == []


def test_structured_data_lists_exactly_the_visible_questions_and_answers(client, faq_page):
    FAQQuestionFactory(
        page=faq_page,
        question="Who do sector initiatives serve?",
        answer=[{"type": "text", "value": "<p>Workers <b>and</b> employers.</p><ul><li>Unemployed</li></ul>"}],
    )
    FAQQuestionFactory(page=faq_page, question="How can I stay informed?")

    soup = BeautifulSoup(client.get(faq_page.url).content, "html.parser")

    data = structured_data(soup)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "FAQPage"
    assert [item["name"] for item in data["mainEntity"]] == visible_questions(soup)
    visible_answers = [" ".join(a.get_text(" ").split()) for a in soup.select(".faq-entry__answer")]
    assert [item["acceptedAnswer"]["text"] for item in data["mainEntity"]] == visible_answers
    assert data["mainEntity"][0]["acceptedAnswer"] == {"@type": "Answer", "text": "Workers and employers. Unemployed"}


def test_a_script_tag_in_an_answer_stays_inside_the_json(client, faq_page):
    FAQQuestionFactory(
        page=faq_page,
        question="Is </script><script>alert(1)</script> escaped?",
        answer=[{"type": "text", "value": "<p>Text with &lt;/script&gt; in it &amp; more.</p>"}],
    )

    html = client.get(faq_page.url).content.decode()

    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.find_all("script", type="application/ld+json")) == 1
    data = structured_data(soup)
    assert data["mainEntity"][0]["name"] == "Is </script><script>alert(1)</script> escaped?"
    assert data["mainEntity"][0]["acceptedAnswer"]["text"] == "Text with </script> in it & more."
    assert "<script>alert(1)" not in html


def test_unpublished_faq_page_is_not_shown(client, faq_page):
    FAQQuestionFactory(page=faq_page)
    faq_page.unpublish()

    assert client.get("/our-work/faq/").status_code == 404


def test_an_answer_reads_like_a_paragraph_of_any_page(client, home, faq_page):
    text = "<p>Sector initiatives serve <b>both</b> workers and employers.</p>"
    FAQQuestionFactory(page=faq_page, answer=[{"type": "text", "value": text}])
    prose = StandardPageFactory(parent=home, body=[{"type": "paragraph", "value": text}])

    answer = BeautifulSoup(client.get(faq_page.url).content, "html.parser").select_one(".faq-entry__answer .rich-text")
    body = BeautifulSoup(client.get(prose.url).content, "html.parser").select_one(".rich-text")

    assert str(answer) == str(body) == f'<div class="rich-text">{text}</div>'


def test_an_answer_offers_editors_no_headings_of_its_own():
    answer_text = AnswerBlock().child_blocks["text"]
    body_paragraph = BodyBlock().child_blocks["paragraph"]

    # Both are the one paragraph block; under its question's heading an answer needs none.
    assert type(answer_text) is type(body_paragraph)
    assert "h2" in body_paragraph.features
    assert answer_text.features == ["bold", "italic", "ol", "ul", "link", "document-link"]
