import pytest
from bs4 import BeautifulSoup

from resources.library.factories import ResourceIndexPageFactory, ResourcePageFactory, TopicFactory
from tests.helpers.database import rolled_back
from wsi.factories import make_site_root

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def library(django_db_setup, django_db_blocker):
    yield from rolled_back(django_db_blocker, library_of_reports)


def library_of_reports():
    library = ResourceIndexPageFactory(parent=make_site_root())
    topic = TopicFactory(name="Worker Outcomes", slug="worker-outcomes")
    for number in range(25):
        ResourcePageFactory(parent=library, title=f"Report {number}", topics=[topic])
    return library


def notices(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [li.get_text() for li in soup.select(".listing-notices li")]


def test_unknown_values_are_ignored_with_a_notice(client, library):
    response = client.get(library.url, {"topic": ["worker-outcomes", "no-such"], "type": "novel", "year": "someday"})

    assert response.status_code == 200
    assert notices(response) == [
        "There is no topic “no-such”, so it was left out of the filters.",
        "There is no resource type “novel”, so it was left out of the filters.",
        "“someday” is not a year or a decade, so it was left out of the filters.",
    ]
    assert "Showing 1–20 of 25 resources." in response.content.decode()


def test_unknown_sort_falls_back_with_a_notice(client, library):
    response = client.get(library.url, {"sort": "random"})

    assert notices(response) == ["There is no sort order “random”; the results are sorted Newest first."]


@pytest.mark.parametrize(
    ("page", "shown", "notice"),
    [
        ("abc", "Showing 1–20", "“abc” is not a page number; here is the first page."),
        ("99999", "Showing 21–25", "There are only 2 pages of results; here is the last one."),
        ("0", "Showing 1–20", "Pages are numbered from 1; here is the first page."),
        ("-3", "Showing 1–20", "Pages are numbered from 1; here is the first page."),
        ("2", "Showing 21–25", None),
        ("", "Showing 1–20", None),
    ],
)
def test_page_number_is_clamped(client, library, page, shown, notice):
    response = client.get(library.url, {"page": page})

    assert response.status_code == 200
    assert shown in response.content.decode()
    assert notices(response) == ([notice] if notice else [])


def test_a_huge_query_is_truncated(client, library):
    response = client.get(library.url, {"q": "report " * 2000})

    assert response.status_code == 200
    assert notices(response) == ["Your search was shortened to its first 200 characters."]
    value = BeautifulSoup(response.content, "html.parser").select_one("#library-q")["value"]
    assert len(value) <= 200


def test_an_overlong_query_with_control_characters_is_cleaned_and_shortened(client, library):
    response = client.get(library.url, {"q": "\x00report\x1b\t1\x7f " + "x" * 300, "page": "7"})

    value = BeautifulSoup(response.content, "html.parser").select_one("#library-q")["value"]
    assert value == "report 1 " + "x" * 191
    assert notices(response) == [
        "Your search was shortened to its first 200 characters.",
        "There are no results, so there are no other pages.",
    ]


@pytest.mark.parametrize(
    "value",
    [
        "<script>alert('x')</script>",
        "'; DROP TABLE wagtailcore_page; --",
        '" onmouseover="alert(1)',
        "%00\x00null",
        "1' OR '1'='1",
    ],
)
def test_html_and_sql_in_any_parameter_are_harmless(client, library, value):
    for param in ("q", "topic", "type", "year", "sort", "page"):
        response = client.get(library.url, {param: value})
        assert response.status_code == 200, param
        html = response.content.decode()
        assert "<script>alert" not in html
        assert 'onmouseover="alert' not in html
    assert client.get(library.url).content.decode().count("resource-card__title") == 20


def test_bad_input_on_a_topic_section_too(client, library):
    response = client.get("/research-resources/worker-outcomes/", {"page": "zzz", "q": "<b>x</b>" * 100})

    assert response.status_code == 200
    assert "<b>x</b>" not in response.content.decode()
    assert notices(response) == [
        "Your search was shortened to its first 200 characters.",
        "“zzz” is not a page number; here is the first page.",
    ]
