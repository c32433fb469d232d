"""Page benchmark: the production-mode site under gunicorn (2 sync workers) on PostgreSQL and
Redis, with the page cache on and off, against two floors in the same run: a trivial WSGI app
and a trivial Django view of ours (the whole middleware stack, no template, no query).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wsi_bench REDIS_URL=redis://127.0.0.1:6379/5 \\
        .venv/bin/python bench/pages.py [--scale 10000] [--duration 5] [--rounds 3]

It migrates the database it is given and tops the demo site up to ``--scale`` synthetic
resources (``load_demo_content --scale``), collects static files into a temporary folder, starts
three gunicorns on free ports and runs ``wrk -t2 -c16`` against every case, round after round
(cases interleaved, so a busy moment of a shared machine slows them all alike). Prints one
table (requests/s as the median of the rounds, share of each floor, latency p50/p99 under that
load, the render time of one request alone with the cache off, queries, bytes) and writes it
as JSON (``--json``, default bench/results/pages.json). Never a test: figures depend on the
machine. The page cache's entries in the Redis database given expire by themselves.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
GUNICORN = str(BASE_DIR / ".venv" / "bin" / "gunicorn")
PYTHON = str(BASE_DIR / ".venv" / "bin" / "python")
FLOOR_WSGI = "trivial WSGI app"
FLOOR_DJANGO = "trivial Django view"
TARGET_SHARE = 0.5
TARGET_MS, TARGET_LIBRARY_MS, TARGET_QUERIES = 20, 50, 15
# Measured and shown, but not one of the page types the targets are for: a page of 1,000
# addresses, read by crawlers, which the frontend cache keeps.
UNJUDGED = ("the sitemap's first page of pages",)

from tests.helpers.page_types import page_paths  # noqa: E402
from tests.helpers.ports import free_port  # noqa: E402


def production_env(static_root, page_cache_seconds):
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "wsi.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "MAILINGLIST_HASH_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "CSRF_TRUSTED_ORIGINS": "http://127.0.0.1",
            "EMAIL_URL": "consolemail://",
            "SECURE_SSL_REDIRECT": "false",
            "SESSION_COOKIE_SECURE": "false",
            "CSRF_COOKIE_SECURE": "false",
            "SECURE_HSTS_SECONDS": "0",
            "STATIC_ROOT": str(static_root),
            "LOG_LEVEL": "WARNING",
            "PAGE_CACHE_SECONDS": str(page_cache_seconds),
        }
    )
    return env


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, stdout=subprocess.DEVNULL)


def start_gunicorn(app, env, port):
    command = [GUNICORN, app, "--workers", "2", "--worker-class", "sync", "--bind", f"127.0.0.1:{port}"]
    return subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_for(port, path="/", timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            requests.get(f"http://127.0.0.1:{port}{path}", timeout=10)
            return
        except requests.RequestException:
            time.sleep(0.3)
    raise SystemExit(f"nothing answers on port {port}")


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url, duration, options=()):
    out = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{duration}s", "--latency", *options, url], capture_output=True, text=True, check=True
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])
    if not rate:
        print(f"no answer from {url}:\n{out}", file=sys.stderr)
    latency = {q: float(v) * UNITS[u] for q, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rate, "p50": latency.get("50"), "p99": latency.get("99"), "errors": int(errors[1]) if errors else 0}


def render_alone(paths, runs=15):
    """Median milliseconds, queries and bytes of one request at a time, cache off, in-process."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    found = {}
    for name, path in paths.items():
        client.get(path)  # warm: the library's index, the menus
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
        found[name] = {"ms": statistics.median(times), "queries": len(queries), "bytes": len(response.content)}
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=10_000, help="synthetic resources in the library")
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", default=str(BASE_DIR / "bench" / "results" / "pages.json"))
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres") or not os.environ.get("REDIS_URL"):
        raise SystemExit("Set DATABASE_URL to PostgreSQL and REDIS_URL to a Redis database of your own.")

    static_root = Path(tempfile.mkdtemp(prefix="wsi-bench-static-"))
    cached_env = production_env(static_root, 600)
    uncached_env = production_env(static_root, 0)
    os.environ.update(uncached_env)
    manage(cached_env, "migrate", "--no-input")
    manage(cached_env, "collectstatic", "--no-input")  # before setup: the storage reads its manifest once
    import django

    django.setup()
    from resources.library.bulk import synthetic_count
    from resources.library.models import ResourceIndexPage

    library = ResourceIndexPage.objects.first()
    missing = args.scale - (synthetic_count(library) if library else 0)
    if library is None or missing > 0:
        manage(cached_env, "load_demo_content", "--scale", str(max(missing, 0)))
    subprocess.run(["psql", os.environ["DATABASE_URL"], "-qc", "VACUUM ANALYZE"], check=True)

    paths = page_paths()
    alone = render_alone(paths)
    ports = {"cached": free_port(), "uncached": free_port(), "wsgi": free_port()}
    servers = [
        start_gunicorn("bench.floors:site", cached_env, ports["cached"]),
        start_gunicorn("bench.floors:site", uncached_env, ports["uncached"]),
        start_gunicorn("bench.floors:trivial_wsgi", cached_env, ports["wsgi"]),
    ]
    try:
        for port in ports.values():
            wait_for(port)
        cases = {
            FLOOR_WSGI: f"http://127.0.0.1:{ports['wsgi']}/",
            FLOOR_DJANGO: f"http://127.0.0.1:{ports['uncached']}/bench-floor/",
        }
        for name, path in paths.items():
            cases[f"{name} (cached)"] = f"http://127.0.0.1:{ports['cached']}{path}"
            cases[f"{name} (cache off)"] = f"http://127.0.0.1:{ports['uncached']}{path}"
        for name, url in cases.items():
            if name.endswith("(cached)"):
                requests.get(url, timeout=60)  # measure hits: 16 first misses at once would fill the run
        runs = {name: [] for name in cases}
        for round_number in range(1, args.rounds + 1):
            print(f"round {round_number}/{args.rounds}", file=sys.stderr)
            for name, url in cases.items():
                runs[name].append(wrk(url, args.duration))
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait()
        shutil.rmtree(static_root, ignore_errors=True)

    rows = {}
    for name, results in runs.items():
        rows[name] = {key: statistics.median(r[key] for r in results) for key in ("rps", "p50", "p99")}
        rows[name]["errors"] = sum(r["errors"] for r in results)
        page = name.rsplit(" (", 1)[0]
        if page in alone:
            rows[name].update(alone[page])
    floors = {FLOOR_WSGI: rows[FLOOR_WSGI]["rps"], FLOOR_DJANGO: rows[FLOOR_DJANGO]["rps"]}
    for row in rows.values():
        row["share_wsgi"] = row["rps"] / floors[FLOOR_WSGI]
        row["share_django"] = row["rps"] / floors[FLOOR_DJANGO]
    print_table(rows)
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps({"scale": args.scale, "rounds": args.rounds, "rows": rows}, indent=2))
    print(f"\nwritten to {args.json}")


def print_table(rows):
    header = f"{'case':34} {'req/s':>8} {'%wsgi':>6} {'%django':>8} {'p50 ms':>7} {'p99 ms':>7}"
    header += f" {'alone ms':>9} {'queries':>7} {'bytes':>7}"
    print(header)
    print("-" * len(header))
    for name, row in rows.items():
        alone = f"{row['ms']:9.1f} {row['queries']:7d} {row['bytes']:7d}" if "ms" in row else " " * 25
        print(
            f"{name:34} {row['rps']:8.0f} {row['share_wsgi']:6.1%} {row['share_django']:8.1%} "
            f"{row['p50']:7.2f} {row['p99']:7.2f} {alone}" + (f"  {row['errors']} errors" if row["errors"] else "")
        )
    print("\nTargets: cached >= 50% of the trivial Django view; cache off, one request alone: median < 20 ms")
    print("(library with filters or a keyword < 50 ms) and <= 15 queries; the sitemap's page is not judged.")
    for name, row in rows.items():
        if name.startswith(UNJUDGED):
            continue
        if name.endswith("(cached)") and row["share_django"] < TARGET_SHARE:
            print(f"  MISSED: {name} at {row['share_django']:.0%} of the Django floor")
        if name.endswith("(cache off)"):
            limit = TARGET_LIBRARY_MS if name.startswith(("library,",)) else TARGET_MS
            if row["ms"] >= limit or row["queries"] > TARGET_QUERIES:
                print(f"  MISSED: {name}: {row['ms']:.1f} ms, {row['queries']} queries")


if __name__ == "__main__":
    main()
