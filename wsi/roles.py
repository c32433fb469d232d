"""The staff roles (Django groups) and the "Review and publish" workflow, kept after every
migrate: a new install has them, an upgrade adds new permissions to them, and a group or the
workflow deleted by mistake comes back. Permissions are only ever added, so what staff grant a
group on top stays.

The site-wide part is here: the page tree and the image and document collections, the admin,
redirects, promoted results, site settings and form submissions. Each app adds the permissions
of its own models, and any role of its own, through ``role_permissions`` on its AppConfig:
``{"Editors": ["library.add_person", ...], "Announcers": [...]}``.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowMixin,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "Editors"
MODERATORS = "Moderators"
REVIEW_WORKFLOW = "Review and publish"
REVIEW_TASK = "Moderators approval"
# What Wagtail's own migration names the workflow (and its task) it puts on the root page.
WAGTAIL_DEFAULT_WORKFLOW = REVIEW_TASK

# Over the whole page tree: given on the root page.
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}

_MEDIA = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]
# Over every collection: given on the root collection.
COLLECTION_PERMISSIONS = {
    EDITORS: _MEDIA,
    MODERATORS: [*_MEDIA, "wagtailimages.delete_image", "wagtaildocs.delete_document"],
}

SITE_PERMISSIONS = {
    EDITORS: ["wagtailadmin.access_admin"],
    MODERATORS: [
        "wagtailadmin.access_admin",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
        "wagtailsearchpromotions.add_searchpromotion",
        "wagtailsearchpromotions.change_searchpromotion",
        "wagtailsearchpromotions.delete_searchpromotion",
        "wsi.change_sitesettings",
        "wsi.view_contactsubmission",
        "wsi.delete_contactsubmission",
    ],
}


def model_permissions():
    """{role: [app_label.codename]}: the site's own, then every app's ``role_permissions``."""
    roles = {role: list(names) for role, names in SITE_PERMISSIONS.items()}
    for config in apps.get_app_configs():
        for role, names in getattr(config, "role_permissions", {}).items():
            roles.setdefault(role, []).extend(names)
    return roles


def _permissions(names, using):
    """The Permission rows for "app_label.codename" names; names of apps not installed are skipped."""
    found = []
    for name in names:
        app_label, codename = name.split(".")
        permission = (
            Permission.objects.using(using).filter(content_type__app_label=app_label, codename=codename).first()
        )
        if permission is not None:
            found.append(permission)
    return found


def ensure_roles(using="default"):
    """Every role with all its permissions, and the review workflow on the whole site. Page and
    collection permissions need the root page and collection, which a new install has; when
    they are missing (an emptied test database) that part waits for the next call."""
    # Django creates each app's permissions in a post_migrate handler of its own, which may
    # come after this one.
    for config in apps.get_app_configs():
        create_permissions(config, verbosity=0, using=using)
    groups = {}
    for role, names in model_permissions().items():
        groups[role], _ = Group.objects.using(using).get_or_create(name=role)
        groups[role].permissions.add(*_permissions(names, using))

    root_page = Page.get_first_root_node()
    if root_page is not None:
        for role, codenames in PAGE_PERMISSIONS.items():
            for permission in _permissions([f"wagtailcore.{codename}" for codename in codenames], using):
                GroupPagePermission.objects.using(using).get_or_create(
                    group=groups[role], page=root_page, permission=permission
                )
    root_collection = Collection.get_first_root_node()
    if root_collection is not None:
        for role, names in COLLECTION_PERMISSIONS.items():
            for permission in _permissions(names, using):
                GroupCollectionPermission.objects.using(using).get_or_create(
                    group=groups[role], collection=root_collection, permission=permission
                )
    ensure_review_workflow(groups[MODERATORS], root_page, using)


def ensure_review_workflow(moderators, root_page, using="default"):
    """The workflow every page, and every snippet that can take one (``WorkflowMixin``), goes
    through: an editor submits, a moderator approves and it is published, or asks for changes
    with a comment. Wagtail's migration puts a workflow of its own ("Moderators approval") on
    the root page; it is renamed to this one."""
    workflow = Workflow.objects.using(using).filter(name=REVIEW_WORKFLOW).first()
    if workflow is None:
        workflow = Workflow.objects.using(using).filter(name=WAGTAIL_DEFAULT_WORKFLOW).first()
        if workflow is None:
            workflow = Workflow.objects.using(using).create(name=REVIEW_WORKFLOW)
        else:
            workflow.name = REVIEW_WORKFLOW
            workflow.save(update_fields=["name"])
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    task = GroupApprovalTask.objects.using(using).filter(workflow_tasks__workflow=workflow).first()
    if task is None:
        task = GroupApprovalTask.objects.using(using).create(name=REVIEW_TASK)
        WorkflowTask.objects.using(using).create(workflow=workflow, task=task, sort_order=0)
    task.groups.add(moderators)
    if root_page is not None and not WorkflowPage.objects.using(using).filter(page=root_page).exists():
        WorkflowPage.objects.using(using).create(page=root_page, workflow=workflow)
    for model in apps.get_models():
        if issubclass(model, WorkflowMixin) and not issubclass(model, Page):
            content_type = ContentType.objects.db_manager(using).get_for_model(model)
            WorkflowContentType.objects.using(using).get_or_create(
                content_type=content_type, defaults={"workflow": workflow}
            )
    return workflow
