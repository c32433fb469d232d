"""Logs and error reports: one line per record with time, level and logger (JSON on demand)
from the site, Celery and gunicorn; server errors reach ADMINS by mail or Sentry."""

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test import Client

from tests.helpers.ports import free_port
from tests.helpers.sentry_sink import SentrySink
from tests.helpers.services import require

BASE_DIR = Path(settings.BASE_DIR)
TOKEN = "Zq0-secret_token-4711"
LOG_ONE_OF_EACH = (
    "import django, logging; django.setup(); "
    "logging.getLogger('wsi.example').warning('something odd: %s', 42)\n"
    "try:\n    1 / 0\nexcept ZeroDivisionError:\n    logging.getLogger('wsi.example').exception('it broke')"
)


def run(args, **env):
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "wsi.settings.dev", "PYTHONPATH": str(BASE_DIR), **env}
    return subprocess.run(args, cwd=BASE_DIR, env=environment, capture_output=True, text=True, timeout=60, check=True)


def test_json_logs_are_one_object_per_line():
    stderr = run([sys.executable, "-c", LOG_ONE_OF_EACH], LOG_FORMAT="json").stderr

    lines = [json.loads(line) for line in stderr.splitlines()]
    assert [(line["level"], line["logger"], line["message"]) for line in lines] == [
        ("WARNING", "wsi.example", "something odd: 42"),
        ("ERROR", "wsi.example", "it broke"),
    ]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", line["time"]) for line in lines)
    assert "ZeroDivisionError" in lines[1]["exception"]


def test_text_logs_show_time_level_and_logger():
    stderr = run([sys.executable, "-c", LOG_ONE_OF_EACH]).stderr

    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z WARNING wsi\.example something odd: 42\n", stderr)
    assert "ERROR wsi.example it broke\nTraceback" in stderr


def test_a_bad_log_format_stops_the_start():
    with pytest.raises(subprocess.CalledProcessError) as failed:
        run([sys.executable, "-c", "import django; django.setup()"], LOG_FORMAT="xml")
    assert "LOG_FORMAT must be text or json" in failed.value.stderr


def test_celery_beat_logs_through_the_same_format(tmp_path):
    process = subprocess.Popen(
        [str(BASE_DIR / ".venv/bin/celery"), "-A", "wsi", "beat", f"--schedule={tmp_path / 'schedule'}"],
        cwd=BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "wsi.settings.dev", "LOG_FORMAT": "json", "REDIS_URL": ""},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        lines = []
        while not lines or lines[-1]["message"] != "beat: Starting...":
            lines.append(json.loads(process.stderr.readline()))
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=10)

    assert lines[-1]["logger"] == "celery.beat" and lines[-1]["level"] == "INFO"


@pytest.mark.django_db
def test_gunicorn_access_log_is_json_and_hides_link_tokens():
    require(connection.vendor == "postgresql", "gunicorn needs the PostgreSQL test database")
    db = connection.settings_dict
    port = free_port()
    process = subprocess.Popen(
        [str(BASE_DIR / ".venv/bin/gunicorn"), "wsi.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "wsi.settings.dev",
            "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
            "DEBUG": "false",
            "LOG_FORMAT": "json",
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/mailing-list/unsubscribe/{TOKEN}/", timeout=10)
            except urllib.error.HTTPError as error:
                assert error.code == 404
                break
            except OSError:
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)
    finally:
        process.send_signal(signal.SIGTERM)
        output = process.communicate(timeout=20)[0]

    lines = [json.loads(line) for line in output.splitlines()]
    by_logger = {line["logger"]: line["message"] for line in lines}
    assert "gunicorn.error" in by_logger
    assert "GET /mailing-list/unsubscribe/[redacted]/ HTTP/1.1" in by_logger["gunicorn.access"]
    assert by_logger["django.request"] == "Not Found: /mailing-list/unsubscribe/[redacted]/"
    assert TOKEN not in output


@pytest.mark.urls("tests.helpers.failing_urls")
def test_a_server_error_is_mailed_to_the_admins(settings):
    settings.ADMINS = [("Ops", "ops@example.org")]

    response = Client(raise_request_exception=False).get(f"/mailing-list/confirm/{TOKEN}/")

    assert response.status_code == 500
    [message] = mail.outbox
    assert message.to == ["ops@example.org"]
    assert "Internal Server Error: /mailing-list/confirm/[redacted]/" in message.subject


def test_a_server_error_reaches_sentry_without_the_token():
    request_a_failing_page = (
        "import django, sentry_sdk, wsgiref.util; django.setup()\n"
        "from django.core.wsgi import get_wsgi_application\n"
        "from django.test import override_settings\n"
        f"environ = {{'PATH_INFO': '/mailing-list/confirm/{TOKEN}/', 'HTTP_HOST': 'testserver', 'HTTPS': 'on'}}\n"
        "wsgiref.util.setup_testing_defaults(environ)\n"
        "environ['wsgi.url_scheme'] = 'https'\n"
        "with override_settings(ROOT_URLCONF='tests.helpers.failing_urls'):\n"
        "    get_wsgi_application()(environ, lambda status, headers: print(status))\n"
        "sentry_sdk.flush()"
    )
    with SentrySink() as sentry:
        result = run(
            [sys.executable, "-c", request_a_failing_page],
            DJANGO_SETTINGS_MODULE="wsi.settings.production",
            SECRET_KEY="test-sentry-" + "x" * 50,
            MAILINGLIST_HASH_KEY="test-sentry-hash-" + "y" * 50,
            ALLOWED_HOSTS="testserver",
            CSRF_TRUSTED_ORIGINS="https://testserver",
            EMAIL_URL="consolemail://",
            SENTRY_DSN=sentry.dsn(4711),
            SENTRY_ENVIRONMENT="test",
        )

    assert result.stdout.strip() == "500 Internal Server Error"
    [(path, envelope)] = sentry.events
    assert path == "/api/4711/envelope/"
    assert "RuntimeError" in envelope and "a bug in a view" in envelope
    assert '"environment":"test"' in envelope
    assert "/mailing-list/confirm/[redacted]/" in envelope
    assert TOKEN not in envelope
