"""The listing, its facet counts and a library search cost a fixed number of queries,
whatever the size of the library."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from resources.library.bulk import add_synthetic_resources
from resources.library.facet_index import forget_library_index
from resources.library.factories import ResourcePageFactory, TopicFactory
from resources.library.models import ResourceAuthor, ResourceIndexPage, ResourcePage, Topic
from tests.helpers.queries import render_within_query_bar

pytestmark = pytest.mark.django_db

LISTING = {"topic": "worker-outcomes", "type": "report"}
SEARCH = {"q": "apprenticeships", "year": "2000s"}
TOPIC_SECTION = {"type": "brief", "sort": "title"}


@pytest.fixture
def library(library):
    topics = {
        slug: TopicFactory(name=slug.replace("-", " ").title(), slug=slug)
        for slug in ("worker-outcomes", "value-to-business", "systems-change", "job-quality")
    }
    # One match for each request, so that every list on the page has rows to render.
    ResourcePageFactory(
        parent=library,
        title="Apprenticeships and earnings",
        resource_type="report",
        publication_date=datetime.date(2005, 1, 1),
        topics=[topics["worker-outcomes"], topics["job-quality"]],
        authors=["Ann Lee"],
    )
    ResourcePageFactory(parent=library, title="A brief", resource_type="brief", topics=[topics["job-quality"]])
    return library


def queries_for(client, url, params):
    client.get(url, params)  # warm Wagtail's per-process caches (site root paths)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
    assert response.status_code == 200
    assert b"resource-card__title" in response.content
    return len(context)


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/research-resources/", LISTING),
        ("/research-resources/", SEARCH),
        ("/research-resources/job-quality/", TOPIC_SECTION),
    ],
    ids=["two-filters", "search", "topic-section"],
)
def test_query_count_does_not_grow_with_the_library(client, library, path, params):
    add_synthetic_resources(library, 10, seed=1)
    small = queries_for(client, path, params)

    add_synthetic_resources(library, 990, seed=2)
    large = queries_for(client, path, params)

    assert small == large
    # Of these the library's own are 4 (topics, then one page of results with its topics and
    # authors; the search adds one); Wagtail's routing and the site's settings make the rest.
    assert large <= 20


def test_rebuilding_the_index_after_a_change_costs_a_fixed_number_of_queries(client, library):
    def first_visit_after_a_change():
        client.get("/research-resources/", LISTING)  # the menus and Wagtail's caches are warm
        forget_library_index()
        with CaptureQueriesContext(connection) as context:
            assert client.get("/research-resources/", LISTING).status_code == 200
        return len(context)

    add_synthetic_resources(library, 10, seed=1)
    small = first_visit_after_a_change()
    add_synthetic_resources(library, 990, seed=2)
    large = first_visit_after_a_change()

    # The index reads the privacy rules, the resources and their topics.
    assert small == large == queries_for(client, "/research-resources/", LISTING) + 3


@pytest.fixture
def demo_library(demo_site):
    return ResourceIndexPage.objects.live().descendant_of(demo_site).get()


@pytest.mark.parametrize(
    "params", [{}, {"topic": "worker-outcomes", "type": "report"}, {"q": "jobs"}], ids=["plain", "filtered", "keyword"]
)
def test_the_demo_library_renders_within_the_query_bar(client, demo_library, params):
    html = render_within_query_bar(client, demo_library.url, params).content.decode()
    assert "resource-card__title" in html


def test_a_demo_resource_renders_within_the_query_bar(client, demo_library):
    resource = ResourcePage.objects.live().filter(authors__isnull=False, topics__isnull=False).first()
    html = render_within_query_bar(client, resource.url).content.decode()
    assert f"<title>{escape(resource.seo_title or resource.title)} | " in html


def test_a_demo_topic_section_renders_within_the_query_bar(client, demo_library):
    topic = Topic.objects.live().get(slug="worker-outcomes")
    html = render_within_query_bar(client, f"{demo_library.url}{topic.slug}/").content.decode()
    assert escape(topic.name) in html
    assert "resource-card__title" in html


def test_a_demo_person_page_renders_within_the_query_bar(client, demo_library):
    person = ResourceAuthor.objects.filter(person__isnull=False).select_related("person").first().person
    html = render_within_query_bar(client, f"{demo_library.url}people/{person.slug}/").content.decode()
    assert escape(person.name) in html
    assert "resource-card__title" in html


def test_the_demo_library_feed_renders_within_the_query_bar(client, demo_library):
    feed = render_within_query_bar(client, f"{demo_library.url}feed/").content.decode()
    assert feed.count("<item>") > 0


@pytest.mark.parametrize("fmt", ["bibtex", "ris"])
def test_a_citation_download_takes_as_many_queries_for_six_authors_as_for_one(client, library, fmt):
    one = ResourcePageFactory(parent=library, title="One author", authors=["Ann Lee"])
    six = ResourcePageFactory(parent=library, title="Six authors", authors=[f"Author {n}" for n in range(6)])

    def cost(resource):
        response = render_within_query_bar(client, f"{resource.url}cite/{fmt}/")
        assert resource.title in response.content.decode()
        with CaptureQueriesContext(connection) as context:
            client.get(f"{resource.url}cite/{fmt}/")
        return len(context)

    assert cost(one) == cost(six)


def test_a_demo_citation_download_renders_within_the_query_bar(client, demo_library):
    resource = ResourcePage.objects.live().filter(authors__isnull=False).first()
    assert "@" in render_within_query_bar(client, f"{resource.url}cite/bibtex/").content.decode()
