"""Every image the demo site shows, as a visitor's browser receives it."""

import pytest
from bs4 import BeautifulSoup
from wagtail.images.models import Image
from wagtail.models import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_pages(demo_site, client):
    """(url, parsed HTML) of every live page of the demo site."""
    pages = []
    for page in Page.objects.live().public().specific().exclude(depth=1):
        response = client.get(page.url, follow=True)
        assert response.status_code == 200, page.url
        pages.append((page.url, BeautifulSoup(response.content, "html.parser")))
    return pages


def test_every_demo_image_is_described(demo_site):
    assert not Image.objects.filter(description=""), "demo images without a description"


def test_every_image_on_every_demo_page_has_alt_text(demo_pages):
    images = [(url, img) for url, html in demo_pages for img in html.find_all("img")]

    assert len(images) >= 20
    assert [(url, img.get("src")) for url, img in images if not img.get("alt", "").strip()] == []
