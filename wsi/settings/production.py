"""Production: every secret comes from the environment and a missing one stops the start."""

from .base import *  # noqa: F403
from .base import LOG_REDACTED_PATH_PREFIXES, SENTRY_DSN, env

SECRET_KEY = env.str("SECRET_KEY")

if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    from wsi.logs import RedactPathSecrets

    _redact = RedactPathSecrets(LOG_REDACTED_PATH_PREFIXES).redact

    def _redact_event(event, hint):
        """Links' tokens stay out of the reported URL, as they stay out of the logs."""
        if "url" in event.get("request", {}):
            event["request"]["url"] = _redact(event["request"]["url"])
        return event

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env.str("SENTRY_ENVIRONMENT", default="production"),
        release=env.str("SENTRY_RELEASE", default="") or None,
        send_default_pii=False,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        before_send=_redact_event,
    )
