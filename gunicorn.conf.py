"""gunicorn reads this file from its working directory: its error and access logs go through
the site's LOGGING (format, redacted link tokens) instead of gunicorn's own handlers."""

from wsi.settings.base import LOGGING

logconfig_dict = {**LOGGING, "loggers": {**LOGGING["loggers"], "gunicorn.error": {}}}
