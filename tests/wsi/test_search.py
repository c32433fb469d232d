import datetime
from datetime import UTC

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail import hooks
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import PageViewRestriction

from resources.library.factories import ResourceIndexPageFactory, ResourcePageFactory
from wsi.factories import StandardPageFactory
from wsi.page_cache import pages_changed
from wsi.search import SearchResult

pytestmark = pytest.mark.django_db


def results(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        (
            item.select_one(".search-result__kind").get_text(strip=True),
            item.select_one(".search-result__title").get_text(strip=True),
        )
        for item in soup.select(".search-result")
    ]


def test_title_match_ranks_above_body_match(client, home):
    StandardPageFactory(
        parent=home,
        title="Annual overview",
        body=[{"type": "paragraph", "value": "<p>A word about apprenticeship programmes.</p>"}],
    )
    StandardPageFactory(parent=home, title="Apprenticeship programmes")

    response = client.get("/search/", {"q": "apprenticeship"})

    assert [title for _kind, title in results(response)] == ["Apprenticeship programmes", "Annual overview"]


def test_each_result_has_a_type_label_a_link_and_a_snippet(client, home):
    library = ResourceIndexPageFactory(parent=home)
    ResourcePageFactory(parent=library, title="Gaining Ground", resource_type="report", introduction="Earnings rose.")
    StandardPageFactory(parent=home, title="Gaining ground together", search_description="Our story, briefly.")

    soup = BeautifulSoup(client.get("/search/", {"q": "gaining ground"}).content, "html.parser")

    items = {
        item.select_one("a").get_text(): (
            item.select_one(".search-result__kind").get_text(),
            item.select_one("a")["href"],
            item.select_one(".search-result__snippet").get_text(),
        )
        for item in soup.select(".search-result")
    }
    assert items == {
        "Gaining Ground": ("Report", "/research-resources/gaining-ground/", "Earnings rose."),
        "Gaining ground together": ("Standard page", "/gaining-ground-together/", "Our story, briefly."),
    }


def test_drafts_and_private_pages_are_not_found(client, home):
    StandardPageFactory(parent=home, title="Visible sector page")
    StandardPageFactory(parent=home, title="Draft sector page", live=False)
    private = StandardPageFactory(parent=home, title="Private sector page")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    assert results(client.get("/search/", {"q": "sector"})) == [("Standard page", "Visible sector page")]


def test_promoted_results_and_hook_results_come_first(client, home):
    StandardPageFactory(parent=home, title="Job quality in practice")
    promoted = StandardPageFactory(parent=home, title="Our tools", slug="tools")
    SearchPromotion.objects.create(query=Query.get("Job Quality"), page=promoted, description="Start here.")

    def faq_answers(request, query):
        return [SearchResult(title="What is job quality?", url="/faq/#job-quality", kind="FAQ", snippet="An answer.")]

    with hooks.register_temporarily("register_site_search_results", faq_answers):
        response = client.get("/search/", {"q": "job quality"})

    assert results(response) == [
        ("Recommended", "Our tools"),
        ("FAQ", "What is job quality?"),
        ("Standard page", "Job quality in practice"),
    ]
    assert 'href="/faq/#job-quality"' in response.content.decode()
    assert Query.get("job quality").hits == 1


def notices(response):
    return [li.get_text() for li in BeautifulSoup(response.content, "html.parser").select('[role="status"] li')]


def test_pagination_and_clamped_page_numbers(client, home):
    for number in range(23):
        StandardPageFactory(parent=home, title=f"Workforce page {number}")

    page3 = client.get("/search/", {"q": "workforce", "page": "3"})

    assert len(results(page3)) == 3
    assert "23 results, page 3 of 3." in page3.content.decode()
    assert notices(page3) == []
    soup = BeautifulSoup(page3.content, "html.parser")
    assert soup.select_one('a[rel="prev"]')["href"] == "?q=workforce&page=2"


@pytest.mark.parametrize("page", ["1", "2", "3"])
def test_a_page_of_results_and_the_count_of_all_come_from_one_search(client, home, page):
    for number in range(23):
        StandardPageFactory(parent=home, title=f"Workforce page {number}")
    client.get("/search/", {"q": "workforce", "page": page})  # what search keeps is known

    with CaptureQueriesContext(connection) as captured:
        response = client.get("/search/", {"q": "workforce", "page": page})

    searches = [query for query in captured if "indexentry" in query["sql"] and "faq_" not in query["sql"]]
    assert len(searches) == 1
    assert f"23 results, page {page} of 3." in response.content.decode()
    assert len(results(response)) == (3 if page == "3" else 10)


def test_pages_found_past_what_search_keeps_are_shown_all_the_same(client, home, monkeypatch):
    monkeypatch.setattr("wsi.views.SEARCH_RESULTS_KEPT", 4)
    for number in range(23):
        StandardPageFactory(parent=home, title=f"Workforce page {number}")

    first, second = (client.get("/search/", {"q": "workforce", "page": page}) for page in ("1", "2"))

    assert len(results(first)) == len(results(second)) == 10
    assert not set(results(first)) & set(results(second))
    assert results(client.get("/search/", {"q": "workforce"})) == results(first)


@pytest.mark.parametrize(
    ("page", "count_line", "notice"),
    [
        ("99999", "23 results, page 3 of 3.", "There are only 3 pages of results; here is the last one."),
        ("abc", "23 results, page 1 of 3.", "“abc” is not a page number; here is the first page."),
        ("0", "23 results, page 1 of 3.", "Pages are numbered from 1; here is the first page."),
        ("-1", "23 results, page 1 of 3.", "Pages are numbered from 1; here is the first page."),
    ],
)
def test_a_page_number_the_results_do_not_have_is_explained(client, home, page, count_line, notice):
    for number in range(23):
        StandardPageFactory(parent=home, title=f"Workforce page {number}")

    response = client.get("/search/", {"q": "workforce", "page": page})

    assert count_line in response.content.decode()
    assert notices(response) == [notice]


def test_a_page_past_a_single_page_or_past_no_results_is_explained(client, home):
    StandardPageFactory(parent=home, title="Workforce page")

    one_page = client.get("/search/", {"q": "workforce", "page": "2"})
    nothing = client.get("/search/", {"q": "zebra", "page": "2"})

    assert notices(one_page) == ["There is only 1 page of results; here it is."]
    assert results(one_page) == [("Standard page", "Workforce page")]
    assert notices(nothing) == ["There are no results, so there are no other pages."]
    assert "No results for “zebra”" in nothing.content.decode()


def test_an_overlong_query_with_control_characters_is_cleaned_and_shortened(client, home):
    StandardPageFactory(parent=home, title="Workforce page")

    response = client.get("/search/", {"q": "\x00workforce\x1b\tpage\x7f " + "x" * 300})

    assert notices(response) == ["Your search was shortened to its first 200 characters."]
    value = BeautifulSoup(response.content, "html.parser").select_one("#search-page-q")["value"]
    assert value == "workforce page " + "x" * 185


def test_empty_and_no_result_states_help(client, home):
    empty = client.get("/search/").content.decode()
    nothing = client.get("/search/", {"q": "zebra"}).content.decode()

    assert "Search the site" in empty
    assert "?q=sector+strategies" in empty
    assert "No results for “zebra”" in nothing
    assert "Check the spelling" in nothing


@pytest.mark.parametrize(
    "query",
    ["<script>alert(1)</script>", '" onmouseover="x', "'; DROP TABLE wagtailcore_page; --", "a\x00b", "x" * 10_000],
)
def test_bad_queries_are_harmless(client, home, query):
    response = client.get("/search/", {"q": query, "page": "-1"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    if len(query) > 200:
        assert "shortened to its first 200 characters" in html


@pytest.mark.parametrize("restriction_type", [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD])
def test_a_private_page_or_a_draft_is_never_promoted_to_the_public(client, home, restriction_type):
    public = StandardPageFactory(parent=home, title="Open guide", slug="open-guide")
    draft = StandardPageFactory(parent=home, title="Draft minutes", slug="draft-minutes", live=False)
    private = StandardPageFactory(parent=home, title="Board minutes", slug="board-minutes")
    section = StandardPageFactory(parent=home, title="Staff only", slug="staff-only")
    inside_private_section = StandardPageFactory(parent=section, title="Salary bands", slug="salary-bands")
    PageViewRestriction.objects.create(page=private, restriction_type=restriction_type, password="secret-pass")
    PageViewRestriction.objects.create(page=section, restriction_type=restriction_type, password="secret-pass")
    query = Query.get("minutes")
    for order, page in enumerate([private, inside_private_section, draft, public]):
        SearchPromotion.objects.create(query=query, page=page, sort_order=order, description="Promoted.")

    response = client.get("/search/", {"q": "minutes"})

    assert [result for result in results(response) if result[0] == "Recommended"] == [("Recommended", "Open guide")]
    html = response.content.decode()
    assert "/board-minutes/" not in html
    assert "/salary-bands/" not in html
    assert "Draft minutes" not in html


def test_a_page_leaves_the_results_as_soon_as_it_or_its_section_is_made_private(client, home):
    section = StandardPageFactory(parent=home, title="Staff area", slug="staff-area")
    StandardPageFactory(parent=section, title="Sector minutes", slug="sector-minutes")
    assert results(client.get("/search/", {"q": "sector minutes"})) == [("Standard page", "Sector minutes")]

    restriction = PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    assert results(client.get("/search/", {"q": "sector minutes"})) == []

    restriction.delete()
    assert results(client.get("/search/", {"q": "sector minutes"})) == [("Standard page", "Sector minutes")]


def test_a_promotion_shows_as_soon_as_it_is_saved_and_goes_when_deleted(client, home):
    guide = StandardPageFactory(parent=home, title="Our tools", slug="tools")
    assert results(client.get("/search/", {"q": "job quality"})) == []

    promotion = SearchPromotion.objects.create(query=Query.get("job quality"), page=guide, description="Start here.")
    assert results(client.get("/search/", {"q": "Job  Quality"})) == [("Recommended", "Our tools")]

    promotion.delete()
    assert results(client.get("/search/", {"q": "job quality"})) == []


def test_a_promoted_page_leaves_the_results_as_soon_as_it_is_unpublished_or_made_private(client, home):
    guide = StandardPageFactory(parent=home, title="Our tools", slug="tools")
    SearchPromotion.objects.create(query=Query.get("job quality"), page=guide, description="Start here.")
    assert results(client.get("/search/", {"q": "job quality"})) == [("Recommended", "Our tools")]

    guide.unpublish()
    assert results(client.get("/search/", {"q": "job quality"})) == []

    guide.save_revision().publish()
    assert results(client.get("/search/", {"q": "job quality"})) == [("Recommended", "Our tools")]
    PageViewRestriction.objects.create(page=guide, restriction_type=PageViewRestriction.LOGIN)
    assert results(client.get("/search/", {"q": "job quality"})) == []


def test_a_search_reads_neither_promotions_nor_view_restrictions_once_they_are_known(client, home):
    StandardPageFactory(parent=home, title="Workforce page")
    PageViewRestriction.objects.create(
        page=StandardPageFactory(parent=home, title="Workforce minutes"), restriction_type=PageViewRestriction.LOGIN
    )
    client.get("/search/", {"q": "workforce"})

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search/", {"q": "workforce"})

    assert results(response) == [("Standard page", "Workforce page")]
    read = " ".join(query["sql"] for query in queries)
    assert "wagtailsearchpromotions_searchpromotion" not in read
    assert "wagtailcore_pageviewrestriction" not in read


def test_promoted_pages_are_read_together_however_many_there_are(client, home):
    def queries_to_read_the_promotions():
        pages_changed()  # the promotions are read again
        with CaptureQueriesContext(connection) as queries:
            client.get("/search/", {"q": "nothing promoted"})
        return len(queries)

    SearchPromotion.objects.create(query=Query.get("care"), page=StandardPageFactory(parent=home, title="Care"))
    client.get("/search/", {"q": "nothing promoted"})  # what no change empties: the site's root paths
    one = queries_to_read_the_promotions()
    for number in range(4):
        page = StandardPageFactory(parent=home, title=f"Promoted {number}")
        SearchPromotion.objects.create(query=Query.get(f"topic {number}"), page=page)

    assert queries_to_read_the_promotions() == one
    assert results(client.get("/search/", {"q": "topic 3"}))[0] == ("Recommended", "Promoted 3")


def test_every_search_counts_one_hit_on_the_day_it_is_made(client, home):
    first_day = datetime.datetime(2030, 6, 1, 12, tzinfo=UTC)
    with time_machine.travel(first_day, tick=False):
        for query in ["Job quality", "job  QUALITY", "job quality"]:
            client.get("/search/", {"q": query})
    with time_machine.travel(first_day + datetime.timedelta(days=1), tick=False):
        client.get("/search/", {"q": "job quality"})
        client.get("/search/", {"q": "job quality"})

    daily = QueryDailyHits.objects.filter(query__query_string="job quality").order_by("date")
    assert [(day.date, day.hits) for day in daily] == [
        (datetime.date(2030, 6, 1), 3),
        (datetime.date(2030, 6, 2), 2),
    ]


def test_a_page_published_again_shows_its_new_title_address_and_summary_at_once(client, home):
    page = StandardPageFactory(parent=home, title="Workforce guide", slug="guide", search_description="Old summary.")
    assert results(client.get("/search/", {"q": "workforce"})) == [("Standard page", "Workforce guide")]

    page.title, page.slug, page.search_description = "Workforce handbook", "handbook", "New summary."
    page.save_revision().publish()

    soup = BeautifulSoup(client.get("/search/", {"q": "workforce"}).content, "html.parser")
    assert soup.select_one(".search-result__title a")["href"] == "/handbook/"
    assert soup.select_one(".search-result__title").get_text(strip=True) == "Workforce handbook"
    assert soup.select_one(".search-result__snippet").get_text() == "New summary."
