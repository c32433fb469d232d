"""Property tests: whatever reaches the library's query string (filters, keywords, sort, page)
on the listing, a topic section, a person's page and the feeds, the answer is never a 5xx.
Strategies: tests/helpers/hostile.py."""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.helpers.hostile import HOSTILE, fields, get

LIBRARY_FIELDS = ["q", "topic", "type", "year", "sort", "page"]
KNOWN = {
    "topic": ["worker-outcomes", "sector-approach"],
    "type": ["report", "brief"],
    "year": ["2010", "1990s", "undated"],
    "sort": ["newest", "oldest", "title", "relevance"],
    "q": ["sector", "jobs"],
    "page": ["2", "3"],
}
PATHS = [
    "/research-resources/",
    "/research-resources/worker-outcomes/",
    "/research-resources/people/maureen-conway/",
    "/research-resources/feed/",
    "/research-resources/feed/atom/",
    "/research-resources/worker-outcomes/feed/",
    "/research-resources/worker-outcomes/feed/atom/",
    "/research-resources/gaining-ground/",
    "/research-resources/gaining-ground/cite/bibtex/",
    "/research-resources/gaining-ground/cite/ris/",
]


@pytest.mark.parametrize("path", PATHS)
def test_the_paths_exist(client, demo_site, path):
    assert client.get(path).status_code == 200


@settings(HOSTILE, max_examples=800)
@example(path="/research-resources/", pairs=[("q", "%00"), ("page", str(10**40)), ("year", "%E2%80%AE2010")])
@example(path="/research-resources/worker-outcomes/", pairs=[("q", "x" * 100_000), ("sort", "%ED%BF%BF")])
@given(path=st.sampled_from(PATHS), pairs=fields(LIBRARY_FIELDS, known=KNOWN))
def test_library_query_strings(client, demo_site, path, pairs):
    assert get(client, path, pairs).status_code < 500
