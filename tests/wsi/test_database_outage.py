"""PostgreSQL restarts while the site runs under gunicorn: a private cluster holding a copy of the
test database is stopped and started again. During the outage every page is a short "temporarily
unavailable" page (503 with Retry-After), not the error page; afterwards the same gunicorn
worker serves the site again, with no restart."""

import pytest
import requests

from tests.helpers.postgres import Gunicorn, PrivatePostgres, binaries_present
from tests.helpers.services import require
from wsi.factories import StandardPageFactory, make_site_root

pytestmark = [pytest.mark.postgres, pytest.mark.integration, pytest.mark.django_db(transaction=True)]

PAGES = ["/", "/about-us/", "/search/?q=sector", "/mailing-list/"]
# The signup form reads nothing from the database once the process knows the site and its
# settings (wsi.page_cache.remembered): it is still served during the outage.
NEEDS_NO_DATABASE = {"/mailing-list/"}


@pytest.fixture
def cluster(django_db_blocker):
    require(binaries_present(), "needs PostgreSQL 15's initdb and pg_ctl (apt-get install postgresql-15)")
    StandardPageFactory(parent=make_site_root(), title="About us", slug="about-us")
    server = PrivatePostgres().init().start()
    try:
        server.copy_test_database("wsi")
        yield server
    finally:
        server.remove()


@pytest.fixture
def web(cluster):
    # No Redis and no page cache: nothing is served from a cache, every page needs the database.
    server = Gunicorn(DATABASE_URL=cluster.url("wsi"), CONN_MAX_AGE="60", REDIS_URL="", PAGE_CACHE_SECONDS="0").start()
    yield server
    server.stop()


def test_database_restart_shows_unavailable_page_then_recovers_without_restart(cluster, web):
    for path in PAGES:
        assert requests.get(web.url + path, timeout=30).status_code == 200, path

    cluster.stop()

    for path in PAGES:
        response = requests.get(web.url + path, timeout=30)
        assert "Something went wrong" not in response.text and "Traceback" not in response.text
        if path in NEEDS_NO_DATABASE:
            assert response.status_code == 200, (path, response.status_code, web.output()[-3000:])
            continue
        assert response.status_code == 503, (path, response.status_code, web.output()[-3000:])
        assert response.headers["Retry-After"].isdigit()
        assert "Temporarily unavailable" in response.text
    assert requests.get(f"{web.url}/readyz", timeout=30).status_code == 503
    assert requests.get(f"{web.url}/healthz", timeout=30).status_code == 200

    cluster.start()

    for path in PAGES:
        response = requests.get(web.url + path, timeout=30)
        assert response.status_code == 200, (path, response.status_code)
    assert "About us" in requests.get(f"{web.url}/about-us/", timeout=30).text
    assert requests.get(f"{web.url}/readyz", timeout=30).status_code == 200
    assert web.output().count("Booting worker") == 1, "gunicorn restarted its worker"
