"""What the web process keeps between requests until public pages change
(``page_cache.remembered``) is read again after any change, with the page cache off."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from wsi.factories import HomePageFactory

pytestmark = pytest.mark.django_db


def test_a_site_given_another_root_page_serves_it_at_once(client, home):
    assert client.get("/").status_code == 200
    new_home = HomePageFactory(parent=Page.get_first_root_node(), title="A new home", slug="new-home")
    site = Site.objects.get(is_default_site=True)
    site.root_page = new_home
    site.save()

    assert "A new home" in client.get("/").content.decode()


def test_a_site_is_found_without_a_query_once_known(client, home):
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    assert not [query for query in queries if "wagtailcore_site" in query["sql"]]
