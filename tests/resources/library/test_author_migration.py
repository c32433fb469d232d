"""Migration 0002 carries today's free-text author names over to name parts, People and
Organisations, drafts included."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from resources.library.factories import ResourcePageFactory
from resources.library.models import Organisation, Person, ResourcePage

BEFORE = [("library", "0001_initial")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return executor.loader.project_state(targets).apps if targets else None


@pytest.mark.django_db(transaction=True)
def test_free_text_authors_become_people_and_organisations(library):
    resource = ResourcePageFactory(parent=library, title="Old report", slug="old-report")
    draft = resource.save_revision()
    draft.content["authors"] = [
        {"pk": None, "sort_order": 0, "page": resource.pk, "person": None, "name": "Martin Luther King Jr."},
        {"pk": None, "sort_order": 1, "page": resource.pk, "person": None, "name": "Jane Draft-Only"},
    ]
    draft.save(update_fields=["content"])

    old = migrate(BEFORE)
    OldPerson, OldAuthor = old.get_model("library", "Person"), old.get_model("library", "ResourceAuthor")
    amy = OldPerson.objects.create(name="Amy Blair", slug="amy-blair")
    for order, name in enumerate(["Martin Luther King Jr.", "Aspen Institute Economic Opportunities Program"]):
        OldAuthor.objects.create(page_id=resource.pk, name=name, sort_order=order)
    OldAuthor.objects.create(page_id=resource.pk, person_id=amy.pk, sort_order=2)
    migrate(None)

    resource = ResourcePage.objects.get(pk=resource.pk)
    authors = list(resource.authors.select_related("person", "organisation"))
    king = authors[0].person
    assert (king.given_names, king.family_name, king.suffix, king.name) == (
        "Martin Luther",
        "King",
        "Jr.",
        "Martin Luther King Jr.",
    )
    assert authors[1].organisation.name == "Aspen Institute Economic Opportunities Program"
    assert authors[1].organisation.kind == Organisation.Kind.AUTHOR
    assert (authors[2].person.given_names, authors[2].person.family_name) == ("Amy", "Blair")

    # The draft's authors point at the same records, and one only the draft named has its own.
    draft_authors = resource.get_latest_revision().content["authors"]
    assert [author["person"] for author in draft_authors] == [
        king.pk,
        Person.objects.get(name="Jane Draft-Only").pk,
    ]
    assert all("name" not in author for author in draft_authors)
    assert resource.get_latest_revision_as_object().authors.all()[0].person == king
