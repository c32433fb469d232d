"""Counters in the cache (Redis in production) that cap signups per client and per address."""

from django.conf import settings

from wsi.ratelimit import count

from .addresses import email_key, keyed_hash


def _hit(key, limit, window):
    """Count one more hit in the window; True while the count is within the limit."""
    return count(key, window) <= limit


def allow_ip(ip):
    return _hit(
        f"mailinglist:ip:{keyed_hash('ip', ip)}",
        settings.MAILINGLIST_SIGNUPS_PER_IP,
        settings.MAILINGLIST_SIGNUP_IP_WINDOW_SECONDS,
    )


def allow_address(address):
    digest = keyed_hash("address", email_key(address))
    short = _hit(
        f"mailinglist:address:short:{digest}",
        settings.MAILINGLIST_MAILS_PER_ADDRESS_SHORT,
        settings.MAILINGLIST_ADDRESS_SHORT_WINDOW_SECONDS,
    )
    return short and _hit(f"mailinglist:address:day:{digest}", settings.MAILINGLIST_MAILS_PER_ADDRESS_DAY, 86400)
