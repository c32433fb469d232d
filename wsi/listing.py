"""What every listing shares (site search, the library, events and news). A visitor's query is
cleaned, a page number the list does not have is replaced by the nearest page it has, and each
is said in a notice (templates/components/listing_notices.html); the links to the other pages
keep the rest of the state in the URL (templates/components/pagination.html)."""

import re
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils.text import Truncator

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
MAX_QUERY_LENGTH = 200


def _one_line(text):
    return " ".join(CONTROL_CHARACTERS.sub(" ", text).split())


def quoted(value):
    """A visitor's value in quotes, printable and short enough to say back in a notice."""
    return f"“{Truncator(_one_line(value)).chars(40)}”"


def clean_query(raw, notices):
    """The query as typed, without control characters or runs of white space, and at most
    ``MAX_QUERY_LENGTH`` characters long (with a notice when it was shortened)."""
    query = _one_line(raw)
    if len(query) > MAX_QUERY_LENGTH:
        notices.append(f"Your search was shortened to its first {MAX_QUERY_LENGTH} characters.")
        query = query[:MAX_QUERY_LENGTH].rstrip()
    return query


def search_terms(query):
    """The words of ``query`` as the search backends should see them. Double quotes go (SQLite's
    FTS5 rejects some unbalanced or adjacent ones) and so do control characters (NUL is refused
    by both databases): a phrase search is not worth a 500."""
    return _one_line(query.replace('"', " "))


def clamped_page(object_list, per_page, requested, notices):
    """The page a visitor asked for (``requested``, the raw ``page`` parameter), or, with a
    notice saying why, the first page for a bad number and the last one past the end."""
    paginator = Paginator(object_list, per_page)
    if not requested:
        return paginator.page(1)
    try:
        number = int(requested)
    except ValueError:
        notices.append(f"{quoted(requested)} is not a page number; here is the first page.")
        return paginator.page(1)
    if number < 1:
        notices.append("Pages are numbered from 1; here is the first page.")
        return paginator.page(1)
    if number > paginator.num_pages:
        notices.append(_past_the_end(paginator))
        return paginator.page(paginator.num_pages)
    return paginator.page(number)


def _past_the_end(paginator):
    if paginator.count == 0:
        return "There are no results, so there are no other pages."
    if paginator.num_pages == 1:
        return "There is only 1 page of results; here it is."
    return f"There are only {paginator.num_pages} pages of results; here is the last one."


def page_url(params, number):
    """The address of page ``number`` of a list whose other state is ``params``, (name, value)
    pairs; page 1 goes without a page number, so that each page has one address."""
    pairs = [(name, value) for name, value in params if value]
    if number > 1:
        pairs.append(("page", number))
    return "?" + urlencode(pairs)


def pagination(page, url_for):
    """The links under a page of results: the first and the last page, two either side of the
    current one and a gap where pages are left out. ``url_for(number)`` is a page's address."""
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
