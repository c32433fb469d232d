from .library import ResourceIndexPage
from .people_pages import FundersPage, StaffPage
from .resource import RelatedResource, ResourceAuthor, ResourcePage
from .snippets import Organisation, Person, Topic

__all__ = [
    "FundersPage",
    "Organisation",
    "Person",
    "RelatedResource",
    "ResourceAuthor",
    "ResourceIndexPage",
    "ResourcePage",
    "StaffPage",
    "Topic",
]
