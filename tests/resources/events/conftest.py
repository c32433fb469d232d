import pytest

from resources.events.factories import make_events_section


@pytest.fixture
def events(home):
    """The Events page, under News & Events."""
    return make_events_section(home)[0]


@pytest.fixture
def news(home):
    """The Latest News page, under News & Events."""
    return make_events_section(home)[1]
