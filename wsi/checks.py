from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def errors_are_reported(app_configs, **kwargs):
    """500.html tells visitors "we have been told": someone must be."""
    if settings.ADMINS or settings.SENTRY_DSN:
        return []
    return [
        Warning(
            "Server errors are reported to nobody.",
            hint="Set SENTRY_DSN, or ADMINS to mail them (see the README's configuration table).",
            id="wsi.W001",
        )
    ]
