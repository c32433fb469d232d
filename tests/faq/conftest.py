import pytest

from faq.factories import FAQPageFactory
from wsi.factories import SectionPageFactory


@pytest.fixture
def our_work(home):
    return SectionPageFactory(parent=home, title="Our Work", slug="our-work")


@pytest.fixture
def faq_page(our_work):
    return FAQPageFactory(parent=our_work)
