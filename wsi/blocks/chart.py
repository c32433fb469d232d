"""A bar chart that staff fill in with figures and the server draws as SVG: no JavaScript, and
the same figures as a data table for screen readers and as text for everyone."""

import uuid
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

UNITS = [("dollars", "Dollars ($)"), ("percent", "Percent (%)"), ("number", "Number")]
SERIES_COLOURS = ("#14365d", "#a3431f")

# Drawing units of the SVG viewBox; the browser scales the drawing to the column width.
WIDTH = 640
LABEL_HEIGHT = 24
BAR_HEIGHT = 26
BAR_GAP = 4
ROW_GAP = 18
LEGEND_HEIGHT = 34
CHARACTER_WIDTH = 8  # a generous average at 14px, to leave room for the figure after a bar


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
class Bar:
    y: int
    width: float
    colour: str
    text: str

    @property
    def text_x(self):
        return round(self.width + 8, 1)

    @property
    def text_y(self):
        return self.y + 18


@dataclass(frozen=True)
class Row:
    label: str
    label_y: int
    figures: list  # [(series name, formatted figure)] in series order
    bars: list


@dataclass(frozen=True)
class Chart:
    """The geometry and text of one chart, ready for the template."""

    id: str
    title: str
    series: list
    legend: list
    rows: list
    height: int

    @classmethod
    def from_value(cls, value):
        unit = value["unit"]
        series = [value["first_series"] or "Value"]
        if value["second_series"]:
            series.append(value["second_series"])
        numbers = [[row["value"]] + ([row["second_value"]] if len(series) == 2 else []) for row in value["rows"]]
        labels = [[format_figure(number, unit) for number in row] for row in numbers]
        highest = max(number for row in numbers for number in row)
        scale = max(highest, 100) if unit == "percent" else highest or 1
        # Bar labels name their series when there are two, so that colour is not the only cue.
        if len(series) == 2:
            labels = [[f"{text} {name}" for text, name in zip(row, series, strict=True)] for row in labels]
        room = 16 + CHARACTER_WIDTH * max(len(text) for row in labels for text in row)
        longest_bar = max(WIDTH - room, WIDTH // 3)

        y = LEGEND_HEIGHT if len(series) == 2 else 0
        rows = []
        for row, row_numbers, row_labels in zip(value["rows"], numbers, labels, strict=True):
            label_y = y + 17
            y += LABEL_HEIGHT
            bars = []
            for index, (number, text) in enumerate(zip(row_numbers, row_labels, strict=True)):
                width = round(float(number / scale) * longest_bar, 1)
                bars.append(Bar(y=y, width=width, colour=SERIES_COLOURS[index], text=text))
                y += BAR_HEIGHT + BAR_GAP
            figures = [(name, format_figure(number, unit)) for name, number in zip(series, row_numbers, strict=True)]
            rows.append(Row(label=row["label"], label_y=label_y, figures=figures, bars=bars))
            y += ROW_GAP - BAR_GAP
        legend = [(name, SERIES_COLOURS[index], index * WIDTH // 2) for index, name in enumerate(series)]
        return cls(
            id=f"chart-{uuid.uuid4().hex[:8]}",
            title=value["title"],
            series=series,
            legend=legend if len(series) == 2 else [],
            rows=rows,
            height=y,
        )

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


def chart_text(value):
    """A chart block's title and figures as plain text."""
    return f"{value['title']}. {Chart.from_value(value).summary}"
