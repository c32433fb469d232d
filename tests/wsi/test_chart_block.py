import xml.etree.ElementTree as ET
from decimal import Decimal
from itertools import pairwise

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from wsi.blocks import BodyBlock
from wsi.blocks.chart import BarChartBlock, format_figure
from wsi.factories import StandardPageFactory

SVG = "{http://www.w3.org/2000/svg}"

EARNINGS = {
    "title": "Rise in average annual earnings after training",
    "unit": "dollars",
    "first_series": "",
    "second_series": "",
    "rows": [
        {"label": "One year after training", "value": Decimal("7000"), "second_value": None},
        {"label": "Two years after training", "value": Decimal("10000"), "second_value": None},
    ],
    "source": "Sectoral Employment Development Learning Project",
}
INSURANCE = {
    "title": "Participants with employer-provided health insurance",
    "unit": "percent",
    "first_series": "Year before training",
    "second_series": "One year after training",
    "rows": [{"label": "Health insurance", "value": Decimal("50"), "second_value": Decimal("78")}],
    "source": "",
}


def render(data):
    block = BarChartBlock()
    return BeautifulSoup(block.render(block.to_python(data)), "html.parser")


def svg_of(soup):
    """The chart as parsed by a strict XML parser: it fails on anything that is not valid SVG."""
    return ET.fromstring(str(soup.find("svg")))


def test_figures_are_formatted_for_their_unit():
    assert format_figure(Decimal("7000"), "dollars") == "$7,000"
    assert format_figure(Decimal("78.00"), "percent") == "78%"
    assert format_figure(Decimal("2.50"), "number") == "2.5"
    assert format_figure(Decimal("1234567"), "number") == "1,234,567"


def test_chart_is_valid_svg_with_an_accessible_name_and_description():
    soup = render(EARNINGS)

    svg = svg_of(soup)
    assert svg.get("role") == "img"
    title_id, desc_id = svg.get("aria-labelledby").split()
    assert svg.find(f"{SVG}title").get("id") == title_id
    assert svg.find(f"{SVG}title").text == "Rise in average annual earnings after training"
    assert svg.find(f"{SVG}desc").get("id") == desc_id
    assert "One year after training: $7,000; Two years after training: $10,000." in svg.find(f"{SVG}desc").text


def text_lines(svg):
    return ["".join(text.itertext()) for text in svg.iter(f"{SVG}text")]


def bar_widths(svg):
    return [rect.get("width") for rect in svg.iter(f"{SVG}rect")]


def test_bars_are_drawn_to_scale_and_labelled_with_their_figures():
    svg = svg_of(render(EARNINGS))

    assert bar_widths(svg) == ["70.0%", "100.0%"]
    assert text_lines(svg) == ["One year after training: $7,000", "Two years after training: $10,000"]
    bar_tops = [int(rect.get("y")) for rect in svg.iter(f"{SVG}rect")]
    assert bar_tops[-1] + 22 == int(svg.get("height"))


def test_data_table_and_text_carry_the_same_figures():
    soup = render(EARNINGS)

    table = soup.select_one(".visually-hidden > table")
    assert table.caption.get_text() == "Rise in average annual earnings after training"
    rows = [[cell.get_text() for cell in row.find_all(["th", "td"])] for row in table.find_all("tr")]
    assert rows == [
        ["Category", "Value"],
        ["One year after training", "$7,000"],
        ["Two years after training", "$10,000"],
    ]
    assert soup.figcaption.get_text() == "Rise in average annual earnings after training"
    figures = [item.get_text() for item in soup.select(".block-chart__figures li")]
    assert figures == ["One year after training: $7,000", "Two years after training: $10,000"]
    assert (
        soup.select_one(".block-chart__source").get_text() == "Source: Sectoral Employment Development Learning Project"
    )


def test_two_series_draw_two_bars_a_row_each_named_with_its_figure():
    soup = render(INSURANCE)

    svg = svg_of(soup)
    bars = list(svg.iter(f"{SVG}rect"))
    assert bars[0].get("fill") != bars[1].get("fill")
    # Percentages are drawn against 100%, so that 50% looks like half.
    assert bar_widths(svg) == ["50.0%", "78.0%"]
    assert text_lines(svg) == ["Health insurance", "Year before training: 50%", "One year after training: 78%"]
    header = [cell.get_text() for cell in soup.find("table").thead.find_all("th")]
    assert header == ["Category", "Year before training", "One year after training"]
    assert [cell.get_text() for cell in soup.find("table").tbody.find_all("td")] == ["50%", "78%"]
    assert soup.select_one(".block-chart__figures li").get_text() == (
        "Health insurance: Year before training 50%, One year after training 78%"
    )


@pytest.mark.parametrize("second_series", ["", "Workers who completed the whole sector training programme"])
def test_long_labels_wrap_to_a_phone_width_and_nothing_overlaps(second_series):
    long_label = "Participants working in the sector they trained for, one year after the programme"
    chart = {
        **INSURANCE,
        "first_series": "Comparison group" if second_series else "",
        "second_series": second_series,
        "rows": [
            {"label": long_label, "value": Decimal("50"), "second_value": Decimal("78") if second_series else None}
        ],
    }

    svg = svg_of(render(chart))

    lines = text_lines(svg)
    assert all(len(line) <= 36 for line in lines)
    assert " ".join(lines).startswith(long_label)
    assert "78%" in lines[-1] if second_series else lines[-1].endswith("50%")
    # Top to bottom: every line of text, then its bar, each clear of what came before.
    tops = [
        (int(element.get("y")) - 15, 20) if element.tag == f"{SVG}text" else (int(element.get("y")), 22)
        for element in svg
        if element.tag in (f"{SVG}text", f"{SVG}rect")
    ]
    assert all(top + height <= next_top for (top, height), (next_top, _) in pairwise(tops))
    assert tops[-1][0] + 22 == int(svg.get("height"))


def test_two_charts_on_a_page_have_different_ids():
    first, second = svg_of(render(EARNINGS)), svg_of(render(EARNINGS))

    assert first.get("aria-labelledby") != second.get("aria-labelledby")


def test_titles_and_labels_are_escaped():
    data = dict(EARNINGS, title='Earnings <script>alert("x")</script> & more')

    soup = render(data)

    assert soup.find("script") is None
    assert svg_of(soup).find(f"{SVG}title").text == 'Earnings <script>alert("x")</script> & more'


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"second_series": "After training"}, "rows"),
        ({"rows": [{"label": "A", "value": "1", "second_value": "2"}]}, "second_series"),
        (
            {"second_series": "After", "rows": [{"label": "A", "value": "1", "second_value": "2"}]},
            "first_series",
        ),
    ],
)
def test_series_and_values_must_match(changes, field):
    block = BarChartBlock()
    data = {**EARNINGS, **changes}

    with pytest.raises(ValidationError) as error:
        block.clean(block.to_python(data))

    assert field in error.value.block_errors


def test_negative_values_are_refused():
    block = BarChartBlock()
    data = dict(EARNINGS, rows=[{"label": "A", "value": "-5", "second_value": None}])

    with pytest.raises(ValidationError):
        block.clean(block.to_python(data))


def test_any_page_body_can_hold_a_chart(client, home):
    assert "chart" in BodyBlock.base_blocks
    page = StandardPageFactory(parent=home, body=[{"type": "chart", "value": EARNINGS}])

    soup = BeautifulSoup(client.get(page.url).content, "html.parser")

    assert soup.select_one(".stream svg[role=img]") is not None
    assert "$10,000" in soup.select_one(".stream table").get_text()
