"""CSV imports of subscribers: the checks made on the upload before anything is stored (size,
NUL bytes, encoding, CSV syntax), and the import itself, which a task runs, with its report:
rows added, updated and skipped, each skip with its reason."""

import csv
import io
import logging
from collections import defaultdict
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .addresses import email_key, normalise_email, suppression_hash
from .models import Subscriber, SubscriberImport, Suppression

logger = logging.getLogger(__name__)
Status = Subscriber.Status
BATCH_SIZE = 1000
ROWS_LISTED_PER_REASON = 200

EMPTY = "Empty row"
NO_AT = "No @ in the first column"
INVALID = "Not a valid address"
REPEATED = "Repeated in this file"
SUPPRESSED = "Unsubscribed or erased earlier"
EXISTING = "Already on the list"
PENDING = "Signed up, waiting for their own confirmation"
LEFT = "Left the list (unsubscribed or bounced)"


class ImportFileError(ValueError):
    """An upload that cannot be imported; the message says why, in the staff's words."""


def check_size(size):
    max_bytes = settings.MAILINGLIST_IMPORT_MAX_BYTES
    if size > max_bytes:
        raise ImportFileError(
            f"The file is larger than {max_bytes / (1024 * 1024):g} MB: split it into smaller files and import each."
        )


def read_upload(raw):
    """The uploaded file's text, or ImportFileError: nothing is stored before it passes."""
    check_size(len(raw))
    if b"\x00" in raw:
        raise ImportFileError(
            "The file contains NUL bytes, so it is not a CSV text file (perhaps a spreadsheet in its own "
            'format). Save it as "CSV UTF-8" and try again.'
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError('Save the file as "CSV UTF-8" and try again: it is not UTF-8 text.') from error
    reader = csv.reader(io.StringIO(text))
    try:
        rows = sum(1 for row in reader if any(cell.strip() for cell in row))
    except csv.Error as error:
        raise ImportFileError(f"Line {reader.line_num} of the file is not valid CSV ({error}).") from error
    if not rows:
        raise ImportFileError("The file has no rows.")
    return text


class Report:
    def __init__(self):
        self.added = self.updated = 0
        self.skipped = defaultdict(list)

    def skip(self, number, reason):
        self.skipped[reason].append(number)

    def as_fields(self):
        return {
            "added": self.added,
            "updated": self.updated,
            "skipped": sum(len(rows) for rows in self.skipped.values()),
            "skipped_rows": {
                reason: {"count": len(rows), "rows": rows[:ROWS_LISTED_PER_REASON]}
                for reason, rows in self.skipped.items()
            },
        }


def import_rows(rows, progress=None):
    """Add the addresses of ``rows`` (email, then an optional name) as subscribed, with consent
    "imported"; fill in the name of a subscriber who has none. A first row without "@" is a
    header. ``progress(report)`` is called after each batch. Returns the Report."""
    report = Report()
    suppressed = set(Suppression.objects.values_list("digest", flat=True))
    seen, batch = set(), []
    for number, row in enumerate(rows, start=1):
        first = row[0].strip() if row else ""
        if number == 1 and "@" not in first:
            continue
        if not any(cell.strip() for cell in row):
            report.skip(number, EMPTY)
            continue
        if "@" not in first:
            report.skip(number, NO_AT)
            continue
        try:
            address = normalise_email(first)
        except ValidationError:
            report.skip(number, INVALID)
            continue
        key = email_key(address)
        if key in seen:
            report.skip(number, REPEATED)
            continue
        seen.add(key)
        if suppression_hash(address) in suppressed:
            report.skip(number, SUPPRESSED)
            continue
        batch.append((number, address, row[1].strip()[:200] if len(row) > 1 else ""))
        if len(batch) == BATCH_SIZE:
            _import_batch(batch, report, progress)
            batch = []
    if batch:
        _import_batch(batch, report, progress)
    return report


def _import_batch(batch, report, progress):
    now = timezone.now()
    with transaction.atomic():
        existing = {
            subscriber.email_key: subscriber
            for subscriber in Subscriber.objects.select_for_update().filter(
                email_key__in=[email_key(address) for _, address, _ in batch]
            )
        }
        new, renamed = [], []
        for number, address, name in batch:
            subscriber = existing.get(email_key(address))
            if subscriber is None:
                new.append(
                    Subscriber(
                        email=address,
                        email_key=email_key(address),
                        name=name,
                        status=Status.SUBSCRIBED,
                        consent_method=Subscriber.ConsentMethod.IMPORTED,
                        consent_at=now,
                        confirmed_at=now,
                    )
                )
            elif subscriber.status == Status.PENDING:
                report.skip(number, PENDING)
            elif subscriber.status != Status.SUBSCRIBED:
                report.skip(number, LEFT)
            elif name and not subscriber.name:
                subscriber.name = name
                renamed.append(subscriber)
            else:
                report.skip(number, EXISTING)
        # A signup that created one of them meanwhile wins; that row counts as added all the same.
        Subscriber.objects.bulk_create(new, ignore_conflicts=True)
        Subscriber.objects.bulk_update(renamed, ["name", "updated_at"])
    report.added += len(new)
    report.updated += len(renamed)
    if progress is not None:
        progress(report)


def _save_progress(import_id, report):
    SubscriberImport.objects.filter(pk=import_id).update(added=report.added, updated=report.updated)


def run_import(import_id):
    """The task's work: import the stored file, keep the report, forget the file, and write
    the admin log's entry. Safe to run twice: a second run finds it finished."""
    started = SubscriberImport.objects.filter(
        pk=import_id, state__in=[SubscriberImport.State.QUEUED, SubscriberImport.State.RUNNING]
    ).update(state=SubscriberImport.State.RUNNING, started_at=timezone.now())
    if not started:
        return None
    job = SubscriberImport.objects.get(pk=import_id)
    try:
        fields = import_rows(csv.reader(io.StringIO(job.content)), partial(_save_progress, job.pk)).as_fields()
        state, error = SubscriberImport.State.DONE, ""
    except Exception as failure:
        logger.exception("Subscriber import %s failed", job.pk)
        fields, state = {}, SubscriberImport.State.FAILED
        error = f"The import stopped ({failure.__class__.__name__}); rows before the failure may have been added."
    SubscriberImport.objects.filter(pk=job.pk).update(
        state=state, content="", finished_at=timezone.now(), error=error, **fields
    )
    data = {"file": job.filename, **{key: fields.get(key, 0) for key in ("added", "updated", "skipped")}}
    log(job, "mailinglist.import", user=job.created_by, title=f"Subscriber import #{job.pk}", data=data)
    return data
