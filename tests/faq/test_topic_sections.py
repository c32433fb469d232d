import pytest

from faq.factories import FAQQuestionFactory

pytestmark = pytest.mark.django_db


def test_a_topic_section_lists_the_faq_questions_that_point_to_it(client, faq_page, library, worker_outcomes):
    question = FAQQuestionFactory(page=faq_page, question="What outcomes do participants see?")
    question.topics.add(worker_outcomes)
    question.save()
    FAQQuestionFactory(page=faq_page, question="Can only nonprofits run them?")

    html = client.get(worker_outcomes.get_absolute_url()).content.decode()

    assert f'<a href="{faq_page.url}#{question.anchor}">What outcomes do participants see?</a>' in html
    assert "Can only nonprofits run them?" not in html


def test_questions_of_an_unpublished_faq_stay_off_the_topic_section(client, faq_page, library, worker_outcomes):
    question = FAQQuestionFactory(page=faq_page, question="What outcomes do participants see?")
    question.topics.add(worker_outcomes)
    question.save()
    faq_page.unpublish()

    assert "What outcomes do participants see?" not in client.get(worker_outcomes.get_absolute_url()).content.decode()


def test_a_question_published_shows_on_its_topic_section_at_once(client, faq_page, library, worker_outcomes):
    assert "Questions from our FAQ" not in client.get(worker_outcomes.get_absolute_url()).content.decode()
    question = FAQQuestionFactory(page=faq_page, question="What outcomes do participants see?")
    question.topics.add(worker_outcomes)
    question.save()
    faq_page.refresh_from_db()
    faq_page.save_revision().publish()

    assert "What outcomes do participants see?" in client.get(worker_outcomes.get_absolute_url()).content.decode()
