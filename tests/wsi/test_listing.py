from django.core.paginator import Paginator

from wsi.listing import pagination


def url_for(number):
    return f"?topic=jobs&page={number}"


def test_a_long_list_links_its_ends_and_the_pages_around_the_current_one():
    page = Paginator(range(300), 10).page(15)

    links = pagination(page, url_for)

    assert [link["number"] for link in links["links"]] == [1, "…", 13, 14, 15, 16, 17, "…", 30]
    assert [link["number"] for link in links["links"] if link["current"]] == [15]
    assert [link["url"] for link in links["links"] if link["number"] == "…"] == ["", ""]
    assert links["previous_url"] == "?topic=jobs&page=14"
    assert links["next_url"] == "?topic=jobs&page=16"


def test_the_first_and_last_pages_have_no_link_beyond_them():
    paginator = Paginator(range(25), 10)

    assert pagination(paginator.page(1), url_for)["previous_url"] == ""
    assert pagination(paginator.page(3), url_for)["next_url"] == ""
    assert [link["number"] for link in pagination(paginator.page(1), url_for)["links"]] == [1, 2, 3]
