import pytest

from faq.factories import FAQPageFactory
from resources.library.models import ResourceIndexPage, Topic
from wsi.factories import SectionPageFactory


@pytest.fixture
def our_work(home):
    return SectionPageFactory(parent=home, title="Our Work", slug="our-work")


@pytest.fixture
def faq_page(our_work):
    return FAQPageFactory(parent=our_work)


@pytest.fixture
def library(home):
    index = ResourceIndexPage(title="Research & Resources", slug="research-resources")
    home.add_child(instance=index)
    return index


@pytest.fixture
def worker_outcomes(db):
    return Topic.objects.create(name="Worker Outcomes", slug="worker-outcomes", sort_order=3)


@pytest.fixture
def sector_approach(db):
    return Topic.objects.create(name="Sector Approach", slug="sector-approach", sort_order=0)
