import pytest

from resources.events.factories import make_events_section
from resources.library.factories import ResourceIndexPageFactory


@pytest.fixture
def library(home):
    """An empty Research & Resources page; modules that need a stocked library override it."""
    return ResourceIndexPageFactory(parent=home)


@pytest.fixture
def events(home):
    """The Events page, under News & Events."""
    return make_events_section(home)[0]
