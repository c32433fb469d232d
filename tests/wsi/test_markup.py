"""Every kind of page of the served demo site is valid HTML, as the W3C Nu HTML Checker
(vnu.jar, installed by `npm ci` in tests/wsi/vnu) reads it, with no error at all."""

import http.cookiejar
import json
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urldefrag, urlencode, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from tests.conftest import require
from wsi.models import ContactPage

pytestmark = [pytest.mark.markup, pytest.mark.django_db(transaction=True)]

VNU_JAR = Path(__file__).parent / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SKIPPED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/media/", "/static/")
MAX_PAGES = 300

# Where the crawl starts: home, and the pages that no link leads to, or only a form does; from
# these the crawl finds every other page type.
SEEDS = [
    "/",
    "/research-resources/?topic=worker-outcomes&type=report",  # the library, filtered
    "/research-resources/?q=sector",  # the library, searched
    "/research-resources/worker-outcomes/?type=brief",  # a topic section, filtered
    "/search/?q=workforce",  # site search results
    "/mailing-list/",  # mailing list signup
    "/mailing-list/check-your-inbox/",
    "/mailing-list/confirm/not-a-token/",  # a mailing list link that has expired
    "/no-such-page/",  # the 404 page
]


@pytest.fixture
def vnu():
    java = shutil.which("java")
    require(java, "needs Java for the Nu HTML checker: apt-get install -y default-jre-headless")
    require(VNU_JAR.exists(), f"needs the Nu HTML checker: npm ci --ignore-scripts --prefix {VNU_JAR.parents[4]}")
    return [java, "-jar", str(VNU_JAR)]


class Visitor:
    """A browser without a renderer: keeps cookies, follows redirects, reads 4xx pages too."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def open(self, path, data=None):
        body = urlencode(data).encode() if data is not None else None
        # A browser's Origin header is what public forms check instead of a token.
        request = urllib.request.Request(self.base + path, body, headers={"Origin": self.base})
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            return response.headers.get_content_type(), response.read().decode()


def _links(html, url, host):
    for anchor in BeautifulSoup(html, "html.parser").find_all("a", href=True):
        parts = urlsplit(urldefrag(urljoin(url, anchor["href"]))[0])
        if parts.netloc == host and not parts.path.startswith(SKIPPED_PREFIXES):
            yield parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(visitor):
    """The seeds, then every page linked from them on this host; pages reached through a query
    string (filters, pagination) are kept but not crawled further, so combinations don't multiply."""
    host = urlsplit(visitor.base).netloc
    pages = {}
    queue = list(SEEDS)
    seen = set(queue)
    while queue and len(pages) < MAX_PAGES:
        path = queue.pop(0)
        content_type, html = visitor.open(path)
        if content_type != "text/html":
            continue
        pages[path] = html
        if "?" in path:
            continue
        for link in _links(html, visitor.base + path, host):
            if link not in seen:
                seen.add(link)
                queue.append(link)
    assert len(pages) < MAX_PAGES, "the crawl stopped early: raise MAX_PAGES"
    return pages


def contact_form_pages(visitor, contact_path):
    """The contact form sent empty (its errors) and filled in (the thanks after the redirect)."""
    _, errors = visitor.open(contact_path, {})
    message = {"name": "Ana Ruiz", "email": "ana@example.org", "message": "May we republish your case study?"}
    _, thanks = visitor.open(contact_path, message)
    assert "error-summary" in errors
    assert "Thank you for your message" in thanks
    return {f"{contact_path} (errors)": errors, f"{contact_path} (thanks)": thanks}


def nu_errors(vnu, pages, folder):
    """Checks every page in one run of the checker; returns its errors as 'URL:line: message'."""
    urls = {}
    for number, (url, html) in enumerate(pages.items()):
        path = folder / f"page-{number:03}.html"
        path.write_text(html)
        urls[str(path)] = url
    run = subprocess.run(
        [*vnu, "--format", "json", "--errors-only", "--exit-zero-always", *urls],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    messages = json.loads(run.stderr)["messages"]
    return [
        f"{urls.get(urlsplit(message.get('url', '')).path, message.get('url'))}:{message.get('lastLine', '?')}: "
        f"{message['message']}"
        for message in messages
    ]


def test_every_page_type_of_the_demo_is_valid_html(vnu, demo_site, live_server, tmp_path):
    visitor = Visitor(live_server.url)
    pages = crawl(visitor)
    pages.update(contact_form_pages(visitor, ContactPage.objects.live().get().url))

    checked = {urlsplit(path).path for path in pages}
    live_pages = Page.objects.descendant_of(demo_site, inclusive=True).live().public().specific()
    models = {type(page) for page in live_pages}
    assert models == {type(page) for page in live_pages if page.url in checked}, "a page of every model is checked"
    assert any(path.startswith("/research-resources/people/") for path in checked), "a person page is checked"
    assert any(path.endswith("/events/past/") for path in checked), "the past events list is checked"

    errors = nu_errors(vnu, pages, tmp_path)

    print(f"The Nu HTML Checker read {len(pages)} pages:", *pages, sep="\n  ")
    assert errors == [], "\n".join(errors)
