import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from wsi.factories import make_site_root


def load_demo():
    """The whole demo site, as ``make run`` builds it; returns its home page. A transactional
    test has emptied Wagtail's tables first, so the root page is rebuilt then."""
    if Page.get_first_root_node() is None:
        make_site_root()
    call_command("load_demo_content", stdout=io.StringIO())
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def demo_site(db):
    return load_demo()
