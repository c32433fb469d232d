import pytest
from bs4 import BeautifulSoup

from resources.events.factories import EventPageFactory, EventSpeakerFactory, make_events_section
from resources.library.factories import (
    FundersPageFactory,
    OrganisationFactory,
    PersonFactory,
    ResourcePageFactory,
    StaffPageFactory,
    TopicFactory,
)
from wsi.factories import SectionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home):
    return SectionPageFactory(parent=home, title="About us", slug="about-us")


def test_each_person_has_a_page_listing_their_work(client, library):
    amy = PersonFactory(name="Amy Blair", slug="amy-blair", role="Research Director", bio="<p>Studies job quality.</p>")
    ResourcePageFactory(parent=library, title="Her report", authors=[amy, "Someone Else"])
    ResourcePageFactory(parent=library, title="Her draft", authors=[amy], live=False)
    ResourcePageFactory(parent=library, title="Not hers", authors=["Someone Else"])

    response = client.get(amy.get_absolute_url())

    soup = BeautifulSoup(response.content, "html.parser")
    assert amy.get_absolute_url() == "/research-resources/people/amy-blair/"
    assert soup.h1.get_text() == "Amy Blair"
    assert "Research Director" in soup.select_one(".lead").get_text()
    assert "Studies job quality." in response.content.decode()
    assert [h.get_text(strip=True) for h in soup.select(".resource-card__title")] == ["Her report"]


def test_person_without_work_and_unknown_person(client, library):
    person = PersonFactory(name="New Colleague", slug="new-colleague")

    assert "There is nothing by New Colleague" in client.get(person.get_absolute_url()).content.decode()
    assert client.get("/research-resources/people/nobody/").status_code == 404


def test_staff_page_lists_staff_only_in_their_order(client, library, about):
    PersonFactory(name="Second", is_staff=True, sort_order=2, role="Researcher")
    PersonFactory(name="First", is_staff=True, sort_order=1, role="Director")
    PersonFactory(name="Outside Author", is_staff=False)
    staff = StaffPageFactory(parent=about)

    soup = BeautifulSoup(client.get(staff.url).content, "html.parser")

    assert staff.url == "/about-us/staff/"
    assert [h.get_text(strip=True) for h in soup.select(".person-card__name")] == ["First", "Second"]
    assert soup.select_one(".person-card__name a")["href"].startswith("/research-resources/people/")


def test_funders_page_lists_funders_and_what_each_supported(client, library, about):
    mott = OrganisationFactory(name="Mott Foundation", kind="funder", description="Supported the learning project.")
    OrganisationFactory(name="A Partner", kind="partner")
    funded = ResourcePageFactory(parent=library, title="Lessons from the Field")
    funded.funders.set([mott])
    funded.save()
    ResourcePageFactory(parent=library, title="Unfunded")
    funders = FundersPageFactory(parent=about)

    soup = BeautifulSoup(client.get(funders.url).content, "html.parser")

    assert [h.get_text(strip=True) for h in soup.select(".funder__name")] == ["Mott Foundation"]
    funder = soup.select_one(".funder")
    assert "Supported the learning project." in funder.get_text()
    assert [a.get_text() for a in funder.select("ul a")] == ["Lessons from the Field"]


def test_topic_and_person_urls_are_empty_without_a_published_library(home):
    topic = TopicFactory(slug="worker-outcomes")
    person = PersonFactory(slug="amy-blair")

    assert topic.get_absolute_url() == ""
    assert person.get_absolute_url() == ""


def test_topic_urls_cost_one_lookup_until_pages_change(library, django_assert_num_queries):
    topics = [TopicFactory(name=f"Topic {n}", slug=f"topic-{n}") for n in range(7)]
    person = PersonFactory(slug="amy-blair")

    # The library page, and Wagtail's site root paths (then cached): not one per topic.
    with django_assert_num_queries(2):
        urls = [topic.get_absolute_url() for topic in topics] + [person.get_absolute_url()]

    assert urls[0] == "/research-resources/topic-0/"
    assert urls[-1] == "/research-resources/people/amy-blair/"
    # A moved library is found at once.
    library.slug = "library"
    library.save()
    assert topics[0].get_absolute_url() == "/library/topic-0/"


def test_a_speaker_links_to_a_person_page_that_lists_their_published_events(client, home, library):
    events, _news = make_events_section(home)
    speaker = PersonFactory(name="Maureen Conway", slug="maureen-conway")
    launch = EventPageFactory(parent=events, title="Launch of the partnership")
    EventSpeakerFactory(page=launch, person=speaker, role="Opening remarks")
    draft = EventPageFactory(parent=events, title="A talk still in draft", live=False)
    EventSpeakerFactory(page=draft, person=speaker)

    event_html = client.get(launch.url).content.decode()
    assert '<a href="/research-resources/people/maureen-conway/">Maureen Conway</a>' in event_html

    person_html = client.get("/research-resources/people/maureen-conway/").content.decode()
    assert f'<a href="{launch.url}">Launch of the partnership</a>' in person_html
    assert "A talk still in draft" not in person_html
