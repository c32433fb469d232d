"""Compose's nginx config (docker/nginx/default.conf) run by Debian's nginx, as one process of
the current user, in front of servers of the test's own."""

import contextlib
import os
import subprocess
from pathlib import Path

from .ports import free_port, wait_listening
from .services import require

ROOT = Path(__file__).resolve().parents[2]
NGINX = "/usr/sbin/nginx"


def native_config(upstreams, port, media_root, access_log):
    """default.conf with only what differs outside Compose: the web nodes (``host:port`` each),
    the address nginx listens on, the media folder and the access log's file."""
    config = (ROOT / "docker" / "nginx" / "default.conf").read_text()
    servers = "\n    ".join(f"server {upstream};" for upstream in upstreams)
    for old, new in {
        "server web:8000;": servers,
        "listen 80 default_server;": f"listen 127.0.0.1:{port} default_server;",
        "alias /srv/media/images/;": f"alias {media_root}/images/;",
        "access_log /var/log/nginx/access.log": f"access_log {access_log}",
    }.items():
        assert old in config, f"docker/nginx/default.conf no longer has {old!r}: update tests/helpers/nginx.py"
        config = config.replace(old, new)
    return config


def native_command(folder, upstreams, port, media_root):
    """Writes the config into ``folder`` and returns the command that runs it: one nginx process
    as the current user, in the foreground, logging to ``access.log`` and ``error.log`` there."""
    (folder / "site.conf").write_text(native_config(upstreams, port, media_root, folder / "access.log"))
    temp_paths = "\n".join(
        f"    {kind}_temp_path {folder / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (folder / "nginx.conf").write_text(
        f"daemon off;\nmaster_process off;\npid {folder / 'nginx.pid'};\n"
        f"error_log {folder / 'error.log'};\nevents {{}}\n"
        f"http {{\n    include /etc/nginx/mime.types;\n    access_log off;\n{temp_paths}\n"
        f"    include {folder / 'site.conf'};\n}}\n"
    )
    return [NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-e", str(folder / "error.log")]


@contextlib.contextmanager
def running_nginx(upstreams, folder, media_root):
    """Yields the origin, e.g. http://127.0.0.1:41234, of nginx in front of ``upstreams``; its
    logs are ``access.log`` and ``error.log`` in ``folder``."""
    require(os.access(NGINX, os.X_OK), f"needs nginx at {NGINX}: apt-get install -y nginx-light")
    port = free_port()
    process = subprocess.Popen(
        native_command(folder, upstreams, port, media_root),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_listening(process, "nginx", [port], timeout=10)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
