"""The FAQ of the demo site: the nine questions of the content brief, linked to the library's
publications and topic sections. Runs after the library's demo; a publication that is not
there is named without a link, never linked dead."""

from django.utils.html import escape
from wagtail.models import Page, Site

from resources.library.models import Topic
from wsi.demo_kit import get_or_create_page
from wsi.models import SiteSettings

from .models import FAQPage, FAQQuestion

GAINING_GROUND = "gaining-ground"
LESSONS_FROM_THE_FIELD = "sectoral-strategies-lessons-from-the-field"
SYSTEMS_CHANGE_SURVEY = "systems-change-survey-of-program-activities"
BUSINESS_VALUE_HANDBOOK = "business-value-assessment-handbook"
MAILING_LIST_URL = "/mailing-list/"


def load(demo):
    our_work = demo.home.get_children().get(slug="our-work").specific
    references = References(demo.home)
    page = get_or_create_page(
        our_work,
        FAQPage,
        "faq",
        title="Frequently Asked Questions",
        menu_title="FAQ",
        show_in_menus=True,
        introduction=(
            "Short answers to the questions we are asked most often about sector strategies, "
            "with links to the research behind them."
        ),
        questions=[
            FAQQuestion(sort_order=order, question=question, answer=answer, see_also=see_also, topics=topics)
            for order, (question, answer, see_also, topics) in enumerate(questions(references))
        ],
    )
    demo.log(f"FAQ: {page.questions.count()} questions at {page.url}")


class References:
    """The pages, topics and social links the answers point to, as far as they exist."""

    def __init__(self, home):
        slugs = [GAINING_GROUND, LESSONS_FROM_THE_FIELD, SYSTEMS_CHANGE_SURVEY, BUSINESS_VALUE_HANDBOOK]
        self.pages = {page.slug: page for page in Page.objects.live().filter(slug__in=slugs)}
        self.topics = {topic.slug: topic for topic in Topic.objects.all()}
        site = Site.objects.filter(root_page=home).first()
        self.facebook_url = SiteSettings.for_site(site).facebook_url if site else ""

    def link(self, slug, text):
        """A rich-text link to the page ``slug``, or just ``text`` while it does not exist."""
        page = self.pages.get(slug)
        return f'<a linktype="page" id="{page.pk}">{text}</a>' if page else text

    def see_also(self, *slugs):
        return [{"type": "page", "value": self.pages[slug].pk} for slug in slugs if slug in self.pages]

    def topic_list(self, *slugs):
        return [self.topics[slug] for slug in slugs if slug in self.topics]

    def follow_us(self):
        if not self.facebook_url:
            return ""
        return f' or <a href="{escape(self.facebook_url)}">follow us on Facebook</a>'


def text(*paragraphs):
    return {"type": "text", "value": "".join(paragraphs)}


def bullets(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def questions(ref):
    """(question, answer, see-also pages, topics) for each of the nine questions, in order."""
    gaining_ground = ref.link(GAINING_GROUND, "<i>SEDLP Research Report No. 3: Gaining Ground</i>")
    lessons = ref.link(
        LESSONS_FROM_THE_FIELD, "<i>Sectoral Strategies for Low-Income Workers: Lessons from the Field</i>"
    )
    survey = ref.link(SYSTEMS_CHANGE_SURVEY, "<i>Systems Change: A Survey of Program Activities</i>")
    business_value = ref.link(BUSINESS_VALUE_HANDBOOK, "Business Value Assessment")
    return [
        (
            "What is sectoral employment development?",
            [
                text(
                    "<p>Sectoral employment development, often called a <i>sector strategy</i>, is a systems "
                    "approach to workforce development, usually on behalf of low-income people. A sector "
                    "initiative:</p>",
                    "<ol>"
                    "<li>chooses one industry, or a cluster of occupations, and learns how it works in its "
                    "region: its dynamics, its competitive position and what its employers need from their "
                    "workforce;</li>"
                    "<li>acts through a credible organisation, or a group of organisations, with solutions "
                    "designed for that industry and that region;</li>"
                    "<li>helps workers improve their job-related skills and the quality of the jobs open to "
                    "them;</li>"
                    "<li>works for lasting change in the labour market, good for workers and for employers "
                    "alike: in industry practices, in education and training, and in public regulation and "
                    "fiscal policy.</li>"
                    "</ol>",
                )
            ],
            [],
            ref.topic_list("sector-approach"),
        ),
        (
            "Who do sector initiatives serve?",
            [
                text(
                    "<p>Workers who want to find a job, keep it and move up, and the regional economy they "
                    "work in. Sector initiatives serve unemployed people as well as people already in work; "
                    "low-income people and people facing serious barriers to employment are among their key "
                    "constituents. They also help businesses find skilled people, or develop them.</p>",
                    "<p>That is why they work on both sides of the labour market:</p>",
                    bullets(
                        "<b>supply</b>: training, job coaching, counselling and case management for workers;",
                        "<b>demand</b>: understanding what employers need, and anticipating it.",
                    ),
                )
            ],
            [],
            [],
        ),
        (
            "Which industries do sector initiatives target?",
            [
                text(
                    "<p>Most often manufacturing, and healthcare, both acute and long-term care. Others work in "
                    "logistics and transportation, hospitality, automobile repair, information technology, "
                    "construction or day care.</p>",
                    "<p>What leads a region to its choice:</p>",
                    bullets(
                        "quality jobs and career ladders within reach of the people it serves;",
                        "room to make the industry's jobs better;",
                        "an issue that brings the industry's employers to the table;",
                        "the relationships and competencies of the lead organisation;",
                        "the funding available;",
                        "the characteristics and interests of the workers it serves.",
                    ),
                )
            ],
            [],
            ref.topic_list("industry-specific"),
        ),
        (
            "Can only nonprofit organisations run sector initiatives?",
            [
                text(
                    "<p>No. Many sector initiatives are based in nonprofit organisations, but more and more "
                    "involve community colleges, business associations, local Workforce Investment Boards "
                    "and labour-management partnerships, and several of these partners often work together. "
                    "What makes a sector initiative is the work it does, not the kind of institution that "
                    "does it.</p>"
                )
            ],
            [],
            ref.topic_list("sector-and-community-college"),
        ),
        (
            "What outcomes do participants see?",
            [
                text(
                    "<p>Public/Private Ventures' <i>Sectoral Employment Impact Study</i> compared participants "
                    "of three sector initiatives with a control group chosen at random. Over the two years of "
                    "the study, participants earned about <b>$4,500 more (18%)</b> than the control group, and "
                    "<b>29% more</b> in the second year. They were also more likely to be employed, to work "
                    "steadily, to earn higher wages and to have jobs with benefits.</p>",
                    "<p>The Aspen Institute's <i>Sectoral Employment Development Learning Project</i> (SEDLP) "
                    "followed participants of six initiatives. Against the year before training, their "
                    "average annual earnings rose by more than <b>$7,000</b> one year after training and by "
                    "<b>$10,000</b> two years after. One year after training <b>78%</b> had health insurance "
                    f"through their employer, against <b>50%</b> the year before. See {gaining_ground}.</p>",
                ),
                {
                    "type": "chart",
                    "value": {
                        "title": "Rise in SEDLP participants' average annual earnings over the year before training",
                        "unit": "dollars",
                        "first_series": "",
                        "second_series": "",
                        "rows": [
                            {"label": "One year after training", "value": 7000, "second_value": None},
                            {"label": "Two years after training", "value": 10000, "second_value": None},
                        ],
                        "source": "Sectoral Employment Development Learning Project",
                    },
                },
                {
                    "type": "chart",
                    "value": {
                        "title": "SEDLP participants with employer-provided health insurance",
                        "unit": "percent",
                        "first_series": "Year before training",
                        "second_series": "One year after training",
                        "rows": [{"label": "Health insurance through the employer", "value": 50, "second_value": 78}],
                        "source": "Sectoral Employment Development Learning Project",
                    },
                },
                text(
                    "<p>AspenWSI has also followed students of partnerships between community colleges and "
                    "nonprofit organisations through the recession, in automobile manufacturing, nursing and "
                    "allied health, bus operation and office administration. Many earned credits, "
                    "certificates and degrees, found quality jobs, raised their earnings and kept their "
                    "jobs.</p>"
                ),
            ],
            ref.see_also(GAINING_GROUND),
            ref.topic_list("worker-outcomes"),
        ),
        (
            "What outcomes do businesses see?",
            [
                text(
                    "<p>Employers that work with sector initiatives report:</p>",
                    bullets(
                        "higher retention;",
                        "better productivity;",
                        "lower costs of vacancies and turnover;",
                        "a more diverse workforce;",
                        "fewer accidents;",
                        "better soft skills.",
                    ),
                    "<p>More and more initiatives now document these outcomes for businesses; our "
                    f"{business_value} tools and publications show how.</p>",
                )
            ],
            ref.see_also(BUSINESS_VALUE_HANDBOOK),
            ref.topic_list("value-to-business"),
        ),
        (
            "How do sector initiatives change systems?",
            [
                text(
                    "<p>They influence industry practices, the education and training system, and public "
                    "regulation and fiscal policy, on a small scale or a large one. The method stays the "
                    "same: see what stands in the way of the mission, then lessen it, remove it or work "
                    "around it.</p>",
                    "<p>The field takes this seriously: in a 2006 AspenWSI survey, <b>93% of 227</b> sector "
                    f"initiative leaders called systems change a priority. Read more in {lessons} and "
                    f"{survey}.</p>",
                )
            ],
            ref.see_also(LESSONS_FROM_THE_FIELD, SYSTEMS_CHANGE_SURVEY),
            ref.topic_list("systems-change"),
        ),
        (
            "What services do participants receive?",
            [
                text(
                    "<p>Skills training comes first. Then help with the barriers that keep many low-income "
                    "workers from succeeding: case managers who coordinate help with transportation, "
                    "childcare and emergency money, counselling, and networks of peers who support each "
                    "other.</p>",
                    f"<p>In the same 2006 survey, <b>86% of 227</b> sector initiative leaders said they "
                    f"provided or coordinated case management and social services ({survey}).</p>",
                )
            ],
            [],
            ref.topic_list("sector-approach"),
        ),
        (
            "How can I stay informed?",
            [
                text(
                    f'<p><a href="{MAILING_LIST_URL}">Join our mailing list</a>{ref.follow_us()} to hear about '
                    "new publications and tools, webinars, public events and the conferences where we "
                    "speak.</p>"
                )
            ],
            [],
            [],
        ),
    ]
