"""Real processes for the integration tests: a Celery worker, a private redis-server, and
pointing this process's Celery producer at a broker."""

import contextlib
import fcntl
import hashlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import redis
from django.conf import settings
from django.db import connection

from wsi.celery import app

from .ports import free_port

BASE_DIR = Path(settings.BASE_DIR)
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def test_database_url():
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


QUEUES = "celery,mail,bulk"


class Worker:
    """``celery -A wsi worker`` on the test database, the given broker and SMTP sink, taking
    every queue (``queues`` narrows it)."""

    def __init__(self, broker_url, smtp_url, site_url, queues=QUEUES, **overrides):
        self.queues = queues
        self.env = {
            **os.environ,
            "PYTHONPATH": str(BASE_DIR),
            "DJANGO_SETTINGS_MODULE": "wsi.settings.dev",
            "DATABASE_URL": test_database_url(),
            "CONN_MAX_AGE": "0",
            "REDIS_URL": broker_url,
            "EMAIL_URL": smtp_url,
            "SITE_URL": site_url,
            "DEBUG": "false",
            "MAILINGLIST_RETRY_BASE_SECONDS": "0.5",
            "MAILINGLIST_SMTP_TIMEOUT_SECONDS": "60",
            **{key: str(value) for key, value in overrides.items()},
        }
        self.process = None

    def start(self, timeout=30):
        self.log = tempfile.NamedTemporaryFile(prefix="celery-worker-", suffix=".log", delete=False)  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                str(BASE_DIR / ".venv/bin/celery"),
                "-A",
                "wsi",
                "worker",
                "--pool=prefork",
                f"--queues={self.queues}",
                "--concurrency=2",
                "--loglevel=INFO",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                f"--hostname=mailing-test-{os.getpid()}-{time.monotonic_ns()}@%h",
            ],
            cwd=BASE_DIR,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if b" ready." in Path(self.log.name).read_bytes():
                return self
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        raise AssertionError(f"the Celery worker did not start:\n{self.output()}")

    def output(self):
        return Path(self.log.name).read_text(errors="replace")[-4000:]

    def kill(self):
        """SIGKILL the whole worker (main process and pool children), as an OOM killer would."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.kill()


class PrivateRedis:
    """A redis-server of this test's own, on a free port, that the test may stop and start."""

    def __init__(self):
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url, socket_connect_timeout=0.2)
        for _ in range(100):
            with contextlib.suppress(redis.RedisError):
                if client.ping():
                    return self
            time.sleep(0.05)
        raise AssertionError("the private redis-server did not start")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


@contextlib.contextmanager
def broker_to_ourselves(url):
    """Wait until no other test process (another xdist worker) runs a Celery worker on the
    broker at ``url``: each worker would take the other's tasks, for rows its database lacks."""
    name = hashlib.sha256(url.encode()).hexdigest()[:16]
    with open(Path(tempfile.gettempdir()) / f"wsi-tests-broker-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def forget_queued_tasks(url):
    """Drop tasks a crashed earlier run left in the broker (kombu's queue and unacked sets)."""
    redis.Redis.from_url(url).delete(*QUEUES.split(","), "unacked", "unacked_index", "unacked_mutex")


@contextlib.contextmanager
def celery_broker(url):
    """This process (and its live_server thread) publishes to the broker at ``url`` instead of
    running tasks in-process as the test settings do."""
    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}
    _reset_producer_pools()
    app.conf.update(broker_url=url, task_always_eager=False)
    try:
        yield
    finally:
        _reset_producer_pools()
        app.conf.update(saved)


def _reset_producer_pools():
    # kombu keeps one pool per broker URL; the app picks the right one once these are unset.
    app._pool = None
    app.amqp._producer_pool = None
