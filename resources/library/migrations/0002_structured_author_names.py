"""People's names in parts; an author may be an organisation. Migration 0003 fills them in:
rows it updates must be committed before the indexes of these new columns are built."""

import django.db.models.deletion
from django.db import migrations, models


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
    ]
