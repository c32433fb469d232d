"""A CSV import of subscribers: the file waits here for the task that imports it, which then
forgets the file and keeps the report that staff see."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class SubscriberImport(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Importing"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    filename = models.CharField(max_length=255)
    # The file's text until the import ends; emptied then, as it holds addresses.
    content = models.TextField(blank=True)
    state = models.CharField(max_length=20, choices=State.choices, default=State.QUEUED)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    added = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    # {reason: {"count": n, "rows": [row numbers, the first few hundred]}}
    skipped_rows = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"import of {self.filename} ({self.get_state_display().lower()})"

    @property
    def finished(self):
        return self.state in (self.State.DONE, self.State.FAILED)
