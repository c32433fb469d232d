import datetime

import bibtexparser
import pytest
import rispy
from bibtexparser import middlewares

from resources.library.citations import apa, bibtex, chicago, ris
from resources.library.factories import OrganisationFactory, PersonFactory, ResourcePageFactory, TopicFactory
from resources.library.names import parse_person_name

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
def hard_names(library):
    """A suffix, a non-dropping and a dropping particle, and an institution."""
    return ResourcePageFactory(
        parent=library,
        title="Names that Citations Get Wrong",
        slug="names",
        publication_date=datetime.date(2010, 3, 7),
        date_precision="day",
        authors=[
            PersonFactory(given_names="Martin Luther", family_name="King", suffix="Jr."),
            PersonFactory(given_names="Vincent", particle="van", family_name="Gogh"),
            PersonFactory(given_names="Ludwig", particle="van", family_name="Beethoven", dropping_particle=True),
            OrganisationFactory(name="Aspen Institute Economic Opportunities Program", kind="author"),
        ],
        doi="10.1234/names.2010",
        report_number="WP-7",
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


def test_apa_with_suffix_particles_institution_doi_and_report_number(hard_names):
    # APA 7: suffix after the initials (9.8), particles as the person uses them, an institution
    # whole (9.11), the report number after the title (10.4), the DOI as a URL instead of the page.
    assert apa(hard_names, URL) == (
        "King, M. L., Jr., van Gogh, V., Beethoven, L. van, &amp; Aspen Institute Economic Opportunities Program. "
        "(2010). <i>Names that Citations Get Wrong</i> (Report No. WP-7). The Aspen Institute. "
        "https://doi.org/10.1234/names.2010"
    )


def test_apa_institution_that_is_also_the_publisher_is_not_repeated(library):
    institute = OrganisationFactory(name="The Aspen Institute", kind="author")
    resource = ResourcePageFactory(parent=library, title="Annual Review", authors=[institute])

    assert apa(resource, URL) == f"The Aspen Institute. (2010). <i>Annual Review</i>. {URL}"


def test_chicago_inverts_only_the_first_name(hard_names):
    # Chicago 17: "King, Martin Luther, Jr." inverted (14.76), "Martin Luther King Jr." after it (6.43).
    assert chicago(hard_names, URL) == (
        "King, Martin Luther, Jr., Vincent van Gogh, Ludwig van Beethoven, and Aspen Institute Economic "
        "Opportunities Program. <i>Names that Citations Get Wrong</i>. Report No. WP-7. The Aspen Institute, "
        "March 7, 2010. https://doi.org/10.1234/names.2010."
    )


def test_citation_text_is_escaped(library):
    resource = ResourcePageFactory(parent=library, title="<script>alert(1)</script> & more", authors=["Jo <b>Bold</b>"])
    assert "<script>" not in apa(resource, URL)
    assert "<script>" not in chicago(resource, URL)


def parse_bibtex(text):
    # Names are split before LaTeX is decoded, so that braces still hold an institution together.
    library = bibtexparser.parse_string(
        text,
        append_middleware=[
            middlewares.SeparateCoAuthors(),
            middlewares.SplitNameParts(),
            middlewares.LatexDecodingMiddleware(),
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


def test_bibtex_names_parse_back_to_their_parts(hard_names):
    entry = parse_bibtex(bibtex(hard_names, URL))

    assert entry.key == "king2010names"
    assert [(a.first, a.von, a.last, a.jr) for a in entry["author"]] == [
        (["Martin", "Luther"], [], ["King"], ["Jr."]),
        (["Vincent"], ["van"], ["Gogh"], []),
        (["Ludwig"], ["van"], ["Beethoven"], []),
        # The braces make the institution one family name, with no first name split off.
        ([], [], ["{Aspen Institute Economic Opportunities Program}"], []),
    ]
    assert entry["doi"] == "10.1234/names.2010"
    assert entry["number"] == "WP-7"


def test_bibtex_sole_institutional_author_in_double_braces(library):
    program = OrganisationFactory(name="Aspen Institute Economic Opportunities Program", kind="author")
    resource = ResourcePageFactory(parent=library, title="Job Quality", authors=[program], isbn="0-306-40615-2")

    text = bibtex(resource, URL)
    entry = parse_bibtex(text)

    assert "  author = {{Aspen Institute Economic Opportunities Program}}," in text
    assert entry.key == "aspen2010job"
    assert entry["isbn"] == "0-306-40615-2"


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


def test_ris_names_parse_back_to_their_parts(hard_names):
    [record] = rispy.loads(ris(hard_names, URL))

    assert record["authors"] == [
        "King, Martin Luther, Jr.",
        "van Gogh, Vincent",
        "Beethoven, Ludwig van",
        "Aspen Institute Economic Opportunities Program",
    ]
    king, gogh, beethoven = (parse_person_name(name) for name in record["authors"][:3])
    assert (king.given_names, king.particle, king.family_name, king.suffix) == ("Martin Luther", "", "King", "Jr.")
    assert (gogh.given_names, gogh.particle, gogh.family_name) == ("Vincent", "van", "Gogh")
    # RIS has no particle of its own: a dropping particle comes back with the given names.
    assert (beethoven.given_names, beethoven.family_name) == ("Ludwig van", "Beethoven")
    assert record["doi"] == "10.1234/names.2010"
    assert record["issn"] == "WP-7"  # SN: Zotero reads it as a report's number
    assert record["date"] == "2010/03/07/"


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


def test_issue_11_names_are_no_longer_split_by_guesswork(library):
    # Before: "Jr., M. L. K." and "Program, A. I. E. O.".
    program = OrganisationFactory(name="Aspen Institute Economic Opportunities Program", kind="author")
    resource = ResourcePageFactory(parent=library, title="Dream", authors=["Martin Luther King Jr.", program])

    assert apa(resource, URL).startswith(
        "King, M. L., Jr., &amp; Aspen Institute Economic Opportunities Program. (2010)."
    )
