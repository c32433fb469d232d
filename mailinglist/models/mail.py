"""Every message the list sends is a row first: staff see what happened, and the row's state
guarantees that each one goes out at most once."""

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

ANNOUNCEMENT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class OutgoingMail(models.Model):
    class Kind(models.TextChoices):
        CONFIRM = "confirm", "Confirmation"
        WELCOME = "welcome", "Welcome"
        NOTICE = "notice", "Already subscribed notice"
        PREFERENCES = "preferences", "Preferences link"
        ANNOUNCEMENT = "announcement", "Announcement"

    class State(models.TextChoices):
        QUEUED = "queued", "Queued"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Not needed any more"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    state = models.CharField(max_length=20, choices=State.choices, default=State.QUEUED, db_index=True)
    subscriber = models.ForeignKey(
        "mailinglist.Subscriber", null=True, blank=True, on_delete=models.SET_NULL, related_name="mails"
    )
    announcement = models.ForeignKey(
        "mailinglist.Announcement", null=True, blank=True, on_delete=models.CASCADE, related_name="mails"
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    message_id = models.CharField("Message-ID", max_length=255, blank=True)
    claim = models.UUIDField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    enqueued_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "outgoing mail"
        indexes = [
            models.Index(fields=["state", "enqueued_at"]),
            models.Index(fields=["announcement", "state"], name="mailinglist_announcement_state"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["announcement", "subscriber"],
                condition=Q(announcement__isnull=False),
                name="mailinglist_one_announcement_per_subscriber",
            )
        ]

    # Staff browse the mails (OutgoingMailViewSet), which would index each row's references to
    # its subscriber and announcement: queries in every confirmation's task, for a "used by"
    # list that nobody reads on a subscriber or an announcement.
    wagtail_reference_index_ignore = True

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk} ({self.state})"


class Announcement(ClusterableModel):
    """News for the whole list (or the subscribers of some topics), composed in the admin."""

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        SCHEDULED = "scheduled", "Scheduled"
        QUEUED = "queued", "Preparing the recipients"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"

    # Going out or gone: shown in the public newsletter archive.
    PUBLIC_STATES = (State.SENDING, State.SENT)

    subject = models.CharField(max_length=200)
    body = RichTextField(features=ANNOUNCEMENT_FEATURES)
    interests = ParentalManyToManyField(
        "library.Topic",
        blank=True,
        related_name="+",
        help_text="Send only to subscribers interested in one of these topics. Leave empty for everyone.",
    )
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    queued_at = models.DateTimeField(null=True, blank=True, editable=False)
    queued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, editable=False, related_name="+"
    )
    send_at = models.DateTimeField(null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Recipients up to this subscriber id have their mail row: where preparing resumes.
    prepared_through = models.BigIntegerField(default=0, editable=False)
    # When a task for it was last published (its lease); empty when the publish failed.
    enqueued_at = models.DateTimeField(null=True, blank=True, editable=False)

    panels = [
        FieldPanel("subject"),
        FieldPanel("body"),
        InlinePanel("featured_pages", heading="Featured pages", label="Page"),
        MultiFieldPanel([FieldPanel("interests")], heading="Audience"),
    ]

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject

    def progress(self):
        """How many of its mails are in each state, e.g. {"sent": 120, "queued": 3}."""
        counts = self.mails.values("state").annotate(total=Count("pk")).order_by()
        return {row["state"]: row["total"] for row in counts}


class AnnouncementPage(Orderable):
    announcement = ParentalKey(Announcement, on_delete=models.CASCADE, related_name="featured_pages")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("page")]
