import pytest
from bs4 import BeautifulSoup

from faq.factories import FAQQuestionFactory
from faq.models import FAQPage

pytestmark = pytest.mark.django_db


def test_staff_add_the_faq_under_a_section_only(admin_client, our_work, home):
    assert admin_client.get(f"/admin/pages/add/faq/faqpage/{our_work.pk}/").status_code == 200
    assert FAQPage in our_work.specific_class.allowed_subpage_models()
    assert FAQPage not in home.specific_class.allowed_subpage_models()
    assert FAQPage.allowed_subpage_models() == []


def test_edit_form_shows_each_question_with_anchor_answer_and_topics(admin_client, faq_page, worker_outcomes):
    FAQQuestionFactory(page=faq_page, question="What outcomes do participants see?")

    response = admin_client.get(f"/admin/pages/{faq_page.pk}/edit/")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("input", attrs={"name": "questions-0-anchor"})["value"] == "what-outcomes-do-participants-see"
    assert soup.find("input", attrs={"name": "questions-0-topics", "value": str(worker_outcomes.pk)}) is not None
    answer_editor = soup.find(id="questions-0-answer")["data-w-block-data-value"]
    assert '"chart"' in answer_editor
    assert "A short answer." in soup.find(id="questions-0-answer")["data-w-block-arguments-value"]


def test_publishing_a_revision_keeps_the_questions_topics(faq_page, worker_outcomes):
    FAQQuestionFactory(page=faq_page, topics=[worker_outcomes])
    page = FAQPage.objects.get(pk=faq_page.pk)

    page.save_revision().publish()

    assert [question.page_id for question in worker_outcomes.faq_questions.live()] == [faq_page.pk]
