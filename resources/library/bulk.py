"""Many synthetic resources at once, for benchmarks (``load_demo_content --scale N``) and for
the query-count tests. Rows are inserted in bulk, bypassing revisions: the pages are live but
have no history, which is all a listing needs."""

import datetime
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from .facet_index import forget_library_index
from .models import Person, ResourceAuthor, ResourcePage, Topic
from .resource_types import ResourceType

SLUG_PREFIX = "sample-resource-"
SUBJECTS = [
    "apprenticeships in advanced manufacturing",
    "career ladders in acute healthcare",
    "employer advisory groups",
    "job coaching and retention",
    "community college partnerships",
    "logistics and transportation training",
    "hospitality career paths",
    "case management and support services",
    "wage progression for entry-level workers",
    "construction pre-apprenticeship",
    "measuring business value",
    "regional workforce systems",
]
FORMS = ["Notes on", "A sample study of", "Field guide to", "Lessons about", "Data on"]
SURNAMES = ["Rivera", "Okafor", "Nguyen", "Schmidt", "Haddad", "Kowalski", "Tanaka", "Moreau"]


def _sample_authors():
    """One sample Person per surname, made on first use."""
    return [
        Person.objects.get_or_create(
            slug=f"sample-author-{surname.lower()}", defaults={"given_names": "Sam", "family_name": surname}
        )[0]
        for surname in SURNAMES
    ]


def synthetic_count(library):
    return ResourcePage.objects.child_of(library).filter(slug__startswith=SLUG_PREFIX).count()


@transaction.atomic
def add_synthetic_resources(library, count, seed=0, index=True):
    """Add ``count`` sample resources under ``library``, spread over topics, types and the
    years 1995 to 2024. Titles say they are sample content."""
    if count <= 0:
        return []
    rng = random.Random(seed)
    topics = list(Topic.objects.all())
    content_type = ContentType.objects.get_for_model(ResourcePage)
    # Not library.get_last_child(): it trusts the instance's numchild, which may be stale.
    last_child = Page.objects.filter(path__startswith=library.path, depth=library.depth + 1).order_by("-path").first()
    first_step = Page._str2int(last_child.path[-Page.steplen :]) + 1 if last_child else 1
    numbered_from = synthetic_count(library) + 1
    now = timezone.now()

    pages = []
    for offset in range(count):
        number = numbered_from + offset
        title = f"{rng.choice(FORMS)} {rng.choice(SUBJECTS)} (sample resource {number})"
        slug = f"{SLUG_PREFIX}{number}"
        pages.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                path=Page._get_path(library.path, library.depth + 1, first_step + offset),
                depth=library.depth + 1,
                numchild=0,
                url_path=f"{library.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                content_type=content_type,
                locale_id=library.locale_id,
                translation_key=uuid.uuid4(),
            )
        )
    Page.objects.bulk_create(pages, batch_size=500)

    resources = []
    for page in pages:
        year = rng.randint(1995, 2024)
        subject = page.title.split(" (")[0].lower()
        resource = ResourcePage(
            page_ptr_id=page.pk,
            resource_type=rng.choice(ResourceType.values),
            publication_date=datetime.date(year, rng.randint(1, 12), 1) if rng.random() > 0.03 else None,
            date_precision="month",
            introduction=f"Sample content generated for testing the library: {subject}.",
            publisher="The Aspen Institute",
        )
        # Only the resource's own table: its Page row exists already (this is how fixtures load).
        resource.save_base(raw=True, force_insert=True)
        resources.append(resource)

    through = ResourcePage.topics.through
    links = []
    for resource in resources:
        for topic in rng.sample(topics, k=min(len(topics), rng.randint(1, 3))):
            links.append(through(resourcepage_id=resource.pk, topic_id=topic.pk))
    through.objects.bulk_create(links, batch_size=1000)
    authors = _sample_authors()
    ResourceAuthor.objects.bulk_create(
        [ResourceAuthor(page_id=resource.pk, person=rng.choice(authors), sort_order=0) for resource in resources],
        batch_size=1000,
    )
    Page.objects.filter(pk=library.pk).update(numchild=F("numchild") + count)
    if index:
        backend = get_search_backend()
        backend.add_bulk(ResourcePage, ResourcePage.get_indexed_objects().filter(pk__in=[p.pk for p in pages]))
    forget_library_index()
    return resources
