from django.db import migrations


class Migration(migrations.Migration):
    """Created the "Mailing list managers" group; mailinglist.groups now keeps it after every
    migrate, so this step has nothing left to do."""

    dependencies = [
        ("mailinglist", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = []
