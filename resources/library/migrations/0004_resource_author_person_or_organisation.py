from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0003_author_names_from_free_text"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="resourceauthor",
            name="name",
        ),
        migrations.AddConstraint(
            model_name="resourceauthor",
            constraint=models.CheckConstraint(
                condition=models.Q(("organisation__isnull", True), ("person__isnull", False))
                | models.Q(("organisation__isnull", False), ("person__isnull", True)),
                name="resource_author_person_or_organisation",
            ),
        ),
    ]
