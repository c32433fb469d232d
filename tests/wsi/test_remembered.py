"""What the web process keeps between requests until public pages change
(``page_cache.remembered``) is read again after any change, with the page cache off."""

import datetime
from datetime import UTC

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from wsi.factories import HomePageFactory
from wsi.page_cache import REMEMBER_SECONDS, remembered

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


def test_a_value_is_built_again_after_a_while_even_without_a_change():
    """For a change the generation missed: saved while Redis did not answer, for one."""
    builds = []
    start = datetime.datetime(2030, 6, 1, 12, tzinfo=UTC)
    with time_machine.travel(start, tick=False):
        remembered("answer", lambda: builds.append("built"))
        remembered("answer", lambda: builds.append("built"))
    with time_machine.travel(start + datetime.timedelta(seconds=REMEMBER_SECONDS + 1), tick=False):
        remembered("answer", lambda: builds.append("built"))
    assert builds == ["built", "built"]
