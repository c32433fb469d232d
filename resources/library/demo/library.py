import datetime

from resources.library.bulk import add_synthetic_resources, synthetic_count
from resources.library.models import ResourceAuthor, ResourceIndexPage, ResourcePage, Topic
from wsi.demo_kit import demo_document, get_or_create_page, place_before

from .people import load_about_pages, load_organisations, load_people
from .publications import PUBLICATIONS, SAMPLE_NOTE, SAMPLES

TOPICS = [
    (
        "sector-approach",
        "Sector Approach",
        "What sector strategies are, how they work and what makes them succeed.",
    ),
    (
        "industry-specific",
        "Industry Specific",
        "Research and profiles on particular industries, from healthcare and manufacturing to restaurants "
        "and construction.",
    ),
    (
        "sector-and-community-college",
        "Sector and Community College",
        "How community colleges and nonprofit partners build paths to education and careers.",
    ),
    (
        "worker-outcomes",
        "Worker Outcomes",
        "What participants of sector programmes gain: employment, earnings, benefits and credentials.",
    ),
    (
        "value-to-business",
        "Value to Business",
        "How workforce programmes create value for the employers they serve, and how to measure it.",
    ),
    (
        "systems-change",
        "Systems Change",
        "How sector initiatives change industry practices, training systems and public policy.",
    ),
    (
        "job-quality",
        "Job Quality",
        "What makes a good job, and how employers and their partners can create more of them.",
    ),
]

EMBARGOED_TITLE = "Sector Strategies Field Scan 2027 (embargoed draft)"
EMBARGOED_LINES = ["A draft for staff review before its release.", "", "Demo file made for the demo site."]


def load(demo):
    for order, (slug, name, description) in enumerate(TOPICS):
        Topic.objects.get_or_create(slug=slug, defaults={"name": name, "description": description, "sort_order": order})
    index = get_or_create_page(
        demo.home,
        ResourceIndexPage,
        "research-resources",
        title="Research & Resources",
        show_in_menus=True,
        introduction="Reports, briefs, tools and surveys from two decades of research on sector strategies.",
    )
    place_before(index, "news-events")
    people = load_people()
    organisations = load_organisations()
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    for item in PUBLICATIONS:
        _publication(index, item, people, organisations, topics)
    for slug, title, resource_type, year, topic_slugs in SAMPLES:
        get_or_create_page(
            index,
            ResourcePage,
            slug,
            title=title,
            resource_type=resource_type,
            publication_date=datetime.date(year, 1, 1),
            date_precision="year",
            introduction=SAMPLE_NOTE,
            summary=f"<p>{SAMPLE_NOTE} It shows how a {resource_type.replace('-', ' ')} looks in the library.</p>",
            topics=[topics[topic_slug] for topic_slug in topic_slugs],
        )
    load_about_pages(demo.home)
    # Staff may read it; a visitor following its address is asked to log in.
    demo_document(EMBARGOED_TITLE, EMBARGOED_LINES, collection="Embargoed reports")
    demo.log(f"library: {len(TOPICS)} topics, {index.get_children().count()} resources, staff and funders pages")

    scale = demo.options.get("scale") or 0
    missing = scale - synthetic_count(index)
    if missing > 0:
        # The search index is rebuilt once at the end of load_demo_content.
        add_synthetic_resources(index, missing, index=False)
        demo.log(f"library: {missing} synthetic resources added (now {scale})")


def _publication(index, item, people, organisations, topics):
    date, precision = item["date"]
    authors = [
        ResourceAuthor(organisation=organisations[author[1:]], sort_order=order)
        if author.startswith("@")
        else ResourceAuthor(person=people[author], sort_order=order)
        for order, author in enumerate(item["authors"])
    ]
    document = None
    if item.get("pdf"):
        document = demo_document(
            item["title"],
            [item["introduction"], "", "Demo file made for the demo site: the full text is not reproduced here."],
            collection="Reports",
        )
    get_or_create_page(
        index,
        ResourcePage,
        item["slug"],
        title=item["title"],
        resource_type=item["type"],
        publication_date=date,
        date_precision=precision,
        introduction=item["introduction"],
        summary=f"<p>{item['summary']}</p>",
        key_findings=[("finding", finding) for finding in item["findings"]],
        document=document,
        topics=[topics[slug] for slug in item["topics"]],
        funders=[organisations[name] for name in item.get("funders", [])],
        partners=[organisations[name] for name in item.get("partners", [])],
        authors=authors,
        report_number=item.get("report_number", ""),
    )
