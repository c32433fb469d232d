"""Lighthouse 12.2.3 (npm, pinned in bench/lighthouse/) at its mobile settings, with Debian's
Chromium, on home, the FAQ, the library, a resource and an event of the production-mode site
(gunicorn, page cache on), served from the database bench/pages.py loads.

    npm ci --prefix bench/lighthouse
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wsi_bench REDIS_URL=redis://127.0.0.1:6379/5 \\
        .venv/bin/python bench/lighthouse.py

Prints the four scores and the cumulative layout shift of each page and writes every report's
JSON to bench/results/lighthouse/. Target: 100 / 100 / 100 / 100 and CLS 0."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

from bench.pages import manage, production_env, start_gunicorn, wait_for  # noqa: E402
from tests.helpers.page_types import page_paths  # noqa: E402
from tests.helpers.ports import free_port  # noqa: E402

LIGHTHOUSE = BASE_DIR / "bench" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
PAGES = ["home", "FAQ", "library", "a resource", "an event"]


def main():
    if not LIGHTHOUSE.exists():
        raise SystemExit("Install Lighthouse first: npm ci --prefix bench/lighthouse")
    out = BASE_DIR / "bench" / "results" / "lighthouse"
    out.mkdir(parents=True, exist_ok=True)
    static_root = Path(tempfile.mkdtemp(prefix="wsi-lighthouse-static-"))
    env = production_env(static_root, 600)
    os.environ.update(env)
    manage(env, "collectstatic", "--no-input")
    import django

    django.setup()
    paths = {name: path for name, path in page_paths().items() if name in PAGES}
    port = free_port()
    server = start_gunicorn("bench.floors:site", env, port)
    chrome = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    try:
        wait_for(port)
        print(f"{'page':12} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5} {'CLS':>6} {'LCP ms':>7}")
        for name, path in paths.items():
            report = out / f"{name.replace(' ', '-').replace('.', '')}.json"
            command = [
                *["node", str(LIGHTHOUSE), f"http://127.0.0.1:{port}{path}", "--output=json"],
                *[f"--output-path={report}", f"--only-categories={','.join(CATEGORIES)}", "--quiet"],
                "--chrome-flags=--headless=new --no-sandbox --disable-dev-shm-usage",
            ]
            # Chromium on a busy machine now and then loses the trace (NO_NAVSTART): once more.
            if subprocess.run(command, env=chrome).returncode != 0:
                subprocess.run(command, env=chrome, check=True)
            result = json.loads(report.read_text())
            scores = [round(result["categories"][c]["score"] * 100) for c in CATEGORIES]
            cls = result["audits"]["cumulative-layout-shift"]["numericValue"]
            lcp = result["audits"]["largest-contentful-paint"]["numericValue"]
            print(f"{name:12} {scores[0]:5d} {scores[1]:5d} {scores[2]:5d} {scores[3]:5d} {cls:6.3f} {lcp:7.0f}")
            failing = [
                audit["id"]
                for audit in result["audits"].values()
                if audit.get("score") is not None and audit["score"] < 1 and audit.get("scoreDisplayMode") == "binary"
            ]
            if failing:
                print(f"{'':12} failing: {', '.join(failing)}")
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(static_root, ignore_errors=True)


if __name__ == "__main__":
    main()
