from .event_indexes import EventIndexPage, EventSeriesIndexPage, EventSeriesPage, PastEventsPage
from .events import EventPage, EventRelatedDocument, EventRelatedPage, EventSpeaker
from .library import ResourceIndexPage
from .news import NewsIndexPage, NewsPage
from .snippets import Organisation, Person, Topic

__all__ = [
    "EventIndexPage",
    "EventPage",
    "EventRelatedDocument",
    "EventRelatedPage",
    "EventSeriesIndexPage",
    "EventSeriesPage",
    "EventSpeaker",
    "NewsIndexPage",
    "NewsPage",
    "Organisation",
    "PastEventsPage",
    "Person",
    "ResourceIndexPage",
    "Topic",
]
