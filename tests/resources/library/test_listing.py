import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from resources.library.factories import PersonFactory, ResourcePageFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def topics():
    return {
        "outcomes": TopicFactory(name="Worker Outcomes", slug="worker-outcomes"),
        "business": TopicFactory(name="Value to Business", slug="value-to-business"),
        "systems": TopicFactory(name="Systems Change", slug="systems-change"),
    }


def titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [h.get_text(strip=True) for h in soup.select(".resource-card__title")]


def facet(response, name):
    """{label: count} of one facet's options, as a visitor reads them."""
    soup = BeautifulSoup(response.content, "html.parser")
    options = {}
    for checkbox in soup.select(f'input[name="{name}"]'):
        label = checkbox.find_parent("label")
        text = label.get_text(" ", strip=True)
        option, count = text.rsplit("(", 1)
        options[option.strip()] = int(count.rstrip(")"))
    return options


def count_line(response):
    return BeautifulSoup(response.content, "html.parser").select_one(".library__count").get_text(" ", strip=True)


def test_listing_shows_live_public_resources_only(client, library, topics):
    ResourcePageFactory(parent=library, title="Published report")
    ResourcePageFactory(parent=library, title="Draft report", live=False)
    private = ResourcePageFactory(parent=library, title="Private report")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(library.url)

    assert titles(response) == ["Published report"]
    assert count_line(response) == "Showing 1–1 of 1 resource."


def test_filters_combine_and_each_option_counts_under_the_rest_of_the_selection(client, library, topics):
    outcomes, business = topics["outcomes"], topics["business"]
    ResourcePageFactory(parent=library, title="A", resource_type="report", topics=[outcomes])
    ResourcePageFactory(parent=library, title="B", resource_type="brief", topics=[outcomes])
    ResourcePageFactory(parent=library, title="C", resource_type="report", topics=[business])
    ResourcePageFactory(parent=library, title="D", resource_type="report", topics=[outcomes, business])

    response = client.get(library.url, {"topic": "worker-outcomes", "type": "report"})

    assert sorted(titles(response)) == ["A", "D"]
    # Types are counted among Worker Outcomes resources; topics among reports.
    assert facet(response, "type") == {"Report": 2, "Brief": 1}
    assert facet(response, "topic") == {"Worker Outcomes": 2, "Value to Business": 2}


def test_options_of_one_facet_widen_the_selection(client, library, topics):
    ResourcePageFactory(parent=library, title="A", topics=[topics["outcomes"]])
    ResourcePageFactory(parent=library, title="B", topics=[topics["business"]])
    ResourcePageFactory(parent=library, title="C", topics=[topics["systems"]])

    response = client.get(library.url + "?topic=worker-outcomes&topic=value-to-business")

    assert sorted(titles(response)) == ["A", "B"]


def test_year_and_decade_filters(client, library):
    ResourcePageFactory(parent=library, title="Old", publication_date=datetime.date(2004, 3, 1))
    ResourcePageFactory(parent=library, title="Mid", publication_date=datetime.date(2007, 3, 1))
    ResourcePageFactory(parent=library, title="New", publication_date=datetime.date(2015, 3, 1))
    ResourcePageFactory(parent=library, title="Undated", publication_date=None)

    assert sorted(titles(client.get(library.url, {"year": "2000s"}))) == ["Mid", "Old"]
    assert titles(client.get(library.url, {"year": "2007"})) == ["Mid"]
    assert titles(client.get(library.url, {"year": "undated"})) == ["Undated"]
    years = facet(client.get(library.url), "year")
    assert years == {"2010s": 1, "2015": 1, "2000s": 2, "2007": 1, "2004": 1, "Date unknown": 1}


def test_a_decades_years_unfold_when_it_or_one_of_its_years_is_chosen(client, library):
    for year in (2004, 2007, 2015):
        ResourcePageFactory(parent=library, publication_date=datetime.date(year, 3, 1))

    def unfolded_and_checked(params):
        soup = BeautifulSoup(client.get(library.url, params).content, "html.parser")
        unfolded = [details.summary.get_text(strip=True) for details in soup.select("details[open]")]
        return unfolded, [box["value"] for box in soup.select('input[name="year"][checked]')]

    assert unfolded_and_checked({}) == ([], [])
    assert unfolded_and_checked({"year": "2010s"}) == (["Years in the 2010s"], ["2010s"])
    assert unfolded_and_checked({"year": ["2004", "2007"]}) == (["Years in the 2000s"], ["2007", "2004"])


def test_sort_orders_put_the_undated_last_and_break_ties_by_title(client, library):
    ResourcePageFactory(parent=library, title="Delta", publication_date=datetime.date(2015, 1, 1))
    ResourcePageFactory(parent=library, title="Gamma", publication_date=None)
    ResourcePageFactory(parent=library, title="Beta", publication_date=datetime.date(2010, 1, 1))
    ResourcePageFactory(parent=library, title="Epsilon", publication_date=None)
    ResourcePageFactory(parent=library, title="Alpha", publication_date=datetime.date(2015, 1, 1))

    assert titles(client.get(library.url)) == ["Alpha", "Delta", "Beta", "Epsilon", "Gamma"]
    assert titles(client.get(library.url, {"sort": "oldest"})) == ["Beta", "Alpha", "Delta", "Epsilon", "Gamma"]
    assert titles(client.get(library.url, {"sort": "title"})) == ["Alpha", "Beta", "Delta", "Epsilon", "Gamma"]


def test_keyword_search_within_the_library_ranks_and_filters(client, library, topics):
    ResourcePageFactory(parent=library, title="Apprenticeship pathways", topics=[topics["outcomes"]])
    ResourcePageFactory(
        parent=library, title="Hospital jobs", introduction="Mentions apprenticeship once.", topics=[topics["business"]]
    )
    ResourcePageFactory(parent=library, title="Unrelated", introduction="Nothing to see.")

    response = client.get(library.url, {"q": "apprenticeship"})

    assert titles(response) == ["Apprenticeship pathways", "Hospital jobs"]
    assert facet(response, "topic") == {"Worker Outcomes": 1, "Value to Business": 1}
    assert titles(client.get(library.url, {"q": "apprenticeship", "topic": "value-to-business"})) == ["Hospital jobs"]


def test_pagination_keeps_the_filters(client, library):
    for number in range(45):
        ResourcePageFactory(parent=library, title=f"Report {number:02d}", resource_type="report")

    response = client.get(library.url, {"type": "report", "sort": "title", "page": "3"})

    assert titles(response) == [f"Report {n}" for n in range(40, 45)]
    assert count_line(response) == "Showing 41–45 of 45 resources."
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one('a[rel="prev"]')["href"] == "?type=report&sort=title&page=2"
    assert soup.select_one('a[rel="next"]') is None


def test_active_filters_can_be_removed_one_by_one_or_all_at_once(client, library, topics):
    ResourcePageFactory(parent=library, topics=[topics["outcomes"]])

    response = client.get(library.url, {"topic": "worker-outcomes", "type": "report"})

    soup = BeautifulSoup(response.content, "html.parser")
    chips = {chip.get_text(" ", strip=True): chip["href"] for chip in soup.select(".chips a")}
    assert chips == {
        "Topic: Worker Outcomes × (remove)": "?type=report",
        "Type: Report × (remove)": "?topic=worker-outcomes",
        "Clear all": "?",
    }


def test_empty_state_helps_the_visitor_on(client, library, topics):
    ResourcePageFactory(parent=library, resource_type="report")

    response = client.get(library.url, {"type": "brief"})

    html = response.content.decode()
    assert "No resources match." in count_line(response)
    assert "Nothing matches yet" in html
    assert "clear all filters" in html


def test_topic_section_lists_its_resources_with_the_same_filters(client, library, topics):
    ResourcePageFactory(parent=library, title="In topic report", resource_type="report", topics=[topics["outcomes"]])
    ResourcePageFactory(parent=library, title="In topic brief", resource_type="brief", topics=[topics["outcomes"]])
    ResourcePageFactory(parent=library, title="Other topic", topics=[topics["business"]])

    section = client.get("/research-resources/worker-outcomes/")
    filtered = client.get("/research-resources/worker-outcomes/", {"type": "brief"})

    assert sorted(titles(section)) == ["In topic brief", "In topic report"]
    assert facet(section, "type") == {"Report": 1, "Brief": 1}
    assert facet(section, "topic") == {}
    assert titles(filtered) == ["In topic brief"]
    # No FAQ app relation in this branch: the section simply has no FAQ block.
    assert "Questions from our FAQ" not in section.content.decode()


def test_library_links_every_topic_section(client, library, topics):
    soup = BeautifulSoup(client.get(library.url).content, "html.parser")

    links = {a.get_text(strip=True): a["href"] for a in soup.select(".topic-nav a")}

    assert links == {
        "Worker Outcomes": "/research-resources/worker-outcomes/",
        "Value to Business": "/research-resources/value-to-business/",
        "Systems Change": "/research-resources/systems-change/",
    }


def test_a_resource_whose_slug_is_a_topic_wins_over_the_section(client, library, topics):
    ResourcePageFactory(parent=library, title="Worker outcomes (the report)", slug="worker-outcomes")

    response = client.get("/research-resources/worker-outcomes/")

    assert "<h1>Worker outcomes (the report)</h1>" in response.content.decode()


def test_home_page_shows_the_newest_resources(client, library):
    ResourcePageFactory(parent=library, title="Oldest", publication_date=datetime.date(2001, 1, 1))
    for year in (2014, 2015, 2016):
        ResourcePageFactory(parent=library, title=f"From {year}", publication_date=datetime.date(year, 1, 1))
    ResourcePageFactory(parent=library, title="Draft", publication_date=datetime.date(2020, 1, 1), live=False)

    soup = BeautifulSoup(client.get("/").content, "html.parser")

    heading = soup.find("h2", string="New research and resources")
    section = heading.find_parent(class_="home-section")
    assert [a.get_text() for a in section.select(".card__title a")] == ["From 2016", "From 2015", "From 2014"]
    assert section.select_one(".home-section__header a")["href"] == "/research-resources/"


def test_a_resource_published_shows_on_the_home_page_at_once(client, library):
    ResourcePageFactory(parent=library, title="From 2015", publication_date=datetime.date(2015, 1, 1))
    assert "From 2015" in client.get("/").content.decode()

    draft = ResourcePageFactory(
        parent=library, title="From 2016", publication_date=datetime.date(2016, 1, 1), live=False
    )
    assert "From 2016" not in client.get("/").content.decode()
    draft.save_revision().publish()

    assert "From 2016" in client.get("/").content.decode()


def card_topics(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        [tag.get_text(strip=True) for tag in card.select(".resource-card__topics .tag")]
        for card in soup.select(".resource-card")
    ]


def test_a_card_names_its_resources_topics_in_the_admins_order_one_not_live_too(client, library, topics):
    topics["systems"].sort_order, topics["outcomes"].sort_order = 0, 1
    topics["systems"].save()
    topics["outcomes"].save()
    unpublished = TopicFactory(name="Unpublished Topic", slug="unpublished", sort_order=2, live=False)
    author = PersonFactory(name="Ann Lee", slug="ann-lee")
    ResourcePageFactory(
        parent=library,
        title="Tagged",
        topics=[unpublished, topics["outcomes"], topics["systems"]],
        authors=[author],
    )
    named = [["Systems Change", "Worker Outcomes", "Unpublished Topic"]]

    assert card_topics(client.get(library.url)) == named
    assert card_topics(client.get(f"{library.url}systems-change/")) == named
    assert card_topics(client.get(f"{library.url}people/ann-lee/")) == named


def test_a_renamed_topic_shows_on_the_cards_at_once(client, library, topics):
    ResourcePageFactory(parent=library, title="Tagged", topics=[topics["outcomes"]])
    assert card_topics(client.get(library.url)) == [["Worker Outcomes"]]

    topics["outcomes"].name = "Outcomes for Workers"
    topics["outcomes"].save()

    assert card_topics(client.get(library.url)) == [["Outcomes for Workers"]]
