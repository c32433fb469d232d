from .event_indexes import EventIndexPage, EventSeriesIndexPage, EventSeriesPage, PastEventsPage
from .events import EventPage, EventRelatedDocument, EventRelatedPage, EventSpeaker
from .library import ResourceIndexPage
from .news import NewsIndexPage, NewsPage
from .people_pages import FundersPage, StaffPage
from .resource import DatePrecision, RelatedResource, ResourceAuthor, ResourcePage, ResourceType
from .snippets import Organisation, Person, Topic

__all__ = [
    "DatePrecision",
    "EventIndexPage",
    "EventPage",
    "EventRelatedDocument",
    "EventRelatedPage",
    "EventSeriesIndexPage",
    "EventSeriesPage",
    "EventSpeaker",
    "FundersPage",
    "NewsIndexPage",
    "NewsPage",
    "Organisation",
    "PastEventsPage",
    "Person",
    "RelatedResource",
    "ResourceAuthor",
    "ResourceIndexPage",
    "ResourcePage",
    "ResourceType",
    "StaffPage",
    "Topic",
]
