"""schema.org JSON-LD for search engines, written safely into the page."""

import json

from django.utils.safestring import mark_safe

# As Django's json_script: with <, > and & escaped, no text can close the <script> element.
SCRIPT_SAFE = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld_script(data):
    """A ``<script type="application/ld+json">`` element holding ``data``."""
    text = json.dumps(data, ensure_ascii=False).translate(SCRIPT_SAFE)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above
