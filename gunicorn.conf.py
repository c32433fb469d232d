"""gunicorn reads this file from its working directory: its error and access logs go through
the site's LOGGING (format, redacted link tokens) instead of gunicorn's own handlers."""

from wsi.settings.base import LOGGING

# gunicorn turns propagation off for its two loggers; the root logger's handler is the one.
_gunicorn = {
    "gunicorn.error": {"propagate": True},
    "gunicorn.access": {**LOGGING["loggers"]["gunicorn.access"], "propagate": True},
}
logconfig_dict = {**LOGGING, "loggers": {**LOGGING["loggers"], **_gunicorn}}

# SIGTERM (docker stop, a deploy) is a graceful stop: the node stops accepting, nginx sends new
# requests to the other nodes, and the requests already inside finish within this time (under
# Compose's stop_grace_period for "web", after which Docker kills the node).
graceful_timeout = 25
