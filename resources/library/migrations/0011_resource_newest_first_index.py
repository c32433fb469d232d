from django.db import migrations

# The newest first, the undated last (the home page, the feeds): read from the top of this index
# instead of sorting the whole library. PostgreSQL only: SQLite (the embedded default) cannot
# say NULLS LAST in an index, and its small library needs none. Kept out of the model's
# Meta.indexes for that reason, so that no later migration rebuilds it on SQLite.
CREATE = "CREATE INDEX IF NOT EXISTS resource_newest_first ON library_resourcepage (publication_date DESC NULLS LAST)"
DROP = "DROP INDEX IF EXISTS resource_newest_first"


def run_on_postgresql(sql):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0010_snippet_revisions_and_order"),
    ]

    operations = [
        migrations.RunPython(run_on_postgresql(CREATE), run_on_postgresql(DROP)),
    ]
