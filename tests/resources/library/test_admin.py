"""Editors enter authors by name parts or as an institution, and identifiers that are checked."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from resources.library.factories import OrganisationFactory, PersonFactory
from resources.library.models import Person, ResourcePage

pytestmark = pytest.mark.django_db


def resource_form(authors=(), **fields):
    data = {
        "title": "Gaining Ground",
        "slug": "gaining-ground",
        "resource_type": "report",
        "publication_date": "2004-05-01",
        "date_precision": "month",
        "authors": inline_formset(list(authors)),
        "introduction": "",
        "summary": rich_text(""),
        "key_findings": streamfield([]),
        "body": streamfield([]),
        "publisher": "The Aspen Institute",
        "related_links": inline_formset([]),
        "doi": "",
        "isbn": "",
        "report_number": "",
        "action-publish": "publish",
    }
    data.update(fields)
    return nested_form_data(data)


def add_url(library):
    return f"/admin/pages/add/library/resourcepage/{library.pk}/"


def test_an_editor_credits_a_person_and_an_institution_with_a_doi_link(admin_client, library):
    king = PersonFactory(given_names="Martin Luther", family_name="King", suffix="Jr.")
    program = OrganisationFactory(name="Aspen Institute Economic Opportunities Program", kind="author")
    authors = [{"person": king.pk, "organisation": ""}, {"person": "", "organisation": program.pk}]

    response = admin_client.post(
        add_url(library),
        resource_form(authors, doi=" https://doi.org/10.1234/sedlp.3 ", isbn="978-0-306-40615-7", report_number="3"),
    )

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    resource = ResourcePage.objects.get(slug="gaining-ground")
    assert [author.display_name for author in resource.authors.all()] == [
        "Martin Luther King Jr.",
        "Aspen Institute Economic Opportunities Program",
    ]
    assert (resource.doi, resource.isbn, resource.report_number) == ("10.1234/sedlp.3", "978-0-306-40615-7", "3")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"doi": "10.12/abc"}, "Enter a DOI such as 10.1234/abc-123"),
        ({"doi": "https://example.org/report"}, "Enter a DOI such as 10.1234/abc-123"),
        ({"doi": "10.1234/a{b}"}, "Enter a DOI such as 10.1234/abc-123"),
        ({"isbn": "978-0-306-40615-8"}, "This ISBN’s check digit does not match"),
        ({"isbn": "0-306-40615-3"}, "This ISBN’s check digit does not match"),
        ({"isbn": "12345"}, "An ISBN has 10 or 13 digits"),
    ],
)
def test_a_wrong_identifier_is_refused_with_a_message(admin_client, library, fields, message):
    response = admin_client.post(add_url(library), resource_form(**fields))

    assert response.status_code == 200
    assert message in response.content.decode().replace("&#x27;", "’").replace("'", "’")
    assert not ResourcePage.objects.exists()


@pytest.mark.parametrize("both", [True, False])
def test_an_author_is_a_person_or_an_institution_not_both_nor_neither(admin_client, library, both):
    person, program = PersonFactory(), OrganisationFactory(kind="author")
    author = {"person": person.pk, "organisation": program.pk} if both else {"person": "", "organisation": ""}

    response = admin_client.post(add_url(library), resource_form([author]))

    assert response.status_code == 200
    assert "Choose either a person or an organisation as the author." in response.content.decode()
    assert not ResourcePage.objects.exists()


def test_an_editor_adds_a_person_by_name_parts(admin_client):
    response = admin_client.post(
        "/admin/snippets/library/person/add/",
        {
            "given_names": "Ludwig",
            "particle": "van",
            "family_name": "Beethoven",
            "suffix": "",
            "dropping_particle": "on",
            "slug": "ludwig-van-beethoven",
            "role": "",
            "organisation": "",
            "bio": rich_text(""),
            "sort_order": "0",
        },
    )

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    person = Person.objects.get(slug="ludwig-van-beethoven")
    assert person.name == "Ludwig van Beethoven"
    assert str(person) == "Ludwig van Beethoven"
