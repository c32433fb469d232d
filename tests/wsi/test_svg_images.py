"""An SVG in the image library: every page that shows it renders, and the SVG itself, opened
at its own address, never runs the script an uploader may have put in it."""

import pytest
from django.core.files.base import ContentFile
from django.test import RequestFactory
from wagtail.images.models import Image

from wsi.factories import SectionPageFactory, StandardPageFactory
from wsi.media import media

pytestmark = pytest.mark.django_db

# What a hostile editor could upload: the script adds an element when it runs.
HOSTILE_SVG = b"""<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60">
<rect width="120" height="60" fill="#14365d"/>
<script>
const mark = document.createElementNS("http://www.w3.org/2000/svg", "g");
mark.id = "script-ran";
document.documentElement.appendChild(mark);
</script>
</svg>"""


def svg_image(title="Logo of a partner"):
    return Image.objects.create(title=title, file=ContentFile(HOSTILE_SVG, name="partner.svg"))


def test_every_page_that_shows_an_svg_image_renders(client, home):
    logo = svg_image()
    home.hero_image = logo
    home.save_revision().publish()
    section = SectionPageFactory(parent=home, title="About us", slug="about-us")
    page = StandardPageFactory(
        parent=section,
        title="Our partners",
        image=logo,
        body=[{"type": "image", "value": {"image": logo.pk, "decorative": False, "alt_text": "Partner logo"}}],
    )

    for url in ("/", section.url, page.url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert ".svg" in response.content.decode(), f"{url} does not show the SVG"


def test_the_application_serves_svg_media_sandboxed(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "partner.svg").write_bytes(HOSTILE_SVG)
    (tmp_path / "images" / "photo.png").write_bytes(b"\x89PNG\r\n")

    svg = media(RequestFactory().get("/media/images/partner.svg"), "images/partner.svg")
    png = media(RequestFactory().get("/media/images/photo.png"), "images/photo.png")

    assert svg["Content-Type"] == "image/svg+xml"
    assert svg["Content-Security-Policy"] == "sandbox"
    assert svg["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" not in png
