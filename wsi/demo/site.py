"""Home, site settings, the sections of the site map and their prose pages."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Page, Site

from wsi.demo_kit import demo_image, describe_image, get_or_create_page, rich_text
from wsi.models import HomePage, SectionPage, SiteSettings, StandardPage

HERO_IMAGE = {
    "title": "Home hero",
    "description": "Abstract illustration: overlapping circles and bands in the initiative's blue, rust and gold",
}
SHARE_IMAGE = {
    "title": "Default share image",
    "description": "The Workforce Strategies Initiative: circles and bands in blue, rust and gold",
}


def load(demo):
    home = _home_page()
    _site_settings(home)
    # Set up once, as staff may change them since: only a missing description is filled in.
    describe_image(**HERO_IMAGE)
    describe_image(**SHARE_IMAGE)

    about = get_or_create_page(
        home,
        SectionPage,
        "about-us",
        title="About us",
        show_in_menus=True,
        introduction=(
            "The Workforce Strategies Initiative is a programme of the Aspen Institute's Economic "
            "Opportunities Program. We look for the strategies that help low-income Americans gain "
            "ground in the labour market, and we help them spread."
        ),
    )
    for slug, title, introduction, paragraphs in ABOUT_PAGES:
        get_or_create_page(
            about,
            StandardPage,
            slug,
            title=title,
            show_in_menus=True,
            introduction=introduction,
            body=rich_text(*paragraphs),
        )

    our_work = get_or_create_page(
        home,
        SectionPage,
        "our-work",
        title="Our Work",
        show_in_menus=True,
        introduction=(
            "Research and evaluation, public events, leadership development and practical tools: "
            "the ways we advance sector strategies for low-income workers."
        ),
    )
    work_pages = {}
    for index, (slug, title, introduction, paragraphs) in enumerate(OUR_WORK_PAGES):
        work_pages[slug] = get_or_create_page(
            our_work,
            StandardPage,
            slug,
            title=title,
            show_in_menus=True,
            introduction=introduction,
            image=demo_image(
                f"{title} (illustration)",
                seed=100 + index,
                description=f"Abstract illustration for {title}: circles and bands in blue, rust and gold",
            ),
            body=rich_text(*paragraphs),
        )

    get_or_create_page(
        home,
        SectionPage,
        "news-events",
        title="News & Events",
        show_in_menus=True,
        introduction="What we have been saying and doing: announcements, public discussions and their recordings.",
    )
    _home_body(home, work_pages["research-evaluation"])
    demo.log("site shell: home, About us, Our Work, News & Events")


def _home_page():
    home = HomePage.objects.first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    home = HomePage(
        title="Home",
        slug="wsi-home",
        seo_title="Workforce Strategies Initiative: sector strategies for low-income workers",
        hero_heading="Helping low-income Americans gain ground in the labour market",
        hero_text=(
            "We research, test and share sector strategies: workforce programmes that know one "
            "industry well and improve both workers' prospects and employers' results."
        ),
        hero_image=demo_image(**HERO_IMAGE, seed=1, size=(1200, 900)),
        introduction=(
            "The Workforce Strategies Initiative (AspenWSI) is a programme of the Aspen Institute. "
            "Our main subject is sectoral employment development."
        ),
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    # Wagtail builds full URLs (sitemap, previews) from the site's host: make it SITE_URL's.
    site_url = urlsplit(settings.SITE_URL)
    port = site_url.port or (443 if site_url.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=site_url.hostname, port=port, root_page=home, is_default_site=True, site_name="WSI"
        )
    else:
        previous_root = site.root_page
        site.root_page = home
        site.hostname, site.port, site.site_name = site_url.hostname, port, "WSI"
        site.save()
        if previous_root.specific_class is Page and previous_root.pk != home.pk:
            previous_root.delete()
    return home


def _home_body(home, research_page):
    """What the home page says about results, filled once: staff own it afterwards."""
    if home.body:
        return
    home.body = [
        {"type": "heading", "value": {"text": "What sector strategies achieve", "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<p>In Public/Private Ventures' random-assignment study of three sector initiatives, "
                "participants earned about <b>$4,500 more (18%)</b> than a control group over two years, "
                "and <b>29% more</b> in the second year alone."
                '<sup><a href="#note-1">1</a></sup></p>'
                "<p>Our own Sectoral Employment Development Learning Project followed six initiatives. One "
                "year after training, participants' average annual earnings were more than <b>$7,000</b> "
                "higher than in the year before it, and <b>$10,000</b> higher after two years; <b>78%</b> "
                "had health insurance from their employer, against <b>50%</b> before training."
                '<sup><a href="#note-2">2</a></sup></p>'
            ),
        },
        {
            "type": "image",
            "value": {
                "image": {
                    "image": demo_image(
                        "Sector partnership (illustration)",
                        seed=3,
                        description="Abstract illustration: circles and bands in blue, rust and gold",
                    ).pk,
                    "decorative": False,
                    "alt_text": "Abstract illustration: overlapping circles, as employers, trainers and workers meet",
                },
                "caption": "A sector initiative brings employers, training providers and workers together.",
            },
        },
        {
            "type": "quote",
            "value": {
                "quote": "The function, not the institution, defines a sector initiative.",
                "attribution": "From our answers to frequent questions about sector strategies",
            },
        },
        {
            "type": "table",
            "value": {
                "caption": "Earnings of participants in sector initiatives",
                "columns": [
                    {"type": "text", "heading": "Study and period"},
                    {"type": "figure", "heading": "Earnings gain"},
                ],
                "rows": [
                    {
                        "values": [
                            "Sectoral Employment Impact Study: two years, against a control group",
                            "$4,500 (18%)",
                        ]
                    },
                    {"values": ["Sectoral Employment Impact Study: second year, against controls", "29%"]},
                    {"values": ["SEDLP: one year after training, against the year before", "over $7,000"]},
                    {"values": ["SEDLP: two years after training, against the year before", "$10,000"]},
                ],
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "heading": "Read the research",
                "text": "Evaluations, surveys and reports from more than two decades of work on sector strategies.",
                "page": research_page.pk,
                "url": "",
                "button_label": "Research & Evaluation",
            },
        },
        {
            "type": "notes",
            "value": {
                "heading": "Sources",
                "notes": [
                    "<p>Public/Private Ventures, <i>Sectoral Employment Impact Study</i>, a random-assignment "
                    "study of three sector initiatives.</p>",
                    "<p>The Aspen Institute, <i>Sectoral Employment Development Learning Project</i>, six "
                    "initiatives; see <i>SEDLP Research Report No. 3: Gaining Ground</i>.</p>",
                ],
            },
        },
    ]
    home.save_revision().publish()


def _site_settings(home):
    site = Site.objects.get(root_page=home)
    site_settings = SiteSettings.for_site(site)
    if site_settings.contact_email:
        return
    site_settings.tagline = "A programme of the Aspen Institute's Economic Opportunities Program"
    site_settings.footer_text = (
        "The Workforce Strategies Initiative is a programme of the Aspen Institute. Demo content: edit it in the admin."
    )
    site_settings.contact_email = "wsi@example.org"
    site_settings.contact_phone = "+1 202 555 0100"
    site_settings.postal_address = "One Dupont Circle NW, Suite 700\nWashington, DC 20036"
    site_settings.facebook_url = "https://www.facebook.com/AspenWSI"
    site_settings.default_social_image = demo_image(**SHARE_IMAGE, seed=2, size=(1200, 630))
    site_settings.save()


ABOUT_PAGES = [
    (
        "who-we-are",
        "Who We Are",
        "A team of researchers and practitioners inside the Aspen Institute who study what works for "
        "low-income workers.",
        [
            "The Workforce Strategies Initiative (AspenWSI) belongs to the Aspen Institute's Economic "
            "Opportunities Program. We look for strategies that help low-income Americans gain ground in "
            "the labour market, test what we find, and share it with the people who can use it.",
            "Our main subject is <b>sectoral employment development</b>, usually called sector strategies: "
            "workforce programmes that learn one industry in depth and work on behalf of both its workers "
            "and its employers.",
            "We publish research and evaluations, convene public events, run leadership development for "
            "practitioners and build tools they can use in their own programmes.",
        ],
    ),
    (
        "our-story",
        "Our Story",
        "From a learning project about six sector programmes to a national voice on job quality.",
        [
            "Our work began with a question practitioners kept asking: do sector programmes really change "
            "the working lives of the people they train? To answer it we followed participants of six "
            "sector initiatives for several years in the Sectoral Employment Development Learning Project.",
            "What we learned shaped everything since: surveys of the field, evaluations of partnerships "
            "between community colleges and nonprofits, public discussion series on low-wage work, and "
            "tools that help programmes show their value to employers.",
            "Today we also ask what makes a job a good one, and how employers, workers and communities "
            "can build more of them.",
        ],
    ),
]

OUR_WORK_PAGES = [
    (
        "communities-that-work-partnership",
        "Communities that Work Partnership",
        "A partnership with the US Economic Development Administration that helps regions align economic "
        "and workforce development.",
        [
            "The Communities that Work Partnership was launched in April 2015 with the US Economic "
            "Development Administration. It brings regional teams together to connect economic "
            "development with workforce development, so that growing industries and local workers "
            "find each other.",
            "Seven regional teams were selected for a 15-month learning exchange supported by a "
            "$500,000 grant from the Economic Development Administration.",
        ],
    ),
    (
        "current-projects",
        "Current Projects",
        "What we are working on now: job quality, business value and the future of sector strategies.",
        [
            "Our current projects look at job quality from both sides: what workers need from a job to "
            "build a stable life, and what employers gain when they offer it.",
            "We also keep studying partnerships between community colleges and nonprofit organisations, "
            "and we continue to develop tools that help workforce programmes measure the value they "
            "bring to businesses.",
        ],
    ),
    (
        "leadership-development",
        "Leadership Development",
        "Learning exchanges and fellowships for the people who lead sector initiatives.",
        [
            "Strong sector initiatives depend on leaders who understand both an industry and the "
            "people who want to work in it. Our leadership development brings these leaders together "
            "to learn from each other and from research.",
            "Participants work on a real challenge from their own region and leave with a plan and a network of peers.",
        ],
    ),
    (
        "research-evaluation",
        "Research & Evaluation",
        "Studies of sector initiatives, their participants and the businesses they serve.",
        [
            "We study what sector initiatives do and what they achieve: for participants, for "
            "employers and for the systems around them.",
            "Our research ranges from long-term studies of participants' earnings to surveys of the "
            "field and evaluations of partnerships between colleges and community organisations. "
            "Every report is free to read in our research and resources library.",
        ],
    ),
    (
        "tools",
        "Tools",
        "Practical tools that help workforce programmes plan, measure and show their results.",
        [
            "Our tools grew out of work with practitioners. The Business Value Assessment helps "
            "workforce organisations measure what their services are worth to the businesses they "
            "serve.",
            "The Job Quality Tools Library gathers tools that help employers and their partners "
            "improve the jobs they offer.",
        ],
    ),
]
