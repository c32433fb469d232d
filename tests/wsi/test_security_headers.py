"""Content-Security-Policy and Permissions-Policy headers: strict on public pages, listings
and feeds, relaxed for Wagtail's admin only, and sent as report-only when the switch is on."""

import os
import subprocess
import sys

import pytest
from django.contrib.auth import get_user_model

from resources.events.factories import make_events_section
from wsi.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def directives(response, header="Content-Security-Policy"):
    return {
        name: values for name, *values in (part.split() for part in response.headers[header].split(";") if part.strip())
    }


def assert_strict(policy):
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert set(policy["frame-src"]) == {
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
        "https://w.soundcloud.com",
    }
    assert not any("unsafe" in value for values in policy.values() for value in values)


@pytest.fixture
def events(home):
    return make_events_section(home)[0]


def test_public_page_listing_and_feeds_get_the_strict_policy(client, home, events):
    page = StandardPageFactory(parent=home)
    for url in [home.url, page.url, events.url, events.url + "feed/rss/", events.url + "calendar/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_strict(directives(response))


def test_every_response_denies_powerful_features_but_lets_players_go_full_screen(client, home):
    policy = dict(part.strip().split("=", 1) for part in client.get(home.url).headers["Permissions-Policy"].split(","))
    for feature in ["camera", "microphone", "geolocation", "payment", "usb", "browsing-topics", "interest-cohort"]:
        assert policy[feature] == "()"
    assert policy["fullscreen"].startswith('(self "https://www.youtube.com"')
    assert '"https://player.vimeo.com"' in policy["picture-in-picture"]
    assert (
        client.get("/no-such-page/").headers["Permissions-Policy"] == client.get(home.url).headers["Permissions-Policy"]
    )


def test_admin_login_and_dashboard_allow_inline_code_and_their_own_frames(client, home):
    login = client.get("/admin/login/")
    assert login.status_code == 200
    policy = directives(login)
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]

    admin = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(admin)
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert directives(dashboard)["style-src"] == ["'self'", "'unsafe-inline'"]
    # A staff member on the public site still gets the strict policy.
    assert_strict(directives(client.get(home.url)))


def test_report_only_switch_sends_the_same_policy_without_enforcing_it(client, home, settings):
    enforced = directives(client.get(home.url))
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = settings.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY = None
    response = client.get(home.url)
    assert "Content-Security-Policy" not in response.headers
    assert directives(response, "Content-Security-Policy-Report-Only") == enforced


@pytest.mark.parametrize(("value", "expected"), [("true", "False True"), ("false", "True False")])
def test_the_environment_switch_chooses_the_header(value, expected):
    script = (
        "import django; from django.conf import settings; django.setup(); "
        "print(bool(settings.CONTENT_SECURITY_POLICY), bool(settings.CONTENT_SECURITY_POLICY_REPORT_ONLY))"
    )
    env = {**os.environ, "CSP_REPORT_ONLY": value, "DJANGO_SETTINGS_MODULE": "wsi.settings.test"}
    output = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert output.stdout.strip() == expected


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"])
def test_the_public_site_answers_only_get_head_and_post(client, home, method):
    page = StandardPageFactory(parent=home, title="Our story")

    response = client.generic(method, page.url)

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST"
    assert response.content == b""


def test_the_admin_keeps_its_own_methods(admin_client, home):
    assert admin_client.options("/admin/").status_code == 200


def test_a_preview_in_the_admins_panel_may_be_framed_by_the_site_only(client, home):
    page = StandardPageFactory(parent=home, title="Who We Are")
    client.force_login(get_user_model().objects.create_superuser("editor", "editor@example.org", "pw"))
    preview_url = f"/admin/pages/{page.pk}/edit/preview/"
    form = {"title": "Who We Are, previewed", "slug": page.slug, "body-count": "0"}

    assert client.post(preview_url, form).json()["is_valid"]
    preview = client.get(preview_url + "?in_preview_panel=true")

    assert "Who We Are, previewed" in preview.content.decode()
    assert preview.headers["X-Frame-Options"] == "SAMEORIGIN"
    policy = directives(preview)
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    public = client.get(page.url)
    assert public.headers["X-Frame-Options"] == "DENY"
    assert_strict(directives(public))
