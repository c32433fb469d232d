"""Anonymous pages come from the page cache, and an editor never sees a stale one: each way staff
change what pages show draws a new generation (wsi/page_cache.py)."""

import socket

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from resources.library.factories import (
    FundersPageFactory,
    OrganisationFactory,
    PersonFactory,
    ResourcePageFactory,
    TopicFactory,
)
from resources.library.models import Organisation
from wsi.cache import ForgivingRedisCache
from wsi.factories import SectionPageFactory, StandardPageFactory
from wsi.models import SiteSettings
from wsi.page_cache import pages_changed
from wsi.sitemaps import PageSitemap

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def cached(client, django_assert_num_queries):
    """GET ``url`` until it comes from the cache, without a query. The first view also stores
    the site's settings (a change of settings, like any other)."""

    def get(url, **kwargs):
        client.get(url, **kwargs)
        first = client.get(url, **kwargs)
        with django_assert_num_queries(0):
            second = client.get(url, **kwargs)
        assert second.content == first.content
        return second.content.decode()

    return get


@pytest.fixture
def story(home):
    return StandardPageFactory(
        parent=SectionPageFactory(parent=home, title="About us", slug="about-us"), title="Our story", slug="our-story"
    )


def test_an_anonymous_page_is_served_from_the_cache_with_its_headers(cached, client, story):
    assert "Our story" in cached(story.url)
    response = client.get(story.url)
    assert response["Content-Security-Policy"]
    assert response["ETag"]
    assert client.head(story.url).status_code == 200


def test_one_entry_serves_a_query_string_in_any_order(cached, client, home, django_assert_num_queries):
    cached("/search/", data={"q": "care", "page": "1"})
    with django_assert_num_queries(0):
        assert client.get("/search/?page=1&utm_source=mail&q=care").status_code == 200


def test_each_page_of_a_sitemap_section_has_its_entry_and_a_new_page_shows_in_the_index(
    cached, client, story, monkeypatch
):
    monkeypatch.setattr(PageSitemap, "limit", 2)
    assert "/sitemap-pages.xml?p=3" not in cached("/sitemap.xml")
    first, second = cached("/sitemap-pages.xml"), cached("/sitemap-pages.xml", data={"p": "2"})
    assert "/about-us/our-story/" in second and "/about-us/our-story/" not in first

    for slug in ("our-plans", "our-team"):  # five pages: a third page of the section
        StandardPageFactory(parent=story.get_parent(), slug=slug)

    assert "/sitemap-pages.xml?p=3" in client.get("/sitemap.xml").content.decode()
    assert "/about-us/our-plans/" in client.get("/sitemap-pages.xml", {"p": "2"}).content.decode()


def test_publishing_shows_the_new_version(cached, client, story):
    cached(story.url)
    story.title = "The story of WSI"
    story.save_revision().publish()
    assert "The story of WSI" in client.get(story.url).content.decode()
    assert "The story of WSI" in client.get("/").content.decode()  # the menu of every page


def test_a_saved_draft_leaves_the_cache_alone(cached, story, client, django_assert_num_queries):
    cached(story.url)
    story.title = "A draft title"
    story.save_revision()
    with django_assert_num_queries(0):
        assert "A draft title" not in client.get(story.url).content.decode()


def test_an_unpublished_page_is_gone(cached, client, story):
    cached(story.url)
    story.unpublish()
    assert client.get("/about-us/our-story/").status_code == 404


def test_a_moved_page_is_at_its_new_address(cached, client, story, home):
    cached("/about-us/our-story/")
    story.move(SectionPageFactory(parent=home, title="Our work", slug="our-work"), pos="last-child")
    moved = client.get("/about-us/our-story/")
    assert (moved.status_code, moved["Location"]) == (301, "/our-work/our-story/")  # Wagtail's own redirect
    assert client.get("/our-work/our-story/").status_code == 200


def test_a_deleted_page_is_gone(cached, client, story):
    cached("/about-us/our-story/")
    story.delete()
    assert client.get("/about-us/our-story/").status_code == 404


def test_a_renamed_topic_shows_its_new_name(cached, client, library):
    topic = TopicFactory(name="Care jobs")
    ResourcePageFactory(parent=library, topics=[topic])
    assert "Care jobs" in cached(library.url)
    topic.name = "Caregiving jobs"
    topic.save()
    assert "Caregiving jobs" in client.get(library.url).content.decode()


def test_a_renamed_person_shows_their_new_name(cached, client, library):
    author = PersonFactory(name="Maureen Conway")
    resource = ResourcePageFactory(parent=library, authors=[author])
    assert "Maureen Conway" in cached(resource.url)
    author.given_names = "Maureen C."
    author.save()
    assert "Maureen C. Conway" in client.get(resource.url).content.decode()


def test_a_removed_organisation_leaves_the_funders_page(cached, client, home):
    funders = FundersPageFactory(parent=home)
    OrganisationFactory(name="The Care Fund", kind=Organisation.Kind.FUNDER)
    assert "The Care Fund" in cached(funders.url)
    Organisation.objects.get(name="The Care Fund").delete()
    assert "The Care Fund" not in client.get(funders.url).content.decode()


def test_changed_site_settings_show_on_every_page(cached, client, story):
    cached(story.url)
    site_settings = SiteSettings.for_site(story.get_site())
    site_settings.organisation_name = "Aspen WSI"
    site_settings.save()
    assert "| Aspen WSI</title>" in client.get(story.url).content.decode()


def test_a_promoted_result_shows_at_once(cached, client, story):
    assert "Recommended" not in cached("/search/?q=history")
    SearchPromotion.objects.create(query=Query.get("history"), page=story, description="How it began.")
    assert "How it began." in client.get("/search/?q=history").content.decode()


def test_a_saved_redirect_rebuilds_the_pages(cached, client, story):
    cached(story.url)
    Redirect.objects.create(old_path="/our-history", redirect_page=story)
    assert client.get("/our-history/").status_code == 301
    with CaptureQueriesContext(connection) as queries:
        client.get(story.url)
    assert len(queries) > 0, "built again"


def test_a_page_made_private_is_no_longer_shown(cached, client, story):
    cached(story.url)
    PageViewRestriction.objects.create(page=story, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(story.url).status_code == 302


def test_staff_never_get_the_cached_page(cached, story, django_user_model):
    cached(story.url)
    staff = Client()
    staff.force_login(django_user_model.objects.create_superuser("editor", "editor@example.org", "a long password 1"))
    assert "wagtail-userbar" in staff.get(story.url).content.decode()


def test_a_post_is_never_answered_from_the_cache(cached, client, home):
    cached("/mailing-list/")
    response = client.post("/mailing-list/", {"email": "not an address"})
    assert "Enter a valid email address" in response.content.decode()


def _closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_pages_are_served_while_the_cache_is_down(client, story, settings, monkeypatch):
    # Its warning is logged once a minute per process: leave that minute to the cache's own tests.
    monkeypatch.setattr(ForgivingRedisCache, "_last_logged", ForgivingRedisCache._last_logged)
    settings.CACHES = {
        "default": {
            "BACKEND": "wsi.cache.ForgivingRedisCache",
            "LOCATION": f"redis://127.0.0.1:{_closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    for _ in range(2):
        response = client.get(story.url)
        assert response.status_code == 200
        assert "Our story" in response.content.decode()


@pytest.mark.redis
def test_with_redis_a_published_change_reaches_every_process(cached, client, story, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "wsi.cache.ForgivingRedisCache",
            "LOCATION": settings.REDIS_URL,
            "KEY_PREFIX": "wsi-test-pages",
        }
    }
    try:
        cached(story.url)
        story.title = "The story of WSI"
        story.save_revision().publish()
        assert "The story of WSI" in client.get(story.url).content.decode()
    finally:
        cache.clear()


def test_a_change_costs_no_query_without_a_frontend_cache(django_assert_num_queries):
    # Every save of a page, snippet or setting says so: without Varnish or a CDN (the embedded
    # default) there is no site to look up for a purge.
    with django_assert_num_queries(0):
        pages_changed()
