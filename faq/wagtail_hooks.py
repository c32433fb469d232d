from functools import partial

from django.template.loader import render_to_string
from django.utils.text import Truncator
from wagtail import hooks
from wagtail.rich_text import get_text_for_indexing
from wagtail.search.backends import get_search_backend

from resources.library.sections import TOPIC_SECTION_SECTIONS
from wsi import page_cache
from wsi.listing import search_terms
from wsi.search import SearchResult

from .models import FAQQuestion

MAX_RESULTS = 5


@hooks.register("register_site_search_results")
def faq_search_results(request, query):
    """Questions that match, each linking straight to its answer on the FAQ page. What a result
    shows of each question is kept until public pages change: a search reads only which match."""
    terms = search_terms(query or "").strip()
    if not terms:
        return []
    pages, shown = page_cache.remembered_for_site(request, "faq-search-results", partial(_shown, request))
    if not shown:
        return []
    matches = get_search_backend().search(terms, FAQQuestion.objects.filter(page__in=pages).only("pk"))
    # A question saved since, while the shared cache did not answer, waits for the next build.
    return [shown[question.pk] for question in matches[:MAX_RESULTS] if question.pk in shown]


def _shown(request):
    """The FAQ pages anyone may read, and {pk: search result} of their questions."""
    questions = list(FAQQuestion.objects.live())
    results = {
        question.pk: SearchResult(
            title=question.question, url=question.get_url(request), kind="FAQ", snippet=_snippet(question)
        )
        for question in questions
    }
    return sorted({question.page_id for question in questions}), results


def _snippet(question):
    text = " ".join(
        get_text_for_indexing(child.value.source) for child in question.answer if child.block_type == "text"
    )
    return Truncator(text).words(30)


@hooks.register(TOPIC_SECTION_SECTIONS)
def topic_questions(request, topic):
    """The questions that name a topic, on that topic's section of the library: kept until
    public pages change (reading the questions cost a sixth of the section)."""
    return page_cache.remembered(("faq-topic-questions", topic.pk), lambda: _topic_questions(topic))


def _topic_questions(topic):
    questions = list(FAQQuestion.objects.live().filter(topics=topic).defer("answer", "see_also"))
    if not questions:
        return ""
    return render_to_string("faq/topic_questions.html", {"questions": questions})
