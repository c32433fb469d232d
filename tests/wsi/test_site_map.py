"""Every page of the demo site map renders, and every link a visitor can follow resolves."""

from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

pytestmark = pytest.mark.django_db

SKIPPED_PREFIXES = ("/admin/", "/django-admin/")
MAX_PAGES = 500


def test_every_demo_page_renders_with_its_title_and_breadcrumbs(client, demo_site):
    pages = Page.objects.descendant_of(demo_site).live().public().specific()
    assert pages.count() >= 10, "the demo builds the whole site map"

    for page in pages:
        response = client.get(page.url)
        if page.specific_class.__name__ == "PastEventsPage":
            # A menu entry that lands on the events list's past view.
            assert response.status_code == 302, page.url
            assert client.get(response.url).status_code == 200, page.url
            continue
        assert response.status_code == 200, page.url
        html = BeautifulSoup(response.content, "html.parser")
        assert (page.seo_title or page.title) in html.title.text, page.url
        assert html.h1 is not None and html.h1.text.strip(), page.url
        crumbs = html.find("nav", attrs={"aria-label": "Breadcrumb"})
        assert crumbs is not None, f"{page.url} has no breadcrumbs"
        trail = [link["href"] for link in crumbs.find_all("a")]
        expected = ["/"] + [ancestor.url for ancestor in page.get_ancestors().filter(depth__gt=demo_site.depth)]
        assert trail == expected, page.url
        assert crumbs.find(attrs={"aria-current": "page"}).text.strip() == page.title


def test_home_shows_the_site_map_sections_in_order_without_breadcrumbs(client, demo_site):
    html = BeautifulSoup(client.get("/").content, "html.parser")
    menu = html.find("nav", attrs={"aria-label": "Main"})

    assert html.find("nav", attrs={"aria-label": "Breadcrumb"}) is None
    assert html.h1.text.strip() == demo_site.hero_heading
    sections = [link.text.strip() for link in menu.select(".primary-nav__link")]
    assert sections[:2] == ["About us", "Our Work"]
    assert "Research & Resources" in sections
    assert "News & Events" in sections
    assert sections[-1] == "Contact"
    pages = {link.text.strip() for link in menu.select(".primary-nav__sub a")}
    assert {"Who We Are", "Our Story", "Communities that Work Partnership", "Tools"} <= pages


def _links(html, base):
    for anchor in BeautifulSoup(html, "html.parser").find_all("a", href=True):
        url = urldefrag(urljoin(base, anchor["href"]))[0]
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and parts.netloc == "testserver":
            yield parts.path + (f"?{parts.query}" if parts.query else "")


def test_crawl_from_home_finds_no_broken_link(client, demo_site):
    """Follows every link of the header, footer and page bodies on this host. Pages reached
    through a query string (filters, pagination) are checked but not crawled further, so that
    filter combinations do not multiply."""
    seen = {"/": "(start)"}
    queue = ["/"]
    broken = []
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0)
        response = client.get(url)
        if response.status_code >= 400:
            broken.append(f"{url} -> {response.status_code} (linked from {seen[url]})")
            continue
        if response.status_code in (301, 302):
            target = urlsplit(urljoin("http://testserver" + url, response["Location"]))
            links = [target.path] if target.netloc in ("", "testserver") else []
        elif "?" in url or "html" not in response.get("Content-Type", ""):
            continue
        else:
            links = _links(response.content, "http://testserver" + url)
        for link in links:
            if link not in seen and not link.startswith(SKIPPED_PREFIXES):
                seen[link] = url
                queue.append(link)

    assert broken == []
    assert len(seen) < MAX_PAGES, "the crawl stopped early: raise MAX_PAGES"
    menu_pages = Page.objects.descendant_of(demo_site).live().public().in_menu()
    assert {page.url for page in menu_pages} <= set(seen), "every menu page is reachable from home"
