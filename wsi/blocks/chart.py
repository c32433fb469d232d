"""A bar chart that staff fill in with figures and the server draws as SVG: no JavaScript, and
the same figures as a data table for screen readers and as text for everyone."""

import textwrap
import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

UNITS = [("dollars", "Dollars ($)"), ("percent", "Percent (%)"), ("number", "Number")]
SERIES_COLOURS = ("#14365d", "#a3431f")

# Pixel sizes of the drawing. Bars are as wide as a share of the column, so the chart fits any
# screen without scaling its text down.
LINE_HEIGHT = 20
# Text is wrapped at this many characters, what a 320-pixel-wide screen shows at 14 pixels.
WRAP_AT = 36
BAR_HEIGHT = 22
BAR_GAP = 6
ROW_GAP = 12


def format_figure(value, unit):
    """7000 -> "$7,000", 78 -> "78%", 2.50 -> "2.5"."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    if unit == "dollars":
        return f"${text}"
    if unit == "percent":
        return f"{text}%"
    return text


class ChartRowBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=80, help_text='What the bar measures, e.g. "One year after training".')
    value = blocks.DecimalBlock(min_value=0, max_digits=12, decimal_places=2)
    second_value = blocks.DecimalBlock(
        required=False, min_value=0, max_digits=12, decimal_places=2, help_text="Only for a chart with two series."
    )

    class Meta:
        icon = "list-ul"
        label = "Value"


class BarChartBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, help_text="Says what the chart shows; also its accessible name.")
    unit = blocks.ChoiceBlock(choices=UNITS, default="number")
    first_series = blocks.CharBlock(
        required=False, max_length=60, help_text='Name the series when there are two, e.g. "Before training".'
    )
    second_series = blocks.CharBlock(
        required=False, max_length=60, help_text='Naming a second series, e.g. "After training", draws two bars a row.'
    )
    rows = blocks.ListBlock(ChartRowBlock(), min_num=1, max_num=12, label="Values")
    source = blocks.CharBlock(required=False, max_length=250, help_text="Where the figures come from.")

    class Meta:
        icon = "table"
        template = "components/blocks/chart_block.html"
        description = "A bar chart drawn from figures you enter, with the figures as a table and as text"
        preview_value = {
            "title": "Employer-provided health insurance",
            "unit": "percent",
            "first_series": "Year before training",
            "second_series": "One year after training",
            "rows": [{"label": "Participants with health insurance", "value": 50, "second_value": 78}],
            "source": "Sectoral Employment Development Learning Project",
        }

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value["second_series"]:
            if not value["first_series"]:
                errors["first_series"] = ValidationError("Name both series, or neither.")
            if any(row["second_value"] is None for row in value["rows"]):
                errors["rows"] = ValidationError("Every value needs a second value when there are two series.")
        elif any(row["second_value"] is not None for row in value["rows"]):
            errors["second_series"] = ValidationError("Name the second series, or remove the second values.")
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["chart"] = Chart.from_value(value)
        return context


@dataclass(frozen=True)
class Line:
    strong: str  # drawn bold: a row's label
    plain: str
    y: int


@dataclass(frozen=True)
class Bar:
    lines: list  # the series' name and figure, when there are two series
    y: int
    percent: float
    colour: str
    height: int = BAR_HEIGHT


@dataclass(frozen=True)
class Row:
    label: str
    lines: list  # the label, and the figure too when there is one series
    figures: list  # [(series name, formatted figure)] in series order
    bars: list


@dataclass(frozen=True)
class Chart:
    """The geometry and text of one chart, ready for the template: each row's label, then for
    each series a line with its figure and a bar drawn to scale."""

    id: str
    title: str
    series: list
    rows: list
    height: int

    @classmethod
    def from_value(cls, value):
        unit = value["unit"]
        series = [value["first_series"] or "Value"]
        if value["second_series"]:
            series.append(value["second_series"])
        numbers = [[row["value"]] + ([row["second_value"]] if len(series) == 2 else []) for row in value["rows"]]
        highest = max(number for row in numbers for number in row)
        # Percentages are drawn against 100%, so that 50% looks like half.
        scale = max(highest, 100) if unit == "percent" else highest or 1

        y = 0
        rows = []
        for row, row_numbers in zip(value["rows"], numbers, strict=True):
            figures = [(name, format_figure(number, unit)) for name, number in zip(series, row_numbers, strict=True)]
            # With one series the figure follows the label; with two, each bar has its own line.
            lines = _label_lines(row["label"], figures[0][1] if len(series) == 1 else "", y)
            y += LINE_HEIGHT * len(lines)
            bars = []
            for index, ((name, figure), number) in enumerate(zip(figures, row_numbers, strict=True)):
                bar_lines = []
                if len(series) == 2:
                    bar_lines = _lines([("", text) for text in textwrap.wrap(f"{name}: {figure}", WRAP_AT)], y)
                    y += LINE_HEIGHT * len(bar_lines)
                percent = round(float(number / scale) * 100, 1)
                bars.append(Bar(lines=bar_lines, y=y, percent=percent, colour=SERIES_COLOURS[index]))
                y += BAR_HEIGHT + BAR_GAP
            rows.append(Row(label=row["label"], lines=lines, figures=figures, bars=bars))
            y += ROW_GAP
        height = y - ROW_GAP - BAR_GAP
        return cls(id=f"chart-{uuid.uuid4().hex[:8]}", title=value["title"], series=series, rows=rows, height=height)

    @property
    def summary(self):
        """The figures in one sentence: the chart's description and its text for search engines."""
        parts = []
        for row in self.rows:
            if len(self.series) == 1:
                parts.append(f"{row.label}: {row.figures[0][1]}")
            else:
                parts.append(f"{row.label}: " + ", ".join(f"{name} {figure}" for name, figure in row.figures))
        return "; ".join(parts) + "."


def _label_lines(label, figure, top):
    """The label wrapped to the width of a phone, then ": figure" on its last line if it fits
    there, else alone on a line of its own."""
    wrapped = [[text, ""] for text in textwrap.wrap(label, WRAP_AT) or [""]]
    if figure:
        if len(wrapped[-1][0]) + len(figure) + 2 <= WRAP_AT:
            wrapped[-1][1] = f": {figure}"
        else:
            wrapped.append(["", figure])
    return _lines(wrapped, top)


def _lines(texts, top):
    """(strong, plain) texts as lines drawn one under the other from ``top``."""
    return [Line(strong, plain, top + 15 + LINE_HEIGHT * number) for number, (strong, plain) in enumerate(texts)]


def chart_text(value):
    """A chart block's title and figures as plain text."""
    return f"{value['title']}. {Chart.from_value(value).summary}"
