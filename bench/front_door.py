"""Front-door benchmark: the Compose topology run natively (tests/helpers/stack.py: Varnish, nginx,
two gunicorn nodes as Compose runs them, the Celery workers and beat, a redis-server of its own,
S3 media on moto) on a database of its own, and wrk on loopback against a few pages:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wsi_bench .venv/bin/python bench/front_door.py \\
        [--duration 5] [--template wsi_bench_migrated]

- through Varnish (the front door), where the page is a cache hit;
- straight to nginx (Varnish bypassed), where the nodes answer from their page cache (Redis);
- straight to nginx with a new query string each request: built by Django every time;
- the trivial WSGI floor, under gunicorn with Compose's web argv, in the same run;
- through Varnish while an editor publishes a page in the admin every few seconds: the hit
  ratio from varnishstat and the purge latency (publish answered -> the new title at the door).

The stack's database is ``<DATABASE_URL's name>_front_door``, made for the run (a copy of
``--template``, a migrated database without media, when given; otherwise Compose's migrate
service migrates it) and dropped after. Prints one table and writes it as JSON (``--json``,
default bench/results/front_door.json). Bounded: every wrk run lasts ``--duration`` seconds
with 16 connections. Never a test: figures depend on the machine; compare rows of one run.
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import requests
from bs4 import BeautifulSoup

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from bench.pages import wrk  # noqa: E402
from tests.helpers.ports import free_port  # noqa: E402
from tests.helpers.stack import Editor, Process, Stack, compose_commands, missing_programs, wait_until  # noqa: E402

FLOOR = "trivial WSGI floor"
PAGES = ("home", "a resource", "library")
PUBLISH_EVERY = 3.0

# Each request a new query string: a page cache miss, so Django builds the page every time.
UNCACHED_SCRIPT = """
local counter = 0
local id = 0
function setup(thread) id = id + 1; thread:set("id", id) end
function request()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. "?uncached=" .. id .. "-" .. counter)
end
"""

# The pages of the cached cases in turn, and the page the editor publishes.
ROTATING_SCRIPT = """
local paths = {%s}
local counter = 0
function request()
  counter = counter + 1
  return wrk.format(nil, paths[counter %% #paths + 1])
end
"""


def wrk_script(url, duration, script):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(script)
    try:
        return wrk(url, duration, ["-s", lua.name])
    finally:
        os.unlink(lua.name)


def trivial_floor(stack):
    """bench/floors.py's trivial WSGI app under Compose's web argv, on a port of its own."""
    port = free_port()
    argv = [
        part.replace("0.0.0.0:8000", f"127.0.0.1:{port}").replace("wsi.wsgi:application", "bench.floors:trivial_wsgi")
        for part in compose_commands()["web"]
    ]
    process = Process("floor", [*argv, "--no-control-socket"], stack.work, stack.env)
    url = f"http://127.0.0.1:{port}/"
    wait_until(lambda: requests.get(url, timeout=5).ok, "the floor answers", 60, process)
    return process, url


def title_at(url):
    return BeautifulSoup(requests.get(url, timeout=10).text, "html.parser").title.string


def publishing(stack, editor, page, stop, latencies):
    """Publish ``page`` every PUBLISH_EVERY seconds until ``stop`` is set; each time, how long the
    front door takes to show the new title after the admin answered (None: not within 10 s)."""
    page_id, path, slug = page
    while not stop.wait(PUBLISH_EVERY):
        title = f"Bench {time.time_ns()}"
        response = editor.publish(page_id, slug, title)
        assert response.status_code == 302, response.text[-1000:]
        published = time.monotonic()
        latency = None
        while time.monotonic() - published < 10:
            if title in title_at(f"{stack.front}{path}"):
                latency = (time.monotonic() - published) * 1000
                break
            time.sleep(0.01)
        latencies.append(latency)


def measure(stack, paths, duration):
    rows = {}
    floor, floor_url = trivial_floor(stack)
    try:
        urls = {name: paths[name] for name in PAGES}
        for path in urls.values():
            for base in (stack.front, stack.nginx_url):
                requests.get(f"{base}{path}", timeout=60)  # warm: each cache holds the page
        rows[FLOOR] = wrk(floor_url, duration)
        for name, path in urls.items():
            rows[f"{name}: via Varnish"] = wrk(f"{stack.front}{path}", duration)
            rows[f"{name}: nginx, app page cache"] = wrk(f"{stack.nginx_url}{path}", duration)
            rows[f"{name}: nginx, uncached"] = wrk_script(f"{stack.nginx_url}{path}", duration, UNCACHED_SCRIPT)
    finally:
        floor.stop()

    editor = Editor(stack.front)
    page = paths["_standard_page"]
    rotation = ", ".join(f'"{path}"' for path in [*urls.values(), page[1]])
    before = stack.varnishstat()
    stop, latencies = threading.Event(), []
    thread = threading.Thread(target=publishing, args=(stack, editor, page, stop, latencies))
    thread.start()
    try:
        row = wrk_script(f"{stack.front}/", max(duration, int(3 * PUBLISH_EVERY)), ROTATING_SCRIPT % rotation)
    finally:
        stop.set()
        thread.join()
    after = stack.varnishstat()
    hits = after["MAIN.cache_hit"] - before["MAIN.cache_hit"]
    misses = after["MAIN.cache_miss"] - before["MAIN.cache_miss"]
    seen = [latency for latency in latencies if latency is not None]
    row.update(
        {
            "hit_ratio": hits / max(hits + misses, 1),
            "publishes": len(latencies),
            "purge_ms_median": statistics.median(seen) if seen else None,
            "purge_ms_max": max(seen) if seen else None,
            "purges_not_seen": len(latencies) - len(seen),
        }
    )
    rows["while an editor publishes: via Varnish"] = row
    return rows


def print_table(rows):
    floor = rows[FLOOR]["rps"]
    header = f"{'case':44} {'req/s':>8} {'x floor':>8} {'p50 ms':>7} {'p99 ms':>8}"
    print(header)
    print("-" * len(header))
    for name, row in rows.items():
        errors = f"  {row['errors']} errors" if row["errors"] else ""
        print(f"{name:44} {row['rps']:8.0f} {row['rps'] / floor:8.2f} {row['p50']:7.2f} {row['p99']:8.2f}{errors}")
    edits = rows["while an editor publishes: via Varnish"]
    purge = "n/a" if edits["purge_ms_median"] is None else f"median {edits['purge_ms_median']:.0f} ms"
    if edits["purge_ms_max"] is not None:
        purge += f", max {edits['purge_ms_max']:.0f} ms"
    print(
        f"\nWhile publishing every {PUBLISH_EVERY:.0f} s: hit ratio {edits['hit_ratio']:.1%}, "
        f"{edits['publishes']} publishes, purge latency {purge}, {edits['purges_not_seen']} not seen within 10 s."
    )
    print("Target: cached pages through Varnish at least the trivial WSGI floor (x floor >= 1).")
    for name, row in rows.items():
        if name.endswith(": via Varnish") and not name.startswith("while") and row["rps"] < floor:
            print(f"  MISSED: {name} at {row['rps'] / floor:.2f} x the floor")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--template", help="a migrated database (without media) to copy instead of migrating")
    parser.add_argument("--json", default=str(BASE_DIR / "bench" / "results" / "front_door.json"))
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        raise SystemExit("Set DATABASE_URL to PostgreSQL: the stack's database is made on that server.")
    missing = missing_programs()
    if missing:
        raise SystemExit(f"Install first: apt-get install -y {' '.join(missing)}")
    parts = urlsplit(url)
    server = f"{parts.scheme}://{parts.netloc}"
    stack = Stack(server, f"{parts.path.lstrip('/')}_front_door", template=args.template)
    print("starting the stack (migrate, demo content, nodes, workers, nginx, Varnish) ...", file=sys.stderr)
    try:
        stack.start()
        print(f"started: {stack.timings}", file=sys.stderr)
        paths = stack.page_paths()
        rows = measure(stack, paths, args.duration)
    finally:
        stack.stop()
    print_table(rows)
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    result = {"duration": args.duration, "connections": 16, "nodes": len(stack.nodes), "rows": rows}
    Path(args.json).write_text(json.dumps(result, indent=2))
    print(f"\nwritten to {args.json}")


if __name__ == "__main__":
    main()
