"""The library listing: what a visitor asked for (topics, types, years, keywords, sort and
page), read from the query string, and the matching resources with each filter option's count
under the rest of the selection. The whole state lives in the URL, so links can be shared."""

import re
from collections import Counter
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, prefetch_related_objects
from django.utils.text import Truncator

from wsi.search import CONTROL_CHARACTERS, search_terms

from .models import ResourceAuthor, ResourcePage, ResourceType

MAX_QUERY_LENGTH = 200
MAX_VALUES = 30
PER_PAGE = 20
UNDATED = "undated"
SORTS = {"relevance": "Best match", "newest": "Newest first", "oldest": "Oldest first", "title": "Title (A to Z)"}
SORT_ORDER = {
    "newest": [F("publication_date").desc(nulls_last=True), "title", "pk"],
    "oldest": [F("publication_date").asc(nulls_last=True), "title", "pk"],
    "title": ["title", "pk"],
}
YEAR = re.compile(r"^(1[89]|20)\d\d$")
DECADE = re.compile(r"^((?:1[89]|20)\d0)s$")


def shown(value):
    """A visitor's value, short enough to quote back in a notice."""
    return Truncator(value).chars(40)


class LibraryListing:
    """Parses the query string once; ``context()`` runs the queries: three facet counts, the
    result count and one page of results, whatever the size of the library. ``within`` narrows
    the listing to a topic section (which then has no topic facet)."""

    def __init__(self, params, resources, topics, within=None):
        self.resources = resources
        self.within = within
        self.all_topics = list(topics)
        self.with_topic_facet = within is None
        self.notices = []
        self.query = self._parse_query(params.get("q", ""))
        self.topics = self._parse_topics(params.getlist("topic")[:MAX_VALUES]) if within is None else []
        self.types = self._parse_types(params.getlist("type")[:MAX_VALUES])
        self.dates = self._parse_dates(params.getlist("year")[:MAX_VALUES])
        self.sort = self._parse_sort(params.get("sort", ""))
        self.requested_page = params.get("page", "1")

    def _parse_query(self, raw):
        query = " ".join(CONTROL_CHARACTERS.sub(" ", raw).split())
        if len(query) > MAX_QUERY_LENGTH:
            self.notices.append(f"Your search was shortened to its first {MAX_QUERY_LENGTH} characters.")
            query = query[:MAX_QUERY_LENGTH].rstrip()
        return query

    def _parse_topics(self, slugs):
        by_slug = {topic.slug: topic for topic in self.all_topics}
        chosen = []
        for slug in dict.fromkeys(slugs):
            if slug in by_slug:
                chosen.append(by_slug[slug])
            elif slug:
                self.notices.append(f"There is no topic “{shown(slug)}”, so it was left out of the filters.")
        return chosen

    def _parse_types(self, values):
        chosen = []
        for value in dict.fromkeys(values):
            if value in ResourceType.values:
                chosen.append(value)
            elif value:
                self.notices.append(f"There is no resource type “{shown(value)}”, so it was left out of the filters.")
        return chosen

    def _parse_dates(self, values):
        chosen = []
        for value in dict.fromkeys(values):
            if value == UNDATED or YEAR.match(value) or DECADE.match(value):
                chosen.append(value)
            elif value:
                self.notices.append(f"“{shown(value)}” is not a year or a decade, so it was left out of the filters.")
        return chosen

    @property
    def default_sort(self):
        return "relevance" if self.query else "newest"

    def _parse_sort(self, value):
        default = self.default_sort
        if not value:
            return default
        if value == "relevance" and not self.query:
            return default
        if value not in SORTS:
            self.notices.append(f"There is no sort order “{shown(value)}”; the results are sorted {SORTS[default]}.")
            return default
        return value

    # Filters -----------------------------------------------------------------------------

    def _topic_q(self):
        if not self.topics:
            return Q()
        through = ResourcePage.topics.through.objects.filter(
            resourcepage_id=OuterRef("pk"), topic_id__in=[topic.pk for topic in self.topics]
        )
        return Q(Exists(through))

    def _type_q(self):
        return Q(resource_type__in=self.types) if self.types else Q()

    def _date_q(self):
        condition = Q()
        years = [int(value) for value in self.dates if YEAR.match(value)]
        if years:
            condition |= Q(publication_year__in=years)
        for value in self.dates:
            if match := DECADE.match(value):
                start = int(match.group(1))
                condition |= Q(publication_year__gte=start, publication_year__lte=start + 9)
        if UNDATED in self.dates:
            condition |= Q(publication_year__isnull=True)
        return condition

    # Queries ------------------------------------------------------------------------------

    def context(self):
        scope, ranked_ids = self.resources.filter(self.within or Q()), None
        terms = search_terms(self.query)
        if terms:
            # The database search backends hand back the matching queryset (PostgreSQL full-text
            # search; SQLite FTS5 or the plain fallback elsewhere). Its ids are read once, best
            # match first, so that the facet counts do not repeat the text search.
            matches = self.resources.search(terms, operator="and", order_by_relevance=True).get_queryset()
            ranked_ids = list(matches.filter(self.within or Q()).values_list("pk", flat=True))
            scope = scope.filter(pk__in=ranked_ids)
            if not matches.ordered:
                ranked_ids = None  # the plain fallback backend does not rank

        topic_q, type_q, date_q = self._topic_q(), self._type_q(), self._date_q()
        type_counts = self._counts(scope.filter(topic_q & date_q), "resource_type")
        # The type facet is counted under every other filter, so it also gives the total.
        total = sum(type_counts.get(t, 0) for t in self.types) if self.types else sum(type_counts.values())
        results = scope.filter(topic_q & type_q & date_q)
        if self.sort == "relevance" and ranked_ids is not None:
            results = _RankedResults(results, ranked_ids)
        else:
            results = results.order_by(*SORT_ORDER.get(self.sort, SORT_ORDER["newest"]))

        paginator = Paginator(results, PER_PAGE)
        paginator.count = total  # known already: no COUNT query
        page = paginator.page(self._clamped_page(paginator.num_pages))
        page.object_list = _with_related(page.object_list)
        return {
            "listing": self,
            "results": page,
            "page_links": [
                {"number": n, "current": n == page.number, "url": self.page_url(n) if n != paginator.ELLIPSIS else ""}
                for n in paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
            ],
            "previous_url": self.page_url(page.number - 1),
            "next_url": self.page_url(page.number + 1),
            "total": total,
            "topic_facet": self._topic_facet(scope, type_q & date_q) if self.with_topic_facet else [],
            "type_facet": self._type_facet(type_counts),
            "year_facet": self._year_facet(self._counts(scope.filter(topic_q & type_q), "publication_year")),
            "active_filters": self._active_filters(),
            "sort_options": [(key, label) for key, label in SORTS.items() if key != "relevance" or self.query],
        }

    @staticmethod
    def _counts(resources, field):
        return dict(resources.values_list(field).annotate(count=Count("pk")).order_by())

    def _clamped_page(self, num_pages):
        try:
            number = int(self.requested_page)
        except (TypeError, ValueError):
            self.notices.append(f"“{shown(self.requested_page)}” is not a page number; here is the first page.")
            return 1
        if number < 1:
            return 1
        if number > num_pages:
            self.notices.append(f"There are only {num_pages} pages of results; here is the last one.")
            return num_pages
        return number

    def _topic_facet(self, scope, other_filters):
        through = ResourcePage.topics.through.objects.filter(resourcepage__in=scope.filter(other_filters).values("pk"))
        counts = dict(through.values_list("topic_id").annotate(count=Count("pk")).order_by())
        chosen = {topic.pk for topic in self.topics}
        return [
            {"value": topic.slug, "label": topic.name, "count": counts.get(topic.pk, 0), "selected": topic.pk in chosen}
            for topic in self.all_topics
            if counts.get(topic.pk) or topic.pk in chosen
        ]

    def _type_facet(self, counts):
        return [
            {"value": value, "label": label, "count": counts.get(value, 0), "selected": value in self.types}
            for value, label in ResourceType.choices
            if counts.get(value) or value in self.types
        ]

    def _year_facet(self, counts):
        """Decades, newest first, each with its years; then the resources with no known date."""
        undated = counts.pop(None, 0)
        decades = Counter()
        for year, count in counts.items():
            decades[year - year % 10] += count
        facet = []
        for decade in sorted(decades, reverse=True):
            years = sorted((year for year in counts if year - year % 10 == decade), reverse=True)
            facet.append(
                {
                    "value": f"{decade}s",
                    "label": f"{decade}s",
                    "count": decades[decade],
                    "selected": f"{decade}s" in self.dates,
                    "years": [
                        {"value": str(y), "label": str(y), "count": counts[y], "selected": str(y) in self.dates}
                        for y in years
                    ],
                }
            )
        if undated or UNDATED in self.dates:
            facet.append(
                {"value": UNDATED, "label": "Date unknown", "count": undated, "selected": UNDATED in self.dates}
            )
        return facet

    # URLs ---------------------------------------------------------------------------------

    def params(self, **changes):
        state = {
            "q": self.query,
            "topic": [topic.slug for topic in self.topics],
            "type": list(self.types),
            "year": list(self.dates),
            "sort": self.sort if self.sort != self.default_sort else "",
        }
        state.update(changes)
        return [(key, value) for key, values in state.items() for value in _as_list(values) if value]

    def url(self, **changes):
        query = urlencode(self.params(**changes))
        return f"?{query}" if query else "?"

    def page_url(self, number):
        return self.url(page=number if number > 1 else "")

    def _active_filters(self):
        labels = dict(ResourceType.choices)
        active = []
        if self.query:
            active.append({"label": f"Search: {self.query}", "remove_url": self.url(q="", sort="")})
        for topic in self.topics:
            remaining = [t.slug for t in self.topics if t != topic]
            active.append({"label": f"Topic: {topic.name}", "remove_url": self.url(topic=remaining)})
        for value in self.types:
            remaining = [t for t in self.types if t != value]
            active.append({"label": f"Type: {labels[value]}", "remove_url": self.url(type=remaining)})
        for value in self.dates:
            remaining = [d for d in self.dates if d != value]
            label = "Date unknown" if value == UNDATED else value
            active.append({"label": f"Year: {label}", "remove_url": self.url(year=remaining)})
        return active

    @property
    def is_filtered(self):
        return bool(self.query or self.topics or self.types or self.dates)


class _RankedResults:
    """The filtered results in the search's order of relevance, sliced as the paginator asks:
    one query for the ids that pass the filters, then only the page's rows are fetched."""

    def __init__(self, results, ranked_ids):
        self.results = results
        self.ranked_ids = ranked_ids

    def __getitem__(self, page_slice):
        kept = set(self.results.order_by().values_list("pk", flat=True))
        page_ids = [pk for pk in self.ranked_ids if pk in kept][page_slice]
        by_id = {resource.pk: resource for resource in self.results.filter(pk__in=page_ids)}
        return [by_id[pk] for pk in page_ids]


def _with_related(resources):
    """Topics and authors for a page of results, in two queries."""
    resources = list(resources)
    prefetch_related_objects(
        resources, "topics", Prefetch("authors", queryset=ResourceAuthor.objects.select_related("person"))
    )
    return resources


def _as_list(values):
    return values if isinstance(values, list) else [values]
