from urllib.parse import urljoin

from django import template
from django.conf import settings

register = template.Library()


@register.filter
def absolute_url(url):
    """``url`` made absolute against SITE_URL (already absolute URLs, e.g. from a CDN, pass)."""
    return urljoin(settings.SITE_URL + "/", url)
