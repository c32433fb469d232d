"""Render times of the library with many resources: the listing with two filters and its facet
counts, a keyword search, and both together. Not a test: run it by hand against PostgreSQL.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/wsi_bench
    .venv/bin/python manage.py migrate
    .venv/bin/python manage.py load_demo_content --scale 10000
    .venv/bin/python bench/library.py [--runs 50]

Requests go through Django's test client in this process (routing, queries and templates;
no HTTP server), with DEBUG off. The cases take turns, round after round, so that a busy moment
of a shared machine slows them all alike; each is also given as a ratio to a plain page of the
site (About us) timed in the same rounds. Prints median and 95th percentile per request, and
the number of queries each one makes.

Searches are kept with the library's index until a resource changes, so a search is measured
twice: repeated (the same words every round), and new (different words every round, so
that each one reaches PostgreSQL's full-text search).
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

from resources.bulk import SUBJECTS  # noqa: E402
from resources.models import ResourcePage  # noqa: E402

BASELINE = "plain page (About us)"
CASES = [
    (BASELINE, "/about-us/", {}),
    ("listing, two filters + facets", "/research-resources/", {"topic": "worker-outcomes", "type": "report"}),
    ("library search, repeated", "/research-resources/", {"q": "apprenticeships"}),
    ("library search, new words", "/research-resources/", None),
    (
        "search + two filters, repeated",
        "/research-resources/",
        {"q": "healthcare", "topic": "job-quality", "year": "2010s"},
    ),
    ("topic section, page 5", "/research-resources/systems-change/", {"sort": "title", "page": "5"}),
    ("unfiltered listing", "/research-resources/", {}),
]
# Each round's "new words": a word of the sample titles, with one more word each time round.
WORDS = sorted({word for subject in SUBJECTS for word in subject.split() if len(word) > 4})
NEW_SEARCHES = [{"q": " ".join([word, *WORDS[:n]])} for n in range(0, 4) for word in WORDS]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    if args.runs > len(NEW_SEARCHES) - 3:
        parser.error(f"at most {len(NEW_SEARCHES) - 3} runs: there are that many new searches")

    total = ResourcePage.objects.live().count()
    print(f"{connection.vendor}, {total} live resources, {args.runs} rounds")
    if connection.vendor != "postgresql" or total < 10_000:
        print("  (the issue's target: PostgreSQL with 10,000 resources; see the docstring)")
    client = Client(HTTP_HOST="localhost")
    new_searches = iter(NEW_SEARCHES)
    timings = {name: [] for name, _path, _params in CASES}
    for round_number in range(3 + args.runs):
        for name, path, params in CASES:
            start = time.perf_counter()
            response = client.get(path, params if params is not None else next(new_searches))
            elapsed = (time.perf_counter() - start) * 1000
            assert response.status_code == 200, (path, response.status_code)
            if round_number >= 3:  # the first rounds warm up
                timings[name].append(elapsed)

    baseline = statistics.median(timings[BASELINE])
    print(f"{'case':34} {'median ms':>10} {'p95 ms':>8} {'× plain page':>13} {'queries':>8}")
    for name, path, params in CASES:
        with CaptureQueriesContext(connection) as queries:
            client.get(path, params if params is not None else next(new_searches))
        runs = sorted(timings[name])
        median, p95 = statistics.median(runs), runs[max(0, round(0.95 * len(runs)) - 1)]
        print(f"{name:34} {median:10.1f} {p95:8.1f} {median / baseline:13.2f} {len(queries):8d}")


if __name__ == "__main__":
    main()
