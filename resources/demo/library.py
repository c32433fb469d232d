from resources.models import ResourceIndexPage, Topic
from wsi.demo_kit import get_or_create_page, place_before

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
    demo.log("library: topics and the Research & Resources page")
