from .events import (
    EventIndexPage,
    EventPage,
    EventRelatedDocument,
    EventRelatedPage,
    EventSeriesIndexPage,
    EventSeriesPage,
    EventSpeaker,
    PastEventsPage,
)
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
