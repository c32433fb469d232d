"""Blocks that research prose needs: a table of figures and numbered notes.

wagtail-footnotes would number notes itself, but it does not declare support for Wagtail 8; an
editor marks a note in the text as superscript and links it to the note's anchor instead."""

from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock

CELL_FEATURES = ["bold", "italic", "link", "superscript"]
NOTE_FEATURES = ["italic", "link", "document-link"]


class TableBlock(TypedTableBlock):
    """A table whose columns each hold one kind of cell; the first column heads its row."""

    text = blocks.CharBlock(label="Text")
    figure = blocks.CharBlock(label="Figure", help_text='A number as it should read, e.g. "$4,500" or "18%".')
    rich_text = blocks.RichTextBlock(label="Formatted text", features=CELL_FEATURES)

    class Meta:
        icon = "table"
        template = "components/blocks/table_block.html"
        description = "A table of text and figures, with a caption"
        preview_value = {
            "caption": "Earnings gains of sector initiative participants",
            "columns": [
                {"type": "text", "heading": "Study"},
                {"type": "figure", "heading": "Earnings gain"},
            ],
            "rows": [
                {"values": ["Sectoral Employment Impact Study, two years", "$4,500 (18%)"]},
                {"values": ["Sectoral Employment Impact Study, second year", "29%"]},
            ],
        }


class NotesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(default="Notes", max_length=60)
    notes = blocks.ListBlock(
        blocks.RichTextBlock(features=NOTE_FEATURES),
        min_num=1,
        help_text=(
            "Numbered from 1 in this order. Mark a note in the text as superscript (x²) and link it "
            "to the anchor note-1, note-2, ... so that readers can jump to it."
        ),
    )

    class Meta:
        icon = "list-ol"
        template = "components/blocks/notes_block.html"
        description = "Numbered notes and sources at the end of the text"
        preview_value = {
            "heading": "Notes",
            "notes": [
                "<p>Maguire et al., <i>Tuning In to Local Labor Markets</i> (Public/Private Ventures, 2010).</p>",
                "<p>Aspen Institute, Sectoral Employment Development Learning Project.</p>",
            ],
        }
