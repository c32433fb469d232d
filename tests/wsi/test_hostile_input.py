"""Property tests: whatever reaches site search, the contact form and the pages' query strings
(pagination included), the answer is never a 5xx, and a message turned away is not stored.
Strategies: tests/helpers/hostile.py."""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.helpers.hostile import HOSTILE, fields, get, post, with_overrides
from wsi.models import ContactSubmission

CONTACT_FIELDS = ["name", "email", "organisation", "message", "website"]
PAGES = ["/", "/about-us/", "/about-us/who-we-are/", "/about-us/staff/", "/our-work/faq/", "/contact/"]


@settings(HOSTILE, max_examples=500)
@example(pairs=[("q", "%00"), ("page", "-" + "9" * 40)])
@example(pairs=[("q", "sector"), ("page", "9" * 400)])
@example(pairs=[("q", "sector"), ("page", "0" * 4301)])
@example(pairs=[("q", "%22")])
@example(pairs=[("q", "%ED%A0%80" * 1000), ("q", "sector")])
@given(pairs=fields(["q", "page"], known={"q": ["sector", "jobs training", '"worker outcomes"'], "page": ["2"]}))
def test_site_search(client, demo_site, pairs):
    assert get(client, "/search/", pairs).status_code < 500


@settings(HOSTILE, max_examples=300)
@given(path=st.sampled_from(PAGES), pairs=fields(["page", "q", "topic", "utm_source"]))
def test_page_query_strings(client, demo_site, path, pairs):
    assert get(client, path, pairs).status_code < 500


@pytest.fixture
def unlimited_contact(demo_site, settings):
    settings.CONTACT_RATE_LIMIT = 10**9


@pytest.mark.parametrize("path", [*PAGES, "/search/"])
def test_the_pages_exist(client, demo_site, path):
    assert client.get(path).status_code == 200


@settings(HOSTILE, max_examples=500)
@given(pairs=fields(CONTACT_FIELDS), drop=st.sets(st.sampled_from(CONTACT_FIELDS)), from_valid=st.booleans())
def test_contact_form(client, unlimited_contact, pairs, drop, from_valid):
    base = {"name": "Ada", "email": "ada@example.org", "message": "Hello", "website": ""} if from_valid else {}
    before = ContactSubmission.objects.count()

    response = post(client, "/contact/", with_overrides(base, pairs, drop))

    assert response.status_code < 500
    if response.status_code != 302:
        assert ContactSubmission.objects.count() == before
