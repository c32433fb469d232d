"""The one StreamBlock every page body uses, and the blocks it is made of."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from wsi.embeds import NOT_EMBEDDABLE, can_embed

from .chart import BarChartBlock
from .research import NotesBlock, TableBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "superscript", "ol", "ul", "link", "document-link"]


class ParagraphBlock(blocks.RichTextBlock):
    """Formatted text. Each use passes the rich text ``features`` its design can render."""

    class Meta:
        icon = "pilcrow"
        template = "components/blocks/paragraph_block.html"
        preview_value = "<p>Sector strategies <b>bring employers to the table</b>.</p>"
        description = "Formatted text"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock()
    level = blocks.ChoiceBlock(choices=[("h2", "Heading 2"), ("h3", "Heading 3")], default="h2")

    class Meta:
        icon = "title"
        template = "components/blocks/heading_block.html"
        preview_value = {"text": "Why sector strategies work", "level": "h2"}
        description = "A section heading"


class FigureBlock(blocks.StructBlock):
    """An image with Wagtail's alt text field, required unless the editor ticks "decorative";
    choosing an image fills it in from the image's description."""

    image = ImageBlock()
    caption = blocks.CharBlock(required=False)

    class Meta:
        icon = "image"
        template = "components/blocks/image_block.html"
        preview_value = {"caption": "Trainees at a manufacturing workshop"}
        description = "An image with an optional caption"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False)

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote_block.html"
        preview_value = {
            "quote": "The function, not the institution, defines a sector initiative.",
            "attribution": "Workforce Strategies Initiative",
        }
        description = "A pull quote with its source"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock()
    text = blocks.TextBlock(required=False)
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, help_text="Used when no page is chosen.")
    button_label = blocks.CharBlock(default="Learn more")

    class Meta:
        icon = "pick"
        template = "components/blocks/call_to_action_block.html"
        preview_value = {
            "heading": "Read our research",
            "text": "Reports, briefs and tools for practitioners.",
            "url": "https://example.org/",
            "button_label": "Browse the library",
        }
        description = "A highlighted box with a heading and a button"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(required=False, help_text="Defaults to the document's title.")

    class Meta:
        icon = "doc-full"
        template = "components/blocks/document_block.html"
        preview_value = {"title": "Download the report (PDF)"}
        description = "A download link showing the file's format and size"


class PlayerEmbedBlock(EmbedBlock):
    """A player from one of the allowed providers; any other address is refused, saying why,
    before Wagtail asks a provider for it."""

    def clean(self, value):
        if value is not None and value.url and not can_embed(value.url):
            raise ValidationError(NOT_EMBEDDABLE)
        return super().clean(value)


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock(features=RICH_TEXT_FEATURES)
    image = FigureBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentBlock()
    chart = BarChartBlock()
    table = TableBlock()
    notes = NotesBlock()
    embed = PlayerEmbedBlock(
        icon="media",
        template="components/blocks/embed_block.html",
        description="A video or audio player from a URL (YouTube, Vimeo, SoundCloud)",
    )

    class Meta:
        # The notes' anchors (note-1, note-2, ...) must be unique on the page.
        block_counts = {"notes": {"max_num": 1}}
