import html
import re

from django import template
from django.conf import settings
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from mailinglist.forms import SignupForm

register = template.Library()


@register.inclusion_tag("mailinglist/_signup_form.html", takes_context=True)
def signup_form(context):
    """The compact signup form for the footer of every page."""
    request = context.get("request")
    page = request.path if request is not None else ""
    return {"form": SignupForm(initial={"page": page}), "compact": True, "id_prefix": "footer-", "request": request}


@register.filter
def absolute_links(rich_html):
    """Rich text for a mail, whose reader has no page for "/..." links to be relative to."""
    return mark_safe(re.sub(r'(href|src)="/(?!/)', rf'\1="{settings.SITE_URL}/', str(rich_html)))  # noqa: S308


@register.filter
def plain_text(rich_html):
    """The words of rich text for the plain-text part of a mail: no tags, no entities."""
    return html.unescape(strip_tags(str(rich_html)))
