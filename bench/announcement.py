"""Announcement benchmark: one announcement to 1,000 and to 10,000 subscribers through a local
SMTP sink, sent by the bulk worker exactly as docker-compose.yml runs it. Prints mails per
second (from the Send to the last mail at the sink), duplicates, the worker's CPU time per mail
(its processes' user and system time: less noisy than the rate on a shared machine), its peak
resident memory (the largest of its processes), which must not grow with the number of
recipients, and the load average before each size. It first measures the sink alone (prebuilt
mails from two smtplib clients): no sender can go faster than that floor on this machine.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/wsi_bench REDIS_URL=redis://127.0.0.1:6379/5
    .venv/bin/python bench/announcement.py [--recipients 1000 10000]
    # the same run on another checkout first (e.g. main), on a database of its own:
    .venv/bin/python bench/announcement.py --before /path/to/main \\
        --before-database-url postgres://postgres@127.0.0.1:5432/wsi_bench_before

Each size runs in a freshly started worker. Subscribers and announcements it creates are
deleted afterwards.
"""

import argparse
import os
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.smtp_sink import FastSink, floor  # noqa: E402
from bench.stack import BASE_DIR, Stack, forget_queued_tasks  # noqa: E402

SETUP = """
from django.db import transaction
from mailinglist.addresses import email_key
from mailinglist.models import Announcement, Subscriber
from wsi.factories import make_site_root
from wagtail.models import Site
if not Site.objects.filter(is_default_site=True).exists():
    make_site_root()
with transaction.atomic():
    Subscriber.objects.bulk_create(
        [Subscriber(email=a, email_key=email_key(a), status="subscribed", consent_version="bench")
         for a in (f"bench-RUN-{n}@example.org" for n in range(COUNT))], batch_size=2000)
    print(Announcement.objects.create(subject="Bench RUN", body="<p>Our latest report is out.</p>").pk)
"""
SEND = """
import time
from mailinglist.models import Announcement
from mailinglist.tasks import queue_announcement
Announcement.objects.filter(pk=PK).update(state="queued")
print(time.time())
queue_announcement.delay(PK)
"""
CLEANUP = """
from mailinglist.models import Announcement, Subscriber
Announcement.objects.filter(subject__startswith="Bench ").delete()
Subscriber.objects.filter(email__startswith="bench-").delete()
"""


def load():
    return "/".join(f"{figure:.1f}" for figure in os.getloadavg())


def measure(checkout, database_url, sizes, label):
    sink = FastSink().start()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "wsi.settings.dev",
        "DEBUG": "false",
        "EMAIL_URL": sink.url,
        "SITE_URL": "http://127.0.0.1:8000",
    }
    stack = Stack(checkout, env, label)
    results = []
    try:
        stack.manage("migrate", "--noinput", "-v0")
        for count in sizes:
            run = uuid.uuid4().hex[:8]
            forget_queued_tasks(env["REDIS_URL"])
            pk = stack.shell(SETUP.replace("RUN", run).replace("COUNT", str(count))).splitlines()[-1]
            stack.start_workers(only_queue="bulk")
            sink.clear()
            load_before, cpu_before = load(), sum(stack.cpu_seconds(name) for name in stack.processes)
            began = float(stack.shell(SEND.replace("PK", pk)).splitlines()[-1])
            deadline = time.monotonic() + max(300, count / 10)
            while len(sink.recipients) < count and time.monotonic() < deadline:
                time.sleep(0.2)
            elapsed = sink.last - began
            received = len(sink.recipients)
            duplicates = received - len(set(sink.recipients))
            cpu = sum(stack.cpu_seconds(name) for name in stack.processes) - cpu_before
            rss = max(stack.peak_rss_mb(name) for name in stack.processes)
            rate = received / elapsed if elapsed > 0 else 0
            results.append((count, received, rate, duplicates, cpu * 1000 / max(1, received), rss, load_before))
            stack.stop()
            stack.shell(CLEANUP)  # the next round's announcement goes to its own subscribers only
    finally:
        stack.stop()
        stack.shell(CLEANUP)
        sink.stop()
    return results


def report(label, results):
    print(label)
    for count, received, rate, duplicates, cpu, rss, load_before in results:
        print(
            f"  {count:>6} recipients: {received} mails received, {rate:.0f} mails/s, {duplicates} duplicates, "
            f"worker CPU {cpu:.2f} ms/mail, worker peak RSS {rss:.0f} MB (load average {load_before})"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--recipients", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--before", help="another checkout to measure first, in the same run")
    parser.add_argument("--before-database-url", help="its database (its schema may differ)")
    args = parser.parse_args()
    for name in ("DATABASE_URL", "REDIS_URL"):
        if not os.environ.get(name):
            raise SystemExit(f"set {name} (a PostgreSQL database and a Redis db of your own)")
    load_before = load()
    received, sink_rate = floor(10000, 2)
    sink_floor = f"sink alone: {received} mails from 2 smtplib clients, {sink_rate:.0f} mails/s (load {load_before})"
    if args.before:
        before = measure(args.before, args.before_database_url or os.environ["DATABASE_URL"], args.recipients, "before")
    after = measure(BASE_DIR, os.environ["DATABASE_URL"], args.recipients, "after")
    print(sink_floor)
    if args.before:
        report(f"before ({args.before})", before)
    report("after (this checkout)", after)


if __name__ == "__main__":
    main()
