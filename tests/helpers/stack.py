"""The Compose topology run natively, from Debian's packages and the repository's entry points,
on 127.0.0.1 and free ports: Varnish with docker/varnish/default.vcl (the front door) in front
of nginx with docker/nginx/default.conf, which balances two gunicorn nodes; the Celery workers
and beat; a redis-server and a PostgreSQL database of the stack's own; an SMTP sink; media in a
bucket of moto's S3 server. The app processes run the argv of docker-compose.yml's services
(migrate, web, worker, worker-bulk, beat) with docker/env/production.env, so that what is
tested is what Compose runs. Used by tests/wsi/test_stack.py and bench/front_door.py; it needs
no Django settings of its own."""

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import requests
import yaml
from bs4 import BeautifulSoup

from .nginx import NGINX, native_command
from .ports import free_port
from .smtp_sink import SmtpSink
from .varnish import VCL, Varnish

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"
VARNISHD = "/usr/sbin/varnishd"
PROGRAMS = {
    NGINX: "nginx-light",
    VARNISHD: "varnish",
    shutil.which("redis-server") or "/usr/bin/redis-server": "redis-server",
    shutil.which("pg_dump") or "/usr/bin/pg_dump": "postgresql-client",
    shutil.which("psql") or "/usr/bin/psql": "postgresql-client",
    str(BIN / "moto_server"): "moto[server] (requirements-dev.txt)",
}
BUCKET = "wsi-media"
ADMIN_PASSWORD = "stack-admin-password-0123"

# The URL of one page of each type, read from the stack's database (printed as JSON), and the
# page the editor publishes.
PAGE_PATHS = """
import json
from tests.helpers.page_types import page_paths
from wsi.models import StandardPage

standard = StandardPage.objects.live().order_by("path").first()
print(json.dumps({**page_paths(), "_standard_page": [standard.pk, standard.url, standard.slug]}))
"""


def missing_programs():
    """What the stack needs that this machine lacks, with the package that brings it."""
    return sorted({package for path, package in PROGRAMS.items() if not os.access(path, os.X_OK)})


def compose_commands():
    """Each app service's argv in docker-compose.yml ($$ is Compose's escape for $)."""
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    return {
        name: [part.replace("$$", "$") for part in service["command"]]
        for name, service in services.items()
        if service.get("image") == "wsi-site" or service.get("build")
    }


def env_file(path):
    values = {}
    for line in Path(path).read_text().splitlines():
        key, equals, value = line.partition("=")
        if equals and not key.lstrip().startswith("#"):
            values[key.strip()] = value.strip()
    return values


def wait_until(check, what, timeout, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(requests.RequestException, OSError):
            if check():
                return
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what}: the process stopped\n{process.tail()}")
        time.sleep(0.1)
    raise RuntimeError(f"{what} within {timeout} s" + (f"\n{process.tail()}" if process else ""))


class Process:
    """One program of the stack, in a process group of its own, logging to ``<work>/<name>.log``."""

    def __init__(self, name, argv, work, env=None):
        self.name = name
        self.log = work / f"{name}.log"
        with open(self.log, "ab") as log:
            self.popen = subprocess.Popen(
                argv, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )

    def poll(self):
        return self.popen.poll()

    def wait(self, timeout=None):
        return self.popen.wait(timeout)

    def tail(self, characters=4000):
        return self.log.read_text(errors="replace")[-characters:]

    def stop(self, timeout=20):
        """SIGTERM to the whole group (a gunicorn master and its workers, a Celery pool), as
        Compose's ``stop`` sends; SIGKILL after ``timeout`` seconds."""
        if self.popen.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.popen.pid, signal.SIGTERM)
        try:
            self.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait()


class Stack:
    """The stack on the PostgreSQL server of ``server_url`` (postgres://user@host:port), in the
    database ``database``, created for it and dropped by ``stop()``; with ``template``, the
    database starts as a copy of that one (e.g. the test database, already migrated)."""

    def __init__(self, server_url, database, *, template=None, nodes=2, varnish=None):
        self.server_url = server_url.rstrip("/")
        self.database = database
        self.template = template
        if varnish is None:
            varnish = VCL.exists()
        # Varnish's backend is nginx, on a port chosen now.
        self.varnish = Varnish(f"127.0.0.1:{free_port()}") if varnish else None
        self.work = Path(tempfile.mkdtemp(prefix="wsi-stack-"))
        self.timings = {}
        self.processes = {}
        self.sink = SmtpSink()
        self.ports = {name: free_port() for name in ("redis", "moto")}
        self.ports["nginx"] = int(self.varnish.backend.rsplit(":", 1)[1]) if self.varnish else free_port()
        self.node_ports = [free_port() for _ in range(nodes)]
        self.nginx_url = f"http://127.0.0.1:{self.ports['nginx']}"
        self.nodes = [f"http://127.0.0.1:{port}" for port in self.node_ports]
        self.object_store = f"http://127.0.0.1:{self.ports['moto']}"
        self.front = self.env = None  # known once Varnish listens

    # -- what the app processes are given --------------------------------------------------
    def _environment(self):
        """docker/env/production.env, with this machine's services, fresh secrets, and plain
        http on loopback (no TLS terminator in front: no redirect to https, no HSTS, cookies
        sent over http)."""
        base = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "AWS_"))}
        front = urlsplit(self.front)
        return {
            **base,
            **env_file(ROOT / "docker" / "env" / "production.env"),
            "PATH": f"{BIN}:{os.environ.get('PATH', '/usr/bin:/bin')}",
            "PYTHONPATH": str(ROOT),
            "SECRET_KEY": secrets.token_urlsafe(50),
            "MAILINGLIST_HASH_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": front.hostname,
            "CSRF_TRUSTED_ORIGINS": self.front,
            "SITE_URL": self.front,
            "DATABASE_URL": f"{self.server_url}/{self.database}",
            "REDIS_URL": f"redis://127.0.0.1:{self.ports['redis']}/0",
            "EMAIL_URL": self.sink.url,
            "STATIC_ROOT": str(self.work / "static"),
            "SECURE_SSL_REDIRECT": "False",
            "SESSION_COOKIE_SECURE": "False",
            "CSRF_COOKIE_SECURE": "False",
            "SECURE_HSTS_SECONDS": "0",
            # Varnish and nginx: two proxies whose X-Forwarded-For entries are trusted.
            "PROXY_COUNT": "2" if self.varnish else "1",
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_ENDPOINT_URL": self.object_store,
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_ACCESS_KEY_ID": "wsi-stack",
            "AWS_SECRET_ACCESS_KEY": "wsi-stack-secret",
            # Where the workers send purges: Varnish's purge listener (docker/varnish/default.vcl).
            "FRONTEND_CACHE_URL": self.varnish.purge_url if self.varnish else "",
            "LOAD_DEMO_CONTENT": "true",
            "ADMIN_PASSWORD": ADMIN_PASSWORD,
        }

    def manage(self, *args):
        """``manage.py`` in the stack's environment; returns what it printed."""
        done = subprocess.run(
            [str(BIN / "python"), "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True, text=True
        )
        if done.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stdout[-2000:]}{done.stderr[-4000:]}")
        return done.stdout

    def page_paths(self):
        return json.loads(self.manage("shell", "-c", PAGE_PATHS).strip().splitlines()[-1])

    # -- start and stop ---------------------------------------------------------------------
    def start(self):
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        return self

    def _lap(self, step):
        """Record how long the start's steps take (seconds since the previous one)."""
        now = time.monotonic()
        self.timings[step] = round(now - self._last, 1)
        self._last = now

    def _start(self):
        self._last = time.monotonic()
        # Varnish first: its public port is the site's address (SITE_URL). It answers 503 until
        # nginx listens.
        if self.varnish:
            self.varnish.start()
        self.front = self.varnish.url if self.varnish else self.nginx_url
        self.env = self._environment()
        self.sink.start()
        self._start_services()
        self._create_database()
        self._lap("database copied")
        commands = compose_commands()
        # Static files first, as the image's build collects them (whitenoise reads the folder
        # when a node starts); then the migrate service, while the nodes and workers start:
        # they need the schema (copied), not the demo content.
        self.manage("collectstatic", "--noinput")
        self._lap("collectstatic")
        migrate = self._run("migrate", commands["migrate"])
        for number, port in enumerate(self.node_ports, 1):
            argv = [part.replace("0.0.0.0:8000", f"127.0.0.1:{port}") for part in commands["web"]]
            self._run(f"web{number}", [*argv, "--no-control-socket"])
        for name in ("worker", "worker-bulk"):
            self._run(name, [*commands[name], f"--hostname={name}-{os.getpid()}@%h"])
        schedule = f"--schedule={self.work / 'celerybeat-schedule'}"
        self._run("beat", [re.sub(r"^--schedule=.*", schedule, part) for part in commands["beat"]])
        if migrate.wait():
            raise RuntimeError(f"the migrate service failed:\n{migrate.tail()}")
        self._lap("migrate service")
        for number, url in enumerate(self.nodes, 1):
            process = self.processes[f"web{number}"]
            wait_until(
                lambda url=url: requests.get(f"{url}/healthz", timeout=5).ok, f"web{number} answers", 90, process
            )
        self._lap("web nodes")
        for name in ("worker", "worker-bulk"):
            process = self.processes[name]
            wait_until(lambda process=process: " ready." in process.tail(100_000), f"{name} is ready", 60, process)
        self._lap("workers")
        self._start_nginx()
        wait_until(lambda: requests.get(f"{self.front}/healthz", timeout=5).ok, "the front door answers", 20)
        self._lap("proxies")

    def _run(self, name, argv, env=None):
        self.processes[name] = Process(name, argv, self.work, env or self.env)
        return self.processes[name]

    def _start_services(self):
        redis = shutil.which("redis-server") or "/usr/bin/redis-server"
        argv = [redis, "--port", str(self.ports["redis"]), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self._run("redis", argv, env={})
        moto = self._run("moto", [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(self.ports["moto"])])
        wait_until(lambda: requests.get(self.object_store, timeout=2).status_code < 500, "moto answers", 30, moto)

    def _psql(self, database, *args, **kwargs):
        return subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", f"{self.server_url}/{database}", *args], **kwargs)

    def _create_database(self):
        self._drop_database()
        self._psql("postgres", "-c", f'CREATE DATABASE "{self.database}"', check=True, capture_output=True)
        if self.template:
            dump = subprocess.run(
                ["pg_dump", "--no-owner", f"{self.server_url}/{self.template}"], check=True, capture_output=True
            ).stdout
            self._psql(self.database, input=dump, check=True, capture_output=True)

    def _drop_database(self):
        sql = f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)'
        self._psql("postgres", "-c", sql, check=True, capture_output=True)

    def _start_nginx(self):
        folder = self.work / "nginx"
        (folder / "media" / "images").mkdir(parents=True)
        upstreams = [f"127.0.0.1:{port}" for port in self.node_ports]
        argv = native_command(folder, upstreams, self.ports["nginx"], folder / "media")
        process = self._run("nginx", argv, env={})
        wait_until(lambda: requests.get(f"{self.nginx_url}/healthz", timeout=5).ok, "nginx answers", 20, process)

    def varnishstat(self):
        """Varnish's counters, by name (MAIN.cache_hit, ...)."""
        out = subprocess.run(
            ["varnishstat", "-n", str(self.varnish.workdir / "n"), "-j"], capture_output=True, text=True, check=True
        ).stdout
        counters = json.loads(out)
        counters = counters.get("counters", counters)
        return {
            name: value["value"] for name, value in counters.items() if isinstance(value, dict) and "value" in value
        }

    def stop_node(self, number):
        """SIGTERM to the gunicorn master of web node ``number`` (1-based), as ``docker-compose
        stop`` sends it, without waiting: it finishes its requests and exits. Returns its Popen."""
        process = self.processes[f"web{number}"].popen
        process.send_signal(signal.SIGTERM)
        return process

    def stop(self):
        if self.varnish:
            self.varnish.stop()
        for process in reversed(list(self.processes.values())):
            process.stop()
        self.processes = {}
        with contextlib.suppress(subprocess.CalledProcessError):
            self._drop_database()
        if self.sink.controller.loop.is_running():
            self.sink.stop()
        if os.environ.get("WSI_STACK_KEEP"):
            print(f"The stack's logs are kept in {self.work}")
        else:
            shutil.rmtree(self.work, ignore_errors=True)

    def tail(self, *names, characters=3000):
        """The end of the named processes' logs, for a failing assertion's message."""
        return "\n".join(f"--- {name}\n{self.processes[name].tail(characters)}" for name in names)


def form_fields(html, selector):
    """What a browser would post from the form: its named inputs, text areas and selects."""
    form = BeautifulSoup(html, "html.parser").select_one(selector)
    assert form is not None, f"no {selector} on the page"
    fields = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "file") or field.has_attr("disabled"):
            continue
        if field.get("type") in ("checkbox", "radio") and not field.has_attr("checked"):
            continue
        if field.name == "textarea":
            fields[name] = field.text
        elif field.name == "select":
            chosen = field.find("option", selected=True) or field.find("option")
            fields[name] = chosen.get("value", "") if chosen else ""
        else:
            fields[name] = field.get("value", "")
    return fields


def paragraph(text):
    """A rich-text paragraph as the admin's editor (Draftail) posts it."""
    block = {"key": "p1", "type": "unstyled", "text": text, "depth": 0, "inlineStyleRanges": [], "entityRanges": []}
    return json.dumps({"blocks": [block], "entityMap": {}})


class Editor:
    """The staff member "admin" (made by Compose's migrate service), logged in through the
    front door's login form, using the admin as a browser would."""

    def __init__(self, front):
        self.front = front
        self.session = requests.Session()
        login = f"{front}/admin/login/"
        token = form_fields(self.session.get(login, timeout=10).text, "form")["csrfmiddlewaretoken"]
        response = self.post(
            login, {"csrfmiddlewaretoken": token, "username": "admin", "password": ADMIN_PASSWORD, "next": "/admin/"}
        )
        assert response.status_code == 302 and response.headers["Location"] == "/admin/", response.text[:500]

    def get(self, url, **kwargs):
        return self.session.get(url, timeout=30, **kwargs)

    def post(self, url, data, **kwargs):
        """A form posted from ``url`` itself, with the Origin and Referer a browser sends."""
        headers = {"Origin": self.front, "Referer": url}
        return self.session.post(url, data=data, headers=headers, allow_redirects=False, timeout=60, **kwargs)

    def publish(self, page_id, slug, title, **fields):
        """Post a standard page's edit form with a new title and a body of one paragraph, and
        publish it; returns the admin's answer."""
        edit = f"{self.front}/admin/pages/{page_id}/edit/"
        form = form_fields(self.get(edit).text, "form#page-edit-form")
        form.update(
            {
                "title": title,
                "slug": slug,
                "body-count": "1",
                "body-0-type": "paragraph",
                "body-0-value": paragraph(title),
                "body-0-deleted": "",
                "body-0-order": "0",
                "action-publish": "publish",
                **fields,
            }
        )
        return self.post(edit, form)
