"""What a hostile editor types, and how a rendered page is searched for anything a browser would
run: script elements of its own, event-handler attributes, and script URLs."""

import json
import re

from bs4 import BeautifulSoup

# Text an editor may type anywhere; it must reach the page as text, never as markup.
HOSTILE_TEXT = [
    "<script>alert('text')</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg onload=alert(2)>",
    "javascript:alert(3)",
]
# Link targets an editor may give a rich text link; none may reach a page as a script URL.
HOSTILE_URLS = [
    "javascript:alert(4)",
    " JaVaScRiPt:alert(5)",
    "java\tscript:alert(6)",
    "&#106;avascript:alert(7)",
    "data:text/html,<script>alert(8)</script>",
    "vbscript:msgbox(9)",
]
SCRIPT_SCHEMES = ("javascript:", "data:", "vbscript:")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "poster", "xlink:href", "srcdoc")


def rich_text_with_links(text, urls):
    """The rich text editor's form value (Draftail's contentstate): ``text`` as a paragraph, then
    one paragraph per URL whose words link to it."""
    blocks = [
        {"key": "text", "type": "unstyled", "depth": 0, "text": text, "inlineStyleRanges": [], "entityRanges": []}
    ]
    entities = {}
    for number, url in enumerate(urls):
        words = f"Link number {number}"
        blocks.append(
            {
                "key": f"link{number}",
                "type": "unstyled",
                "depth": 0,
                "text": words,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": len(words), "key": number}],
            }
        )
        entities[str(number)] = {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}
    return json.dumps({"blocks": blocks, "entityMap": entities})


def _paragraph(key, text, entity_ranges):
    return {
        "key": key,
        "type": "unstyled",
        "depth": 0,
        "text": text,
        "inlineStyleRanges": [],
        "entityRanges": entity_ranges,
    }


def executable_content(html):
    """Everything in ``html`` a browser could run that the site's own templates did not put
    there; an empty list for a safe page."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for script in soup.find_all("script"):
        own_module = script.get("type") == "module" and script.get("src", "").startswith("/static/")
        if not own_module and script.get("type") != "application/ld+json":
            found.append(str(script))
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            if name.lower().startswith("on"):
                found.append(f"<{element.name} {name}>")
            if name.lower() in URL_ATTRIBUTES:
                plain = re.sub(r"[\x00-\x20\x7f]+", "", str(value)).lower()
                if plain.startswith(SCRIPT_SCHEMES):
                    found.append(f"<{element.name} {name}={value!r}>")
        if element.name in ("iframe", "object", "embed", "base"):
            found.append(f"<{element.name}>")
        if element.name == "meta" and element.get("http-equiv", "").lower() == "refresh":
            found.append(str(element))
    return found
