"""Many live pages under one parent in a few statements, as resources.library.bulk does for
resources: the Page rows in one bulk insert, then each page's own row (a raw save, as fixtures
load), so that a test can compare 10 pages with 1,000 in seconds. Nothing a page's save() would
compute is computed: give every field the page shows."""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page


def add_live_children(parent, model, count, fields, slug_prefix="bulk-"):
    """``count`` live ``model`` pages under ``parent``; ``fields(number)`` gives each its own
    fields (its title among them)."""
    parent = Page.objects.get(pk=parent.pk)
    last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
    first_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    numbered_from = Page.objects.filter(slug__startswith=slug_prefix).count()
    own = [fields(numbered_from + offset) for offset in range(count)]
    pages = [
        Page(
            title=values["title"],
            draft_title=values["title"],
            slug=f"{slug_prefix}{numbered_from + offset}",
            path=Page._get_path(parent.path, parent.depth + 1, first_step + offset),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{slug_prefix}{numbered_from + offset}/",
            live=True,
            first_published_at=now,
            last_published_at=now,
            content_type=content_type,
            locale_id=parent.locale_id,
            translation_key=uuid.uuid4(),
        )
        for offset, values in enumerate(own)
    ]
    Page.objects.bulk_create(pages, batch_size=500)
    for page, values in zip(pages, own, strict=True):
        specific = model(page_ptr_id=page.pk, **{name: value for name, value in values.items() if name != "title"})
        specific.save_base(raw=True, force_insert=True)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)
