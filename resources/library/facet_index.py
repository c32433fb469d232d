"""The library's facet index: every live, public resource with its type, year and topics, held
as bitmaps of positions in each web process. Filtering and counting the facets of 10,000
resources is then a few bitmap intersections instead of a GROUP BY per facet on every request.

Position 0 is the newest resource. A stamp in the shared cache says which build is current:
any change to a resource, a topic or a page's privacy drops it, and the next request in each
process rebuilds the index in three queries."""

import datetime
import uuid
from array import array
from collections import defaultdict
from collections.abc import Sequence

from django.core.cache import cache
from django.db import transaction
from pyroaring import BitMap

from .models.resource import ResourcePage

STAMP_KEY = "resources:library-index-stamp"
# A change that did not reach the cache (Redis away, rows written outside Django) still shows
# within this time: each process then rebuilds, which takes a few tens of milliseconds.
STAMP_SECONDS = 10 * 60
SEARCHES_KEPT = 128
MIN_DATE = datetime.date.min


class LibraryIndex:
    def __init__(self, rows, topic_links):
        """``rows``: (pk, type, publication date or None) in title order, as the database
        collates titles; ``topic_links``: (resource pk, topic pk) pairs."""
        dates = [row[2] for row in rows]
        in_title_order = range(len(rows))
        # Newest and oldest first, the undated last in both, equal dates in title order.
        newest = sorted(in_title_order, key=lambda i: (dates[i] is None, -(dates[i] or MIN_DATE).toordinal()))
        oldest = sorted(in_title_order, key=lambda i: (dates[i] is None, dates[i] or MIN_DATE))

        self.ids = [rows[i][0] for i in newest]
        self.position = {pk: position for position, pk in enumerate(self.ids)}
        self.everything = BitMap(range(len(rows)))
        # For each other sort order: the resource at each rank, and each resource's rank.
        self._at_rank = {"newest": range(len(rows)), "title": _inverse(newest)}
        self._at_rank["oldest"] = [self._at_rank["title"][i] for i in oldest]
        self._rank_of = {order: _inverse(self._at_rank[order]) for order in ("title", "oldest")}

        by_type, by_year, by_topic = defaultdict(BitMap), defaultdict(BitMap), defaultdict(BitMap)
        self.topics_of = [[] for _ in rows]  # each resource's topic pks, by position
        for position, i in enumerate(newest):
            by_type[rows[i][1]].add(position)
            by_year[dates[i].year if dates[i] else None].add(position)
        for resource_pk, topic_pk in topic_links:
            if (position := self.position.get(resource_pk)) is not None:
                by_topic[topic_pk].add(position)
                self.topics_of[position].append(topic_pk)
        # Each maps a value (type, year or None for undated, topic pk) to its resources.
        self.by_type, self.by_year, self.by_topic = dict(by_type), dict(by_year), dict(by_topic)
        self._searches = {}

    @classmethod
    def load(cls):
        rows = (
            ResourcePage.objects.live()
            .public()
            .order_by("title", "pk")
            .values_list("pk", "resource_type", "publication_date")
        )
        topic_links = ResourcePage.topics.through.objects.values_list("resourcepage_id", "topic_id")
        return cls(list(rows), list(topic_links))

    @staticmethod
    def any_of(facet, values):
        """The resources with any of ``values`` in ``facet`` (``by_type``, ...)."""
        return BitMap.union(BitMap(), *(facet[value] for value in values if value in facet))

    def search(self, terms):
        """``(positions, ranked)``: the resources that Wagtail's search backend matches to
        ``terms`` (PostgreSQL full-text search; SQLite FTS5 or the plain fallback elsewhere),
        best match first when ``ranked``. Kept for the life of this build of the index, so a
        repeated search costs no query; the least recently used are dropped past a limit."""
        if (found := self._searches.pop(terms, None)) is None:
            matches = ResourcePage.objects.search(terms, operator="and", order_by_relevance=True).get_queryset()
            position = self.position
            positions = array("I", (position[pk] for pk in matches.values_list("pk", flat=True) if pk in position))
            found = (positions, matches.ordered)  # the plain fallback backend does not rank
            while len(self._searches) >= SEARCHES_KEPT:
                self._searches.pop(next(iter(self._searches)), None)  # the least recently used
        self._searches[terms] = found
        return found

    def sharing_most_topics(self, topic_pks, excluded_pk, limit):
        """The pks of up to ``limit`` resources sharing the most of ``topic_pks``, the newest
        first (then by title) among those sharing as many, ``excluded_pk`` left out."""
        # at_least[n]: the resources with at least n of the topics.
        at_least = [self.everything] + [BitMap() for _ in topic_pks]
        for topic_pk in topic_pks:
            with_topic = self.by_topic.get(topic_pk, BitMap())
            for n in range(len(topic_pks), 0, -1):
                at_least[n] |= at_least[n - 1] & with_topic
        excluded = self.position.get(excluded_pk)
        found = []
        for shared in range(len(topic_pks), 0, -1):
            exactly = at_least[shared] - at_least[shared + 1] if shared < len(topic_pks) else at_least[shared]
            for position in exactly:
                if position != excluded:
                    found.append(self.ids[position])
                    if len(found) == limit:
                        return found
        return found

    def in_order(self, results, order):
        """``results`` as a sequence of positions in a sort order, sliced without sorting all."""
        ranks = results if order == "newest" else BitMap(self._rank_of[order][p] for p in results)
        return _Ordered(ranks, self._at_rank[order])


class _Ordered(Sequence):
    def __init__(self, ranks, at_rank):
        self.ranks = ranks
        self.at_rank = at_rank

    def __len__(self):
        return len(self.ranks)

    def __getitem__(self, item):
        if isinstance(item, slice):
            return [self.at_rank[rank] for rank in self.ranks[item]]
        return self.at_rank[self.ranks[item]]


def _inverse(ranks):
    at_rank = [0] * len(ranks)
    for position, rank in enumerate(ranks):
        at_rank[rank] = position
    return at_rank


# (stamp, index) of this process's build, replaced as one, so that threads never pair a stamp
# with another build's index.
_built = (None, None)


def library_index():
    """The current index: this process's copy while the shared stamp is unchanged."""
    global _built
    stamp = cache.get(STAMP_KEY)
    if stamp is None:
        stamp = uuid.uuid4().hex
        if not cache.add(STAMP_KEY, stamp, timeout=STAMP_SECONDS):
            stamp = cache.get(STAMP_KEY, stamp)  # another process has just set one
    built_stamp, index = _built
    if index is None or built_stamp != stamp:
        index = LibraryIndex.load()
        _built = (stamp, index)
    return index


def forget_library_index():
    """Drops the stamp now (the next request rebuilds) and again when the transaction commits,
    so that a build which read the database before the commit is not kept."""
    cache.delete(STAMP_KEY)
    transaction.on_commit(lambda: cache.delete(STAMP_KEY))
