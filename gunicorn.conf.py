"""gunicorn reads this file from its working directory: its error and access logs go through
the site's LOGGING (format, redacted link tokens) instead of gunicorn's own handlers."""

from wsi.settings.base import LOGGING

# gunicorn turns propagation off for its two loggers; the root logger's handler is the one.
_gunicorn = {
    "gunicorn.error": {"propagate": True},
    "gunicorn.access": {**LOGGING["loggers"]["gunicorn.access"], "propagate": True},
}
logconfig_dict = {**LOGGING, "loggers": {**LOGGING["loggers"], **_gunicorn}}
