"""A PostgreSQL cluster of a test's own (initdb + pg_ctl in a temporary folder, on a free port
of 127.0.0.1), which the test may stop and start; and gunicorn serving the site from it."""

import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import requests
from django.conf import settings
from django.db import connection

from .ports import free_port

BASE_DIR = Path(settings.BASE_DIR)
PG_BIN = Path("/usr/lib/postgresql/15/bin")
CLIENT_BIN = Path(shutil.which("pg_dump") or "/usr/bin/pg_dump").parent


def binaries_present():
    return all((PG_BIN / name).exists() for name in ("initdb", "pg_ctl")) and (CLIENT_BIN / "psql").exists()


class PrivatePostgres:
    """PostgreSQL refuses to run as root: under root the cluster belongs to the ``postgres`` user."""

    def __init__(self):
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="wsi-test-pg-"))
        self.data = self.folder / "data"
        self.user = "postgres" if os.geteuid() == 0 else None
        if self.user:
            account = pwd.getpwnam(self.user)
            os.chown(self.folder, account.pw_uid, account.pw_gid)

    def url(self, name):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def _run(self, *command):
        subprocess.run(command, check=True, capture_output=True, user=self.user, cwd=self.folder)

    def init(self):
        self._run(PG_BIN / "initdb", "-D", self.data, "-U", "postgres", "--auth=trust", "--no-sync")
        return self

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(PG_BIN / "pg_ctl", "-D", self.data, "-l", self.folder / "log", "-o", options, "-w", "start")
        return self

    def stop(self):
        self._run(PG_BIN / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop")

    def copy_test_database(self, name):
        """A copy of the test database (schema and committed rows) as ``name`` in this cluster."""
        self._run(CLIENT_BIN / "createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name)
        db = connection.settings_dict
        dump = subprocess.run(
            [CLIENT_BIN / "pg_dump", "--no-owner", "-h", db["HOST"] or "127.0.0.1", "-p", str(db["PORT"] or 5432)]
            + ["-U", db["USER"], db["NAME"]],
            check=True,
            capture_output=True,
        ).stdout
        psql = [CLIENT_BIN / "psql", "-q", "-v", "ON_ERROR_STOP=1", self.url(name)]
        subprocess.run(psql, input=dump, check=True, capture_output=True)

    def remove(self):
        if (self.data / "postmaster.pid").exists():
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


class Gunicorn:
    """The site under gunicorn (sync workers), as production runs it, with the given env."""

    def __init__(self, workers=1, **env):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "wsi.settings.dev",
            "DEBUG": "false",
            "SITE_URL": self.url,
            **env,
        }
        self.command = [str(BASE_DIR / ".venv/bin/gunicorn"), "wsi.wsgi:application", "--workers", str(workers)]
        self.command += ["--bind", f"127.0.0.1:{self.port}", "--no-control-socket"]
        self.process = None

    def start(self, timeout=90):
        self.log = tempfile.NamedTemporaryFile(prefix="gunicorn-", suffix=".log", delete=False)  # noqa: SIM115
        self.process = subprocess.Popen(
            self.command, cwd=BASE_DIR, env=self.env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                requests.get(f"{self.url}/healthz", timeout=10)
                return self
            except (requests.ConnectionError, requests.Timeout):  # not listening, or still loading Django
                assert self.process.poll() is None, f"gunicorn stopped:\n{self.output()}"
                time.sleep(0.2)
        raise AssertionError(f"gunicorn did not start:\n{self.output()}")

    def output(self):
        return Path(self.log.name).read_text(errors="replace")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(20)
