"""The FAQ renders its answers by its own path (rich text expanded in bulk, and the same text in
the page's JSON-LD): hostile text and links posted through the admin stay harmless there too."""

import json

import pytest
from bs4 import BeautifulSoup
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from tests.helpers.admin_forms import staff_client
from tests.helpers.injection import HOSTILE_TEXT, HOSTILE_URLS, executable_content, rich_text_with_links

pytestmark = pytest.mark.django_db

TEXT = " ".join(HOSTILE_TEXT)


def faq_form():
    chart_row = {"value": {"label": TEXT[:80], "value": "3", "second_value": ""}, "deleted": "", "order": "0"}
    chart = {"title": TEXT, "unit": "percent", "first_series": "", "second_series": "", "source": TEXT}
    question = {
        "question": TEXT,
        "anchor": "",
        "answer": streamfield(
            [
                ("text", rich_text_with_links(TEXT, HOSTILE_URLS)),
                ("chart", chart | {"rows": {"count": "1", "0": chart_row}}),
            ]
        ),
        "see_also": streamfield([]),
    }
    return nested_form_data(
        {
            "title": "Frequently Asked Questions",
            "slug": "faq",
            "introduction": TEXT,
            "questions": inline_formset([question]),
            "seo_title": "",
            "search_description": "",
            "menu_title": "",
            "social_image": "",
            "action-publish": "publish",
        }
    )


def test_hostile_questions_and_answers_are_published_harmless(client, our_work):
    response = staff_client().post(f"/admin/pages/add/faq/faqpage/{our_work.pk}/", faq_form())

    assert response.status_code == 302, response.context["form"].errors
    html = client.get("/our-work/faq/").content.decode()
    assert executable_content(html) == []
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".faq-entry__question").get_text() == TEXT
    assert soup.select_one(".faq-entry__answer .rich-text p").get_text() == TEXT
    structured = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    assert structured["mainEntity"][0]["name"] == TEXT
