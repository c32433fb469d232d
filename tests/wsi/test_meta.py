"""What search engines and link previews read: titles, descriptions, canonical URLs, Open
Graph and Twitter tags, robots.txt and the sitemap."""

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from tests.helpers.sitemaps import all_locations, locations, sitemap_urls
from wsi.factories import SectionPageFactory, StandardPageFactory
from wsi.models import SiteSettings
from wsi.sitemaps import PageSitemap

pytestmark = pytest.mark.django_db


def _meta(html, **attrs):
    tag = html.find("meta", attrs=attrs)
    return tag["content"] if tag else None


@pytest.fixture
def story(home):
    about = SectionPageFactory(parent=home, title="About us", slug="about-us")
    return StandardPageFactory(
        parent=about,
        title="Our Story",
        slug="our-story",
        seo_title="How the initiative began",
        search_description="From a learning project to a national voice on job quality.",
        introduction="An introduction that the search description overrides.",
    )


def test_page_meta_comes_from_its_promote_fields(client, story):
    html = BeautifulSoup(client.get(story.url).content, "html.parser")

    assert html.title.text == "How the initiative began | Workforce Strategies Initiative"
    description = "From a learning project to a national voice on job quality."
    assert _meta(html, name="description") == description
    assert html.find("link", rel="canonical")["href"] == "http://testserver/about-us/our-story/"
    assert _meta(html, property="og:title") == "How the initiative began"
    assert _meta(html, property="og:description") == description
    assert _meta(html, property="og:url") == "http://testserver/about-us/our-story/"
    assert _meta(html, property="og:site_name") == "Workforce Strategies Initiative"
    assert _meta(html, name="twitter:card") == "summary_large_image"
    assert _meta(html, name="twitter:title") == "How the initiative began"
    assert _meta(html, name="twitter:description") == description


def test_description_falls_back_to_the_introduction(client, home):
    page = StandardPageFactory(parent=home, title="Tools", introduction="Practical tools for <b>programmes</b>.")

    html = BeautifulSoup(client.get(page.url).content, "html.parser")

    assert _meta(html, name="description") == "Practical tools for programmes."


def test_share_image_is_the_page_image_else_the_site_default(client, home, story):
    settings = SiteSettings.for_site(home.get_site())
    settings.default_social_image = Image.objects.create(title="Default", file=get_test_image_file())
    settings.save()
    page_image = Image.objects.create(title="Story", file=get_test_image_file(filename="story.png"))
    other = StandardPageFactory(parent=home, title="Who We Are", social_image=page_image)

    default_html = BeautifulSoup(client.get(story.url).content, "html.parser")
    own_html = BeautifulSoup(client.get(other.url).content, "html.parser")

    default_url = _meta(default_html, property="og:image")
    own_url = _meta(own_html, property="og:image")
    assert default_url.startswith("http://testserver/media/images/test")
    assert own_url.startswith("http://testserver/media/images/story")
    assert _meta(own_html, name="twitter:image") == own_url
    # Cropped to the 1200x630 shape of link previews, never enlarged (the test image is 640 wide).
    assert (_meta(own_html, property="og:image:width"), _meta(own_html, property="og:image:height")) == ("640", "336")


def test_home_title_is_not_repeated(client, home):
    home.seo_title = "Workforce Strategies Initiative: sector strategies for low-income workers"
    home.save_revision().publish()

    html = BeautifulSoup(client.get("/").content, "html.parser")

    assert html.title.text == "Workforce Strategies Initiative: sector strategies for low-income workers"


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_names_the_sitemap(client, home):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_sitemap_lists_live_pages_only(client, story):
    draft = StandardPageFactory(parent=story.get_parent(), title="Unpublished plans", slug="plans", live=False)

    found = all_locations(client)

    assert "http://testserver/" in found
    assert "http://testserver/about-us/our-story/" in found
    assert not any(draft.slug in location for location in found)


def test_the_sitemap_is_an_index_of_one_sitemap_per_section(client, story):
    assert sitemap_urls(client) == ["/sitemap-pages.xml", "/sitemap-newsletters.xml"]
    assert client.get("/sitemap-pages.xml")["X-Robots-Tag"] == "noindex, noodp, noarchive"
    assert client.get("/sitemap-events.xml").status_code == 404


def test_a_section_larger_than_its_limit_is_split_into_pages_that_list_every_address_once(client, story, monkeypatch):
    for number in range(3):
        StandardPageFactory(parent=story.get_parent(), slug=f"page-{number}")
    monkeypatch.setattr(PageSitemap, "limit", 4)  # the home page, About us and its four pages

    assert sitemap_urls(client) == ["/sitemap-pages.xml", "/sitemap-pages.xml?p=2", "/sitemap-newsletters.xml"]
    first, second = locations(client, "/sitemap-pages.xml"), locations(client, "/sitemap-pages.xml?p=2")
    assert len(first) == 4 and len(second) == 2
    pages = ["/", "/about-us/", "/about-us/our-story/", "/about-us/page-0/", "/about-us/page-1/", "/about-us/page-2/"]
    assert sorted(first + second) == sorted(f"http://testserver{path}" for path in pages)


@pytest.mark.parametrize("page", ["0", "3", "999", "x", ""])
def test_a_sitemap_page_that_does_not_exist_is_not_found(client, story, monkeypatch, page):
    monkeypatch.setattr(PageSitemap, "limit", 2)  # two pages of the pages section

    assert client.get("/sitemap-pages.xml", {"p": "2"}).status_code == 200
    assert client.get("/sitemap-pages.xml", {"p": page}).status_code == 404
    assert client.get("/sitemap-newsletters.xml", {"p": page}).status_code == 404


def test_a_sitemap_page_carries_no_last_modified_date_a_deletion_elsewhere_would_not_change(client, story, monkeypatch):
    """Entries shift between a section's pages as pages come and go, while the page's newest
    date may stay the same: a cache answering If-Modified-Since from it would keep the old list."""
    from mailinglist.factories import AnnouncementFactory
    from mailinglist.models import Announcement

    AnnouncementFactory(state=Announcement.State.SENT, queued_at=timezone.now())
    Page.objects.update(last_published_at=timezone.now())
    monkeypatch.setattr(PageSitemap, "limit", 1)  # the last page: Our story

    assert not client.get("/sitemap-pages.xml?p=3").has_header("Last-Modified")
    assert not client.get("/sitemap-newsletters.xml").has_header("Last-Modified")
