"""What the site does when something happens elsewhere. ``WsiConfig.ready`` connects each
receiver here to its signals."""

from functools import cache, partial

from django.apps import apps
from django.db import transaction
from wagtail.models import Page, Site

from wsi.broker import enqueue
from wsi.media_collections import ensure_collections
from wsi.navigation import forget_menu_tree
from wsi.roles import ensure_roles
from wsi.tasks import mail_contact_submission


def forget_menus(sender, instance=None, **kwargs):
    """A page or site saved, moved or deleted: the menus are built anew on the next page view."""
    if instance is None or isinstance(instance, Page | Site):
        forget_menu_tree()


def mail_new_contact_submission(sender, instance, created, raw=False, **kwargs):
    """A message stored from the contact form is mailed to the staff once it is committed."""
    if created and not raw and instance.mailed_at is None:
        transaction.on_commit(partial(enqueue, mail_contact_submission, instance.pk))


def restore_roles_and_collections(sender, app_config, using="default", **kwargs):
    """After a migrate (or a flush): the staff roles and the review workflow exist with all their
    permissions, and so do the media collections. post_migrate is sent for each app in turn;
    the last app's comes after the other apps' own handlers, which create permissions such as
    Wagtail's "publish" for snippets."""
    if app_config is last_app_with_models():
        ensure_roles(using)
        ensure_collections()


@cache
def last_app_with_models():
    return [config for config in apps.get_app_configs() if config.models_module is not None][-1]
