"""The "Mailing list managers" group: staff in it see, export and erase subscribers and send
announcements. It is kept after every migrate (post_migrate), so a new install has it, an
upgrade adds new permissions to it, and a group deleted by mistake comes back."""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

MANAGERS = "Mailing list managers"
MANAGER_PERMISSIONS = [
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


def ensure_managers_group(app_config, using="default"):
    # Django creates this app's permissions in a post_migrate handler of its own, which may
    # come after this one.
    create_permissions(app_config, verbosity=0, using=using)
    group, _ = Group.objects.using(using).get_or_create(name=MANAGERS)
    for app_label, model, codename in MANAGER_PERMISSIONS:
        permission = (
            Permission.objects.using(using)
            .filter(content_type__app_label=app_label, content_type__model=model, codename=codename)
            .first()
        )
        if permission is not None:
            group.permissions.add(permission)
