from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="mail")
class MailingListSettings(BaseSiteSetting):
    """The words of the mails a subscriber receives, which staff may adjust."""

    confirm_subject = models.CharField(max_length=150, default="Please confirm your subscription")
    confirm_intro = models.TextField(
        default=(
            "Someone, probably you, asked to join the Workforce Strategies Initiative mailing list "
            "with this address. Please confirm that you want our news."
        ),
        help_text="The first paragraph of the confirmation mail. The button and the link follow it.",
    )
    welcome_subject = models.CharField(max_length=150, default="Welcome to our mailing list")
    welcome_intro = models.TextField(
        default="Thank you for confirming. You will hear from us about new publications, tools, webinars and events."
    )

    panels = [
        MultiFieldPanel([FieldPanel("confirm_subject"), FieldPanel("confirm_intro")], heading="Confirmation mail"),
        MultiFieldPanel([FieldPanel("welcome_subject"), FieldPanel("welcome_intro")], heading="Welcome mail"),
    ]

    class Meta:
        verbose_name = "mailing list"
