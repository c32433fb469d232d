import base64
import hashlib

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.test import Client

from wsi.factories import SectionPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("editor", "editor@example.org", "a-long-test-password")


def test_admin_login_page_shows_the_form(client):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.find("input", attrs={"name": "username"}) is not None
    assert html.find("input", attrs={"name": "password"}) is not None


def test_staff_log_in_and_open_the_editor_of_a_page(client, home, editor):
    about = SectionPageFactory(parent=home, title="About us")
    story = StandardPageFactory(parent=about, title="Our Story")

    response = client.post("/admin/login/", {"username": "editor", "password": "a-long-test-password"})
    assert response.status_code == 302
    editor_page = client.get(f"/admin/pages/{story.pk}/edit/")

    assert editor_page.status_code == 200
    assert "Our Story" in editor_page.content.decode()


def test_wrong_password_does_not_open_the_admin(client, editor):
    client.post("/admin/login/", {"username": "editor", "password": "wrong"})

    assert client.get("/admin/").status_code == 302


def test_unknown_address_shows_the_404_page_with_the_site_navigation(client, home):
    SectionPageFactory(parent=home, title="About us", slug="about-us")

    response = client.get("/no-such-page/")

    assert response.status_code == 404
    html = BeautifulSoup(response.content, "html.parser")
    assert "can’t find that page" in html.h1.text
    assert html.find("nav", attrs={"aria-label": "Main"}).find("a", string="About us") is not None
    assert html.find("input", attrs={"type": "search"}) is not None


@pytest.mark.parametrize("path", ["/about-us/<script>/", "/" + "x" * 3000 + "/", "/%00/"])
def test_odd_addresses_are_404_not_500(client, home, path):
    assert client.get(path).status_code == 404


def test_500_page_stands_alone():
    html = render_to_string("500.html")

    assert "Something went wrong" in html
    assert "{%" not in html and "stylesheet" not in html


@pytest.mark.urls("tests.helpers.failing_urls")
def test_a_lost_database_connection_is_a_503_page_with_retry_after():
    response = Client(raise_request_exception=False).get("/database-down/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Temporarily unavailable" in response.content.decode()
    style = BeautifulSoup(response.content, "html.parser").style.string
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in response["Content-Security-Policy"]
