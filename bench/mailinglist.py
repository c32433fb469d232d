"""Mailing-list benchmark: signups per second through the real HTTP endpoint (gunicorn, two
workers, a Celery worker running) and the time from POST to the confirmation mail at an SMTP
sink (median and 99th percentile).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wsi_bench REDIS_URL=redis://127.0.0.1:6379/5 \\
        .venv/bin/python bench/mailinglist.py --signups 1000 --clients 8

It migrates the database it is given, and deletes the subscribers it created afterwards.
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from tests.mailinglist.sink import SmtpSink, free_port  # noqa: E402


def wait_for_http(url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=10).status_code < 500:
                return
        except (requests.ConnectionError, requests.Timeout):
            pass
        time.sleep(0.2)
    raise SystemExit(f"{url} did not answer")


def start(command, env, name):
    log = open(f"/tmp/bench-mailinglist-{name}.log", "wb")  # noqa: SIM115
    return subprocess.Popen(
        command, cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )


def stop(process):
    process.terminate()
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        process.kill()


def client_session(base_url):
    session = requests.Session()
    page = session.get(f"{base_url}/mailing-list/", timeout=10)
    started = re.search(r'name="started" value="([^"]+)"', page.text).group(1)
    return session, {"started": started, "page": "/", "csrfmiddlewaretoken": session.cookies["csrftoken"]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--signups", type=int, default=500)
    parser.add_argument("--clients", type=int, default=8, help="concurrent HTTP clients")
    parser.add_argument("--celery-concurrency", type=int, default=4)
    args = parser.parse_args()
    for name in ("DATABASE_URL", "REDIS_URL"):
        if not os.environ.get(name):
            raise SystemExit(f"set {name} (a PostgreSQL database and a Redis db of your own)")

    sink = SmtpSink().start()
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wsi.settings.dev",
        "DEBUG": "false",
        "EMAIL_URL": sink.url,
        "SITE_URL": base_url,
        "MAILINGLIST_SIGNUPS_PER_IP": str(10**9),
        "MAILINGLIST_MIN_FILL_SECONDS": "0",
    }
    python = str(BASE_DIR / ".venv/bin/python")
    subprocess.run([python, "manage.py", "migrate", "--noinput", "-v0"], cwd=BASE_DIR, env=env, check=True)
    gunicorn = [str(BASE_DIR / ".venv/bin/gunicorn"), "wsi.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}"]
    # gunicorn 27 would otherwise share one control socket with every other gunicorn here.
    gunicorn += ["--no-control-socket"]
    web = start(gunicorn, env, "web")
    worker = start(
        [
            str(BASE_DIR / ".venv/bin/celery"),
            "-A",
            "wsi",
            "worker",
            "-l",
            "WARNING",
            "-c",
            str(args.celery_concurrency),
        ],
        env,
        "worker",
    )
    run = uuid.uuid4().hex[:8]
    try:
        wait_for_http(f"{base_url}/healthz")
        time.sleep(3)  # let the Celery worker connect
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
            began = time.monotonic()
            list(pool.map(sign_up, range(args.signups)))
            elapsed = time.monotonic() - began
        sink.wait_for(lambda messages: {m["To"] for m in messages} >= posted_at.keys(), timeout=600)
        with sink.handler.lock:
            arrivals = dict(zip((m["To"] for m in sink.handler.messages), sink.handler.arrived, strict=True))
        latencies = sorted(arrivals[address] - posted for address, posted in posted_at.items())
        duplicates = sum(count - 1 for count in sink.by_mail_id().values())
        print(f"signups:            {args.signups} from {args.clients} clients")
        print(f"signups per second: {args.signups / elapsed:.0f}")
        print(
            f"POST to sink:       median {statistics.median(latencies) * 1000:.0f} ms, "
            f"p99 {latencies[int(0.99 * (len(latencies) - 1))] * 1000:.0f} ms, "
            f"max {latencies[-1] * 1000:.0f} ms"
        )
        print(f"duplicate mails:    {duplicates}")
    finally:
        stop(web)
        stop(worker)
        sink.stop()
        cleanup = (
            "from mailinglist.models import Subscriber; "
            f"Subscriber.objects.filter(email__startswith='bench-{run}-').delete()"
        )
        subprocess.run([python, "manage.py", "shell", "-c", cleanup], cwd=BASE_DIR, env=env, capture_output=True)


if __name__ == "__main__":
    main()
