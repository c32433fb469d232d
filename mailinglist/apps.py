from django.apps import AppConfig
from django.db.models.signals import post_delete


class MailinglistConfig(AppConfig):
    name = "mailinglist"
    verbose_name = "Mailing list"
    # The signup form in every page's footer.
    reserved_element_ids = (
        "footer-signup-heading",
        "footer-email",
        "footer-email-error",
        "footer-name",
        "footer-website",
    )
    # Its roles, kept by wsi.roles after every migrate: managers see, export and erase
    # subscribers and send announcements; announcers write and send announcements.
    role_permissions = {
        "Mailing list managers": [
            "wagtailadmin.access_admin",
            "mailinglist.view_subscriber",
            "mailinglist.change_subscriber",
            "mailinglist.delete_subscriber",
            "mailinglist.export_subscriber",
            "mailinglist.add_announcement",
            "mailinglist.change_announcement",
            "mailinglist.delete_announcement",
            "mailinglist.view_announcement",
            "mailinglist.change_mailinglistsettings",
            "mailinglist.view_outgoingmail",
        ],
        # Sending is changing an announcement's state (staff.announcements.SendView).
        "Announcers": [
            "wagtailadmin.access_admin",
            "mailinglist.add_announcement",
            "mailinglist.change_announcement",
            "mailinglist.view_announcement",
        ],
    }

    def ready(self):
        from .archive import forget_deleted
        from .models import Announcement

        post_delete.connect(forget_deleted, sender=Announcement, dispatch_uid="mailinglist-archive")
