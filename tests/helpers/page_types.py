"""One URL of each public page type of the demo site, read from its database: what the stack
test asks for through the front door and what the page benchmarks (bench/pages.py) measure."""


def page_paths():
    from faq.models import FAQPage
    from resources.events.models import EventIndexPage, EventPage, NewsPage
    from resources.library.models import ResourceIndexPage, ResourcePage, Topic

    library = ResourceIndexPage.objects.live().first().url
    events = EventIndexPage.objects.live().first().url
    topic = Topic.objects.filter(resources__live=True).distinct().order_by("name").first()
    news = NewsPage.objects.live().order_by("-pk").first()
    return {
        "home": "/",
        "FAQ": FAQPage.objects.live().first().url,
        "library": library,
        "library, two filters": f"{library}?topic={topic.slug}&type=report",
        "library, keyword": f"{library}?q=apprenticeships",
        "a resource": ResourcePage.objects.live().order_by("-pk").first().url,
        "a topic section": f"{library}{topic.slug}/",
        "events": events,
        "an event": EventPage.objects.live().order_by("-starts_at").first().url,
        "news": news.get_parent().url,
        "a news item": news.url,
        "site search": "/search/?q=training",
        "a feed": f"{library}feed/",
        "an .ics": f"{events}calendar/",
        "the sitemap's first page of pages": "/sitemap-pages.xml",
    }
