import pytest

from resources.factories import ResourceIndexPageFactory


@pytest.fixture
def library(home):
    """An empty Research & Resources page; modules that need a stocked library override it."""
    return ResourceIndexPageFactory(parent=home)
