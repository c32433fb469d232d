import datetime

import bibtexparser
import pytest
import rispy
from bibtexparser import middlewares

from resources.library.citations import apa, bibtex, chicago, ris
from resources.library.factories import PersonFactory, ResourcePageFactory, TopicFactory

pytestmark = pytest.mark.django_db
URL = "https://example.org/research-resources/item/"


@pytest.fixture
def lessons(library):
    people = [
        PersonFactory(name="Maureen Conway", slug="maureen-conway"),
        PersonFactory(name="Amy Blair", slug="amy-blair"),
        PersonFactory(name="Steven L. Dawson", slug="steven-l-dawson"),
    ]
    return ResourcePageFactory(
        parent=library,
        title="Sectoral Strategies for Low-Income Workers: Lessons from the Field",
        slug="lessons",
        publication_date=datetime.date(2007, 10, 22),
        date_precision="year",
        authors=[*people, "Linda Dworak-Muñoz"],
        topics=[TopicFactory(name="Sector Approach", slug="sector-approach")],
    )


@pytest.fixture
def handbook(library):
    return ResourcePageFactory(
        parent=library,
        title="Business Value Assessment for Workforce Development Organizations (Handbook) v1.0",
        slug="handbook",
        resource_type="tool",
        publication_date=datetime.date(2005, 10, 1),
        date_precision="month",
    )


def test_apa_with_several_authors(lessons):
    assert apa(lessons, URL) == (
        "Conway, M., Blair, A., Dawson, S. L., &amp; Dworak-Muñoz, L. (2007). "
        "<i>Sectoral Strategies for Low-Income Workers: Lessons from the Field</i>. The Aspen Institute. " + URL
    )


def test_apa_with_no_named_author_makes_the_publisher_the_author(handbook):
    assert apa(handbook, URL) == (
        "The Aspen Institute. (2005). "
        "<i>Business Value Assessment for Workforce Development Organizations (Handbook) v1.0</i>. " + URL
    )


def test_apa_two_authors_and_no_date(library):
    resource = ResourcePageFactory(
        parent=library, title="Gaining Ground", publication_date=None, authors=["Maureen Conway", "Vickie Choitz"]
    )
    assert (
        apa(resource, URL) == f"Conway, M., &amp; Choitz, V. (n.d.). <i>Gaining Ground</i>. The Aspen Institute. {URL}"
    )


def test_chicago_bibliography_entries(lessons, handbook, library):
    two = ResourcePageFactory(
        parent=library,
        title="A New Measure Deserves a New Way of Measuring",
        publication_date=datetime.date(2015, 2, 1),
        date_precision="month",
        authors=["Maureen Conway", "Vickie Choitz"],
    )

    assert chicago(lessons, URL) == (
        "Conway, Maureen, Amy Blair, Steven L. Dawson, and Linda Dworak-Muñoz. "
        "<i>Sectoral Strategies for Low-Income Workers: Lessons from the Field</i>. The Aspen Institute, 2007. "
        f"{URL}."
    )
    assert chicago(handbook, URL) == (
        "<i>Business Value Assessment for Workforce Development Organizations (Handbook) v1.0</i>. "
        f"The Aspen Institute, October 2005. {URL}."
    )
    assert chicago(two, URL) == (
        "Conway, Maureen, and Vickie Choitz. <i>A New Measure Deserves a New Way of Measuring</i>. "
        f"The Aspen Institute, February 2015. {URL}."
    )


def test_citation_text_is_escaped(library):
    resource = ResourcePageFactory(parent=library, title="<script>alert(1)</script> & more", authors=["Jo <b>Bold</b>"])
    assert "<script>" not in apa(resource, URL)
    assert "<script>" not in chicago(resource, URL)


def parse_bibtex(text):
    library = bibtexparser.parse_string(
        text,
        append_middleware=[
            middlewares.LatexDecodingMiddleware(),
            middlewares.SeparateCoAuthors(),
            middlewares.SplitNameParts(),
            middlewares.MonthIntMiddleware(True),
        ],
    )
    assert library.failed_blocks == []
    [entry] = library.entries
    return entry


def test_bibtex_parses_with_authors_title_and_date(lessons, handbook):
    entry = parse_bibtex(bibtex(lessons, URL))
    assert entry.entry_type == "techreport"
    assert entry.key == "conway2007sectoral"
    assert [(" ".join(a.first), " ".join(a.last)) for a in entry["author"]] == [
        ("Maureen", "Conway"),
        ("Amy", "Blair"),
        ("Steven L.", "Dawson"),
        ("Linda", "Dworak-Muñoz"),
    ]
    assert entry["title"] == "Sectoral Strategies for Low-Income Workers: Lessons from the Field"
    assert entry["year"] == "2007"
    assert "month" not in entry.fields_dict
    assert entry["institution"] == "The Aspen Institute"
    assert entry["url"] == URL

    tool = parse_bibtex(bibtex(handbook, URL))
    assert tool.entry_type == "misc"
    assert tool["month"] == 10
    assert "author" not in tool.fields_dict


def test_bibtex_escapes_special_characters(library):
    resource = ResourcePageFactory(parent=library, title="Wages up 18% & jobs_{kept}", authors=["Ann Lee"])
    entry = parse_bibtex(bibtex(resource, URL))
    assert entry["title"] == "Wages up 18% & jobs_{kept}"


def test_ris_parses_with_type_authors_and_dates(lessons, handbook):
    [record] = rispy.loads(ris(lessons, URL))
    assert record["type_of_reference"] == "RPRT"
    assert record["authors"] == ["Conway, Maureen", "Blair, Amy", "Dawson, Steven L.", "Dworak-Muñoz, Linda"]
    assert record["title"] == "Sectoral Strategies for Low-Income Workers: Lessons from the Field"
    assert record["year"] == "2007"
    assert record["date"] == "2007///"
    assert record["publisher"] == "The Aspen Institute"
    assert record["keywords"] == ["Sector Approach"]
    assert record["urls"] == [URL]

    [tool] = rispy.loads(ris(handbook, URL))
    assert tool["type_of_reference"] == "GEN"
    assert tool["date"] == "2005/10//"


def test_citation_downloads(client, lessons):
    bib = client.get(lessons.url + "cite/bibtex/")
    ris_file = client.get(lessons.url + "cite/ris/")

    assert bib["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert bib["Content-Disposition"] == 'attachment; filename="lessons.bib"'
    assert parse_bibtex(bib.content.decode())["url"] == "http://testserver/research-resources/lessons/"
    assert ris_file["Content-Disposition"] == 'attachment; filename="lessons.ris"'
    assert rispy.loads(ris_file.content.decode())[0]["title"].startswith("Sectoral Strategies")


def test_resource_page_shows_copyable_citations_and_download_links(client, lessons):
    html = client.get(lessons.url).content.decode()

    assert "Conway, M., Blair, A., Dawson, S. L., &amp; Dworak-Muñoz, L. (2007)." in html
    assert "Conway, Maureen, Amy Blair, Steven L. Dawson, and Linda Dworak-Muñoz." in html
    assert 'href="/research-resources/lessons/cite/bibtex/"' in html
    assert 'href="/research-resources/lessons/cite/ris/"' in html
