"""Varnish with the repo's VCL (docker/varnish/default.vcl, run by Debian's varnishd) in front of
the live test server: what a visitor gets from the cache, what passes through it, who may purge
it, and that a change purges the pages that show it and leaves the others cached
(wsi/frontend_cache.py)."""

import http.client
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from urllib.parse import urlencode, urlsplit

import pytest
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from django.utils import timezone
from wagtail.models import Site
from wagtail.test.utils.form_data import rich_text

from resources.events.factories import EventIndexPageFactory, EventPageFactory
from resources.library.factories import ResourceIndexPageFactory, ResourcePageFactory, TopicFactory
from tests.helpers.admin_forms import standard_page_form
from tests.helpers.ports import free_port
from tests.helpers.processes import Worker, broker_to_ourselves, celery_broker, forget_queued_tasks
from tests.helpers.varnish import Varnish
from wsi import frontend_cache
from wsi.factories import ContactPageFactory, SectionPageFactory, StandardPageFactory, make_site_root
from wsi.models import SiteSettings, StandardPage

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="module")
def _varnish(live_server):
    with Varnish(urlsplit(live_server.url).netloc) as varnish:
        yield varnish


@pytest.fixture
def varnish(_varnish, settings):
    """Varnish, empty, purged by the site as in Compose (tasks run eagerly in the tests), in
    front of the page cache: a purge that came before the page cache's new generation would
    let Varnish fetch the old page again."""
    settings.PAGE_CACHE_SECONDS = 600
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "wsi.frontend_cache.PurgingHTTPBackend", "LOCATION": _varnish.purge_url}
    }
    _purge(_varnish, "/*")
    return _varnish


@pytest.fixture
def visit(varnish):
    """GET a path through Varnish as an anonymous visitor of http://testserver:8080 (the site's
    host, another port): the response, whose X-Cache says HIT, MISS or PASS."""

    def get(path, **kwargs):
        headers = {"Host": "testserver:8080", **kwargs.pop("headers", {})}
        return requests.get(f"{varnish.url}{path}", headers=headers, timeout=10, **kwargs)

    return get


@pytest.fixture
def site(varnish):
    """Home, two sections with a page each (only the sections in the menus), all cached once."""
    home = make_site_root()
    about = SectionPageFactory(parent=home, title="About us", slug="about-us")
    story = StandardPageFactory(parent=about, title="Our story", slug="our-story", show_in_menus=False)
    work = SectionPageFactory(parent=home, title="Our work", slug="our-work")
    other = StandardPageFactory(parent=work, title="Other work", slug="other-work", show_in_menus=False)
    frontend_cache.menus_changed()  # what the worker saw last
    return home, about, story, work, other


def _purge(varnish, path, host="testserver"):
    return requests.request("PURGE", f"{varnish.purge_url}{path}", headers={"Host": host}, timeout=10)


def _cached(visit, *paths):
    for path in paths:
        visit(path)
        assert visit(path).headers["X-Cache"] == "HIT", path


def test_a_second_anonymous_request_is_a_hit(site, visit):
    first = visit("/about-us/our-story/")
    second = visit("/about-us/our-story/")

    assert first.headers["X-Cache"] == "MISS"
    assert second.headers["X-Cache"] == "HIT"
    assert second.text == first.text and "Our story" in second.text
    assert second.headers["Cache-Control"] == f"public, max-age={settings.CACHE_MAX_AGE}"
    assert "Surrogate-Control" not in second.headers  # Varnish's alone
    # Another port, another query string order: the same page for Varnish's purges.
    assert visit("/about-us/our-story/", headers={"Host": "TestServer"}).headers["X-Cache"] == "HIT"


def test_staff_the_admin_previews_and_posts_pass(site, visit, varnish):
    home, _about, story, *_ = site
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "not-used")
    client = Client()
    client.force_login(editor)
    session = {"Cookie": f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"}
    _cached(visit, "/")

    for _ in range(2):
        staff = visit("/", headers=session)
        assert staff.headers["X-Cache"] == "PASS"
        assert "data-wagtail-userbar" in staff.text
        preview = visit(f"/admin/pages/{story.pk}/edit/preview/?mode=", headers=session)
        assert preview.headers["X-Cache"] == "PASS"
        assert visit("/admin/login/").headers["X-Cache"] == "PASS"
        post = requests.post(f"{varnish.url}/search/", headers={"Host": "testserver"}, timeout=10)
        assert post.headers["X-Cache"] == "PASS"


def test_purges_come_only_from_the_purge_listener_and_the_application_network(site, visit, varnish):
    _cached(visit, "/")

    public = requests.request("PURGE", f"{varnish.url}/", headers={"Host": "testserver"}, timeout=10)
    with socket.create_connection(("127.0.0.1", varnish.purge_port), source_address=("127.0.0.2", 0)) as outsider:
        outsider.sendall(b"PURGE / HTTP/1.1\r\nHost: testserver\r\nConnection: close\r\n\r\n")
        answer = outsider.recv(100).decode()

    assert public.status_code == 403
    assert answer.startswith("HTTP/1.1 403")
    assert visit("/").headers["X-Cache"] == "HIT"
    assert _purge(varnish, "/").status_code == 200
    assert visit("/").headers["X-Cache"] == "MISS"


def test_a_page_published_through_the_admin_purges_it_and_its_listings_only(site, visit):
    home, about, story, work, other = site
    _cached(visit, "/", "/about-us/", "/about-us/our-story/", "/about-us/?page=2", "/our-work/other-work/")
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "not-used")
    client = Client()
    client.force_login(editor)

    response = client.post(
        f"/admin/pages/{story.pk}/edit/",
        standard_page_form("The story of WSI", "our-story", [("paragraph", rich_text("<p>Since 1999.</p>"))]),
    )

    assert response.status_code == 302
    page = visit("/about-us/our-story/")
    assert page.headers["X-Cache"] == "MISS" and "The story of WSI" in page.text
    assert visit("/about-us/").headers["X-Cache"] == "MISS"  # the listing
    assert visit("/about-us/?page=2").headers["X-Cache"] == "MISS"  # every variant of it
    assert visit("/").headers["X-Cache"] == "MISS"
    assert visit("/our-work/other-work/").headers["X-Cache"] == "HIT"


def test_a_moved_page_is_purged_at_its_old_address(site, visit):
    _home, _about, story, work, other = site
    _cached(visit, "/about-us/our-story/", "/our-work/other-work/")

    story.move(work, pos="last-child")

    # Wagtail's redirects app sends the old address on; Varnish no longer has the page there.
    old = visit("/about-us/our-story/", allow_redirects=False)
    assert old.status_code == 301 and old.headers["Location"].endswith("/our-work/our-story/")
    assert visit("/our-work/our-story/").status_code == 200
    assert visit("/our-work/").headers["X-Cache"] == "MISS"


def test_a_topic_edited_purges_its_section_and_the_resources_that_show_it(site, visit):
    home, *_, other = site
    library = ResourceIndexPageFactory(parent=home, show_in_menus=False)
    topic = TopicFactory(name="Job quality")
    ResourcePageFactory(parent=library, title="Good jobs", slug="good-jobs", topics=[topic])
    ResourcePageFactory(parent=library, title="Unrelated", slug="unrelated")
    frontend_cache.menus_changed()
    section = "/research-resources/job-quality/"
    _cached(visit, section, "/research-resources/good-jobs/", "/research-resources/unrelated/", "/our-work/other-work/")

    topic.name = "Quality of jobs"
    topic.save_revision().publish()

    assert "Quality of jobs" in visit(section).text
    assert visit("/research-resources/good-jobs/").headers["X-Cache"] == "MISS"
    assert visit("/research-resources/unrelated/").headers["X-Cache"] == "HIT"
    assert visit("/our-work/other-work/").headers["X-Cache"] == "HIT"


def test_a_site_settings_change_purges_every_page(site, visit):
    paths = ["/", "/about-us/our-story/", "/our-work/other-work/", "/search/?q=work"]
    _cached(visit, *paths)

    settings_row = SiteSettings.for_site(Site.objects.get())
    settings_row.save()

    assert [visit(path).headers["X-Cache"] for path in paths] == ["MISS"] * len(paths)


def test_varnish_keeps_an_events_page_until_the_event_starts_and_browsers_for_max_age(site, live_server):
    home = site[0]
    start = (timezone.now() + timedelta(minutes=30)).replace(second=0, microsecond=0)
    end = start + timedelta(minutes=20)
    events = EventIndexPageFactory(parent=home, show_in_menus=False)
    EventPageFactory(
        parent=events, time_zone="UTC", start_date=start.date(), start_time=start.time(),
        end_date=end.date(), end_time=end.time(),
    )  # fmt: skip

    response = requests.get(f"{live_server.url}{events.url}", timeout=10)

    surrogate = int(response.headers["Surrogate-Control"].removeprefix("max-age="))
    until_start = (start - datetime.now(tz=start.tzinfo)).total_seconds()
    assert until_start - 5 <= surrogate <= until_start
    assert response.headers["Cache-Control"] == f"public, max-age={settings.CACHE_MAX_AGE}"


def test_a_purge_that_fails_is_logged_and_never_stops_a_publish(site, settings, caplog):
    """Varnish unreachable: the task retries (here, without a broker, at once) and gives up
    with an error in the log; the editor's publish went through."""
    _home, _about, story, *_ = site
    settings.WAGTAILFRONTENDCACHE["varnish"]["LOCATION"] = f"http://127.0.0.1:{free_port()}"

    story.title = "The story of WSI"
    story.save_revision().publish()

    story.refresh_from_db()
    assert story.title == "The story of WSI" and story.live
    assert "Could not purge" in caplog.text
    assert "failed; they expire by their TTL" in caplog.text


@pytest.mark.integration
@pytest.mark.redis
def test_the_worker_purges_after_the_editor_has_published(site, visit, varnish, sink):
    """Through Redis and a real Celery worker, as in Compose: the worker, not the editor's
    request, purges the page, moments after the publish."""
    _home, _about, story, *_ = site
    _cached(visit, "/about-us/our-story/")
    with broker_to_ourselves(settings.REDIS_URL):
        forget_queued_tasks(settings.REDIS_URL)
        worker = Worker(settings.REDIS_URL, sink.url, "http://testserver", FRONTEND_CACHE_URL=varnish.purge_url)
        worker.start(timeout=90)
        try:
            with celery_broker(settings.REDIS_URL):
                story.title = "The story of WSI"
                story.save_revision().publish()
                deadline = time.monotonic() + 30
                while visit("/about-us/our-story/").headers["X-Cache"] == "HIT" and time.monotonic() < deadline:
                    time.sleep(0.1)
        finally:
            worker.stop()

    assert "The story of WSI" in visit("/about-us/our-story/").text, worker.output()
    assert "wsi.tasks.purge_frontend_cache" in worker.output()


@pytest.mark.integration
@pytest.mark.redis
def test_a_page_rendered_from_the_rows_before_the_publish_is_purged_again(site, visit, varnish, sink, monkeypatch):
    """A visitor's request reads the page, the editor publishes and the worker purges while it
    renders, and Varnish stores the old page after the purge: the worker's second pass, after
    FRONTEND_CACHE_REPURGE_AFTER, drops it."""
    repurge_after = 4
    rendering, release = threading.Event(), threading.Event()
    get_context = StandardPage.get_context

    def held_get_context(page, request, *args, **kwargs):
        context = get_context(page, request, *args, **kwargs)
        if not rendering.is_set():
            rendering.set()
            release.wait(30)
        return context

    monkeypatch.setattr(StandardPage, "get_context", held_get_context)
    _home, _about, story, *_ = site
    with broker_to_ourselves(settings.REDIS_URL):
        forget_queued_tasks(settings.REDIS_URL)
        worker = Worker(
            settings.REDIS_URL,
            sink.url,
            "http://testserver",
            FRONTEND_CACHE_URL=varnish.purge_url,
            FRONTEND_CACHE_REPURGE_AFTER=repurge_after,
        )
        worker.start(timeout=90)
        try:
            with celery_broker(settings.REDIS_URL), ThreadPoolExecutor(1) as visitor:
                in_flight = visitor.submit(visit, "/about-us/our-story/")
                assert rendering.wait(30)
                story.title = "The story of WSI"
                with transaction.atomic():  # one task: the first pass is over when it has succeeded
                    story.save_revision().publish()
                deadline = time.monotonic() + 30
                while "succeeded" not in worker.output() and time.monotonic() < deadline:
                    time.sleep(0.05)
                release.set()
                assert "Our story" in in_flight.result().text, worker.output()
                stale = visit("/about-us/our-story/")
                deadline = time.monotonic() + repurge_after + 10
                while "The story of WSI" not in visit("/about-us/our-story/").text and time.monotonic() < deadline:
                    time.sleep(0.1)
        finally:
            release.set()
            worker.stop()

    assert stale.headers["X-Cache"] == "HIT" and "The story of WSI" not in stale.text
    assert "The story of WSI" in visit("/about-us/our-story/").text, worker.output()


def test_behind_varnish_and_nginx_each_visitor_keeps_their_own_address(nginx, settings):
    """Compose's chain (PROXY_COUNT=2): the contact form's rate limit counts the address that
    reached Varnish, which an X-Forwarded-For the visitor sends does not change."""
    settings.PROXY_COUNT = 2
    settings.CONTACT_RATE_LIMIT = 1
    contact = ContactPageFactory(parent=make_site_root())
    form = urlencode({"name": "Ana Ruiz", "email": "ana@example.org", "organisation": "", "message": "Hello"})

    with Varnish(urlsplit(nginx).netloc) as front:

        def post(visitor, **headers):
            connection = http.client.HTTPConnection("127.0.0.1", front.port, timeout=10, source_address=(visitor, 0))
            headers = {"Host": "testserver", "Origin": "http://testserver", **headers}
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            try:
                connection.request("POST", contact.url, form, headers)
                return connection.getresponse().status
            finally:
                connection.close()

        assert post("127.0.0.2") == 302
        assert post("127.0.0.2", **{"X-Forwarded-For": "10.9.9.9"}) == 429
        assert post("127.0.0.3") == 302
