"""Building blocks for the demo content that each app loads from its own ``demo.py``.

Every helper is get-or-create: loading the demo twice changes nothing, and pages that staff
have since edited are left as they are.
"""

import io
import random
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection

from wsi.media_collections import collection_named
from wsi.models import HomePage

PALETTE = ["#14365d", "#1a4f8b", "#a3431f", "#f2b632", "#4f7a5a", "#d5d0c4", "#f4f1ea"]


@dataclass
class DemoLoad:
    """What one run of ``load_demo_content`` hands to each app's ``demo.load``."""

    options: dict = field(default_factory=dict)
    log: callable = print

    @property
    def home(self):
        return HomePage.objects.get()


def get_or_create_page(parent, model, slug, **fields):
    """The child of ``parent`` with ``slug``, created and published from ``fields`` if absent."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def place_before(page, sibling_slug):
    """Move ``page`` just before its sibling ``sibling_slug`` so the menus follow the site map."""
    sibling = page.get_siblings().filter(slug=sibling_slug).first()
    if sibling is None or page.get_next_sibling() == sibling:
        return
    page.move(sibling, pos="left")


def demo_image(title, seed, description, size=(1200, 675), collection="Page images"):
    """A calm abstract picture (bands and circles in the site palette), made once per title, in
    the ``collection`` of that name. ``description`` is its alt text wherever a page shows it."""
    describe_image(title, description)
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    rng = random.Random(seed)
    picture = PILImage.new("RGB", size, PALETTE[rng.randrange(3)])
    draw = ImageDraw.Draw(picture)
    width, height = size
    for _band in range(6):
        top = rng.randrange(height)
        draw.rectangle([0, top, width, top + rng.randrange(20, 120)], fill=rng.choice(PALETTE))
    for _circle in range(4):
        radius = rng.randrange(height // 8, height // 3)
        x, y = rng.randrange(width), rng.randrange(height)
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=rng.choice(PALETTE))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    filename = f"demo-{seed}.png"
    return Image.objects.create(
        title=title,
        description=description,
        file=ContentFile(buffer.getvalue(), name=filename),
        collection=collection_named(collection),
    )


def describe_image(title, description):
    """Gives a demo image loaded before demo images had descriptions its description, unless
    staff have written their own; creates nothing."""
    Image.objects.filter(title=title, description="").update(description=description)


def demo_document(title, lines, collection=None):
    """A one-page PDF with ``title`` and ``lines`` of text, made once per title, in the
    ``collection`` of that name (the root collection without one)."""
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    filename = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")[:80] + ".pdf"
    return Document.objects.create(
        title=title,
        file=ContentFile(_pdf_bytes(title, lines), name=filename),
        collection=collection_named(collection) if collection else Collection.get_first_root_node(),
    )


def _pdf_bytes(title, lines):
    def escape(text):
        text = text.encode("latin-1", "replace").decode("latin-1")
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    text_ops = ["BT", "/F1 18 Tf", "72 740 Td", f"({escape(title)}) Tj", "/F1 11 Tf", "0 -28 Td"]
    for line in lines:
        text_ops += [f"({escape(line)}) Tj", "0 -16 Td"]
    text_ops.append("ET")
    stream = "\n".join(text_ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def rich_text(*paragraphs):
    """Stream data for a body of plain paragraphs (each string may hold inline HTML)."""
    return [{"type": "paragraph", "value": "".join(f"<p>{p}</p>" for p in paragraphs)}]
