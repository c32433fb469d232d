"""Media embedded from oEmbed providers (YouTube, Vimeo, SoundCloud, ...), with a plain link
when the provider cannot give it. Wagtail keeps an embed it has fetched, but asks again for one
it could not fetch, waiting up to ten seconds each time: a failure is therefore remembered for
an hour, so that a provider that is down does not hold up every page that embeds from it."""

import hashlib
import logging

from django.core.cache import cache
from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedException
from wagtail.embeds.finders import get_finders

logger = logging.getLogger(__name__)

FAILURE_SECONDS = 60 * 60


def can_embed(url):
    """True when a configured provider takes ``url`` (decided from the address alone)."""
    return any(finder.accept(url) for finder in get_finders())


def embed_html(url):
    """The provider's HTML for ``url``, or "" when it cannot be had now."""
    failed_key = "wsi:embed-failed:" + hashlib.sha256(url.encode()).hexdigest()
    if cache.get(failed_key):
        return ""
    try:
        return embeds.get_embed(url).html
    except EmbedException as error:
        logger.warning("No embed for %s (%s); a link is shown instead for an hour.", url, error)
        cache.set(failed_key, True, FAILURE_SECONDS)
        return ""
