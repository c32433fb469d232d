"""The calendar of the demo site: Public Events with its two series, the Events and Past Events
pages, the real past events of the content brief and sample events dated from the load day
(so that "upcoming" is never empty). News is loaded last, by ``news.py``."""

import datetime
import io
import math
import wave

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Page

from resources.events.models import (
    EventIndexPage,
    EventPage,
    EventRelatedDocument,
    EventRelatedPage,
    EventSeriesIndexPage,
    EventSeriesPage,
    EventSpeaker,
    PastEventsPage,
)
from resources.library.models import Organisation, Person, Topic
from wsi.demo_kit import demo_document, demo_image, get_or_create_page, place_before, rich_text

from . import news
from .events_data import PAST_EVENTS, SAMPLE_EVENTS, SERIES, SPEAKERS

SAMPLE_NOTE = "Sample content, to show how the site presents an event: replace or delete it in the admin."


def load(demo):
    sections = {page.slug: page.specific for page in demo.home.get_children()}
    news_events, our_work = sections["news-events"], sections["our-work"]
    events_index = get_or_create_page(
        news_events,
        EventIndexPage,
        "events",
        title="Events",
        show_in_menus=True,
        introduction="Public discussions, launches and webinars: what is coming, and recordings of what you missed.",
    )
    get_or_create_page(
        news_events,
        PastEventsPage,
        "past-events",
        title="Past Events",
        show_in_menus=True,
        introduction="What we discussed before: speakers, recordings and the papers that went with them.",
        events_index=events_index,
    )
    series = _series(our_work)
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    people = _speakers()
    for spec in PAST_EVENTS:
        _event(events_index, spec, series, topics, people, sample=False)
    today = timezone.localdate()
    for sample in SAMPLE_EVENTS:
        spec = dict(sample)
        spec["start_date"] = today + datetime.timedelta(days=spec.pop("in_days"))
        if "registration_deadline_in_days" in spec:
            spec["registration_deadline"] = today + datetime.timedelta(days=spec.pop("registration_deadline_in_days"))
        _event(events_index, spec, series, topics, people, sample=True)
    demo.log(f"events: {EventPage.objects.count()} events in {len(series)} series")
    news.load(demo, news_events, topics)


def _series(our_work):
    public_events = get_or_create_page(
        our_work,
        EventSeriesIndexPage,
        "public-events",
        title="Public Events",
        show_in_menus=True,
        introduction=(
            "Two series of public discussions bring researchers, employers, workers and policymakers together "
            "on the questions that shape low-wage work in America."
        ),
    )
    place_before(public_events, "current-projects")
    funder, _created = Organisation.objects.get_or_create(
        name="Sample Funder",
        defaults={
            "kind": Organisation.Kind.FUNDER,
            "description": "Sample content: the series' real funders are listed here once staff add them.",
        },
    )
    pages = {}
    for index, (slug, title, introduction, description) in enumerate(SERIES):
        pages[slug] = get_or_create_page(
            public_events,
            EventSeriesPage,
            slug,
            title=title,
            show_in_menus=True,
            introduction=introduction,
            description=description,
            image=demo_image(
                f"{title} (series illustration)",
                seed=300 + index,
                description=f"Abstract illustration of the {title} series: circles and bands in blue, rust and gold",
            ),
            funders=[funder],
        )
    return pages


def _speakers():
    people = {}
    for slug, name, bio in SPEAKERS:
        people[slug], _created = Person.objects.get_or_create(slug=slug, defaults={"name": name, "bio": bio})
    return people


def _event(events_index, spec, series, topics, people, sample):
    spec = dict(spec)
    slug = spec.pop("slug")
    if events_index.get_children().filter(slug=slug).exists():
        return
    introduction = spec.pop("introduction")
    paragraphs = spec.pop("body", [])
    if sample:
        spec["title"] += " (sample)"
        paragraphs = [*paragraphs, f"<i>{SAMPLE_NOTE}</i>"]
    speakers = [EventSpeaker(person=people[person], role=role) for person, role in spec.pop("speakers", [])]
    related_documents = [
        EventRelatedDocument(document=demo_document(title, lines, collection="Event documents"))
        for title, lines in spec.pop("documents", [])
    ]
    related_pages = [
        EventRelatedPage(related_page=page)
        for page in Page.objects.filter(slug__in=spec.pop("related_pages", [])).live()
    ]
    if spec.pop("audio_recording", False):
        spec["recording_file"] = _sample_audio(f"{spec['title']}: audio recording (sample file)")
    event = EventPage(
        slug=slug,
        series=series.get(spec.pop("series", None)),
        topics=[topics[slug_] for slug_ in spec.pop("topics", []) if slug_ in topics],
        introduction=introduction,
        body=rich_text(*paragraphs) if paragraphs else [],
        speakers=speakers,
        related_documents=related_documents,
        related_pages=related_pages,
        **spec,
    )
    events_index.add_child(instance=event)
    event.save_revision().publish()


def _sample_audio(title):
    """A few seconds of a soft tone, standing in for a recording the demo does not have."""
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    rate, seconds = 8000, 4
    frames = bytearray()
    for n in range(rate * seconds):
        envelope = min(1.0, n / rate, (rate * seconds - n) / rate)
        frames.append(128 + int(40 * envelope * math.sin(2 * math.pi * 330 * n / rate)))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(1)
        audio.setframerate(rate)
        audio.writeframes(bytes(frames))
    return Document.objects.create(title=title, file=ContentFile(buffer.getvalue(), name="sample-recording.wav"))
