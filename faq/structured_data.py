"""schema.org FAQPage data for search engines, built from the entries the page shows."""

from wsi.structured_data import json_ld_script


def faq_json_ld(entries):
    """The ``<script type="application/ld+json">`` element, safe to output as is."""
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {"@type": "Question", "name": entry.question, "acceptedAnswer": {"@type": "Answer", "text": entry.text}}
            for entry in entries
        ],
    }
    return json_ld_script(data)
