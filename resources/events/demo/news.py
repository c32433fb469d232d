"""Latest News of the demo site: the real news of the content brief, in our own words, and a
few samples dated from the load day. The day of "July 2015" is not known: the 1st stands in."""

import datetime

from django.utils import timezone

from resources.events.models import NewsIndexPage, NewsPage
from resources.library.models import Person
from wsi.demo_kit import demo_image, get_or_create_page, rich_text

SAMPLE_NOTE = "<i>Sample content, to show how the site presents news: replace or delete it in the admin.</i>"

NEWS = [
    {
        "slug": "lessons-from-the-field-published",
        "title": "Sectoral Strategies for Low-Income Workers: Lessons from the Field",
        "date": datetime.date(2007, 10, 22),
        "author": ("maureen-conway", "Maureen Conway"),
        "topics": ["sector-approach", "systems-change"],
        "introduction": "Our new report draws lessons from sector initiatives in six cities.",
        "body": [
            "The authors are Conway, Blair, Dawson and Dworak-Muñoz, and the Mott Foundation funded the "
            "work. Its case studies come from the Bronx, Charlotte, Chicago, Austin, Las Vegas and Seattle."
        ],
    },
    {
        "slug": "reinventing-low-wage-work-begins",
        "title": "Reinventing Low-Wage Work begins with restaurant jobs",
        "date": datetime.date(2012, 3, 7),
        "topics": ["industry-specific", "job-quality"],
        "introduction": "Our new series of roundtables opened with a discussion of jobs in restaurants.",
        "body": [
            "From Fast Food to Fine Cuisine was the first roundtable of Reinventing Low-Wage Work. The "
            "second, Better Care through Better Jobs, followed in May on direct-care workers."
        ],
    },
    {
        "slug": "communities-that-work-partnership-launched",
        "title": "Communities that Work Partnership launched with the Economic Development Administration",
        "date": datetime.date(2015, 4, 27),
        "press": True,
        "topics": ["sector-approach"],
        "introduction": "A new partnership with the US Economic Development Administration helps regions "
        "connect economic development and workforce development.",
        "body": [
            "Penny Pritzker and Walter Isaacson spoke at the launch, after opening remarks by Maureen Conway "
            "and Jay Williams. The recording is on the event page."
        ],
    },
    {
        "slug": "seven-regional-teams-selected",
        "title": "Seven regional teams selected for Communities that Work",
        "date": datetime.date(2015, 7, 1),
        "topics": ["sector-approach"],
        "introduction": "Seven regions join a 15-month learning exchange of the Communities that Work Partnership.",
        "body": [
            "The teams will learn from each other for 15 months, with the support of a $500,000 grant from "
            "the US Economic Development Administration."
        ],
    },
    {
        "slug": "looking-ahead-to-2018",
        "title": "WSI looks ahead to 2018",
        "date": datetime.date(2018, 1, 19),
        "author": ("amy-blair", "Amy Blair"),
        "topics": ["job-quality"],
        "introduction": "Amy Blair previews the year's work on job quality.",
        "body": [
            "Job quality is at the centre of our plans for the year: what makes a job a good one, and "
            "how employers and their partners can create more of them."
        ],
    },
    {
        "slug": "job-quality-tools-library-launched",
        "title": "Job Quality Tools Library launched",
        "date": datetime.date(2020, 6, 25),
        "topics": ["job-quality"],
        "introduction": "A new library gathers tools that help employers and their partners improve jobs.",
        "body": ["The Job Quality Tools Library is supported by Prudential."],
    },
]

SAMPLE_NEWS = [
    {
        "slug": "subscribe-to-our-events-calendar",
        "title": "Subscribe to our events calendar",
        "in_days": 0,
        "topics": [],
        "introduction": "Every event page now has an Add to calendar button, and the whole calendar can be "
        "followed in your calendar app.",
        "body": ["Look for the calendar and feed links at the foot of the Events page."],
    },
    {
        "slug": "registration-open-good-jobs-discussion",
        "title": "Registration open: What Makes a Job a Good Job?",
        "in_days": -3,
        "topics": ["job-quality"],
        "introduction": "The next Working in America discussion is online, and registration is open.",
        "body": ["Details and the registration link are on the event page."],
    },
    {
        "slug": "retail-roundtable-announced",
        "title": "Reinventing Low-Wage Work returns with a retail roundtable",
        "in_days": -10,
        "topics": ["industry-specific"],
        "introduction": "The series' next roundtable looks at jobs in retail.",
        "body": ["Schedules, training and paths to better pay are on the agenda."],
    },
]


def load(demo, news_events, topics):
    index = get_or_create_page(
        news_events,
        NewsIndexPage,
        "latest-news",
        title="Latest News",
        show_in_menus=True,
        introduction="Announcements, new publications and press releases.",
    )
    today = timezone.localdate()
    for number, spec in enumerate([*NEWS, *SAMPLE_NEWS]):
        spec = dict(spec)
        sample = "in_days" in spec
        if sample:
            spec["date"] = today + datetime.timedelta(days=spec.pop("in_days"))
            spec["title"] += " (sample)"
            spec["body"] = [*spec["body"], SAMPLE_NOTE]
        author = None
        if "author" in spec:
            slug, name = spec.pop("author")
            author, _created = Person.objects.get_or_create(slug=slug, defaults={"name": name})
        press = spec.pop("press", False)
        get_or_create_page(
            index,
            NewsPage,
            spec.pop("slug"),
            author=author,
            topics=[topics[slug] for slug in spec.pop("topics") if slug in topics],
            body=rich_text(*spec.pop("body")),
            image=demo_image(
                f"{spec['title']} (news illustration)",
                seed=400 + number,
                description="Abstract illustration of the news item: circles and bands in blue, rust and gold",
            ),
            is_press_release=press,
            media_contact_name="Press office (sample contact)" if press else "",
            media_contact_email="press@example.org" if press else "",
            **spec,
        )
    demo.log(f"news: {NewsPage.objects.count()} news items")
