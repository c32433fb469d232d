"""Production: every secret and every public address comes from the environment. A missing
value, or a secret copied from an example, stops the start with a message that names it."""

from django.core.exceptions import ImproperlyConfigured

from . import DEV_SECRET_KEY
from .base import *  # noqa: F403
from .base import BASE_DIR, LOG_REDACTED_PATH_PREFIXES, SENTRY_DSN, env

EXAMPLE_ENV_DIR = BASE_DIR / "docker" / "env"
MIN_SECRET_LENGTH = 50
# The key of .env.example, which the README told deployments to copy before docker/env/ existed.
RETIRED_EXAMPLE_KEYS = {"compose-local-only-change-me-0123456789abcdefghijklmnopqrstuvwxyz"}


def example_values(name):
    """The values the example env files give NAME."""
    values = set()
    for path in sorted(EXAMPLE_ENV_DIR.glob("*.env")):
        for line in path.read_text().splitlines():
            key, equals, value = line.partition("=")
            if equals and key.strip() == name and value.strip():
                values.add(value.strip())
    return values


def secret(name, value):
    examples = {DEV_SECRET_KEY, *RETIRED_EXAMPLE_KEYS, *example_values(name), *example_values("SECRET_KEY")}
    if value in examples:
        raise ImproperlyConfigured(f"{name} is an example value: set a random one of your own.")
    if len(value) < MIN_SECRET_LENGTH:
        raise ImproperlyConfigured(f"{name} is too short: it needs {MIN_SECRET_LENGTH} characters or more.")
    return value


def required(name, read):
    """Read NAME with no default: an unset or empty value stops the start."""
    if not env.str(name, default=""):
        raise ImproperlyConfigured(f"Set {name}: production has no default (see docker/env/production.env).")
    return read(name)


SECRET_KEY = secret("SECRET_KEY", required("SECRET_KEY", env.str))
# Without a key of its own, the suppression hashes would follow SECRET_KEY: after a rotation
# nobody who unsubscribed would be recognised, and an import could add them back.
MAILINGLIST_HASH_KEY = secret("MAILINGLIST_HASH_KEY", required("MAILINGLIST_HASH_KEY", env.str))
if MAILINGLIST_HASH_KEY == SECRET_KEY:
    raise ImproperlyConfigured("MAILINGLIST_HASH_KEY must differ from SECRET_KEY, which is rotated on its own.")
ALLOWED_HOSTS = required("ALLOWED_HOSTS", env.list)
CSRF_TRUSTED_ORIGINS = required("CSRF_TRUSTED_ORIGINS", env.list)
EMAIL_CONFIG = required("EMAIL_URL", env.email_url)
vars().update(EMAIL_CONFIG)

# HSTS preload is opt-in (SECURE_HSTS_PRELOAD): check --deploy need not ask for it. W003 looks
# for CsrfViewMiddleware by name; wsi.csrf.SameOriginCsrfMiddleware is a subclass of it that
# also accepts same-origin posts without a token (tests/wsi/test_http_caching.py).
SILENCED_SYSTEM_CHECKS = ["security.W003", "security.W021"]

if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    from wsi.logs import RedactPathSecrets

    _redact = RedactPathSecrets(LOG_REDACTED_PATH_PREFIXES)

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env.str("SENTRY_ENVIRONMENT", default="production"),
        release=env.str("SENTRY_RELEASE", default="") or None,
        send_default_pii=False,
        # Locals hold subscribers' addresses and tokens; the traceback is enough.
        include_local_variables=False,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        # Links' tokens stay out of reported URLs and messages, as they stay out of the logs.
        before_send=lambda event, hint: _redact.redact_all(event),
    )
