"""Latest News, news items and press releases, their feeds and structured data."""

import datetime
import json

import feedparser
import pytest
from bs4 import BeautifulSoup

from resources.events.factories import NewsPageFactory
from resources.library.factories import PersonFactory, TopicFactory

pytestmark = pytest.mark.django_db


def titles(html):
    return [node.get_text(strip=True) for node in BeautifulSoup(html, "html.parser").select(".card__title")]


def notices(html):
    return [
        item.get_text()
        for item in BeautifulSoup(html, "html.parser").select('.notice[role="status"] .listing-notices li')
    ]


def test_news_is_listed_newest_first_without_drafts(client, news):
    NewsPageFactory(parent=news, title="Older", date=datetime.date(2018, 1, 19))
    NewsPageFactory(parent=news, title="Newer", date=datetime.date(2020, 6, 25))
    NewsPageFactory(parent=news, title="Draft", date=datetime.date(2021, 1, 1), live=False)

    assert titles(client.get(news.url).content.decode()) == ["Newer", "Older"]


def test_news_filters_by_topic_and_year_and_explains_bad_input(client, news):
    jobs = TopicFactory(name="Job Quality", slug="job-quality")
    NewsPageFactory(parent=news, title="Jobs 2018", date=datetime.date(2018, 1, 19), topics=[jobs])
    NewsPageFactory(parent=news, title="Other 2018", date=datetime.date(2018, 3, 1))
    NewsPageFactory(parent=news, title="Jobs 2020", date=datetime.date(2020, 6, 25), topics=[jobs])

    assert titles(client.get(news.url, {"topic": "job-quality", "year": "2018"}).content.decode()) == ["Jobs 2018"]
    response = client.get(news.url, {"year": "2019", "topic": "nope", "series": "ignored", "page": "x"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is nothing from that year" in html and "There is no such topic" in html
    assert notices(html) == ["“x” is not a page number; here is the first page."]
    assert titles(html) == ["Jobs 2020", "Other 2018", "Jobs 2018"]


def test_news_pages_paginate(client, news):
    for number in range(13):
        NewsPageFactory(parent=news, title=f"Item {number:02}", date=datetime.date(2020, 1, number + 1))

    assert len(titles(client.get(news.url).content.decode())) == 10
    assert titles(client.get(news.url, {"page": "2"}).content.decode()) == ["Item 02", "Item 01", "Item 00"]


@pytest.mark.parametrize(
    ("page", "first", "notice"),
    [
        ("99", "Item 02", "There are only 2 pages of results; here is the last one."),
        ("two", "Item 12", "“two” is not a page number; here is the first page."),
        ("0", "Item 12", "Pages are numbered from 1; here is the first page."),
        ("-2", "Item 12", "Pages are numbered from 1; here is the first page."),
    ],
)
def test_news_explains_a_page_number_it_does_not_have(client, news, page, first, notice):
    for number in range(13):
        NewsPageFactory(parent=news, title=f"Item {number:02}", date=datetime.date(2020, 1, number + 1))

    html = client.get(news.url, {"page": page}).content.decode()

    assert titles(html)[0] == first
    assert notices(html) == [notice]


def test_news_listing_queries_do_not_grow(client, news, django_assert_max_num_queries, django_assert_num_queries):
    author = PersonFactory()
    NewsPageFactory(parent=news, author=author)
    client.get(news.url)
    with django_assert_max_num_queries(30) as few:
        client.get(news.url)
    few_count = len(few.captured_queries)
    for _number in range(12):
        NewsPageFactory(parent=news, author=PersonFactory())
    client.get(news.url)  # the new pages emptied the cached menus
    with django_assert_num_queries(few_count):
        client.get(news.url)


def test_press_release_shows_its_media_contact_and_news_article_data(client, news):
    author = PersonFactory(name="Amy Blair", role="")
    item = NewsPageFactory(
        parent=news,
        title="Partnership launched",
        date=datetime.date(2015, 4, 27),
        author=author,
        is_press_release=True,
        media_contact_name="Press office",
        media_contact_email="press@example.org",
    )

    html = client.get(item.url).content.decode()
    data = json.loads(BeautifulSoup(html, "html.parser").find("script", type="application/ld+json").string)

    assert "Press release" in html and "Media contact" in html and "mailto:press@example.org" in html
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["headline"] == "Partnership launched"
    assert data["datePublished"] == "2015-04-27"
    assert data["author"] == {"@type": "Person", "name": "Amy Blair"}
    assert data["publisher"]["@type"] == "Organization"


def test_ordinary_news_has_no_media_contact(client, news):
    item = NewsPageFactory(parent=news, media_contact_email="press@example.org")
    assert "Media contact" not in client.get(item.url).content.decode()


def test_news_feeds_parse(client, news):
    jobs = TopicFactory(name="Job Quality", slug="job-quality")
    NewsPageFactory(parent=news, title="Tools library", date=datetime.date(2020, 6, 25), topics=[jobs])
    NewsPageFactory(
        parent=news, title="Looking ahead", date=datetime.date(2018, 1, 19), author=PersonFactory(name="Amy Blair")
    )

    for route in ["feed/rss/", "feed/atom/"]:
        feed = feedparser.parse(client.get(news.url + route).content)
        assert not feed.bozo, feed.bozo_exception
        assert [entry.title for entry in feed.entries] == ["Tools library", "Looking ahead"]
        assert feed.entries[0].link == "http://testserver/news-events/latest-news/tools-library/"
        assert feed.entries[0].tags[0].term == "Job Quality"
        assert feed.entries[0].published_parsed[:3] == (2020, 6, 25)
    assert feed.entries[1].author == "Amy Blair"


def test_home_page_shows_the_latest_news(client, news):
    for day in range(1, 5):
        NewsPageFactory(parent=news, title=f"June {day}", date=datetime.date(2030, 6, day))

    section = BeautifulSoup(client.get("/").content, "html.parser").find(
        "section", attrs={"aria-labelledby": "home-news-heading"}
    )
    assert titles(str(section)) == ["June 4", "June 3", "June 2"]


def test_news_published_shows_on_the_home_page_at_once(client, news):
    NewsPageFactory(parent=news, title="June 1", date=datetime.date(2030, 6, 1))
    assert "June 1" in client.get("/").content.decode()

    NewsPageFactory(parent=news, title="June 2", date=datetime.date(2030, 6, 2))

    assert "June 2" in client.get("/").content.decode()
