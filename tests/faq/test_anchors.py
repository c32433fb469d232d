import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from faq.anchors import anchor_from
from faq.factories import FAQQuestionFactory
from faq.models import FAQPage, FAQQuestion

pytestmark = pytest.mark.django_db


def anchors(page):
    return list(FAQQuestion.objects.filter(page=page).values_list("anchor", flat=True))


def test_anchor_is_made_from_the_question():
    assert anchor_from("Who do sector initiatives serve?", set()) == "who-do-sector-initiatives-serve"
    assert anchor_from("Contents?", {"contents"}) == "contents-2"
    assert anchor_from("Top", set()) == "top-2"  # the page header's id
    assert anchor_from("???", set()) == "question"


def test_anchors_avoid_the_ids_other_apps_put_on_the_page():
    assert anchor_from("Footer email", set()) == "footer-email-2"  # the footer signup form's field
    assert anchor_from("Chart 3bc7b755 title", set()) == "chart-3bc7b755-title-2"  # a chart block's id
    assert anchor_from("Section menu heading", set()) == "section-menu-heading-2"


def test_long_questions_are_cut_at_a_word_boundary():
    anchor = anchor_from("What " + "outcomes " * 20 + "do participants see?", set())
    assert len(anchor) <= 80
    assert anchor.endswith("outcomes")


def test_questions_with_the_same_text_get_different_anchors(faq_page):
    FAQQuestionFactory(page=faq_page, question="Who do they serve?")
    FAQQuestionFactory(page=faq_page, question="Who do they serve?")

    assert anchors(faq_page) == ["who-do-they-serve", "who-do-they-serve-2"]


def test_anchor_survives_rewording_reordering_and_publishing(faq_page):
    first = FAQQuestionFactory(page=faq_page, question="Who do sector initiatives serve?", sort_order=0)
    FAQQuestionFactory(page=faq_page, question="Which industries do they target?", sort_order=1)

    page = FAQPage.objects.get(pk=faq_page.pk)
    questions = list(page.questions.all())
    questions[0].question = "Whom do sector initiatives serve?"
    questions[0].answer = [{"type": "text", "value": "<p>A new answer.</p>"}]
    questions[0].sort_order, questions[1].sort_order = 1, 0
    page.questions = questions
    page.save_revision().publish()

    first.refresh_from_db()
    assert first.question == "Whom do sector initiatives serve?"
    assert first.anchor == "who-do-sector-initiatives-serve"
    assert anchors(faq_page) == ["which-industries-do-they-target", "who-do-sector-initiatives-serve"]


def test_a_revision_gives_new_questions_an_anchor_before_publishing(faq_page):
    faq_page.questions = [FAQQuestion(question="How can I stay informed?", answer=[("text", "<p>Join.</p>")])]

    revision = faq_page.save_revision()

    assert revision.as_object().questions.get().anchor == "how-can-i-stay-informed"


def question_form(existing, **changes):
    data = {
        "id": existing.pk,
        "question": existing.question,
        "anchor": existing.anchor,
        "answer": streamfield([("text", rich_text("<p>An answer.</p>"))]),
        "see_also": streamfield([]),
    }
    data.update(changes)
    return data


def edit(admin_client, page, forms, action="action-publish"):
    data = nested_form_data(
        {"title": page.title, "slug": page.slug, "questions": inline_formset(forms, initial=len(forms))}
    )
    data[action] = "1"
    return admin_client.post(f"/admin/pages/{page.pk}/edit/", data)


def test_staff_can_override_an_anchor_and_reorder_in_the_admin(admin_client, faq_page):
    serve = FAQQuestionFactory(page=faq_page, question="Who do sector initiatives serve?", sort_order=0)
    target = FAQQuestionFactory(page=faq_page, question="Which industries do they target?", sort_order=1)

    response = edit(
        admin_client,
        faq_page,
        [question_form(target, ORDER="0"), question_form(serve, anchor="who-they-serve", ORDER="1")],
    )

    assert response.status_code == 302
    assert anchors(faq_page) == ["which-industries-do-they-target", "who-they-serve"]


def test_admin_refuses_two_questions_with_one_anchor(admin_client, faq_page):
    serve = FAQQuestionFactory(page=faq_page, question="Who do sector initiatives serve?")
    target = FAQQuestionFactory(page=faq_page, question="Which industries do they target?")

    response = edit(
        admin_client, faq_page, [question_form(serve), question_form(target, anchor="who-do-sector-initiatives-serve")]
    )

    assert response.status_code == 200
    assert "Another question already uses this anchor" in response.content.decode()
    assert anchors(faq_page) == ["who-do-sector-initiatives-serve", "which-industries-do-they-target"]


def test_admin_refuses_an_anchor_the_page_itself_uses(admin_client, faq_page):
    serve = FAQQuestionFactory(page=faq_page, question="Who do sector initiatives serve?")

    response = edit(admin_client, faq_page, [question_form(serve, anchor="main")])

    assert "The page itself uses this address" in response.content.decode()


def test_a_draft_keeps_the_live_anchors_until_published(admin_client, client, faq_page):
    serve = FAQQuestionFactory(page=faq_page, question="Who do sector initiatives serve?")

    edit(admin_client, faq_page, [question_form(serve, question="Who is served?")], action="action-save")

    assert "Who do sector initiatives serve?" in client.get(faq_page.url).content.decode()
    draft = FAQPage.objects.get(pk=faq_page.pk).get_latest_revision_as_object()
    assert [(q.question, q.anchor) for q in draft.questions.all()] == [
        ("Who is served?", "who-do-sector-initiatives-serve")
    ]


def new_question_form(question):
    return {
        "question": question,
        "anchor": "",
        "answer": streamfield([("text", rich_text("<p>Join the mailing list.</p>"))]),
        "see_also": streamfield([]),
    }


def test_a_question_added_in_the_admin_gets_its_anchor(admin_client, faq_page):
    serve = FAQQuestionFactory(page=faq_page, question="Who do sector initiatives serve?")
    data = nested_form_data(
        {
            "title": faq_page.title,
            "slug": faq_page.slug,
            "questions": inline_formset(
                [question_form(serve), new_question_form("How can I stay informed?")], initial=1
            ),
        }
    )
    data["action-publish"] = "1"

    assert admin_client.post(f"/admin/pages/{faq_page.pk}/edit/", data).status_code == 302
    assert anchors(faq_page) == ["who-do-sector-initiatives-serve", "how-can-i-stay-informed"]


def test_preview_shows_unsaved_questions_with_their_anchors(admin_client, faq_page):
    data = nested_form_data(
        {
            "title": faq_page.title,
            "slug": faq_page.slug,
            "questions": inline_formset([new_question_form("How can I stay informed?")]),
        }
    )
    preview_url = f"/admin/pages/{faq_page.pk}/edit/preview/"

    assert admin_client.post(preview_url, data).json()["is_valid"] is True
    html = admin_client.get(preview_url).content.decode()

    assert 'id="how-can-i-stay-informed"' in html
    assert "Join the mailing list." in html
    assert anchors(faq_page) == []
