"""Render times of the library with many resources: the listing with two filters and its facet
counts, a keyword search, and both together. Not a test: run it by hand against PostgreSQL.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/wsi_bench
    .venv/bin/python manage.py migrate
    .venv/bin/python manage.py load_demo_content --scale 10000
    .venv/bin/python bench/library.py [--runs 50]

Requests go through Django's test client in this process (routing, queries and templates;
no HTTP server), with DEBUG off. Prints median and 95th percentile per request, and the number
of queries each one makes.
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

from resources.models import ResourcePage  # noqa: E402

CASES = [
    ("listing, two filters + facets", "/research-resources/", {"topic": "worker-outcomes", "type": "report"}),
    ("library search", "/research-resources/", {"q": "apprenticeships"}),
    ("search + two filters", "/research-resources/", {"q": "healthcare", "topic": "job-quality", "year": "2010s"}),
    ("topic section, page 5", "/research-resources/systems-change/", {"sort": "title", "page": "5"}),
    ("unfiltered listing", "/research-resources/", {}),
]


def measure(client, path, params, runs):
    for _warm_up in range(3):
        client.get(path, params)
    timings = []
    for _run in range(runs):
        start = time.perf_counter()
        response = client.get(path, params)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    with CaptureQueriesContext(connection) as queries:
        client.get(path, params)
    timings.sort()
    p95 = timings[max(0, round(0.95 * len(timings)) - 1)]
    return statistics.median(timings), p95, len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()

    total = ResourcePage.objects.live().count()
    print(f"{connection.vendor}, {total} live resources, {args.runs} runs per case")
    if connection.vendor != "postgresql" or total < 10_000:
        print("  (the issue's target: PostgreSQL with 10,000 resources; see the docstring)")
    client = Client(HTTP_HOST="localhost")
    print(f"{'case':34} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for name, path, params in CASES:
        median, p95, queries = measure(client, path, params, args.runs)
        print(f"{name:34} {median:10.1f} {p95:8.1f} {queries:8d}")


if __name__ == "__main__":
    main()
