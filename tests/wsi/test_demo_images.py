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


def _candidates(srcset):
    return [candidate.strip().split() for candidate in srcset.split(",")]


def test_every_image_on_every_demo_page_is_described_responsive_and_lazy_below_the_fold(demo_pages):
    """One crawl for all three, since the first view of each page makes its renditions."""
    images = [(url, img) for url, html in demo_pages for img in html.find_all("img")]
    assert len(images) >= 20

    assert [(url, img.get("src")) for url, img in images if not img.get("alt", "").strip()] == [], "no alt text"

    for url, img in images:
        where = f"{img.get('src')} on {url}"
        picture = img.parent
        assert picture.name == "picture", where
        [avif] = picture.find_all("source")
        assert avif["type"] == "image/avif", where
        assert avif["sizes"] == img["sizes"], where
        for source, extension in ((avif["srcset"], ".avif"), (img["srcset"], ".webp")):
            candidates = _candidates(source)
            assert len(candidates) >= 2, f"{where}: one width only"
            assert all(path.endswith(extension) and width.endswith("w") for path, width in candidates), where
        assert img["src"].endswith(".webp"), where
        assert int(img["width"]) > 0 and int(img["height"]) > 0, where

    for url, html in demo_pages:
        for img in html.select(".hero__image, .page-image img"):
            assert img.get("fetchpriority") == "high", url
            assert "loading" not in img.attrs, url
        for img in html.select(".card__image, .image-block img, .person-card__photo, .funder__logo"):
            assert img["loading"] == "lazy", url
    assert dict(demo_pages)["/"].select_one(".hero__image")["fetchpriority"] == "high"
