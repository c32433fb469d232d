"""The listing, its facet counts and a library search cost a fixed number of queries,
whatever the size of the library."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resources.bulk import add_synthetic_resources
from resources.factories import ResourceIndexPageFactory, ResourcePageFactory, TopicFactory

pytestmark = pytest.mark.django_db

LISTING = {"topic": "worker-outcomes", "type": "report"}
SEARCH = {"q": "apprenticeships", "year": "2000s"}
TOPIC_SECTION = {"type": "brief", "sort": "title"}


@pytest.fixture
def library(home):
    topics = {
        slug: TopicFactory(name=slug.replace("-", " ").title(), slug=slug)
        for slug in ("worker-outcomes", "value-to-business", "systems-change", "job-quality")
    }
    library = ResourceIndexPageFactory(parent=home)
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
    # Of these the library's own are 9 (topics, privacy, result count, three facets, one page of
    # results and its topics and authors); Wagtail's routing and the site's menus make the rest.
    assert large <= 30
