import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from faq.factories import FAQQuestionFactory
from faq.models import FAQPage, FAQQuestion
from faq.wagtail_hooks import faq_search_results
from wsi.search import SearchResult, extra_search_results

pytestmark = pytest.mark.django_db

CHILDCARE = "<p>Case managers arrange help with transportation, <b>childcare</b> and emergency money.</p>"
COLLEGES = "<p>More and more involve community colleges and business associations.</p>"


@pytest.fixture
def request_():
    return RequestFactory().get("/search/")


@pytest.fixture
def questions(faq_page):
    FAQQuestionFactory(
        page=faq_page,
        question="What services do participants get?",
        answer=[{"type": "text", "value": CHILDCARE}],
    )
    FAQQuestionFactory(
        page=faq_page,
        question="Can only nonprofits run sector initiatives?",
        answer=[{"type": "text", "value": COLLEGES}],
    )


def test_a_word_in_an_answer_finds_the_question_and_links_to_its_anchor(request_, questions):
    results = faq_search_results(request_, "childcare")

    assert results == [
        SearchResult(
            title="What services do participants get?",
            url="/our-work/faq/#what-services-do-participants-get",
            kind="FAQ",
            snippet="Case managers arrange help with transportation, childcare and emergency money.",
        )
    ]


def test_a_phrase_finds_its_question(request_, questions):
    results = faq_search_results(request_, "community colleges")

    assert [result.url for result in results] == ["/our-work/faq/#can-only-nonprofits-run-sector-initiatives"]


def test_the_site_search_gathers_faq_results_through_the_hook(request_, questions):
    assert [result.title for result in extra_search_results(request_, "childcare")] == [
        "What services do participants get?"
    ]


def test_questions_of_unpublished_or_private_pages_are_not_found(request_, questions, faq_page):
    faq_page.unpublish()
    assert faq_search_results(request_, "childcare") == []

    faq_page.save_revision().publish()
    PageViewRestriction.objects.create(page=faq_page, restriction_type=PageViewRestriction.LOGIN)
    assert faq_search_results(request_, "childcare") == []


@pytest.mark.parametrize(
    "query", ["", "   ", "zzzzqqq", "</script><b>childcare", "' OR 1=1; DROP TABLE faq_faqquestion; --", "x" * 5000]
)
def test_odd_queries_give_results_or_nothing_never_an_error(request_, questions, query):
    results = faq_search_results(request_, query)

    assert all(result.url.startswith("/our-work/faq/#") for result in results)


@pytest.mark.parametrize(
    ("query", "question", "anchor"),
    [
        ("childcare", "What services do participants get?", "what-services-do-participants-get"),
        (
            "community colleges",
            "Can only nonprofits run sector initiatives?",
            "can-only-nonprofits-run-sector-initiatives",
        ),
    ],
)
def test_site_search_links_straight_to_the_answer(client, questions, query, question, anchor):
    html = client.get("/search/", {"q": query}).content.decode()

    assert f'href="/our-work/faq/#{anchor}"' in html
    assert question in html


def test_a_question_published_after_a_search_shows_at_once_with_its_new_answer(client, questions, faq_page):
    assert "Case managers arrange help" in client.get("/search/", {"q": "childcare"}).content.decode()

    page = FAQPage.objects.get(pk=faq_page.pk)
    questions = list(page.questions.all())
    questions[0].answer = [{"type": "text", "value": "<p>Childcare, and help with the rent.</p>"}]
    added = FAQQuestion(question="Who pays for childcare?", answer=[{"type": "text", "value": "<p>The programme.</p>"}])
    page.questions = [*questions, added]
    page.save_revision().publish()

    html = client.get("/search/", {"q": "childcare"}).content.decode()
    assert "Childcare, and help with the rent." in html
    assert "Case managers arrange help" not in html
    assert 'href="/our-work/faq/#who-pays-for-childcare"' in html


def test_a_search_reads_only_which_questions_match(client, questions):
    client.get("/search/", {"q": "childcare"})

    with CaptureQueriesContext(connection) as queries:
        html = client.get("/search/", {"q": "childcare"}).content.decode()

    assert 'href="/our-work/faq/#what-services-do-participants-get"' in html
    (read,) = [query["sql"] for query in queries if "faq_faqquestion" in query["sql"]]
    assert read.startswith('SELECT "faq_faqquestion"."id", ')
    assert '"faq_faqquestion"."answer"' not in read
