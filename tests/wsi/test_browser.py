import pytest

from tests.conftest import axe_violations
from wsi.factories import SectionPageFactory, StandardPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_has_no_accessibility_violations(live_server, home, page):
    about = SectionPageFactory(parent=home, title="About us", slug="about-us")
    StandardPageFactory(parent=about, title="Our Story", slug="our-story")

    page.goto(live_server.url + "/")

    assert page.get_by_role("heading", level=1).inner_text().startswith("Helping low-income")
    assert axe_violations(page) == []
