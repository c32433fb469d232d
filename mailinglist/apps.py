from django.apps import AppConfig
from django.db.models.signals import post_migrate


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

    def ready(self):
        from mailinglist import signals

        # After this app's migrations, and after Django has created their permissions.
        post_migrate.connect(signals.restore_managers_group, sender=self, dispatch_uid="mailinglist-managers-group")
