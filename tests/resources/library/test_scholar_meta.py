"""The ``citation_*`` tags that Google Scholar indexes and Zotero saves a resource from."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from resources.library.factories import OrganisationFactory, PersonFactory, ResourcePageFactory, TopicFactory

pytestmark = pytest.mark.django_db


def citation_tags(response):
    """(name, content) of each citation_* tag in the page's head, in order."""
    head = BeautifulSoup(response.content, "html.parser").head
    return [(tag["name"], tag["content"]) for tag in head.select('meta[name^="citation_"]')]


def values(tags, name):
    return [content for tag, content in tags if tag == name]


def test_demo_report_has_one_author_tag_per_author_and_an_absolute_pdf_url(client, demo_site):
    response = client.get("/research-resources/sectoral-strategies-lessons-from-the-field/")
    tags = citation_tags(response)

    assert values(tags, "citation_title") == ["Sectoral Strategies for Low-Income Workers: Lessons from the Field"]
    assert values(tags, "citation_author") == [
        "Conway, Maureen",
        "Blair, Amy",
        "Dawson, Steven L.",
        "Dworak-Muñoz, Linda",
    ]
    assert values(tags, "citation_publication_date") == ["2007"]
    assert values(tags, "citation_publisher") == ["The Aspen Institute"]
    assert values(tags, "citation_technical_report_institution") == ["The Aspen Institute"]
    [pdf_url] = values(tags, "citation_pdf_url")
    document = response.context["page"].document
    assert pdf_url == f"http://testserver{document.url}"
    assert client.get(pdf_url).status_code == 200
    assert values(tags, "citation_doi") == []  # no DOI is known for it, and none is made up


def test_demo_brief_carries_its_report_number_and_an_institution_is_one_author(client, demo_site):
    brief = citation_tags(client.get("/research-resources/sedlp-research-brief-1/"))
    survey = citation_tags(client.get("/research-resources/systems-change-survey-of-program-activities/"))

    assert values(brief, "citation_author") == ["Zandniapour, Lily", "Ade"]
    assert values(brief, "citation_technical_report_number") == ["1"]
    assert values(brief, "citation_publication_date") == ["2000"]  # known to the month: the year alone
    assert values(survey, "citation_author") == ["Aspen Institute Workforce Strategies Initiative"]
    assert values(survey, "citation_pdf_url") == []


def test_full_date_identifiers_and_names_in_parts(client, library):
    document = Document.objects.create(title="Slides", file=ContentFile(b"PK", name="slides.pptx"))
    resource = ResourcePageFactory(
        parent=library,
        title="Names and Numbers",
        resource_type="paper",
        publication_date=datetime.date(2012, 3, 7),
        date_precision="day",
        authors=[
            PersonFactory(given_names="Martin Luther", family_name="King", suffix="Jr."),
            PersonFactory(given_names="Vincent", particle="van", family_name="Gogh"),
            OrganisationFactory(name="Aspen Institute Economic Opportunities Program", kind="author"),
        ],
        topics=[TopicFactory(name="Job Quality", slug="job-quality")],
        document=document,
        doi="10.1234/names.7",
        isbn="9780306406157",
        report_number="WP-2012-1",
    )

    tags = citation_tags(client.get(resource.url))

    assert values(tags, "citation_author") == [
        "King, Martin Luther, Jr.",
        "van Gogh, Vincent",
        "Aspen Institute Economic Opportunities Program",
    ]
    assert values(tags, "citation_publication_date") == ["2012/03/07"]
    assert values(tags, "citation_doi") == ["10.1234/names.7"]
    assert values(tags, "citation_isbn") == ["9780306406157"]
    assert values(tags, "citation_technical_report_number") == ["WP-2012-1"]
    assert values(tags, "citation_keywords") == ["Job Quality"]
    assert values(tags, "citation_abstract_html_url") == [resource.full_url]
    assert values(tags, "citation_pdf_url") == []  # the attached file is not a PDF


def test_identifiers_are_shown_with_the_doi_as_a_link(client, library):
    resource = ResourcePageFactory(parent=library, doi="10.1234/names.7", isbn="0-306-40615-2", report_number="3")

    facts = BeautifulSoup(client.get(resource.url).content, "html.parser").select_one(".resource__facts")

    assert facts.find("a", href="https://doi.org/10.1234/names.7").get_text() == "https://doi.org/10.1234/names.7"
    assert "Report number 3" in facts.get_text(" ", strip=True)
    assert "ISBN 0-306-40615-2" in facts.get_text(" ", strip=True)
