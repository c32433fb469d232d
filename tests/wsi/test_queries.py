"""The site's own page types render in at most 15 queries with the page cache off (issue 12)."""

import pytest
from django.utils.html import escape

from tests.helpers.queries import render_within_query_bar
from wsi.models import StandardPage

pytestmark = pytest.mark.django_db


def test_the_home_page(client, demo_site):
    html = render_within_query_bar(client, "/").content.decode()
    assert demo_site.hero_heading in html
    assert 'class="card__title"' in html


def test_a_standard_page(client, demo_site):
    page = StandardPage.objects.live().descendant_of(demo_site).first()
    html = render_within_query_bar(client, page.url).content.decode()
    assert f"<title>{escape(page.seo_title or page.title)} | " in html


def test_site_search(client, demo_site):
    html = render_within_query_bar(client, "/search/", {"q": "training"}).content.decode()
    assert 'class="search-result__title"' in html
