"""Anonymous pages are the same for every visitor: no cookie, no token, public caching headers
and 304 answers. Staff, POST answers and forms with errors are never stored anywhere."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from wagtail.models import Page

from tests.helpers.mailinglist import signup_data
from wsi.factories import ContactPageFactory

pytestmark = pytest.mark.django_db


def _demo_urls(client):
    """One page of each type, and the listings, feeds, calendars, sitemap and search around them."""
    pages = {}
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        if page.specific_class.__name__ != "PastEventsPage":  # a redirect to the events' past list
            pages.setdefault(type(page), page.url)
    urls = set(pages.values())
    for url in list(urls):
        html = BeautifulSoup(client.get(url).content, "html.parser")
        urls.update(link["href"] for link in html.select('link[rel="alternate"]'))
        urls.update(link["href"] for link in html.select('a[href$="calendar/"], a[href$=".ics"]'))
    library = next(url for url in urls if url.startswith("/research-resources/"))
    urls |= {"/search/?q=training", "/mailing-list/", library + "?q=jobs&type=report"}
    urls |= {"/sitemap.xml", "/sitemap-pages.xml", "/sitemap-pages.xml?p=1", "/sitemap-newsletters.xml"}
    return sorted(urlsplit(url)._replace(scheme="", netloc="").geturl() for url in urls)


def test_every_public_page_type_is_shareable_and_revalidates(client, demo_site, settings):
    settings.CACHE_MAX_AGE = 120
    settings.PAGE_CACHE_SECONDS = 600  # the footer form's signed time stamp changes at every render
    urls = _demo_urls(client)
    assert any(url.endswith("calendar/") for url in urls), urls
    assert any("/feed/" in url for url in urls), urls
    for url in urls:
        response = Client().get(url)
        assert response.status_code == 200, url
        assert not response.cookies, url
        assert "cookie" not in response.get("Vary", "").lower(), url
        assert response["Cache-Control"] == "public, max-age=120", url
        assert response["ETag"], url
        assert b"csrfmiddlewaretoken" not in response.content, url

        again = Client().get(url, headers={"If-None-Match": response["ETag"]})
        assert again.status_code == 304, url
        assert again.content == b""


def test_staff_get_their_pages_private(client, home, django_user_model):
    staff = django_user_model.objects.create_superuser("editor", "editor@example.org", "a long password 1")
    client.force_login(staff)
    response = client.get("/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_a_form_with_errors_and_every_post_answer_are_private(client, home):
    errors = client.post("/mailing-list/", {"email": "not an address"})
    assert errors.status_code == 200
    assert "no-store" in errors["Cache-Control"] and "private" in errors["Cache-Control"]
    sent = client.post("/mailing-list/", signup_data("reader@example.org"))
    assert sent.status_code == 302
    assert "no-store" in sent["Cache-Control"]


def test_a_signup_from_the_sites_own_pages_passes_without_a_token(home):
    browser = Client(enforce_csrf_checks=True)
    assert browser.get("/").cookies == {}
    from_page = browser.post(
        "/mailing-list/", signup_data("reader@example.org"), headers={"Origin": "http://testserver"}
    )
    assert from_page.status_code == 302
    fetch_metadata = browser.post(
        "/mailing-list/", signup_data("other@example.org"), headers={"Sec-Fetch-Site": "same-origin"}
    )
    assert fetch_metadata.status_code == 302


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://attacker.example", "Sec-Fetch-Site": "cross-site"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "same-site"},
        {},
    ],
)
def test_a_post_from_another_site_or_of_unknown_origin_is_refused(home, headers):
    browser = Client(enforce_csrf_checks=True)
    assert browser.post("/mailing-list/", signup_data("reader@example.org"), headers=headers).status_code == 403


def test_the_contact_form_works_without_a_token_and_thanks_privately(home):
    contact = ContactPageFactory(parent=home)
    browser = Client(enforce_csrf_checks=True)
    form = browser.get(contact.url)
    assert form.status_code == 200 and not form.cookies
    assert b"csrfmiddlewaretoken" not in form.content
    data = {"name": "Ada", "email": "ada@example.org", "message": "Hello there, a question about your reports."}
    sent = browser.post(contact.url, data, headers={"Origin": "http://testserver"})
    assert sent.status_code == 302
    thanks = browser.get(contact.url)
    assert "private" in thanks["Cache-Control"]
    refused = Client(enforce_csrf_checks=True).post(contact.url, data, headers={"Origin": "https://attacker.example"})
    assert refused.status_code == 403


def test_the_admin_keeps_its_token_check(client, home, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "a long password 1")
    browser = Client(enforce_csrf_checks=True)
    login = {"username": "editor", "password": "a long password 1"}
    response = browser.post("/admin/login/", login, headers={"Origin": "http://testserver"})
    assert response.status_code == 403
