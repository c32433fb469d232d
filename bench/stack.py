"""What the mailing-list benchmarks share: the site's processes started from a checkout (this
one, or another given with --before to compare in the same run) with the Celery workers that
checkout's docker-compose.yml runs, and an SMTP sink."""

import os
import subprocess
import time
from pathlib import Path

import redis
import requests
import yaml

BENCH_DIR = Path(__file__).resolve().parent
BASE_DIR = BENCH_DIR.parent
PYTHON = str(BASE_DIR / ".venv/bin/python")


def compose_workers(checkout):
    """The Celery worker commands of the checkout's Compose file (service name, argv)."""
    services = yaml.safe_load((Path(checkout) / "docker-compose.yml").read_text())["services"]
    return [
        (name, service["command"])
        for name, service in services.items()
        if isinstance(service.get("command"), list) and service["command"][:4] == ["celery", "-A", "wsi", "worker"]
    ]


class Stack:
    """Processes run from ``checkout`` on ``env``; each logs to /tmp/bench-<label>-<name>.log."""

    def __init__(self, checkout, env, label):
        self.checkout = Path(checkout)
        self.env = {**env, "PYTHONPATH": str(self.checkout)}
        self.label = label
        self.processes = {}

    def manage(self, *args, capture=False):
        return subprocess.run(
            [PYTHON, "manage.py", *args], cwd=self.checkout, env=self.env, check=True, capture_output=capture, text=True
        )

    def shell(self, code):
        """Run Python code with the checkout's Django set up; returns what it printed."""
        return self.manage("shell", "-c", code, capture=True).stdout.strip()

    def start(self, name, command):
        log = open(f"/tmp/bench-{self.label}-{name}.log", "wb")  # noqa: SIM115
        self.processes[name] = subprocess.Popen(
            command, cwd=self.checkout, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        return self.processes[name]

    def start_workers(self, only_queue=None):
        """The Compose workers (those taking ``only_queue`` when given; one with no --queues takes
        every task), logging warnings only."""
        for name, command in compose_workers(self.checkout):
            queues = next((arg.split("=", 1)[1] for arg in command if arg.startswith("--queues=")), None)
            if only_queue and queues and only_queue not in queues.split(","):
                continue
            argv = [str(BASE_DIR / ".venv/bin/celery"), *command[1:], "--loglevel=WARNING"]
            argv.append(f"--hostname={self.label}-{name}-{os.getpid()}@%h")
            self.start(name, argv)
        time.sleep(4)  # let them connect to the broker

    def peak_rss_mb(self, name):
        """The largest peak resident size among a worker's processes (main and pool), in MB."""
        pid = self.processes[name].pid
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        peaks = []
        for each in [pid, *children]:
            status = Path(f"/proc/{each}/status").read_text()
            peaks.append(int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))))
        return max(peaks) / 1024

    def cpu_seconds(self, name):
        """User and system CPU time of a worker's processes (main and pool) so far."""
        pid = self.processes[name].pid
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        ticks = 0
        for each in [pid, *children]:
            fields = Path(f"/proc/{each}/stat").read_text().rpartition(")")[2].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")

    def stop(self):
        for process in self.processes.values():
            process.terminate()
        for process in self.processes.values():
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
        self.processes = {}


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


def forget_queued_tasks(url):
    """A crashed earlier run's tasks name rows that are gone."""
    redis.Redis.from_url(url).delete("celery", "mail", "bulk", "unacked", "unacked_index", "unacked_mutex")
