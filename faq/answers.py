"""What the FAQ template and the structured data show for each question, prepared in a fixed
number of queries however many questions there are."""

from dataclasses import dataclass, field

from django.utils.safestring import mark_safe
from wagtail.models import Page
from wagtail.rich_text import expand_db_html, get_text_for_indexing

from wsi.blocks.chart import chart_text
from wsi.page_privacy import public

from .anchors import fill_in_anchors

# Never produced by the rich text editor, so it cannot occur inside an answer.
ANSWER_BREAK = "<!--faq-answer-break-->"


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass
class Entry:
    question: str
    anchor: str
    parts: list = field(default_factory=list)  # ("text", html) or ("chart", stream child)
    links: list = field(default_factory=list)
    text: str = ""  # the answer without markup


def expand_all(sources):
    """Expand the page and document links of many rich texts at once. Wagtail looks links up
    once per rich text, which would cost a query per answer; joined, they cost one per kind."""
    if not sources:
        return []
    joined = ANSWER_BREAK.join(sources)
    if joined.count(ANSWER_BREAK) != len(sources) - 1:
        return [expand_db_html(source) for source in sources]
    return expand_db_html(joined).split(ANSWER_BREAK)


def build_entries(questions, request=None):
    questions = list(questions)
    fill_in_anchors(questions)  # a preview may show questions that were never saved

    answers = [list(question.answer) for question in questions]
    sources = [child.value.source for answer in answers for child in answer if child.block_type == "text"]
    expanded = iter(expand_all(sources))

    page_ids = {item["value"] for question in questions for item in question.see_also.raw_data}
    pages = public(Page.objects.live()).filter(pk__in=page_ids).in_bulk() if page_ids else {}
    topic_urls = {}

    entries = []
    for question, answer in zip(questions, answers, strict=True):
        entry = Entry(question=question.question, anchor=question.anchor)
        texts = []
        for child in answer:
            if child.block_type == "text":
                html = next(expanded)
                entry.parts.append(("text", mark_safe(html)))  # noqa: S308 - rich text, sanitised on input
                texts.append(get_text_for_indexing(html))
            else:
                entry.parts.append(("chart", child))
                texts.append(chart_text(child.value))
        entry.text = " ".join(" ".join(texts).split())

        for item in question.see_also.raw_data:
            page = pages.get(item["value"])
            if page is not None:
                entry.links.append(Link(page.title, page.get_url(request)))
        for topic in question.topics.all():
            if topic.pk not in topic_urls:
                topic_urls[topic.pk] = topic.get_absolute_url()
            if topic_urls[topic.pk]:
                entry.links.append(Link(topic.name, topic_urls[topic.pk]))
        entries.append(entry)
    return entries
