"""Finds the links in a page's main content that lead nowhere."""

from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from django.urls import NoReverseMatch, reverse


def pending_paths():
    """Paths that other parts of the site will serve once they are merged; checked from then on."""
    try:
        reverse("mailinglist:signup")
    except NoReverseMatch:
        return {"/mailing-list/"}
    return set()


def broken_links(client, url):
    """Every link in the page's main content that does not resolve, with the reason."""
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    ids = {element["id"] for element in soup.find_all(id=True)}
    broken = []
    for link in soup.main.find_all("a"):
        href = link.get("href")
        parts = urlsplit(href or "")
        if not href:
            broken.append(f"{link.get_text()!r} has no address")
        elif parts.scheme in ("http", "https", "mailto"):
            continue
        elif href.startswith("#"):
            if href[1:] not in ids:
                broken.append(f"{href} is not on the page")
        elif parts.path not in pending_paths():
            status = client.get(parts.path).status_code
            if status != 200:
                broken.append(f"{href} answers {status}")
    return broken
