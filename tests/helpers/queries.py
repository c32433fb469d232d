"""The queries a page costs with the page cache off, and the bar every page type is held to
(issue 12: at most 15, whatever the size of the content)."""

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

MAX_QUERIES = 15


def render_within_query_bar(client, url, params=None):
    """A second visit to ``url`` (the first fills Wagtail's per-process caches and the menus),
    asserted to cost at most ``MAX_QUERIES``; returns the response."""
    assert settings.PAGE_CACHE_SECONDS == 0, "measured with the page cache off"
    client.get(url, params)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200, url
    statements = "\n".join(query["sql"][:160] for query in captured.captured_queries)
    assert len(captured) <= MAX_QUERIES, f"{url}: {len(captured)} queries\n{statements}"
    return response
