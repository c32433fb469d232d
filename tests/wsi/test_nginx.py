"""Compose's nginx config (docker/nginx/default.conf), run by Debian's nginx in front of the live
test server: the site sees the host and port the visitor used, so that on the local stack at
:8080 the userbar talks to the right origin and forms pass Django's CSRF origin check."""

import time
from urllib.parse import urlsplit

import icalendar
import pytest
import requests
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from resources.events.factories import EventIndexPageFactory, EventPageFactory
from tests.wsi.test_svg_images import svg_image
from wsi.demo_kit import demo_image
from wsi.factories import ContactPageFactory, make_site_root
from wsi.models import ContactSubmission

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_userbar_of_a_logged_in_editor_keeps_the_port(nginx):
    make_site_root()
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "not-used")
    client = Client()
    client.force_login(editor)
    session = requests.Session()
    session.cookies.set(settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value)

    response = session.get(f"{nginx}/", timeout=10)

    assert response.status_code == 200
    userbar = BeautifulSoup(response.text, "html.parser").find(attrs={"data-wagtail-userbar": True})
    assert userbar is not None, "no Wagtail userbar on the home page of a logged-in editor"
    assert userbar["data-wagtail-userbar-origin"] == f"//{urlsplit(nginx).netloc}"


def test_the_contact_form_posted_through_nginx_passes_the_origin_check(nginx):
    contact = ContactPageFactory(parent=make_site_root())
    url = f"{nginx}{contact.url}"
    session = requests.Session()
    page = session.get(url, timeout=10)
    assert "csrfmiddlewaretoken" not in page.text and not page.cookies

    # What a browser sends with a form POST: the page's origin, which carries the port.
    response = session.post(
        url,
        data={"name": "Ana Ruiz", "email": "ana@example.org", "organisation": "", "message": "Could we republish it?"},
        headers={"Origin": nginx, "Referer": url},
        timeout=10,
    )

    assert response.status_code == 200, response.text[:500]
    assert "Thank you for your message" in response.text
    assert ContactSubmission.objects.filter(form_data__email="ana@example.org").exists()


def test_pages_leave_nginx_compressed(nginx):
    make_site_root()
    compressed = requests.get(f"{nginx}/", headers={"Accept-Encoding": "gzip"}, timeout=10)
    assert compressed.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed.headers["Vary"]
    plain = requests.get(f"{nginx}/", headers={"Accept-Encoding": "identity"}, timeout=10)
    assert "Content-Encoding" not in plain.headers
    assert "</html>" in compressed.text  # requests inflates it


@pytest.mark.parametrize(("forwarded", "scheme"), [({}, "http"), ({"X-Forwarded-Proto": "https"}, "https")])
def test_an_events_calendar_links_to_the_page_with_the_visitors_port_and_scheme(nginx, forwarded, scheme):
    """The .ics file's URL comes from request.build_absolute_uri; behind a TLS terminator
    (production.env) the scheme is the one it forwards."""
    event = EventPageFactory(parent=EventIndexPageFactory(parent=make_site_root()))

    response = requests.get(f"{nginx}{event.url}calendar/", headers=forwarded, timeout=10)

    assert response.status_code == 200
    [entry] = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(entry["URL"]) == f"{scheme}://{urlsplit(nginx).netloc}{event.url}"


def logged_lines(path, count, timeout=5):
    """The access log once it holds ``count`` lines: nginx writes a request's line after the
    client has its response."""
    deadline = time.monotonic() + timeout
    while (log := path.read_text()).count("\n") < count and time.monotonic() < deadline:
        time.sleep(0.05)
    return log


def test_the_access_log_holds_no_query_string_or_link_token(nginx, tmp_path):
    make_site_root()
    for path in ["/search/?q=my+private+search", "/mailing-list/confirm/Tok3nS3cr3t/?utm=Tok3nS3cr3t", "/?a=b"]:
        requests.get(f"{nginx}{path}", headers={"Referer": f"{nginx}/mailing-list/unsubscribe/Tok3nS3cr3t/"})

    log = logged_lines(tmp_path / "access.log", 3)

    assert '"GET /search/ HTTP/1.1" 200' in log
    assert '"GET /mailing-list/confirm/[redacted] HTTP/1.1"' in log
    assert '"GET / HTTP/1.1" 200' in log
    assert "private" not in log
    assert "Tok3nS3cr3t" not in log


def test_an_svg_image_is_served_sandboxed_and_photos_are_not(nginx):
    make_site_root()
    logo = svg_image()
    photo = demo_image("A photo", seed=1, description="Bands and circles", size=(200, 100))

    svg = requests.get(f"{nginx}{logo.get_rendition('width-120|preserve-svg').url}", timeout=10)
    png = requests.get(f"{nginx}{photo.get_rendition('width-100').url}", timeout=10)

    assert svg.status_code == 200
    assert svg.headers["Content-Type"] == "image/svg+xml"
    assert svg.headers["Content-Security-Policy"] == "sandbox"
    assert svg.headers["X-Content-Type-Options"] == "nosniff"
    assert png.status_code == 200
    assert "Content-Security-Policy" not in png.headers


@pytest.mark.browser
def test_an_svg_opened_in_the_browser_never_runs_its_script(nginx, page):
    """What an editor would do: open the image at its own address, from the site's origin."""
    home = make_site_root()
    home.hero_image = svg_image()
    home.save_revision().publish()

    assert page.goto(f"{nginx}/").status == 200
    rendition = page.locator(".hero__image").get_attribute("src")
    assert rendition.endswith(".svg")

    assert page.goto(f"{nginx}{rendition}").status == 200
    assert page.locator("rect").count() == 1, "the SVG was not displayed"
    assert page.locator("#script-ran").count() == 0, "the SVG's script ran"
