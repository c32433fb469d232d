"""What the web process keeps between requests until public pages change
(``page_cache.remembered``) is read again after any change, with the page cache off."""

import datetime
from datetime import UTC

import pytest
import time_machine
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from wsi.factories import HomePageFactory, SectionPageFactory, StandardPageFactory
from wsi.models import SiteSettings
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


def test_a_section_given_a_new_slug_routes_its_pages_there_at_once(client, home):
    section = SectionPageFactory(parent=home, title="About us", slug="about-us")
    StandardPageFactory(parent=section, title="Our story", slug="our-story")
    assert client.get("/about-us/our-story/").status_code == 200

    section.slug = "who-we-are"
    section.save_revision().publish()

    assert client.get("/about-us/our-story/").status_code == 404
    assert "Our story" in client.get("/who-we-are/our-story/").content.decode()


def test_changed_site_settings_show_at_once(client, home):
    assert "Workforce Strategies Initiative" in client.get("/").content.decode()
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.organisation_name = "The Initiative"
    site_settings.save()

    assert "The Initiative" in client.get("/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_what_was_kept_from_the_rows_of_a_change_rolled_back_is_not_served(client, home):
    """Inside the transaction of a change, the process keeps values built from its rows; they
    must go with it when it rolls back, not stay until the memo's minute runs out."""
    section = SectionPageFactory(parent=home, title="About us", slug="about-us")
    assert "About us" in client.get("/").content.decode()

    with transaction.atomic():
        section.title = "Never saved"
        section.save_revision().publish()
        assert "Never saved" in client.get("/").content.decode()  # the menus, built inside
        transaction.set_rollback(True)

    assert "Never saved" not in client.get("/").content.decode()
