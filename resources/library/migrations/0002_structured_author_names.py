"""People's names in parts; an author is a person or an organisation. Free-text author names
become People, or Organisations when they name an institution, and the page revisions that
still hold the free text are pointed at them too, so that no draft loses an author."""

import django.db.models.deletion
from django.db import migrations, models
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
    for revision in Revision.objects.filter(base_content_type=content_type).iterator():
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
        ("library", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="given_names",
            field=models.CharField(blank=True, help_text="E.g. “Martin Luther”.", max_length=200),
        ),
        migrations.AddField(
            model_name="person",
            name="particle",
            field=models.CharField(
                blank=True, help_text="A lower-case word before the family name, e.g. “van”, “de la”.", max_length=50
            ),
        ),
        migrations.AddField(
            model_name="person",
            name="family_name",
            field=models.CharField(
                default="",
                help_text="E.g. “King”, “Dworak-Muñoz”. A person known by one name has only this.",
                max_length=200,
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="person",
            name="suffix",
            field=models.CharField(blank=True, help_text="E.g. “Jr.”, “III”.", max_length=20),
        ),
        migrations.AddField(
            model_name="person",
            name="dropping_particle",
            field=models.BooleanField(
                default=False,
                help_text="Tick for names cited as “Beethoven, Ludwig van”; leave unticked for “van Gogh, Vincent”.",
                verbose_name="particle follows the given names when inverted",
            ),
        ),
        migrations.AlterField(
            model_name="person",
            name="name",
            field=models.CharField(editable=False, max_length=200),
        ),
        migrations.AlterField(
            model_name="organisation",
            name="kind",
            field=models.CharField(
                choices=[("funder", "Funder"), ("partner", "Partner"), ("author", "Author only")],
                default="partner",
                max_length=20,
            ),
        ),
        migrations.AddField(
            model_name="resourceauthor",
            name="organisation",
            field=models.ForeignKey(
                blank=True,
                help_text="For a report credited to an institution, e.g. “Aspen Institute Economic Opportunities Program”.",
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="authorships",
                to="library.organisation",
            ),
        ),
        migrations.RunPython(split_person_names, migrations.RunPython.noop),
        migrations.RunPython(structure_free_text_authors, migrations.RunPython.noop),
    ]
