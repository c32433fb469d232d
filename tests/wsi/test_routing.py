"""Routing reads the pages on a request's address by their URL path (wsi/page_routes.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resources.library.bulk import add_synthetic_resources
from resources.library.models import ResourcePage

pytestmark = pytest.mark.django_db


def test_the_pages_on_an_address_are_found_through_an_index_not_a_scan_of_every_page(client, library):
    add_synthetic_resources(library, 1000, seed=3)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE" if connection.vendor == "postgresql" else "ANALYZE wagtailcore_page")
    resource = ResourcePage.objects.live().order_by("-pk").first()

    with CaptureQueriesContext(connection) as captured:
        assert client.get(resource.url).status_code == 200
    routing = next(query["sql"] for query in captured if '"url_path" IN' in query["sql"])
    explain = "EXPLAIN " if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN "
    with connection.cursor() as cursor:
        cursor.execute(explain + routing)
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert "wsi_page_url_path" in plan, plan
