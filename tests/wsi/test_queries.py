"""The site's own page types, and the sitemap (its index and each page of a section), render in
at most 15 queries with the page cache off, whatever the size of the content (issue 12)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from resources.library.bulk import add_synthetic_resources
from resources.library.factories import PersonFactory, ResourcePageFactory
from tests.helpers.queries import MAX_QUERIES, render_within_query_bar
from tests.helpers.sitemaps import locations, sitemap_urls
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


def queries(client, url):
    """The queries of a second visit to ``url``."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_sitemap_costs_as_many_queries_for_1000_resources_as_for_10(client, library, worker_outcomes):
    person = PersonFactory(name="Ann Lee", slug="ann-lee")
    ResourcePageFactory(parent=library, title="Authored", slug="authored", topics=[worker_outcomes], authors=[person])
    add_synthetic_resources(library, 10, seed=1)
    small = locations(client, "/sitemap-pages.xml")
    small_queries = [queries(client, "/sitemap.xml"), queries(client, "/sitemap-pages.xml")]

    add_synthetic_resources(library, 990, seed=2)
    urls = sitemap_urls(client)
    large = [location for url in urls for location in locations(client, url)]
    large_queries = [queries(client, "/sitemap.xml"), queries(client, "/sitemap-pages.xml")]

    assert "/sitemap-pages.xml?p=2" in urls  # over a thousand pages: the library in the first
    assert len(large) >= len(small) + 990
    # The library's own addresses, read from its specific page, are all there.
    assert "http://testserver/research-resources/authored/" in large
    assert "http://testserver/research-resources/worker-outcomes/" in large
    assert "http://testserver/research-resources/people/ann-lee/" in large
    assert small_queries == large_queries
    assert max(queries(client, url) for url in urls) <= MAX_QUERIES


def test_the_demo_sitemap_renders_within_the_query_bar(client, demo_site):
    assert render_within_query_bar(client, "/sitemap.xml").content.decode().count("<sitemap>") == 2
    xml = render_within_query_bar(client, "/sitemap-pages.xml").content.decode()
    # Pages of every model, and the library's own addresses, read from its specific page.
    assert "/our-work/faq/</loc>" in xml
    assert "/research-resources/worker-outcomes/</loc>" in xml
    assert "/news-events/events/past/</loc>" in xml
