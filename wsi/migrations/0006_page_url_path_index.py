"""An index on Wagtail's ``Page.url_path``, which the site's routing reads pages by
(``wsi/page_routes.py``): without it, every request read the whole page table (1.8 ms at 10,000
resources). A hash index on PostgreSQL, which has no limit on the length of the value indexed, as
a btree has; SQLite has only the one kind."""

from django.db import migrations

INDEX = "wsi_page_url_path"


def create_index(apps, schema_editor):
    using = "USING hash " if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page {using}(url_path)")


def drop_index(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("wsi", "0005_body_player_embeds_with_research_blocks"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
