"""An event: when (in its own time zone) and where, its status, speakers, registration and
recording, and the queryset that splits upcoming from past."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from resources.events import calendars, times
from resources.events import structured_data as event_structured_data
from resources.library.models.snippets import BIO_FEATURES
from wsi.embeds import can_embed
from wsi.models import BasePage, BodyMixin
from wsi.page_privacy import public
from wsi.structured_data import json_ld_script

# What an event's card reads (events/event_card.html), its link and its series' title included.
CARD_FIELDS = ("title", "path", "depth", "url_path", "locale", "live", "introduction", "status", "time_zone")
CARD_FIELDS += ("start_time", "starts_at", "ends_at", "venue_name", "address", "online_url", "series__title")
AUDIO_EXTENSIONS = {"mp3", "m4a", "ogg", "wav"}
VIDEO_EXTENSIONS = {"mp4", "webm"}


class EventQuerySet(PageQuerySet):
    def upcoming(self):
        """Events that have not ended, soonest first: one in progress is still upcoming."""
        return self.filter(ends_at__gt=timezone.now()).order_by("starts_at")

    def next_change(self, now):
        """The next instant at which one of these events starts, ends or closes its registration
        (at midnight after the deadline, in its time zone), or None."""
        events = self.filter(ends_at__gt=now)
        bounds = events.aggregate(
            start=models.Min("starts_at", filter=models.Q(starts_at__gt=now)), end=models.Min("ends_at")
        )
        deadlines = events.filter(registration_deadline__gte=(now - timedelta(days=2)).date())
        closings = [
            datetime.combine(day + timedelta(days=1), time.min, ZoneInfo(zone))
            for day, zone in deadlines.values_list("registration_deadline", "time_zone")
        ]
        instants = [bounds["start"], bounds["end"], *(closing for closing in closings if closing > now)]
        return min((instant for instant in instants if instant is not None), default=None)

    def past(self):
        return self.filter(ends_at__lte=timezone.now()).order_by("-starts_at")

    def for_cards(self):
        """Only what a card shows: building the SQL of every column of an event and its series
        took twice as long as running it."""
        return self.select_related("series").only(*CARD_FIELDS)


class EventPage(RoutablePageMixin, BodyMixin, BasePage):
    """One event: when (in its own time zone) and where, its status, speakers, registration,
    and afterwards its recording. Offers an .ics file and calendar links."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        CANCELLED = "cancelled", "Cancelled"
        POSTPONED = "postponed", "Postponed"
        MOVED_ONLINE = "moved_online", "Moved online"

    template = "events/event_page.html"
    parent_page_types = ["events.EventIndexPage"]
    objects = PageManager.from_queryset(EventQuerySet)()
    subpage_types = []

    series = models.ForeignKey(
        "events.EventSeriesPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SCHEDULED)
    status_note = models.CharField(
        max_length=255, blank=True, help_text="Shown with a status other than scheduled, e.g. the new date."
    )
    time_zone = models.CharField(max_length=40, choices=times.TIME_ZONES, default=times.DEFAULT_TIME_ZONE)
    start_date = models.DateField()
    start_time = models.TimeField(null=True, blank=True, help_text="Leave both times empty for an all-day event.")
    end_date = models.DateField(null=True, blank=True, help_text="Only for events that last more than a day.")
    end_time = models.TimeField(null=True, blank=True)
    # The instants the wall-clock fields above describe, kept for querying and ordering.
    starts_at = models.DateTimeField(blank=True, db_index=True, editable=False)
    ends_at = models.DateTimeField(blank=True, db_index=True, editable=False)

    venue_name = models.CharField(max_length=255, blank=True)
    address = models.TextField(blank=True)
    online_url = models.URLField("online link", blank=True, help_text="Where to join the event online.")
    registration_url = models.URLField("registration link", blank=True)
    registration_deadline = models.DateField(null=True, blank=True, help_text="The last day to register.")

    topics = ParentalManyToManyField("library.Topic", blank=True, related_name="events")
    recording_embed_url = models.URLField(
        "recording address", blank=True, help_text="A YouTube, Vimeo or SoundCloud address of the recording."
    )
    recording_file = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Or an audio or video file (MP3, M4A, WAV, MP4, WebM).",
    )
    transcript = RichTextField(blank=True, features=BIO_FEATURES)

    content_panels = [
        *Page.content_panels,
        FieldPanel("series"),
        FieldPanel("introduction", heading="Summary"),
        MultiFieldPanel(
            [
                FieldPanel("time_zone"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
            ],
            heading="When",
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("status_note")],
            heading="Status",
        ),
        MultiFieldPanel(
            [FieldPanel("venue_name"), FieldPanel("address"), FieldPanel("online_url")],
            heading="Where",
        ),
        MultiFieldPanel(
            [FieldPanel("registration_url"), FieldPanel("registration_deadline")],
            heading="Registration",
        ),
        InlinePanel("speakers", heading="Speakers", label="Speaker"),
        FieldPanel("topics"),
        *BodyMixin.content_panels,
        MultiFieldPanel(
            [FieldPanel("recording_embed_url"), FieldPanel("recording_file"), FieldPanel("transcript")],
            heading="Recording",
        ),
        InlinePanel("related_pages", heading="Related pages", label="Related page"),
        InlinePanel("related_documents", heading="Related documents", label="Related document"),
    ]
    search_fields = [
        *BasePage.search_fields,
        *BodyMixin.search_fields,
        index.SearchField("venue_name"),
        index.SearchField("transcript"),
        index.FilterField("starts_at"),
    ]

    def clean(self):
        super().clean()
        if self.recording_embed_url and not can_embed(self.recording_embed_url):
            raise ValidationError(
                {
                    "recording_embed_url": "This address cannot be embedded. Use the address of the "
                    "recording's page on YouTube, Vimeo or SoundCloud, or upload the file below."
                }
            )
        if self.start_date is None:
            return
        if (self.start_time is None) != (self.end_time is None):
            raise ValidationError({"end_time": "Give both a start and an end time, or neither for an all-day event."})
        if self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The event cannot end before it starts."})
        starts_at, ends_at = self._instants()
        if ends_at <= starts_at and self.start_time is not None:
            raise ValidationError({"end_time": "The event must end after it starts."})
        # A preview renders the unsaved form data, so the instants must follow it already.
        self.starts_at, self.ends_at = starts_at, ends_at

    def save(self, *args, **kwargs):
        self.starts_at, self.ends_at = self._instants()
        super().save(*args, **kwargs)

    def _instants(self):
        return times.instants(self.time_zone, self.start_date, self.start_time, self.end_date, self.end_time)

    def get_cached_paths(self):
        return ["/", "calendar/"]

    @path("calendar/", name="ics")
    def calendar(self, request):
        return calendars.calendar_response(request, [self], name=self.title, filename=f"{self.slug}.ics")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        speakers = list(self.speakers.select_related("person__photo"))
        related_ids = list(self.related_pages.values_list("related_page_id", flat=True))
        related = {page.pk: page for page in public(Page.objects.filter(pk__in=related_ids).live()).specific()}
        context.update(
            speakers=speakers,
            related_pages=[related[pk] for pk in related_ids if pk in related],
            related_documents=self.related_documents.select_related("document"),
            calendar_links=calendars.links(request, self),
            structured_data=json_ld_script(event_structured_data.event(request, self, speakers)),
        )
        return context

    @property
    def all_day(self):
        return self.start_time is None

    @property
    def zone(self):
        return ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return self.starts_at.astimezone(self.zone)

    @property
    def local_end(self):
        return self.ends_at.astimezone(self.zone)

    @property
    def when(self):
        return times.describe(self.starts_at, self.ends_at, self.time_zone, self.all_day)

    @property
    def zone_name(self):
        return times.ZONE_NAMES.get(self.time_zone, self.time_zone)

    @property
    def is_upcoming(self):
        return self.ends_at > timezone.now()

    @property
    def is_in_progress(self):
        return self.starts_at <= timezone.now() < self.ends_at

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def status_label(self):
        """What visitors must be told before anything else, or "" for a scheduled event."""
        return "" if self.status == self.Status.SCHEDULED else self.get_status_display()

    @property
    def display_title(self):
        return f"{self.status_label}: {self.title}" if self.status_label else self.title

    @property
    def attendance_mode(self):
        """ "offline", "online" or "mixed", as schema.org's eventAttendanceMode has it."""
        in_person = bool(self.venue_name or self.address)
        if self.status == self.Status.MOVED_ONLINE or (self.online_url and not in_person):
            return "online"
        return "mixed" if self.online_url else "offline"

    @property
    def location_text(self):
        if self.attendance_mode == "online":
            return "Online"
        place = ", ".join(part for part in [self.venue_name, " ".join(self.address.split())] if part)
        return f"{place} and online" if self.attendance_mode == "mixed" else place

    @property
    def registration_open(self):
        if not self.registration_url or self.is_cancelled or not self.is_upcoming:
            return False
        today = timezone.now().astimezone(self.zone).date()
        return self.registration_deadline is None or today <= self.registration_deadline

    @cached_property
    def recording_kind(self):
        """ "audio", "video" or "file" for the uploaded recording, by its file extension."""
        if self.recording_file is None:
            return ""
        extension = self.recording_file.file_extension.lower()
        if extension in AUDIO_EXTENSIONS:
            return "audio"
        return "video" if extension in VIDEO_EXTENSIONS else "file"

    @property
    def has_recording(self):
        return bool(self.recording_embed_url or self.recording_file_id or self.transcript)


class EventSpeaker(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey("library.Person", on_delete=models.CASCADE, related_name="event_appearances")
    role = models.CharField(max_length=100, blank=True, help_text="At this event, e.g. Moderator or Opening remarks.")

    panels = [FieldPanel("person"), FieldPanel("role")]


class EventRelatedPage(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="related_pages")
    related_page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("related_page")]


class EventRelatedDocument(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="related_documents")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=255, blank=True, help_text="Defaults to the document's title.")

    panels = [FieldPanel("document"), FieldPanel("title")]
