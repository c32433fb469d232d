"""The blocks of a page body as an editor meets them (the block picker's preview) and as a
reader sees them on the page."""

import pytest
from bs4 import BeautifulSoup
from wagtail.blocks.stream_block import StreamBlockValidationError

from wsi.blocks import BodyBlock
from wsi.factories import StandardPageFactory
from wsi.models import StandardPage

pytestmark = pytest.mark.django_db

# What each block's preview shows, from its Meta.preview_value.
PREVIEWS = {
    "heading": "Why sector strategies work",
    "paragraph": "bring employers to the table",
    "quote": "The function, not the institution, defines a sector initiative.",
    "call_to_action": "Browse the library",
    "document": None,  # a download link needs a document: the preview shows the block's description
    "chart": "Employer-provided health insurance",
    "table": "Earnings gains of sector initiative participants",
    "notes": "Tuning In to Local Labor Markets",
    "image": None,
}


@pytest.mark.parametrize("name", PREVIEWS)
def test_every_body_block_has_a_preview_in_the_block_picker(admin_client, name):
    block = BodyBlock().child_blocks[name]
    assert block.meta.icon and block.meta.icon != "placeholder", name
    assert block.meta.description, name
    assert block.is_previewable, name

    response = admin_client.get("/admin/block-preview/", {"id": block.definition_prefix})

    assert response.status_code == 200
    if PREVIEWS[name]:
        assert PREVIEWS[name] in response.content.decode()


def _render(client, home, *stream):
    page = StandardPageFactory(parent=home, body=list(stream))
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one(".stream")


def test_a_table_shows_its_caption_headings_and_figures(client, home):
    stream = _render(
        client,
        home,
        {
            "type": "table",
            "value": {
                "caption": "Earnings after training",
                "columns": [
                    {"type": "text", "heading": "Initiative"},
                    {"type": "figure", "heading": "Gain"},
                    {"type": "rich_text", "heading": "Note"},
                ],
                "rows": [
                    {"values": ["Jewish Vocational Service", "$4,500", "<p>Two years<sup>1</sup></p>"]},
                    {"values": ["Wisconsin Regional Training Partnership", "29%", "<p><i>Second year</i></p>"]},
                ],
            },
        },
    )

    table = stream.select_one("figure.table-block table")
    assert table.caption.get_text() == "Earnings after training"
    assert [th.get_text() for th in table.thead.find_all("th", scope="col")] == ["Initiative", "Gain", "Note"]
    first, second = table.tbody.find_all("tr")
    assert first.find("th", scope="row").get_text(strip=True) == "Jewish Vocational Service"
    assert [td.get_text(strip=True) for td in first.find_all("td")] == ["$4,500", "Two years1"]
    assert first.find("td", class_="table-block__figure").get_text(strip=True) == "$4,500"
    assert first.sup.get_text() == "1"
    assert second.i.get_text() == "Second year"


def test_superscript_note_marks_link_to_numbered_notes(client, home):
    stream = _render(
        client,
        home,
        {"type": "paragraph", "value": '<p>Earnings rose by 18%<sup><a href="#note-1">1</a></sup>.</p>'},
        {
            "type": "notes",
            "value": {
                "heading": "Sources",
                "notes": ["<p>Maguire et al., <i>Tuning In to Local Labor Markets</i>, 2010.</p>", "<p>Second.</p>"],
            },
        },
    )

    mark = stream.select_one(".rich-text sup a")
    assert mark["href"] == "#note-1"
    notes = stream.select_one("section.notes-block")
    assert notes.h2.get_text() == "Sources"
    assert [(li["id"], li.get_text()) for li in notes.select("ol li")] == [
        ("note-1", "Maguire et al., Tuning In to Local Labor Markets, 2010."),
        ("note-2", "Second."),
    ]


def test_superscript_is_offered_in_body_text_and_kept_on_save(home):
    paragraph = BodyBlock().child_blocks["paragraph"]
    assert "superscript" in paragraph.features

    page = StandardPageFactory(parent=home, body=[{"type": "paragraph", "value": "<p>x<sup>2</sup></p>"}])

    assert "<sup>2</sup>" in StandardPage.objects.get(pk=page.pk).body[0].value.source


def test_a_quote_shows_its_source(client, home):
    stream = _render(
        client,
        home,
        {"type": "quote", "value": {"quote": "Sector strategies work.", "attribution": "A practitioner"}},
    )

    quote = stream.select_one("figure.quote-block")
    assert quote.blockquote.get_text(strip=True) == "Sector strategies work."
    assert quote.figcaption.get_text() == "A practitioner"


def test_only_one_notes_block_per_page_so_that_anchors_stay_unique():
    body = BodyBlock()
    notes = {"heading": "Notes", "notes": ["<p>One.</p>"]}
    value = body.to_python([{"type": "notes", "value": notes}, {"type": "notes", "value": notes}])

    with pytest.raises(StreamBlockValidationError) as refused:
        body.clean(value)
    assert [error.message for error in refused.value.non_block_errors.data] == [
        "Notes: The maximum number of items is 1"
    ]
