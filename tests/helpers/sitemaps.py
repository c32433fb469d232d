"""The sitemap as a crawler reads it: the index at /sitemap.xml, then every sitemap it lists."""

from urllib.parse import urlsplit
from xml.etree import ElementTree

NAMESPACE = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_urls(client):
    """The sitemaps the index lists, as paths with their query string (``/sitemap-pages.xml?p=2``)."""
    return [_local(location) for location in _read(client, "/sitemap.xml", "s:sitemap/s:loc")]


def locations(client, url):
    """The addresses one sitemap lists."""
    return _read(client, url, "s:url/s:loc")


def all_locations(client):
    """The addresses of every sitemap the index lists, in its order."""
    return [location for url in sitemap_urls(client) for location in locations(client, url)]


def _read(client, url, path):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/xml", url
    return [element.text for element in ElementTree.fromstring(response.content).findall(path, NAMESPACE)]


def _local(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")
