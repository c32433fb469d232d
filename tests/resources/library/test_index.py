"""The listing reads a facet index kept in each web process. Whatever staff change after a
visitor has seen the library, the next visitor sees the change: in the results, in the counts
and in searches."""

import datetime
import threading

import pytest
from bs4 import BeautifulSoup
from django.db import connection, transaction
from django.db.models.signals import post_save
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from resources.library.facet_index import library_index
from resources.library.factories import ResourcePageFactory
from resources.library.models import ResourcePage

pytestmark = pytest.mark.django_db


def titles(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [h.get_text(strip=True) for h in soup.select(".resource-card__title")]


def type_counts(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return {
        checkbox["value"]: int(checkbox.find_parent("label").select_one(".facet__count").get_text().strip("()"))
        for checkbox in soup.select('input[name="type"]')
    }


def test_a_resource_published_after_a_visit_is_listed_and_counted_at_the_next(client, library):
    ResourcePageFactory(parent=library, title="First report")
    assert titles(client, library.url) == ["First report"]

    ResourcePageFactory(
        parent=library, title="New brief", resource_type="brief", publication_date=datetime.date.today()
    )

    assert titles(client, library.url) == ["New brief", "First report"]
    assert type_counts(client, library.url) == {"report": 1, "brief": 1}


def test_unpublished_deleted_and_private_resources_leave_the_listing(client, library):
    kept = ResourcePageFactory(parent=library, title="Kept")
    unpublished = ResourcePageFactory(parent=library, title="Unpublished")
    deleted = ResourcePageFactory(parent=library, title="Deleted")
    private = ResourcePageFactory(parent=library, title="Private")
    assert len(titles(client, library.url)) == 4

    unpublished.unpublish()
    deleted.delete()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    assert titles(client, library.url) == [kept.title]
    assert type_counts(client, library.url) == {"report": 1}


def test_a_published_edit_moves_a_resource_between_topics_and_in_the_title_order(client, library, worker_outcomes):
    ResourcePageFactory(parent=library, title="B report")
    edited = ResourcePageFactory(parent=library, title="C report", topics=[worker_outcomes])
    topic_url = f"{library.url}worker-outcomes/"
    assert titles(client, topic_url) == ["C report"]
    assert titles(client, library.url, {"sort": "title"}) == ["B report", "C report"]

    edited.title = "A report"
    edited.topics.set([])
    edited.save_revision().publish()

    assert titles(client, topic_url) == []
    assert titles(client, library.url, {"sort": "title"}) == ["A report", "B report"]


def test_a_repeated_search_finds_what_was_published_in_between(client, library):
    ResourcePageFactory(parent=library, title="Welding apprenticeships in Ohio")
    assert titles(client, library.url, {"q": "welding"}) == ["Welding apprenticeships in Ohio"]

    ResourcePageFactory(parent=library, title="Welding careers for adults")

    assert sorted(titles(client, library.url, {"q": "welding"})) == [
        "Welding apprenticeships in Ohio",
        "Welding careers for adults",
    ]


def test_a_repeated_search_costs_no_search_query(client, library):
    ResourcePageFactory(parent=library, title="Welding apprenticeships in Ohio")
    client.get(library.url)  # builds the index and warms Wagtail's caches
    first = _queries(client, library.url, {"q": "welding"})
    again = _queries(client, library.url, {"q": "welding"})
    assert again == first - 1


def test_without_a_shared_cache_every_request_reads_the_database(client, library, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    ResourcePageFactory(parent=library, title="First report")
    assert titles(client, library.url) == ["First report"]

    ResourcePageFactory(parent=library, title="Second report", publication_date=datetime.date.today())

    assert titles(client, library.url) == ["Second report", "First report"]


@pytest.mark.postgres  # SQLite locks the table that the editor's transaction writes
@pytest.mark.django_db(transaction=True)
def test_a_visit_during_a_publication_does_not_keep_the_old_library(library):
    """A request that reads the library while an editor's change is not yet committed builds
    its index from the old rows; the commit must drop that index."""
    ResourcePageFactory(parent=library, title="Old report")
    new = ResourcePageFactory(parent=library, title="New report", live=False)
    client = Client()

    def visit():
        # Another thread has its own database connection: it sees only committed rows.
        try:
            seen.extend(titles(client, library.url))
        finally:
            connection.close()

    seen = []
    with transaction.atomic():
        new.save_revision().publish()
        reader = threading.Thread(target=visit)
        reader.start()
        reader.join()
    assert seen == ["Old report"]

    assert sorted(titles(client, library.url)) == ["New report", "Old report"]


@pytest.mark.django_db(transaction=True)
def test_a_visit_between_saving_a_resource_and_its_topics_does_not_keep_the_old_topics(
    client, library, worker_outcomes
):
    """Saving a page writes the page row, then its topics: an index built in between (by a
    visitor, here at the page's post_save) holds the old topics, and the commit must drop it."""
    resource = ResourcePageFactory(parent=library, title="Report")
    topic_url = f"{library.url}worker-outcomes/"
    assert titles(client, topic_url) == []

    def visit_in_between(sender, instance, **kwargs):
        if isinstance(instance, ResourcePage):
            library_index()

    post_save.connect(visit_in_between)
    try:
        resource.topics.set([worker_outcomes])
        resource.save_revision().publish()
    finally:
        post_save.disconnect(visit_in_between)

    assert titles(client, topic_url) == ["Report"]


def _queries(client, url, params):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url, params).status_code == 200
    return len(context)


def test_only_the_most_recent_searches_are_kept(client, library, monkeypatch):
    monkeypatch.setattr("resources.library.facet_index.SEARCHES_KEPT", 2)
    ResourcePageFactory(parent=library, title="Welding and nursing careers")
    client.get(library.url)  # builds the index and warms Wagtail's caches
    first_time = _queries(client, library.url, {"q": "welding"})
    _queries(client, library.url, {"q": "nursing"})
    again = _queries(client, library.url, {"q": "welding"})  # kept, and now the most recent
    _queries(client, library.url, {"q": "careers"})  # pushes "nursing" out

    assert again == first_time - 1
    assert _queries(client, library.url, {"q": "welding"}) == first_time - 1
    assert _queries(client, library.url, {"q": "nursing"}) == first_time
