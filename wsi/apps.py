from django.apps import AppConfig
from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_migrate, post_save, pre_save
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move


class WsiConfig(AppConfig):
    name = "wsi"
    verbose_name = "Site"
    # The shell (header, footer, section menu, skip link), shared components and chart blocks.
    reserved_element_ids = (
        "top",
        "main",
        "primary-nav",
        "site-search-q",
        "section-menu-heading",
        "footer-follow-heading",
        "contact-details-heading",
        "error-summary-heading",
        "chart-????????-title",
        "chart-????????-desc",
        "note-?",
        "note-??",
    )

    # Where page images go (wsi.media_collections).
    media_collections = ("Page images",)

    def ready(self):
        from wsi import checks, page_cache, signals  # noqa: F401 (importing checks registers them)

        request_started.connect(page_cache.open_request, dispatch_uid="wsi-page-cache-request-open")
        request_finished.connect(page_cache.close_request, dispatch_uid="wsi-page-cache-request-close")

        post_migrate.connect(signals.restore_roles_and_collections, dispatch_uid="wsi-staff-roles")

        post_save.connect(signals.forget_site_root_paths, dispatch_uid="wsi-site-root-paths-save")
        post_delete.connect(signals.forget_site_root_paths, dispatch_uid="wsi-site-root-paths-delete")
        post_page_move.connect(signals.forget_site_root_paths, dispatch_uid="wsi-site-root-paths-move")
        pre_save.connect(signals.remember_where_shown, dispatch_uid="wsi-page-cache-shown-before")
        post_save.connect(signals.forget_pages, dispatch_uid="wsi-page-cache-save")
        post_delete.connect(signals.forget_pages, dispatch_uid="wsi-page-cache-delete")
        post_page_move.connect(signals.forget_pages, dispatch_uid="wsi-page-cache-move")
        page_published.connect(signals.forget_pages, dispatch_uid="wsi-page-cache-publish")
        page_unpublished.connect(signals.forget_pages, dispatch_uid="wsi-page-cache-unpublish")
        # After the commit, with the URLs before the new slug (frontend cache only).
        page_slug_changed.connect(signals.forget_pages, dispatch_uid="wsi-page-cache-slug")
        post_save.connect(
            signals.mail_new_contact_submission, sender="wsi.ContactSubmission", dispatch_uid="wsi-contact-mail"
        )
