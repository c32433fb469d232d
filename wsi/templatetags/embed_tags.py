from urllib.parse import urlsplit

from django import template

from wsi.embeds import embed_html

register = template.Library()


@register.inclusion_tag("components/media_embed.html")
def media_embed(url, link_text):
    """The embedded player for ``url``, or a link to it when the provider cannot give one."""
    return {"html": embed_html(url) if url else "", "url": url, "link_text": link_text, "host": urlsplit(url).hostname}
