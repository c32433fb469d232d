"""Logging for the site, the Celery worker and beat, and gunicorn: one line per record with the
time (ISO 8601, UTC), level, logger and message, as text or as one JSON object. Secrets in
link paths are redacted before any handler sees them; callers mask addresses with
``mask_addresses``.

Importable without Django set up: gunicorn's configuration uses it too.
"""

import json
import logging
import re
from datetime import UTC, datetime
from email.utils import getaddresses

from django.core.exceptions import ImproperlyConfigured

# Loggers whose messages carry request paths: Django's 4xx/5xx reports, runserver, gunicorn.
PATH_LOGGERS = ("django.request", "django.server", "gunicorn.access")


def _iso_time(record):
    return datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class TextFormatter(logging.Formatter):
    def __init__(self):
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s")

    def formatTime(self, record, datefmt=None):
        return _iso_time(record)


class JsonFormatter(logging.Formatter):
    """A fixed set of keys: extras such as Django's ``request`` object stay out of the line."""

    def format(self, record):
        line = {
            "time": _iso_time(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


class RedactPathSecrets(logging.Filter):
    """Replaces the path segment after each prefix (the token of a link in a mail) with
    ``[redacted]``. Set on a logger, it rewrites the record before any handler formats it."""

    def __init__(self, prefixes=()):
        super().__init__()
        self.pattern = re.compile("(" + "|".join(re.escape(prefix) for prefix in prefixes) + ")[^/?#\\s\"']+")

    def redact(self, text):
        return self.pattern.sub(r"\1[redacted]", text)

    def redact_all(self, value):
        """``value`` with every string in it redacted, through nested dicts and lists."""
        if isinstance(value, str):
            return self.redact(value)
        if isinstance(value, dict):
            return {key: self.redact_all(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.redact_all(item) for item in value]
        return value

    def filter(self, record):
        message = record.getMessage()
        redacted = self.redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


ADDRESS = re.compile(r"([^\s<>()\[\]\"',;:@]+)@([\w.-]+)")


def mask_addresses(text):
    """Every mail address in ``text`` masked, ``jane@example.org`` -> ``j***@example.org``:
    enough to tell mails apart in a log, not enough to write to anyone."""
    return ADDRESS.sub(lambda match: f"{match[1][:1]}***@{match[2]}", str(text))


def logging_config(log_format="text", level="INFO", redacted_path_prefixes=()):
    """The ``LOGGING`` dict: everything goes to stderr through one formatter; Django's errors
    also go to ``ADMINS`` by mail (a no-op while ``ADMINS`` is empty)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"default": {"()": JsonFormatter if log_format == "json" else TextFormatter}},
        "filters": {
            "redact_path_secrets": {"()": RedactPathSecrets, "prefixes": list(redacted_path_prefixes)},
            "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        },
        "handlers": {
            "console": {"class": "logging.StreamHandler", "formatter": "default"},
            "mail_admins": {
                "class": "django.utils.log.AdminEmailHandler",
                "level": "ERROR",
                "filters": ["require_debug_false"],
            },
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Wagtail logs every page action and background task at INFO (the admin's history has them);
            # axes its start-up on every command and each login. Lockouts are warnings.
            **{name: {"level": "WARNING"} for name in ("wagtail", "django_tasks", "modelsearch", "axes")},
            **{name: {"filters": ["redact_path_secrets"]} for name in PATH_LOGGERS},
            "django": {"handlers": ["mail_admins"], "level": "INFO"},
        },
    }


def parse_admins(value):
    """``ADMINS`` from ``"Jane Doe <jane@example.org>, ops@example.org"``: (name, address) pairs."""
    admins = []
    for name, address in getaddresses([value]):
        if not address:
            continue
        if "@" not in address:
            raise ImproperlyConfigured(f"ADMINS: {address!r} is not a mail address.")
        admins.append((name or address, address))
    return admins
