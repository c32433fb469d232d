"""Anchors give each question an address on the page (``/our-work/faq/#who-do-they-serve``).
Once given, an anchor never changes by itself: shared links must keep working when the
question is reworded or moved."""

from django.utils.text import slugify

from wsi.element_ids import is_reserved

MAX_LENGTH = 80


def anchor_from(text, taken):
    """A slug of ``text`` that is neither in ``taken`` nor an id the page reserves, cut at a word
    boundary when long."""
    slug = slugify(text)
    base = slug[:MAX_LENGTH]
    if len(slug) > MAX_LENGTH and "-" in base:
        base = base.rsplit("-", 1)[0]
    base = base.strip("-") or "question"
    anchor, number = base, 2
    while anchor in taken or is_reserved(anchor):
        anchor = f"{base}-{number}"
        number += 1
    return anchor


def fill_in_anchors(questions):
    """Give every question without an anchor one made from its text, unique among them all."""
    taken = {question.anchor for question in questions if question.anchor}
    for question in questions:
        if not question.anchor:
            question.anchor = anchor_from(question.question, taken)
            taken.add(question.anchor)


def clashing_anchors(questions):
    """Anchors used more than once, or reserved by the page itself."""
    seen, clashes = set(), set()
    for question in questions:
        if question.anchor in seen or is_reserved(question.anchor):
            clashes.add(question.anchor)
        seen.add(question.anchor)
    return clashes
