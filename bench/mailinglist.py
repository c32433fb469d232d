"""Mailing-list benchmark: signups through the real HTTP endpoint (gunicorn, two workers) with
the Celery workers that docker-compose.yml runs, in bursts, and the time from each POST to its
confirmation mail at an SMTP sink (median and 99th percentile), with the load average at the
start. The sink is bench/smtp_sink.py's: it costs the clients' process next to nothing, so
the arrival times it stamps are not held up by its own parsing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wsi_bench REDIS_URL=redis://127.0.0.1:6379/5 \\
        .venv/bin/python bench/mailinglist.py --signups 200 --burst 50 --clients 8
    # the same run on another checkout first (e.g. main), on a database of its own:
        ... --before /path/to/main --before-database-url postgres://postgres@127.0.0.1:5432/wsi_bench_before

With ``--announcement 20000`` an announcement to that many subscribers is sent from just before
the signups, by the bulk worker as in Compose: confirmations must not wait behind it.

It migrates the databases it is given, and deletes the subscribers it created afterwards.
"""

import argparse
import os
import re
import statistics
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.announcement import CLEANUP, SEND, SETUP  # noqa: E402
from bench.smtp_sink import FastSink  # noqa: E402
from bench.stack import BASE_DIR, Stack, forget_queued_tasks, wait_for_http  # noqa: E402
from tests.helpers.ports import free_port  # noqa: E402


def client_session(base_url):
    """A visitor's session: the signup form's fields as the page gives them. The page holds no CSRF
    token: like a browser, the client says where the form came from in ``Origin``."""
    session = requests.Session()
    session.headers["Origin"] = base_url
    page = session.get(f"{base_url}/mailing-list/", timeout=10)
    started = re.search(r'name="started"\s+value="([^"]+)"', page.text).group(1)
    return session, {"started": started, "page": "/"}


def measure(checkout, database_url, args, label):
    sink = FastSink().start()
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "wsi.settings.dev",
        "DEBUG": "false",
        "EMAIL_URL": sink.url,
        "SITE_URL": base_url,
        "MAILINGLIST_SIGNUPS_PER_IP": str(10**9),
        "MAILINGLIST_MIN_FILL_SECONDS": "0",
    }
    stack = Stack(checkout, env, label)
    run = uuid.uuid4().hex[:8]
    try:
        stack.manage("migrate", "--noinput", "-v0")
        forget_queued_tasks(env["REDIS_URL"])
        # gunicorn 27 would otherwise share one control socket with every other gunicorn here.
        gunicorn = [str(BASE_DIR / ".venv/bin/gunicorn"), "wsi.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}"]
        stack.start("web", [*gunicorn, "--no-control-socket"])
        stack.start_workers()
        wait_for_http(f"{base_url}/healthz")
        announced = f"bench-{uuid.uuid4().hex[:8]}-"
        if args.announcement:
            setup = SETUP.replace("bench-RUN-", announced).replace("RUN", run).replace("COUNT", str(args.announcement))
            stack.shell(SEND.replace("PK", stack.shell(setup).splitlines()[-1]))
        posted_at = {}
        local = threading.local()

        def sign_up(number):
            if not hasattr(local, "session"):
                local.session, local.fields = client_session(base_url)
            address = f"bench-{run}-{number}@example.org"
            posted_at[address] = time.monotonic()
            response = local.session.post(
                f"{base_url}/mailing-list/", data={**local.fields, "email": address}, allow_redirects=False, timeout=30
            )
            assert response.status_code == 302, response.status_code

        with ThreadPoolExecutor(args.clients) as pool:
            list(pool.map(client_session, [base_url] * args.clients))  # warm up both gunicorn workers
            load = "/".join(f"{figure:.1f}" for figure in os.getloadavg())
            began = time.monotonic()
            for first in range(0, args.signups, args.burst):
                list(pool.map(sign_up, range(first, min(first + args.burst, args.signups))))
                time.sleep(args.pause)
            elapsed = time.monotonic() - began
        deadline = time.monotonic() + 600
        while not set(sink.recipients) >= posted_at.keys() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(1)  # any duplicate would come soon after
        with sink.lock:
            arrivals = {}
            for address, arrived in zip(sink.recipients, sink.arrived, strict=True):
                if not address.startswith(announced):
                    arrivals.setdefault(address, arrived)
            last_confirmation = max(arrivals.values())
            announcement_mails = [
                arrived
                for address, arrived in zip(sink.recipients, sink.arrived, strict=True)
                if address.startswith(announced)
            ]
            duplicates = len(sink.recipients) - len(arrivals) - len(announcement_mails)
        latencies = sorted(arrivals[address] - posted for address, posted in posted_at.items())
        announcement_after = sum(arrived > last_confirmation for arrived in announcement_mails)
        return args.signups / elapsed, latencies, duplicates, load, announcement_after
    finally:
        stack.stop()
        sink.stop()
        stack.shell(CLEANUP)


def report(label, result, args):
    rate, latencies, duplicates, load, announcement_after = result
    print(f"{label} (load average {load})")
    print(f"  signups:          {args.signups} in bursts of {args.burst} from {args.clients} clients")
    print(f"  signups per second (pauses included): {rate:.0f}")
    print(
        f"  POST to sink:     median {statistics.median(latencies) * 1000:.0f} ms, "
        f"p99 {latencies[int(0.99 * (len(latencies) - 1))] * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms"
    )
    print(f"  duplicate mails:  {duplicates}")
    if args.announcement:
        print(
            f"  announcement to {args.announcement} subscribers sent meanwhile: "
            f"{announcement_after} of its mails left after the last confirmation"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--signups", type=int, default=200)
    parser.add_argument("--burst", type=int, default=50, help="signups sent at once, then a pause")
    parser.add_argument("--pause", type=float, default=1.0, help="seconds between bursts")
    parser.add_argument("--clients", type=int, default=8, help="concurrent HTTP clients")
    parser.add_argument(
        "--announcement", type=int, default=0, help="recipients of an announcement sent from just before the signups"
    )
    parser.add_argument("--before", help="another checkout to measure first, in the same run")
    parser.add_argument("--before-database-url", help="its database (its schema may differ)")
    args = parser.parse_args()
    for name in ("DATABASE_URL", "REDIS_URL"):
        if not os.environ.get(name):
            raise SystemExit(f"set {name} (a PostgreSQL database and a Redis db of your own)")
    if args.before:
        before = measure(args.before, args.before_database_url or os.environ["DATABASE_URL"], args, "before")
    after = measure(BASE_DIR, os.environ["DATABASE_URL"], args, "after")
    if args.before:
        report(f"before ({args.before})", before, args)
    report("after (this checkout)", after, args)


if __name__ == "__main__":
    main()
