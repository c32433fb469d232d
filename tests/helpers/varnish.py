"""Varnish with the repo's VCL (docker/varnish/default.vcl), run by Debian's varnishd in front
of a backend the tests give: the backend's host and port are the only lines rewritten.

    with Varnish("127.0.0.1:8001") as varnish:
        requests.get(f"{varnish.url}/")                     # the public listener
        requests.request("PURGE", f"{varnish.purge_url}/")  # the "purge" listener
"""

import shutil
import subprocess
import tempfile
from pathlib import Path

from .ports import free_port, wait_listening
from .services import require

ROOT = Path(__file__).resolve().parents[2]
VCL = ROOT / "docker" / "varnish" / "default.vcl"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
COMPOSE_BACKEND = ('.host = "nginx";', '.port = "80";')


def native_vcl(backend):
    """The repo's VCL pointed at ``backend`` ("host:port")."""
    host, port = backend.rsplit(":", 1)
    vcl = VCL.read_text()
    for old, new in zip(COMPOSE_BACKEND, (f'.host = "{host}";', f'.port = "{port}";'), strict=True):
        assert old in vcl, f"docker/varnish/default.vcl no longer has {old!r}: update tests/helpers/varnish.py"
        vcl = vcl.replace(old, new)
    return vcl


class Varnish:
    """varnishd on two free ports of 127.0.0.1 (the public listener and "purge"), with a private
    working directory and memory storage; stopped (and its directory removed) on ``stop()``."""

    def __init__(self, backend, storage="malloc,64m"):
        self.backend = backend
        self.storage = storage
        self.port = self.purge_port = None
        self.process = None
        self.workdir = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def purge_url(self):
        return f"http://127.0.0.1:{self.purge_port}"

    def start(self):
        require(shutil.which(VARNISHD) is not None, f"needs varnishd at {VARNISHD}: apt-get install -y varnish")
        self.workdir = Path(tempfile.mkdtemp(prefix="wsi-varnish-"))
        (self.workdir / "default.vcl").write_text(native_vcl(self.backend))
        self.port, self.purge_port = free_port(), free_port()
        self.process = subprocess.Popen(
            [
                VARNISHD,
                "-F",  # in the foreground: this object owns the process
                "-j",
                "none",  # no switch to another user, who could not read the working directory
                "-n",
                str(self.workdir / "n"),
                "-a",
                f"127.0.0.1:{self.port}",
                "-a",
                f"purge=127.0.0.1:{self.purge_port}",
                "-f",
                str(self.workdir / "default.vcl"),
                "-s",
                self.storage,
                "-T",
                "none",
                # Bans are checked at once, so that a test sees a purge as soon as it returns.
                "-p",
                "ban_lurker_sleep=0.01",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            wait_listening(self.process, "varnishd", [self.port, self.purge_port], timeout=30)
        except RuntimeError:
            self.stop()
            raise
        return self

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process.stderr.close()
            self.process = None
        if self.workdir is not None:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
