"""Media embedded from the oEmbed providers the site allows (``WAGTAILEMBEDS_FINDERS``: YouTube,
Vimeo, SoundCloud), with a plain link when the provider cannot give it.

Wagtail keeps an embed it has fetched, but asks again for one it could not fetch, waiting up to
ten seconds each time: a failure is therefore remembered for an hour, so that a provider that is
down does not hold up every page that embeds from it. The provider's HTML is never rendered as
it comes: only its player frame is kept, rebuilt from a few attributes, and only when the frame
comes from one of ``EMBED_ORIGINS`` (the players the Content-Security-Policy allows)."""

import hashlib
import logging
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.utils.html import format_html, format_html_join
from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedException
from wagtail.embeds.finders import get_finders

logger = logging.getLogger(__name__)

FAILURE_SECONDS = 60 * 60
PROVIDER_NAMES = "YouTube, Vimeo or SoundCloud"
NOT_EMBEDDABLE = (
    f"This address cannot be embedded: the site plays media from {PROVIDER_NAMES} only. "
    "Use the address of the media's page there, or link to it from a paragraph."
)
FRAME_ATTRIBUTES = ("src", "title", "width", "height", "allow", "allowfullscreen", "referrerpolicy")


def can_embed(url):
    """True when an allowed provider takes ``url`` (decided from the address alone)."""
    return any(finder.accept(url) for finder in get_finders())


def embed_html(url):
    """The player for ``url``, or "" when it cannot be had now or is not an allowed player."""
    if not can_embed(url):
        # Fetched before the provider was dropped from the list, perhaps: never rendered.
        return ""
    failed_key = "wsi:embed-failed:" + hashlib.sha256(url.encode()).hexdigest()
    if cache.get(failed_key):
        return ""
    try:
        html = embeds.get_embed(url).html
    except EmbedException as error:
        logger.warning("No embed for %s (%s); a link is shown instead for an hour.", url, error)
        cache.set(failed_key, True, FAILURE_SECONDS)
        return ""
    frame = player_frame(html)
    if not frame:
        logger.warning("The embed of %s is not a player frame from an allowed origin; a link is shown.", url)
    return frame


def player_frame(html):
    """The one ``<iframe>`` of a provider's ``html``, rebuilt from its harmless attributes, or ""
    when there is not exactly one or its address is not an allowed player's."""
    finder = _FrameFinder()
    finder.feed(html)
    finder.close()
    if len(finder.frames) != 1:
        return ""
    attributes = finder.frames[0]
    src = attributes.get("src") or ""
    parts = urlsplit(src)
    if f"{parts.scheme}://{parts.netloc}" not in settings.EMBED_ORIGINS:
        return ""
    kept = [(name, attributes[name]) for name in FRAME_ATTRIBUTES if name in attributes]
    return format_html("<iframe{}></iframe>", format_html_join("", ' {}="{}"', kept))


class _FrameFinder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.frames = []

    def handle_starttag(self, tag, attrs):
        if tag == "iframe":
            self.frames.append({name.lower(): value or "" for name, value in attrs})
