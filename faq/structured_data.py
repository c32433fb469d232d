"""schema.org FAQPage data for search engines, built from the entries the page shows."""

import json

from django.utils.safestring import mark_safe

# As Django's json_script: with <, > and & escaped, no text can close the <script> element.
SCRIPT_SAFE = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def faq_json_ld(entries):
    """The JSON for a ``<script type="application/ld+json">`` element, safe to output as is."""
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {"@type": "Question", "name": entry.question, "acceptedAnswer": {"@type": "Answer", "text": entry.text}}
            for entry in entries
        ],
    }
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(SCRIPT_SAFE))  # noqa: S308 - escaped above
