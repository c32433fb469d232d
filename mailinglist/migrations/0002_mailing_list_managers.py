from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Mailing list managers"
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("mailinglist", "subscriber", "view_subscriber"),
    ("mailinglist", "subscriber", "change_subscriber"),
    ("mailinglist", "subscriber", "delete_subscriber"),
    ("mailinglist", "subscriber", "export_subscriber"),
    ("mailinglist", "announcement", "add_announcement"),
    ("mailinglist", "announcement", "change_announcement"),
    ("mailinglist", "announcement", "delete_announcement"),
    ("mailinglist", "announcement", "view_announcement"),
    ("mailinglist", "mailinglistsettings", "change_mailinglistsettings"),
    ("mailinglist", "outgoingmail", "view_outgoingmail"),
]


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations ran; this group needs them now.
    for label in ("mailinglist",):
        config = apps.get_app_config(label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for app_label, model, codename in PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, content_type__model=model, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("mailinglist", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
