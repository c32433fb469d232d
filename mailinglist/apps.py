from django.apps import AppConfig


class MailinglistConfig(AppConfig):
    name = "mailinglist"
    verbose_name = "Mailing list"
