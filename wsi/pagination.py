"""The links under a paginated list (templates/components/pagination.html): the first and the
last page, two either side of the current one, and a gap where pages are left out."""


def pagination(page, url_for):
    """``page``: a Django paginator's page; ``url_for(number)``: the address of a page, which
    keeps the list's filters."""
    paginator = page.paginator
    return {
        "page": page,
        "links": [
            {"number": number, "current": number == page.number, "url": url_for(number)}
            if number != paginator.ELLIPSIS
            else {"number": number, "current": False, "url": ""}
            for number in paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
        ],
        "previous_url": url_for(page.number - 1) if page.has_previous() else "",
        "next_url": url_for(page.number + 1) if page.has_next() else "",
    }
