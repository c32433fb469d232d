from wagtail import blocks

from wsi.blocks import ParagraphBlock
from wsi.blocks.chart import BarChartBlock

ANSWER_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class AnswerBlock(blocks.StreamBlock):
    """An answer is text, with a chart where figures read better drawn."""

    text = ParagraphBlock(
        features=ANSWER_FEATURES,
        preview_value="<p>Sector initiatives serve <b>both</b> workers and employers.</p>",
        description="Formatted text: links, lists, bold and italic",
    )
    chart = BarChartBlock()

    class Meta:
        min_num = 1


class SeeAlsoBlock(blocks.StreamBlock):
    page = blocks.PageChooserBlock(
        icon="doc-empty-inverse",
        description="A page the answer refers to, such as a publication",
    )
