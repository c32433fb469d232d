"""Load benchmark: the production-mode site under gunicorn (two sync workers) on PostgreSQL and
Redis, with a Celery worker and an SMTP sink, all on 127.0.0.1, takes 60 s of mixed traffic
(pages, the library with filters, search, feeds and calendars, signups with unique addresses)
from client threads. It reports requests per second, p50 and p99 per kind, errors (any answer
other than the one expected, or no answer), and lost signups: a signup answered "check your
inbox" whose subscriber row or confirmation mail never appears. Both must be zero.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wsi_bench REDIS_URL=redis://127.0.0.1:6379/5 \\
        .venv/bin/python bench/load.py [--seconds 60] [--clients 12]

It migrates the database it is given and loads the demo site if the database has none, collects
static files into a temporary folder, writes the result to bench/results/load-<time>.json, and
deletes the subscribers it created.
"""

import argparse
import http.client
import json
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

from bs4 import BeautifulSoup

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from tests.helpers.ports import free_port  # noqa: E402
from tests.helpers.smtp_sink import SmtpSink  # noqa: E402

PAGES = [
    "/",
    "/about-us/",
    "/about-us/who-we-are/",
    "/about-us/staff/",
    "/our-work/faq/",
    "/news-events/events/",
    "/news-events/latest-news/",
    "/research-resources/gaining-ground/",
    "/research-resources/people/maureen-conway/",
    "/contact/",
]
TOPICS = ["sector-approach", "worker-outcomes", "industry-specific", "value-to-business"]
FEEDS = [
    "/research-resources/feed/",
    "/research-resources/feed/atom/",
    "/research-resources/worker-outcomes/feed/",
    "/news-events/events/feed/rss/",
    "/news-events/latest-news/feed/atom/",
    "/news-events/events/calendar/",
]
SEARCHES = ["sector", "jobs", "worker outcomes", "community college", "training", "wages", "employer"]
# Share of each kind in the traffic.
MIX = {"page": 35, "library": 25, "search": 15, "feed": 10, "signup": 15}


def library_path():
    params = [("topic", topic) for topic in random.sample(TOPICS, random.randint(0, 2))]
    if random.random() < 0.4:
        params.append(("year", random.choice(["2010s", "2000s", "2015"])))
    if random.random() < 0.3:
        params.append(("q", random.choice(SEARCHES)))
    params.append(("sort", random.choice(["newest", "oldest", "title"])))
    if random.random() < 0.2:
        params.append(("page", "2"))
    section = "worker-outcomes/" if random.random() < 0.2 else ""
    return f"/research-resources/{section}?{urlencode(params)}"


class Site:
    """The processes under test, with the settings a production deployment would have."""

    def __init__(self, sink, port, workdir):
        self.url = f"http://127.0.0.1:{port}"
        self.port = port
        self.workdir = workdir
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "wsi.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "MAILINGLIST_HASH_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "CSRF_TRUSTED_ORIGINS": self.url,
            "SITE_URL": self.url,
            "EMAIL_URL": sink.url,
            "STATIC_ROOT": str(workdir / "static"),
            "SECURE_SSL_REDIRECT": "False",
            "SESSION_COOKIE_SECURE": "False",
            "CSRF_COOKIE_SECURE": "False",
            "SECURE_HSTS_SECONDS": "0",
            "LOG_LEVEL": "WARNING",
            "MAILINGLIST_SIGNUPS_PER_IP": str(10**9),
            "MAILINGLIST_MIN_FILL_SECONDS": "0",
        }
        self.processes = []

    def manage(self, *args):
        python = str(BASE_DIR / ".venv/bin/python")
        subprocess.run([python, "manage.py", *args], cwd=BASE_DIR, env=self.env, check=True, stdout=subprocess.DEVNULL)

    def prepare(self):
        self.manage("migrate", "--noinput", "-v0")
        if shell(self.env, "from wsi.models import HomePage; print(HomePage.objects.exists())").strip() != "True":
            print("loading the demo site (once per database)...", flush=True)
            self.manage("load_demo_content")
        self.manage("collectstatic", "--noinput", "-v0")

    def start(self, name, command):
        log = open(self.workdir / f"{name}.log", "wb")  # noqa: SIM115
        self.processes.append(
            subprocess.Popen(
                command, cwd=BASE_DIR, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        )

    def run(self):
        venv = BASE_DIR / ".venv/bin"
        self.start(
            "web",
            [str(venv / "gunicorn"), "wsi.wsgi", "-w", "2", "-b", f"127.0.0.1:{self.port}", "--no-control-socket"],
        )
        self.start("worker", [str(venv / "celery"), "-A", "wsi", "worker", "-l", "WARNING", "-c", "2"])
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if request("GET", self.url, "/readyz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise SystemExit(f"the site did not start; see {self.workdir}")

    def stop(self):
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()


def shell(env, script):
    """What ``script`` prints, run by ``manage.py shell`` with the site's settings."""
    python = str(BASE_DIR / ".venv/bin/python")
    command = [python, "manage.py", "shell", "-v", "0", "-c", script]
    return subprocess.run(command, cwd=BASE_DIR, env=env, capture_output=True, text=True).stdout


def request(method, base_url, path, body=None, headers=None):
    """One request on a new connection (gunicorn's sync workers close each one): status, body."""
    connection = http.client.HTTPConnection(base_url.removeprefix("http://"), timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read(), response.headers
    finally:
        connection.close()


class Client(threading.Thread):
    """One visitor after another, with no pause: each thread keeps one request in flight."""

    def __init__(self, site_url, run, until, results):
        super().__init__(daemon=True)
        self.site_url, self.run_id, self.until, self.results = site_url, run, until, results
        self.kinds = [kind for kind, share in MIX.items() for _ in range(share)]
        self.signup_form = None

    def fresh_signup_form(self):
        """The signup form's hidden fields and cookies, read once as a browser would."""
        status, body, headers = request("GET", self.site_url, "/mailing-list/")
        form = BeautifulSoup(body, "html.parser").find("form", attrs={"method": "post"})
        fields = {field["name"]: field.get("value", "") for field in form.find_all("input", attrs={"type": "hidden"})}
        cookies = "; ".join(value.split(";", 1)[0] for name, value in headers.items() if name.lower() == "set-cookie")
        self.signup_form = fields, cookies

    def one(self, kind):
        if kind == "signup":
            if self.signup_form is None:
                self.fresh_signup_form()
            fields, cookies = self.signup_form
            address = f"bench-{self.run_id}-{uuid.uuid4().hex[:12]}@example.org"
            body = urlencode({**fields, "email": address, "page": "/"})
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": cookies,
                "Origin": self.site_url,
                "Referer": f"{self.site_url}/mailing-list/",
            }
            status, _, response_headers = request("POST", self.site_url, "/mailing-list/", body, headers)
            ok = status == 302 and response_headers.get("Location") == "/mailing-list/check-your-inbox/"
            return ok, address if ok else None
        path = {
            "page": lambda: random.choice(PAGES),
            "library": library_path,
            "search": lambda: f"/search/?{urlencode({'q': random.choice(SEARCHES)})}",
            "feed": lambda: random.choice(FEEDS),
        }[kind]()
        status, _, _ = request("GET", self.site_url, path)
        return status == 200, None

    def run(self):
        while time.monotonic() < self.until:
            kind = random.choice(self.kinds)
            began = time.monotonic()
            try:
                ok, address = self.one(kind)
            except (OSError, http.client.HTTPException):
                ok, address = False, None
            self.results.record(kind, time.monotonic() - began, ok, address)


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = defaultdict(list)
        self.errors = defaultdict(int)
        self.accepted_signups = []

    def record(self, kind, seconds, ok, address):
        with self.lock:
            self.latencies[kind].append(seconds)
            if not ok:
                self.errors[kind] += 1
            if address:
                self.accepted_signups.append(address)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def stored_subscribers(site, prefix):
    script = (
        "from mailinglist.models import Subscriber; "
        f"print('\\n'.join(Subscriber.objects.filter(email__startswith={prefix!r}).values_list('email', flat=True)))"
    )
    return set(shell(site.env, script).split())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--clients", type=int, default=12, help="client threads, one request in flight each")
    parser.add_argument("--drain-seconds", type=int, default=180, help="longest wait for the last mails")
    args = parser.parse_args()
    for name in ("DATABASE_URL", "REDIS_URL"):
        if not os.environ.get(name):
            raise SystemExit(f"set {name} (a PostgreSQL database and a Redis db of your own)")

    workdir = Path(tempfile.mkdtemp(prefix="wsi-bench-load-"))
    sink = SmtpSink().start()
    site = Site(sink, free_port(), workdir)
    run = uuid.uuid4().hex[:8]
    prefix = f"bench-{run}-"
    try:
        site.prepare()
        site.run()
        time.sleep(3)  # the Celery worker connects
        results = Results()
        began = time.monotonic()
        clients = [Client(site.url, run, began + args.seconds, results) for _ in range(args.clients)]
        load_before = os.getloadavg()
        for client in clients:
            client.start()
        for client in clients:
            client.join()
        elapsed = time.monotonic() - began
        load_after = os.getloadavg()

        accepted = set(results.accepted_signups)
        deadline = time.monotonic() + args.drain_seconds
        while time.monotonic() < deadline and not accepted <= {m["To"] for m in sink.messages}:
            time.sleep(0.5)
        mailed = {message["To"] for message in sink.messages} & accepted
        stored = stored_subscribers(site, prefix)
        total = sum(len(values) for values in results.latencies.values())
        report = {
            "when": datetime.now(UTC).isoformat(timespec="seconds"),
            "seconds": round(elapsed, 1),
            "clients": args.clients,
            "gunicorn_workers": 2,
            "cpus": os.cpu_count(),
            "load_average_before_after": [round(load_before[0], 2), round(load_after[0], 2)],
            "requests": total,
            "requests_per_second": round(total / elapsed, 1),
            "errors": sum(results.errors.values()),
            "by_kind": {
                kind: {
                    "requests": len(values),
                    "per_second": round(len(values) / elapsed, 1),
                    "p50_ms": round(statistics.median(values) * 1000, 1),
                    "p99_ms": round(percentile(values, 0.99) * 1000, 1),
                    "errors": results.errors[kind],
                }
                for kind, values in sorted(results.latencies.items())
            },
            "signups_accepted": len(accepted),
            "lost_signups": len(accepted - (stored & mailed)),
            "signups_without_row": len(accepted - stored),
            "signups_without_mail": len(accepted - mailed),
            "duplicate_mails": sum(count - 1 for count in sink.by_mail_id().values()),
        }
        output = BASE_DIR / "bench" / "results" / f"load-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
        output.parent.mkdir(exist_ok=True)
        output.write_text(json.dumps(report, indent=2) + "\n")
        print(json.dumps(report, indent=2))
        print(f"written to {output.relative_to(BASE_DIR)}")
        if report["errors"] or report["lost_signups"]:
            raise SystemExit(1)
    finally:
        site.stop()
        sink.stop()
        shell(
            site.env,
            "from mailinglist.models import Subscriber; "
            f"Subscriber.objects.filter(email__startswith={prefix!r}).delete()",
        )


if __name__ == "__main__":
    main()
