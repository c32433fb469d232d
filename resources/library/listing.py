"""The library listing: what a visitor asked for (topics, types, years, keywords, sort and
page), read from the query string, and the matching resources with each filter option's count
under the rest of the selection. The whole state lives in the URL, so links can be shared."""

import re
from collections import Counter
from functools import partial
from urllib.parse import urlencode

from pyroaring import BitMap

from wsi.listing import clamped_page, clean_query, page_url, pagination, quoted, search_terms

from .cards import resources_at
from .resource_types import ResourceType

MAX_VALUES = 30
PER_PAGE = 20
UNDATED = "undated"
SORTS = {"relevance": "Best match", "newest": "Newest first", "oldest": "Oldest first", "title": "Title (A to Z)"}
YEAR = re.compile(r"^(1[89]|20)\d\d$")
DECADE = re.compile(r"^((?:1[89]|20)\d0)s$")


class LibraryListing:
    """Parses the query string once; ``context()`` filters and counts on the library's facet
    index (``resources.library.facet_index``) and reads from the database only the page of results
    shown, and the search's matches the first time a search is made. ``within`` (a topic)
    narrows the listing to a topic section, which then has no topic facet."""

    def __init__(self, params, index, topics, within=None):
        self.index = index
        self.within = within
        self.all_topics = list(topics)
        self.with_topic_facet = within is None
        self.notices = []
        self.query = clean_query(params.get("q", ""), self.notices)
        self.topics = self._parse_topics(params.getlist("topic")[:MAX_VALUES]) if within is None else []
        self.types = self._parse_types(params.getlist("type")[:MAX_VALUES])
        self.dates = self._parse_dates(params.getlist("year")[:MAX_VALUES])
        self.sort = self._parse_sort(params.get("sort", ""))
        self.requested_page = params.get("page")

    def _parse_topics(self, slugs):
        by_slug = {topic.slug: topic for topic in self.all_topics}
        chosen = []
        for slug in dict.fromkeys(slugs):
            if slug in by_slug:
                chosen.append(by_slug[slug])
            elif slug:
                self.notices.append(f"There is no topic {quoted(slug)}, so it was left out of the filters.")
        return chosen

    def _parse_types(self, values):
        chosen = []
        for value in dict.fromkeys(values):
            if value in ResourceType.values:
                chosen.append(value)
            elif value:
                self.notices.append(f"There is no resource type {quoted(value)}, so it was left out of the filters.")
        return chosen

    def _parse_dates(self, values):
        chosen = []
        for value in dict.fromkeys(values):
            if value == UNDATED or YEAR.match(value) or DECADE.match(value):
                chosen.append(value)
            elif value:
                self.notices.append(f"{quoted(value)} is not a year or a decade, so it was left out of the filters.")
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
            self.notices.append(f"There is no sort order {quoted(value)}; the results are sorted {SORTS[default]}.")
            return default
        return value

    # Filters: each the bitmap of the resources it lets through, or None when not in use ---

    def _filters(self, index):
        topics = index.any_of(index.by_topic, [topic.pk for topic in self.topics]) if self.topics else None
        types = index.any_of(index.by_type, self.types) if self.types else None
        return {"topic": topics, "type": types, "year": self._date_filter(index)}

    def _date_filter(self, index):
        if not self.dates:
            return None
        years = set()
        for value in self.dates:
            if value == UNDATED:
                years.add(None)
            elif match := DECADE.match(value):
                start = int(match.group(1))
                years.update(range(start, start + 10))
            else:
                years.add(int(value))
        return index.any_of(index.by_year, years)

    # Results and facets ------------------------------------------------------------------

    def context(self):
        index = self.index
        scope = index.everything if self.within is None else index.by_topic.get(self.within.pk, BitMap())
        ranked = None
        if terms := search_terms(self.query):
            matches, is_ranked = index.search(terms)
            scope = scope & BitMap(matches)
            ranked = matches if is_ranked else None

        filters = self._filters(index)

        def narrowed(*names):
            """The scope under the filters named: each facet is counted under the others."""
            selection = scope
            for name in names:
                if filters[name] is not None:
                    selection = selection & filters[name]
            return selection

        results = narrowed("topic", "type", "year")
        if self.sort == "relevance" and ranked is not None:
            ordered = [position for position in ranked if position in results]
        else:
            ordered = index.in_order(results, "newest" if self.sort == "relevance" else self.sort)
        page = clamped_page(ordered, PER_PAGE, self.requested_page, self.notices)
        page.object_list = resources_at(index, page.object_list)
        return {
            "listing": self,
            "results": page,
            "pagination": pagination(page, partial(page_url, self.params())),
            "total": len(results),
            "topic_facet": self._topic_facet(_counts(index.by_topic, narrowed("type", "year")))
            if self.with_topic_facet
            else [],
            "type_facet": self._type_facet(_counts(index.by_type, narrowed("topic", "year"))),
            "year_facet": self._year_facet(_counts(index.by_year, narrowed("topic", "type"))),
            "active_filters": self._active_filters(),
            "sort_options": [(key, label) for key, label in SORTS.items() if key != "relevance" or self.query],
        }

    def _topic_facet(self, counts):
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
            years = [
                {"value": str(year), "label": str(year), "count": counts[year], "selected": str(year) in self.dates}
                for year in sorted((year for year in counts if year - year % 10 == decade), reverse=True)
            ]
            selected = f"{decade}s" in self.dates
            facet.append(
                {
                    "value": f"{decade}s",
                    "label": f"{decade}s",
                    "count": decades[decade],
                    "selected": selected,
                    "nested": {
                        "summary": f"Years in the {decade}s",
                        "options": years,
                        "open": selected or any(year["selected"] for year in years),
                    },
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


def _counts(facet, selection):
    """{value: how many of ``selection`` have it}, for the values some have."""
    counts = {}
    for value, resources in facet.items():
        if count := resources.intersection_cardinality(selection):
            counts[value] = count
    return counts


def _as_list(values):
    return values if isinstance(values, list) else [values]
