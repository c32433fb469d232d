from .library import ResourceIndexPage
from .people_pages import FundersPage, StaffPage
from .resource import DatePrecision, RelatedResource, ResourceAuthor, ResourcePage, ResourceType
from .snippets import Organisation, Person, Topic

__all__ = [
    "DatePrecision",
    "FundersPage",
    "Organisation",
    "Person",
    "RelatedResource",
    "ResourceAuthor",
    "ResourceIndexPage",
    "ResourcePage",
    "ResourceType",
    "StaffPage",
    "Topic",
]
