import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from faq.models import FAQPage, FAQQuestion
from tests.helpers.queries import render_within_query_bar
from wsi.demo_kit import demo_document
from wsi.factories import StandardPageFactory
from wsi.page_cache import pages_changed

pytestmark = pytest.mark.django_db

CHART = {
    "title": "Earnings",
    "unit": "dollars",
    "first_series": "",
    "second_series": "",
    "rows": [{"label": "One year after training", "value": "7000", "second_value": None}],
    "source": "",
}


def add_questions(page, count, report, handbook, topics):
    """Questions as rich as the real ones: links to a page and a document, a chart, see also.
    Saved in bulk, because indexing each one for search would make this test slow."""
    start = FAQQuestion.objects.filter(page=page).count()
    text = (
        f'<p>Read <a linktype="page" id="{report.pk}">the report</a> and '
        f'<a linktype="document" id="{handbook.pk}">the handbook</a>.</p>'
    )
    questions = FAQQuestion.objects.bulk_create(
        FAQQuestion(
            page=page,
            sort_order=number,
            question=f"Question {number}?",
            anchor=f"question-{number}",
            answer=[{"type": "text", "value": text}, {"type": "chart", "value": CHART}],
            see_also=[{"type": "page", "value": report.pk}],
        )
        for number in range(start, start + count)
    )
    FAQQuestion.topics.through.objects.bulk_create(
        FAQQuestion.topics.through(faqquestion=question, topic=topic) for question in questions for topic in topics
    )


def queries_to_render(client, url):
    client.get(url)  # fills the site-wide caches (site root paths, settings)
    pages_changed()  # as publishing the questions would: the answers are built again
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_page_takes_as_many_queries_for_90_questions_as_for_9(
    client, faq_page, library, sector_approach, worker_outcomes, django_assert_num_queries
):
    report = StandardPageFactory(parent=faq_page.get_parent(), title="Gaining Ground", slug="gaining-ground")
    handbook = demo_document("Business Value Assessment Handbook", ["A handbook."])
    topics = [sector_approach, worker_outcomes]

    add_questions(faq_page, 9, report, handbook, topics)
    nine, html = queries_to_render(client, faq_page.url)
    assert html.count('class="faq-entry__question"') == 9

    add_questions(faq_page, 81, report, handbook, topics)
    client.get(faq_page.url)
    pages_changed()
    with django_assert_num_queries(nine):
        html = client.get(faq_page.url).content.decode()
    assert html.count('class="faq-entry__question"') == 90
    assert html.count(f'href="{handbook.url}"') == 90
    assert html.count('<svg role="img"') == 90
    assert html.count('href="/research-resources/worker-outcomes/"') == 90


def test_the_demo_faq_renders_within_the_query_bar(client, demo_site):
    page = FAQPage.objects.live().descendant_of(demo_site).get()
    html = render_within_query_bar(client, page.url).content.decode()
    assert html.count('class="faq-entry__question"') == FAQQuestion.objects.filter(page=page).count() > 0
