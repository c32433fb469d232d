"""Production: every secret comes from the environment and a missing one stops the start."""

from .base import *  # noqa: F403
from .base import LOG_REDACTED_PATH_PREFIXES, SENTRY_DSN, env

SECRET_KEY = env.str("SECRET_KEY")

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
