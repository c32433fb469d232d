"""Security scan: wapiti (PyPI ``wapiti3``) against the site in production mode on 127.0.0.1 —
gunicorn with the production settings, PostgreSQL, Redis and the demo content — with modules
that need no internet. Prints each finding; the README's "Security" section says what became of
each.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wsi_scan REDIS_URL=redis://127.0.0.1:6379/5 \\
        .venv/bin/python bench/wapiti.py [--max-scan-minutes 20]

wapiti3 pins older versions of packages the site uses (asgiref below what Django 5.2 needs,
beautifulsoup4, packaging), so it lives in a virtual environment of its own, var/wapiti-venv,
made on the first run. The database given is migrated and gets the demo site; the report is
written to var/wapiti/report.json. Over plain http the secure-cookie, SSL-redirect and HSTS
settings are off, as for any local production-mode run.
"""

import argparse
import json
import os
import secrets
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import urlopen

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from tests.helpers.ports import free_port  # noqa: E402
from tests.helpers.smtp_sink import SmtpSink  # noqa: E402

WAPITI_VERSION = "3.2.3"
VENV = BASE_DIR / "var" / "wapiti-venv"
OUTPUT = BASE_DIR / "var" / "wapiti"
MODULES = [
    "xss",
    "permanentxss",
    "sql",
    "timesql",
    "exec",
    "file",
    "crlf",
    "redirect",
    "csrf",
    "cookieflags",
    "http_headers",
    "csp",
    "methods",
    "backup",
    "upload",
]


def wapiti():
    executable = VENV / "bin" / "wapiti"
    if not executable.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin/pip"), "install", "-q", f"wapiti3=={WAPITI_VERSION}"], check=True)
    return executable


def production_env(port, sink):
    origin = f"http://127.0.0.1:{port}"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wsi.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "MAILINGLIST_HASH_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "CSRF_TRUSTED_ORIGINS": origin,
        "SITE_URL": origin,
        "EMAIL_URL": sink.url,
        "STATIC_ROOT": str(OUTPUT / "static"),
        "MEDIA_ROOT": str(OUTPUT / "media"),
        "SECURE_SSL_REDIRECT": "False",
        "SESSION_COOKIE_SECURE": "False",
        "CSRF_COOKIE_SECURE": "False",
        "SECURE_HSTS_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
    }


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urlopen(url, timeout=5):  # noqa: S310 - our own loopback server
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer")


def summary(report):
    """One line per finding: category, method, path, parameter and wapiti's description."""
    lines = []
    for section, label in (("vulnerabilities", "vulnerability"), ("anomalies", "anomaly"), ("additionals", "note")):
        for category, findings in sorted(report.get(section, {}).items()):
            for finding in findings:
                lines.append(
                    f"[{label}] {category}: {finding.get('method', '')} {finding.get('path', '')} "
                    f"{finding.get('parameter', '')!r} — {finding.get('info', '')}"
                )
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-scan-minutes", type=float, default=20)
    parser.add_argument("--max-attack-minutes", type=float, default=3, help="per module")
    parser.add_argument("--skip-setup", action="store_true", help="the database already has the demo site")
    parser.add_argument("--modules", default=",".join(MODULES), help="a comma-separated subset of the modules")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        raise SystemExit("set DATABASE_URL to a PostgreSQL database of your own")
    if not os.environ.get("REDIS_URL"):
        raise SystemExit("set REDIS_URL to a Redis database of your own")
    scanner = wapiti()
    OUTPUT.mkdir(parents=True, exist_ok=True)

    sink = SmtpSink().start()
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = production_env(port, sink)
    python = str(BASE_DIR / ".venv/bin/python")
    manage = [python, "manage.py"]
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], cwd=BASE_DIR, env=env, check=True)
    if not args.skip_setup:
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=BASE_DIR, env=env, check=True)
        subprocess.run([*manage, "load_demo_content"], cwd=BASE_DIR, env=env, check=True)
    logs = open(OUTPUT / "site.log", "wb")  # noqa: SIM115
    gunicorn = [str(BASE_DIR / ".venv/bin/gunicorn"), "wsi.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}"]
    web = subprocess.Popen([*gunicorn, "--no-control-socket"], cwd=BASE_DIR, env=env, stdout=logs, stderr=logs)
    worker = subprocess.Popen(
        [str(BASE_DIR / ".venv/bin/celery"), "-A", "wsi", "worker", "-l", "WARNING", "-c", "1"],
        cwd=BASE_DIR,
        env=env,
        stdout=logs,
        stderr=logs,
    )
    report_path = OUTPUT / "report.json"
    try:
        wait_for(f"{base_url}/healthz")
        began = time.monotonic()
        # Only this site: the scope keeps wapiti on 127.0.0.1:<port>; no module fetches anything.
        subprocess.run(
            [
                str(scanner),
                "--url",
                f"{base_url}/",
                "--scope",
                "folder",
                "--store-session",
                str(OUTPUT / "session"),
                "--store-config",
                str(OUTPUT / "config"),
                "--module",
                args.modules,
                "--flush-session",
                "--max-scan-time",
                str(int(args.max_scan_minutes * 60)),
                "--max-attack-time",
                str(int(args.max_attack_minutes * 60)),
                "--max-links-per-page",
                "30",
                "--max-files-per-dir",
                "30",
                "--depth",
                "4",
                "--exclude",
                f"{base_url}/admin/logout/*",
                "--format",
                "json",
                "--output",
                str(report_path),
                "--verbose",
                "1",
            ],
            check=True,
        )
        elapsed = time.monotonic() - began
    finally:
        for process in (web, worker):
            process.terminate()
            process.wait(30)
        sink.stop()
    report = json.loads(report_path.read_text())
    findings = summary(report)
    modules = args.modules.split(",")
    print(f"\nwapiti {WAPITI_VERSION}, {len(modules)} modules, {elapsed / 60:.1f} minutes against {base_url}")
    print(f"{len(findings)} findings (report: {report_path.relative_to(BASE_DIR)}):")
    for line in findings:
        print("  " + line)
    server_errors = (OUTPUT / "site.log").read_text(errors="replace").count("ERROR django.request")
    print(f"server errors logged by the site: {server_errors}")


if __name__ == "__main__":
    main()
