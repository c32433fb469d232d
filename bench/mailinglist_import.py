"""A large CSV import of subscribers: what the upload request does now (check and store the
file) against the import itself (the task), and against the import as one request did it before
(a get_or_create per row). Not a test: run it by hand against a PostgreSQL database of its own,
which it empties of subscribers first.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/wsi_bench
    .venv/bin/python manage.py migrate
    .venv/bin/python bench/mailinglist_import.py [--rows 100000]

Prints seconds per phase and rows per second; compare figures taken in the same run.
"""

import argparse
import csv
import io
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wsi.settings.dev")

import django  # noqa: E402

django.setup()

from django.utils import timezone  # noqa: E402

from mailinglist.addresses import email_key, normalise_email, suppression_hash  # noqa: E402
from mailinglist.imports import read_upload, run_import  # noqa: E402
from mailinglist.models import Subscriber, SubscriberImport, Suppression  # noqa: E402


def timed(work):
    began = time.perf_counter()
    result = work()
    return time.perf_counter() - began, result


def one_request_per_row(text):
    """The import as the upload request ran it before: one get_or_create per address."""
    suppressed = set(Suppression.objects.values_list("digest", flat=True))
    for row in csv.reader(io.StringIO(text)):
        if not row or "@" not in row[0]:
            continue
        address = normalise_email(row[0])
        if suppression_hash(address) in suppressed:
            continue
        now = timezone.now()
        Subscriber.objects.get_or_create(
            email_key=email_key(address),
            defaults={"email": address, "name": row[1][:200], "status": "subscribed", "confirmed_at": now},
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    raw = "email,name\n" + "".join(f"person{n}@example.org,Person {n}\n" for n in range(args.rows))
    raw = raw.encode()
    print(f"{args.rows} rows, {len(raw) / 1024 / 1024:.1f} MB")

    Subscriber.objects.all().delete()
    request_s, text = timed(lambda: read_upload(raw))
    store_s, job = timed(lambda: SubscriberImport.objects.create(filename="bench.csv", content=text))
    task_s, _ = timed(lambda: run_import(job.pk))
    assert Subscriber.objects.count() == args.rows
    job.delete()
    Subscriber.objects.all().delete()
    before_s, _ = timed(lambda: one_request_per_row(text))
    Subscriber.objects.all().delete()

    print(f"upload request now (check + store): {request_s + store_s:6.2f} s")
    print(f"the task (import in batches):        {task_s:6.2f} s  ({args.rows / task_s:,.0f} rows/s)")
    print(f"before, all in the request:          {before_s:6.2f} s  ({args.rows / before_s:,.0f} rows/s)")
    print(f"request now / request before:        {(request_s + store_s) / before_s:.3f}")


if __name__ == "__main__":
    main()
