import datetime

import feedparser
import pytest
from bs4 import BeautifulSoup

from resources.library.factories import PersonFactory, ResourcePageFactory, TopicFactory
from tests.helpers.sitemaps import all_locations

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(library):
    outcomes = TopicFactory(name="Worker Outcomes", slug="worker-outcomes")
    business = TopicFactory(name="Value to Business", slug="value-to-business")
    ResourcePageFactory(
        parent=library,
        title="Newest",
        publication_date=datetime.date(2016, 2, 1),
        topics=[outcomes],
        authors=[PersonFactory(name="Amy Blair")],
    )
    ResourcePageFactory(parent=library, title="Older", publication_date=datetime.date(2004, 1, 1), topics=[business])
    ResourcePageFactory(parent=library, title="Draft", live=False, topics=[outcomes])
    return library


def test_rss_feed_of_new_resources(client, content):
    feed = feedparser.parse(client.get("/research-resources/feed/").content)

    assert not feed.bozo
    assert feed.feed.title == "New research and resources"
    assert [entry.title for entry in feed.entries] == ["Newest", "Older"]
    assert feed.entries[0].link == "http://testserver/research-resources/newest/"
    assert feed.entries[0].published_parsed[:3] == (2016, 2, 1)
    assert [tag.term for tag in feed.entries[0].tags] == ["Worker Outcomes"]


def test_atom_feed_per_topic(client, content):
    response = client.get("/research-resources/worker-outcomes/feed/atom/")
    feed = feedparser.parse(response.content)

    assert response["Content-Type"].startswith("application/atom+xml")
    assert not feed.bozo
    assert feed.version == "atom10"
    assert feed.feed.title == "Worker Outcomes: new resources"
    assert [entry.title for entry in feed.entries] == ["Newest"]
    assert feed.entries[0].author == "Amy Blair"


def test_feed_of_unknown_topic_is_a_404(client, content):
    assert client.get("/research-resources/no-such-topic/feed/").status_code == 404


def test_pages_announce_their_feeds(client, content):
    library_head = BeautifulSoup(client.get("/research-resources/").content, "html.parser").head
    topic_head = BeautifulSoup(client.get("/research-resources/worker-outcomes/").content, "html.parser").head

    assert [link["href"] for link in library_head.select('link[rel="alternate"]')] == [
        "/research-resources/feed/",
        "/research-resources/feed/atom/",
    ]
    assert [link["type"] for link in topic_head.select('link[rel="alternate"]')] == [
        "application/rss+xml",
        "application/atom+xml",
    ]
    assert topic_head.select_one('link[rel="alternate"]')["href"] == "/research-resources/worker-outcomes/feed/"


def test_sitemap_lists_resources_topic_sections_and_authors(client, content):
    found = all_locations(client)

    assert "http://testserver/research-resources/newest/" in found
    assert "http://testserver/research-resources/worker-outcomes/" in found
    assert any("/research-resources/people/" in location for location in found)
    assert not any("/research-resources/draft/" in location for location in found)
