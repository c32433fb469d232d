"""An editor cannot put script on a public page: hostile text and link targets posted through
the admin's own page form, in rich text and in every body block that takes text or an address,
are refused or published as harmless text."""

import pytest
from bs4 import BeautifulSoup
from django.utils.html import escape
from wagtail_factories import DocumentFactory, ImageFactory

from tests.helpers.admin_forms import staff_client, standard_page_form
from tests.helpers.injection import HOSTILE_TEXT, HOSTILE_URLS, executable_content, rich_text_with_links
from wsi.embeds import NOT_EMBEDDABLE
from wsi.models import StandardPage

pytestmark = pytest.mark.django_db

TEXT = " ".join(HOSTILE_TEXT)
URL = "Enter a valid URL."


def hostile_body(image, document, url="https://example.org/next"):
    """Every block of the body, each text field filled with hostile text; ``url`` is the call
    to action's address."""
    chart_row = {"value": {"label": TEXT[:80], "value": "3", "second_value": "4"}, "deleted": "", "order": "0"}
    return [
        ("heading", {"text": TEXT, "level": "h2"}),
        ("paragraph", rich_text_with_links(TEXT, HOSTILE_URLS)),
        ("image", {"image": {"image": image.pk, "alt_text": TEXT}, "caption": TEXT}),
        ("quote", {"quote": TEXT, "attribution": TEXT}),
        ("call_to_action", {"heading": TEXT, "text": TEXT, "page": "", "url": url, "button_label": TEXT}),
        ("document", {"document": document.pk, "title": TEXT}),
        (
            "chart",
            {
                "title": TEXT,
                "unit": "number",
                "first_series": TEXT[:60],
                "second_series": TEXT[:60],
                "rows": {"count": "1", "0": chart_row},
                "source": TEXT,
            },
        ),
    ]


@pytest.fixture
def files():
    return ImageFactory(title=TEXT[:255]), DocumentFactory(title=TEXT[:255])


def publish(editor, home, body):
    return editor.post(f"/admin/pages/add/wsi/standardpage/{home.pk}/", standard_page_form("Hostile", "hostile", body))


def test_hostile_text_and_links_in_every_block_are_published_harmless(client, home, files):
    response = publish(staff_client(), home, hostile_body(*files))

    assert response.status_code == 302, response.context["form"].errors.as_data()["body"][0].as_json_data()
    html = client.get("/hostile/").content.decode()
    assert executable_content(html) == []
    stream = BeautifulSoup(html, "html.parser").select_one(".stream")
    assert stream.h2.get_text() == TEXT
    assert stream.select_one(".rich-text p").get_text() == TEXT
    assert stream.select_one(".image-block img")["alt"] == TEXT
    assert stream.select_one(".image-block figcaption").get_text() == TEXT
    assert stream.select_one(".cta .button").get_text() == TEXT
    assert stream.select_one(".block-chart__title").get_text() == TEXT
    # The links keep their words; an address with a script scheme is dropped, not rewritten.
    links = {a.get_text(): a.get("href") for a in stream.select(".rich-text a")}
    assert links == {f"Link number {number}": None for number in range(4)} | {
        "Link number 3": "&#106;avascript:alert(7)",
        "Link number 4": None,
        "Link number 5": None,
    }


@pytest.mark.parametrize(
    ("block", "value", "message"),
    [
        ("call_to_action", {"heading": "Next", "page": "", "url": "javascript:alert(1)", "button_label": "Go"}, URL),
        ("call_to_action", {"heading": "Next", "page": "", "url": "data:text/html,x", "button_label": "Go"}, URL),
        ("embed", "javascript:alert(1)", NOT_EMBEDDABLE),
    ],
)
def test_an_address_with_a_script_scheme_is_refused(client, home, block, value, message):
    response = publish(staff_client(), home, [(block, value)])

    assert response.status_code == 200
    assert escape(message) in response.content.decode()
    assert not StandardPage.objects.filter(slug="hostile").exists()
