"""Render times of the library with many resources: the listing with two filters and its facet
counts, a keyword search, and both together. Not a test: run it by hand against PostgreSQL.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/wsi_bench
    .venv/bin/python manage.py migrate
    .venv/bin/python manage.py load_demo_content --scale 10000
    psql postgres://postgres@127.0.0.1:5432/wsi_bench -c 'VACUUM ANALYZE'
    .venv/bin/python bench/library.py [--runs 50]

(VACUUM ANALYZE does at once what autovacuum does on a running site: the loader rewrites the
search index, and its dead rows would slow the first minutes of searches.)

Requests go through Django's test client in this process (routing, queries and templates;
no HTTP server), with DEBUG off. The cases take turns, round after round, so that a busy moment
of a shared machine slows them all alike; each is also given as a ratio to a plain page of the
site (About us) timed in the same rounds. Prints median and 95th percentile per request, and
the number of queries each one makes.

The library's facet index is rebuilt after a resource changes, and searches are kept with it,
so the listing is also measured just after a change, and a search twice: repeated (the same
words every round) and new (words not searched before, so that each reaches PostgreSQL).
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wsi.settings.dev")
os.environ["DEBUG"] = "false"

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from resources.library.bulk import SUBJECTS  # noqa: E402
from resources.library.facet_index import forget_library_index  # noqa: E402
from resources.library.models import ResourcePage  # noqa: E402

BASELINE = "plain page (About us)"
LISTING = {"topic": "worker-outcomes", "type": "report"}
NEW_WORDS = "new words"
# (name, path, query string or NEW_WORDS, whether a resource has just changed)
CASES = [
    (BASELINE, "/about-us/", {}, False),
    ("listing, two filters + facets", "/research-resources/", LISTING, False),
    ("the same, just after a change", "/research-resources/", LISTING, True),
    ("library search, repeated", "/research-resources/", {"q": "apprenticeships"}, False),
    ("library search, new words", "/research-resources/", NEW_WORDS, False),
    ("search + two filters, repeated", "/research-resources/", {"q": "healthcare", "topic": "job-quality"}, False),
    ("topic section, page 5", "/research-resources/systems-change/", {"sort": "title", "page": "5"}, False),
    ("unfiltered listing", "/research-resources/", {}, False),
]
# Every round searches for words not searched before, each matching hundreds of resources:
# a subject word of the sample titles, alone or with words that every sample title has.
WORDS = sorted({word for subject in SUBJECTS for word in subject.split() if len(word) > 4})
NEW_SEARCHES = [{"q": form.format(word)} for form in ("{}", "{} sample", "sample {} resource") for word in WORDS]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    if args.runs > len(NEW_SEARCHES) - 4:
        parser.error(f"at most {len(NEW_SEARCHES) - 4} runs: there are no more new searches")

    total = ResourcePage.objects.live().count()
    print(f"{connection.vendor}, {total} live resources, {args.runs} rounds")
    if connection.vendor != "postgresql" or total < 10_000:
        print("  (the issue's target: PostgreSQL with 10,000 resources; see the docstring)")
    client = Client(HTTP_HOST="localhost")
    new_searches = iter(NEW_SEARCHES)

    def visit(path, params, after_a_change):
        if after_a_change:
            forget_library_index()  # as saving a resource does: the next request rebuilds the index
        start = time.perf_counter()
        response = client.get(path, next(new_searches) if params == NEW_WORDS else params)
        assert response.status_code == 200, (path, response.status_code)
        return (time.perf_counter() - start) * 1000

    timings = {name: [] for name, *_request in CASES}
    for _warm_up in range(3):
        for _name, *request in CASES:
            visit(*request)
    # The changes come last, in rounds of their own: each one also drops the searches kept.
    for after_changes in (False, True):
        for _round in range(args.runs):
            for name, *request in CASES:
                if request[-1] == after_changes:
                    timings[name].append(visit(*request))

    baseline = statistics.median(timings[BASELINE])
    print(f"{'case':34} {'median ms':>10} {'p95 ms':>8} {'× plain page':>13} {'queries':>8}")
    for name, *request in sorted(CASES, key=lambda case: case[-1]):
        visit(*request)  # so that a repeated search is repeated
        with CaptureQueriesContext(connection) as queries:
            visit(*request)
        runs = sorted(timings[name])
        median, p95 = statistics.median(runs), runs[max(0, round(0.95 * len(runs)) - 1)]
        print(f"{name:34} {median:10.1f} {p95:8.1f} {median / baseline:13.2f} {len(queries):8d}")


if __name__ == "__main__":
    main()
