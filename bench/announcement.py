"""Announcement benchmark: one announcement to 1,000 and to 10,000 subscribers through a local
SMTP sink, sent by the bulk worker exactly as docker-compose.yml runs it. Prints mails per
second (from the Send to the last mail at the sink), duplicates, and the worker's peak resident
memory (the largest of its processes), which must not grow with the number of recipients.

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
import threading
import time
import uuid
from pathlib import Path

from aiosmtpd.controller import Controller

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.stack import BASE_DIR, Stack, forget_queued_tasks  # noqa: E402
from tests.helpers.smtp_sink import free_port  # noqa: E402


class CountingHandler:
    """Keeps only each mail's recipient and arrival time: parsing 10,000 mails here would take
    the CPU the worker is being measured on."""

    def __init__(self):
        self.recipients = []
        self.last = 0.0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.recipients.extend(envelope.rcpt_tos)
            self.last = time.time()
        return "250 Message accepted"


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


def measure(checkout, database_url, sizes, label):
    handler = CountingHandler()
    port = free_port()
    sink = Controller(handler, hostname="127.0.0.1", port=port)
    sink.start()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "wsi.settings.dev",
        "DEBUG": "false",
        "EMAIL_URL": f"smtp://127.0.0.1:{port}",
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
            with handler.lock:
                handler.recipients.clear()
            began = float(stack.shell(SEND.replace("PK", pk)).splitlines()[-1])
            deadline = time.monotonic() + max(300, count / 10)
            while len(handler.recipients) < count and time.monotonic() < deadline:
                time.sleep(0.2)
            elapsed = handler.last - began
            received = len(handler.recipients)
            duplicates = received - len(set(handler.recipients))
            rss = max(stack.peak_rss_mb(name) for name in stack.processes)
            results.append((count, received, received / elapsed if elapsed > 0 else 0, duplicates, rss))
            stack.stop()
            stack.shell(CLEANUP)  # the next round's announcement goes to its own subscribers only
    finally:
        stack.stop()
        stack.shell(CLEANUP)
        sink.stop()
    return results


def report(label, results):
    print(label)
    for count, received, rate, duplicates, rss in results:
        print(
            f"  {count:>6} recipients: {received} mails received, {rate:.0f} mails/s, "
            f"{duplicates} duplicates, worker peak RSS {rss:.0f} MB"
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
    if args.before:
        before = measure(args.before, args.before_database_url or os.environ["DATABASE_URL"], args.recipients, "before")
    after = measure(BASE_DIR, os.environ["DATABASE_URL"], args.recipients, "after")
    if args.before:
        report(f"before ({args.before})", before)
    report("after (this checkout)", after)


if __name__ == "__main__":
    main()
