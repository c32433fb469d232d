"""Today's names read into parts. Free-text author names become People, or Organisations when
they name an institution, and the page revisions that still hold the free text are pointed at
them too, so that no draft loses an author."""

from django.db import migrations
from django.utils.text import slugify

from resources.library.names import full_name, looks_like_organisation, parse_person_name


def split_person_names(apps, schema_editor):
    Person = apps.get_model("library", "Person")
    for person in Person.objects.all():
        parsed = parse_person_name(person.name)
        person.given_names, person.particle = parsed.given_names, parsed.particle
        person.family_name, person.suffix = parsed.family_name, parsed.suffix
        person.name = full_name(parsed)
        person.save(update_fields=["given_names", "particle", "family_name", "suffix", "name"])


def structure_free_text_authors(apps, schema_editor):
    ResourceAuthor = apps.get_model("library", "ResourceAuthor")
    authors = {}
    for author in ResourceAuthor.objects.filter(person__isnull=True).exclude(name=""):
        if author.name not in authors:
            authors[author.name] = _author_for(apps, author.name)
        author.person_id, author.organisation_id = authors[author.name]
        author.save(update_fields=["person", "organisation"])
    _update_revisions(apps, authors)


def _author_for(apps, text):
    """(person id, organisation id) for a free-text author, reusing a record of that name."""
    Person = apps.get_model("library", "Person")
    Organisation = apps.get_model("library", "Organisation")
    text = " ".join(text.split())
    if looks_like_organisation(text):
        organisation = Organisation.objects.filter(name=text).first()
        if organisation is None:
            organisation = Organisation.objects.create(name=text, kind="author")
        return None, organisation.pk
    parsed = parse_person_name(text)
    name = full_name(parsed)
    person = Person.objects.filter(name=name).first()
    if person is None:
        person = Person.objects.create(
            name=name,
            slug=_free_slug(Person, slugify(name) or "author"),
            given_names=parsed.given_names,
            particle=parsed.particle,
            family_name=parsed.family_name,
            suffix=parsed.suffix,
        )
    return person.pk, None


def _free_slug(Person, slug):
    candidate, number = slug, 2
    while Person.objects.filter(slug=candidate).exists():
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


def _update_revisions(apps, authors):
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label="library", model="resourcepage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        changed = False
        for author in revision.content.get("authors", []):
            text = author.pop("name", "")
            if not author.get("person") and text:
                if text not in authors:
                    authors[text] = _author_for(apps, text)
                author["person"], author["organisation"] = authors[text]
                changed = True
        if changed:
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0002_structured_author_names"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(split_person_names, migrations.RunPython.noop),
        migrations.RunPython(structure_free_text_authors, migrations.RunPython.noop),
    ]
