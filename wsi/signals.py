"""What the site does when something happens elsewhere. ``WsiConfig.ready`` connects each
receiver here to its signals."""

from functools import cache, partial

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from taggit.models import TagBase
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import BaseViewRestriction, Page, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from wsi import frontend_cache, page_cache
from wsi.broker import enqueue
from wsi.media_collections import ensure_collections
from wsi.roles import ensure_roles
from wsi.tasks import mail_contact_submission

# What public pages show, besides the snippets. Not searches (each adds a hit), renditions
# (made while a page renders), revisions or anything a visitor's request writes.
SHOWN_ON_PAGES = (
    Page,
    Site,
    BaseSiteSetting,
    BaseGenericSetting,
    Redirect,
    SearchPromotion,
    BaseViewRestriction,
    AbstractImage,
    AbstractDocument,
    TagBase,
)
SIGNAL_NAMES = {
    post_save: "save",
    post_delete: "delete",
    page_published: "publish",
    page_unpublished: "unpublish",
    post_page_move: "move",
    page_slug_changed: "slug",
}
# Where remember_where_shown leaves the URLs a snippet showed at before its save.
SHOWN_BEFORE = "_wsi_shown_before"
# A page or snippet saved with only these fields has a new draft or lock: its live version is
# unchanged.
DRAFT_FIELDS = frozenset(
    {
        "draft_title",
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
    }
)


def _draft_only(update_fields):
    return bool(update_fields) and DRAFT_FIELDS.issuperset(update_fields)


def forget_site_root_paths(sender, instance=None, update_fields=None, **kwargs):
    """A site or a page saved, moved or deleted: Wagtail's site root paths (the base of every
    page's URL, in the shared cache) are read again after the commit. Wagtail drops them when a
    site or a site's root page is saved, before the commit, so another web node could store the
    old ones again meanwhile and keep them for an hour. A moved page may hold a site's root."""
    if isinstance(instance, Page) and _draft_only(update_fields):
        return
    if instance is None or isinstance(instance, Page | Site):
        transaction.on_commit(Site.clear_site_root_paths_cache)


def remember_where_shown(sender, instance, raw=False, update_fields=None, **kwargs):
    """A snippet about to be saved keeps the URLs where its stored row shows, for
    ``forget_pages`` to purge too: a new slug moves a topic's section or a person's page, and a
    person who stops being staff leaves the Staff page."""
    if raw or instance.pk is None or _draft_only(update_fields):
        return
    if frontend_cache.enabled() and type(instance) in get_snippet_models():
        stored = type(instance)._default_manager.filter(pk=instance.pk).first()
        if stored is not None:
            setattr(instance, SHOWN_BEFORE, frontend_cache.affected_urls(stored, "save"))


def forget_pages(sender, signal, instance=None, update_fields=None, **kwargs):
    """Staff changed what public pages show: the page cache starts again (wsi/page_cache.py), and
    the frontend cache forgets the URLs where it shows (wsi/frontend_cache.py)."""
    if _draft_only(update_fields):
        return
    if isinstance(instance, BaseSiteSetting | BaseGenericSetting) and kwargs.get("created"):
        return  # made with its defaults when first read (for_site, load): pages showed those already
    if isinstance(instance, SHOWN_ON_PAGES) or type(instance) in get_snippet_models():
        urls = None
        if frontend_cache.enabled():
            shown_before = instance.__dict__.pop(SHOWN_BEFORE, ())
            urls = frontend_cache.affected_urls(instance, SIGNAL_NAMES[signal], shown_before, **kwargs)
        page_cache.pages_changed(urls, check_menus=isinstance(instance, Page | BaseViewRestriction))


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
