from .event_indexes import EventIndexPage, EventSeriesIndexPage, EventSeriesPage, PastEventsPage
from .events import EventPage, EventRelatedDocument, EventRelatedPage, EventSpeaker
from .news import NewsIndexPage, NewsPage

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
    "PastEventsPage",
]
