import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from resources.library.factories import (
    OrganisationFactory,
    PersonFactory,
    ResourcePageFactory,
    TopicFactory,
)
from resources.library.models import RelatedResource, ResourcePage

pytestmark = pytest.mark.django_db


def json_ld(response):
    soup = BeautifulSoup(response.content, "html.parser")
    [script] = soup.select('script[type="application/ld+json"]')
    return json.loads(script.string)


def test_date_shows_as_precisely_as_it_is_known(client, library):
    year = ResourcePageFactory(parent=library, publication_date=datetime.date(2007, 10, 22), date_precision="year")
    month = ResourcePageFactory(parent=library, publication_date=datetime.date(2005, 10, 1), date_precision="month")
    day = ResourcePageFactory(parent=library, publication_date=datetime.date(2012, 3, 7), date_precision="day")
    unknown = ResourcePageFactory(parent=library, publication_date=None)

    assert [r.date_display for r in (year, month, day, unknown)] == ["2007", "October 2005", "7 March 2012", ""]
    # The library files them under their year, and the unknown under "Date unknown".
    soup = BeautifulSoup(client.get(library.url).content, "html.parser")
    years = {box["value"] for box in soup.select('input[name="year"]')}
    assert {"2007", "undated"} <= years


def test_json_ld_describes_the_report(client, library):
    topic = TopicFactory(name="Worker Outcomes", slug="worker-outcomes")
    author = PersonFactory(name="Maureen Conway", organisation="The Aspen Institute")
    program = OrganisationFactory(name="Aspen Institute Economic Opportunities Program", kind="author")
    resource = ResourcePageFactory(
        parent=library,
        title="Gaining Ground",
        slug="gaining-ground",
        publication_date=datetime.date(2005, 10, 1),
        introduction="Earnings rose </script><script>alert(1)</script>",
        topics=[topic],
        authors=[author, "Martin Luther King Jr.", program],
        doi="10.1234/sedlp.3",
        isbn="978-0-306-40615-7",
        report_number="3",
    )

    data = json_ld(client.get(resource.url))

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Report"
    assert data["name"] == "Gaining Ground"
    assert data["url"] == "http://testserver/research-resources/gaining-ground/"
    assert data["datePublished"] == "2005-10"
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Maureen Conway",
            "familyName": "Conway",
            "givenName": "Maureen",
            "affiliation": {"@type": "Organization", "name": "The Aspen Institute"},
        },
        {
            "@type": "Person",
            "name": "Martin Luther King Jr.",
            "familyName": "King",
            "givenName": "Martin Luther",
            "honorificSuffix": "Jr.",
        },
        {"@type": "Organization", "name": "Aspen Institute Economic Opportunities Program"},
    ]
    assert data["identifier"] == [
        {"@type": "PropertyValue", "propertyID": "DOI", "value": "10.1234/sedlp.3"},
        {"@type": "PropertyValue", "propertyID": "ISBN", "value": "978-0-306-40615-7"},
        {"@type": "PropertyValue", "propertyID": "report number", "value": "3"},
    ]
    assert data["sameAs"] == "https://doi.org/10.1234/sedlp.3"
    assert data["reportNumber"] == "3"
    assert data["about"] == [{"@type": "Thing", "name": "Worker Outcomes"}]
    assert data["description"] == "Earnings rose </script><script>alert(1)</script>"


def test_json_ld_type_follows_the_resource_type(client, library):
    paper = ResourcePageFactory(parent=library, resource_type="paper")
    tool = ResourcePageFactory(parent=library, resource_type="tool")

    assert json_ld(client.get(paper.url))["@type"] == "ScholarlyArticle"
    assert json_ld(client.get(tool.url))["@type"] == "CreativeWork"


def test_open_graph_and_meta_description(client, library):
    resource = ResourcePageFactory(parent=library, title="Restore the Promise of Work", introduction="Raise the floor.")

    soup = BeautifulSoup(client.get(resource.url).content, "html.parser")

    assert soup.select_one('meta[property="og:title"]')["content"] == "Restore the Promise of Work"
    assert soup.select_one('meta[property="og:description"]')["content"] == "Raise the floor."
    assert soup.select_one('meta[property="og:url"]')["content"] == resource.full_url
    assert soup.select_one('meta[property="og:type"]')["content"] == "article"
    assert soup.select_one('meta[property="article:published_time"]')["content"] == "2010-06-01"


def test_attached_file_shows_format_and_size_and_downloads(client, library):
    document = Document.objects.create(title="Report PDF", file=ContentFile(b"%PDF-1.4 " + b"x" * 2048, name="r.pdf"))
    resource = ResourcePageFactory(parent=library, document=document)

    html = client.get(resource.url).content.decode()
    download = client.get(document.url)

    assert "(PDF, 2.0\xa0KB)" in html
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def related_titles(client, resource):
    soup = BeautifulSoup(client.get(resource.url).content, "html.parser")
    return [title.get_text(strip=True) for title in soup.select(".resource__related .card__title")]


def test_related_resources_chosen_or_by_shared_topics(client, library):
    a, b = TopicFactory(name="A", slug="a"), TopicFactory(name="B", slug="b")
    resource = ResourcePageFactory(parent=library, title="Main", topics=[a, b])
    ResourcePageFactory(
        parent=library, title="Shares one, older", topics=[b], publication_date=datetime.date(2001, 1, 1)
    )
    ResourcePageFactory(parent=library, title="Shares one", topics=[a], publication_date=datetime.date(2020, 1, 1))
    ResourcePageFactory(parent=library, title="Shares both", topics=[a, b], publication_date=datetime.date(2000, 1, 1))
    ResourcePageFactory(parent=library, title="Shares none")
    ResourcePageFactory(parent=library, title="Draft sharing both", topics=[a, b], live=False)

    assert related_titles(client, resource) == ["Shares both", "Shares one", "Shares one, older"]

    chosen = ResourcePage.objects.get(title="Shares one, older")
    RelatedResource.objects.create(page=resource, resource=chosen)
    assert related_titles(client, resource) == ["Shares one, older"]


def test_authors_partners_and_funders_are_shown(client, library):
    person = PersonFactory(name="Amy Blair", slug="amy-blair")
    partner = OrganisationFactory(name="PHI", kind="partner")
    funder = OrganisationFactory(name="Ford Foundation", kind="funder")
    resource = ResourcePageFactory(parent=library, authors=[person, "Outside Author"])
    resource.partners.set([partner])
    resource.funders.set([funder])
    resource.funder_note = "An anonymous donor"
    resource.save()

    soup = BeautifulSoup(client.get(resource.url).content, "html.parser")

    authors = soup.select_one(".resource__authors")
    assert authors.get_text(" ", strip=True) == "By Amy Blair and Outside Author"
    assert authors.a["href"] == "/research-resources/people/amy-blair/"
    facts = soup.select_one(".resource__facts").get_text(" ", strip=True)
    assert "Partners PHI" in facts
    assert "Funded by Ford Foundation An anonymous donor" in facts
