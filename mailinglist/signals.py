"""What the mailing list does when something happens elsewhere. ``MailinglistConfig.ready``
connects each receiver here to its signal."""

from mailinglist.groups import ensure_managers_group


def restore_managers_group(sender, app_config, using="default", **kwargs):
    """After this app's migrations: the managers group exists with all its permissions."""
    ensure_managers_group(app_config, using)
