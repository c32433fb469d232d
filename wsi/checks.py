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


@register(Tags.caches, deploy=True)
def cache_is_shared(app_configs, **kwargs):
    """A cache in local memory belongs to one process: with several gunicorn workers or web
    nodes, a change saved through one would not empty the page cache of the others."""
    if settings.CACHES["default"]["BACKEND"] != "django.core.cache.backends.locmem.LocMemCache":
        return []
    return [
        Warning(
            "The cache is in each process's memory: other workers and nodes keep pages, menus and "
            "the library's index from before a change (up to PAGE_CACHE_SECONDS, an hour for menus).",
            hint="Set REDIS_URL, the same on every web node; without it, serve the site from one process.",
            id="wsi.W002",
        )
    ]
