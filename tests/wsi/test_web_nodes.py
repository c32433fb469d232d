"""Two web nodes, as Compose runs ``web`` scaled: gunicorn with the deployed settings on one
PostgreSQL database and one Redis (a private one). A staff login on one node is valid on the
other; what an editor changes through one node shows on the other at its next request, whatever
that node kept from before (the page cache, the menus, the library's facet index, Wagtail's
site root paths, the settings); nginx in front of both keeps answering while one stops."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis
import requests
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import transaction
from wagtail.models import Site
from wagtail.test.utils.form_data import rich_text

from resources.library.factories import ResourceIndexPageFactory, ResourcePageFactory, TopicFactory
from tests.helpers import processes
from tests.helpers.admin_forms import standard_page_form
from tests.helpers.nginx import running_nginx
from tests.helpers.postgres import Gunicorn
from tests.helpers.processes import PrivateRedis
from tests.helpers.staff import PASSWORD, staff_member
from wsi.factories import SectionPageFactory, StandardPageFactory, make_site_root
from wsi.roles import ensure_roles

pytestmark = [pytest.mark.postgres, pytest.mark.integration, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def shared_redis():
    server = PrivateRedis().start()
    yield server
    server.stop()


def start(nodes):
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(Gunicorn.start, nodes))


@pytest.fixture(scope="module")
def started_nodes(django_db_setup, shared_redis):
    """Nodes A and B: one gunicorn each, the page cache on, as in production. ``fresh`` until a
    test has used them."""
    env = {"DATABASE_URL": processes.test_database_url(), "REDIS_URL": shared_redis.url, "CONN_MAX_AGE": "0"}
    started = [Gunicorn(**env), Gunicorn(**env)]
    for node in started:
        node.command += ["--access-logfile", "-"]
        node.fresh = True
    try:
        start(started)
        yield started
    finally:
        for node in started:
            node.stop()


@pytest.fixture
def nodes(started_nodes, shared_redis):
    """Both nodes running (one that a test stopped is started again), and a cache holding nothing
    but what this test puts there: the database is emptied after each test."""
    start([node for node in started_nodes if node.process.poll() is not None])
    redis.Redis.from_url(shared_redis.url).flushdb()
    yield started_nodes
    for node in started_nodes:
        node.fresh = False


@pytest.fixture
def editing_nodes(nodes):
    """The nodes, started again if an earlier test emptied the database under them: Django keeps
    content types in each process, and emptying the database gives them new ids, which the
    admin's writes would still use. (A deployment's content types change only by migrate.)"""
    used = [node for node in nodes if not node.fresh]
    for node in used:
        node.stop()
    start(used)
    return nodes


@pytest.fixture
def node_a_cache(settings, shared_redis):
    """This process shares the nodes' cache: it plays node A in the middle of an editor's request,
    its transaction open."""
    settings.CACHES = {
        "default": {"BACKEND": "wsi.cache.ForgivingRedisCache", "LOCATION": shared_redis.url, "KEY_PREFIX": "wsi"}
    }


class Editor:
    """A moderator working in one node's admin, as a browser would: forms posted with their token."""

    def __init__(self, node):
        self.url = node.url
        self.session = requests.Session()
        moderator = staff_member("Moderators")
        # The nodes know the hashers of the deployed settings, not the test settings' MD5.
        moderator.password = PBKDF2PasswordHasher().encode(PASSWORD, "nodes-salt", iterations=1000)
        moderator.save(update_fields=["password"])
        self.post("/admin/login/", {"username": moderator.username, "password": PASSWORD})

    def post(self, path, data):
        form = self.session.get(self.url + path, timeout=30, allow_redirects=False)
        assert form.status_code == 200, (path, form.status_code, form.headers.get("Location"))
        token = BeautifulSoup(form.text, "html.parser").find("input", {"name": "csrfmiddlewaretoken"})["value"]
        data = {**data, "csrfmiddlewaretoken": token}
        response = self.session.post(self.url + path, data=data, timeout=30, allow_redirects=False)
        errors = BeautifulSoup(response.text, "html.parser").select(
            ".error-message, .errorlist, .messages, .help-critical"
        )
        assert response.status_code == 302, [error.get_text(" ", strip=True) for error in errors]


def page(node, path="/"):
    response = requests.get(node.url + path, timeout=30)
    assert response.status_code == 200, (path, response.status_code)
    return response.text


def menu(node):
    return BeautifulSoup(page(node), "html.parser").select_one('nav[aria-label="Main"]').get_text(" ", strip=True)


def test_what_an_editor_changes_on_one_node_shows_on_the_other_at_its_next_request(editing_nodes):
    """Node B first serves every page concerned, filling its caches; then a moderator publishes a
    page, changes a setting, renames a topic and unpublishes a resource through node A."""
    node_a, node_b = editing_nodes
    home = make_site_root()
    ensure_roles()  # the moderators' rights on the new page tree
    site = Site.objects.get(root_page=home)
    about = SectionPageFactory(parent=home, title="About us", slug="about-us")
    story = StandardPageFactory(parent=about, title="Our Story", slug="our-story")
    library = ResourceIndexPageFactory(parent=home)
    topic = TopicFactory(name="Worker Outcomes", slug="worker-outcomes")
    kept = ResourcePageFactory(parent=library, title="Apprenticeships that pay", topics=[topic])
    gone = ResourcePageFactory(parent=library, title="Sector partnerships", topics=[topic])
    assert "Our Story" in menu(node_b) and "Since 1991" not in page(node_b, story.url)
    assert "Research for better jobs" not in page(node_b)
    listed = page(node_b, library.url)  # node B builds its facet index
    assert "Worker Outcomes" in listed and "Sector partnerships" in listed

    editor = Editor(node_a)
    body = [("paragraph", rich_text("<p>Since 1991.</p>"))]
    editor.post(
        f"/admin/pages/{story.pk}/edit/", standard_page_form("Our History", "our-story", body, show_in_menus="on")
    )
    settings_form = dict.fromkeys(("footer_text", "contact_phone", "postal_address", "default_social_image"), "")
    settings_form |= dict.fromkeys(("facebook_url", "twitter_url", "linkedin_url", "youtube_url", "contact_email"), "")
    settings_form |= {"organisation_name": "Workforce Strategies Initiative", "tagline": "Research for better jobs"}
    editor.post(f"/admin/settings/wsi/sitesettings/{site.pk}/", settings_form)
    topic_form = {"name": "Job Quality", "slug": "worker-outcomes", "description": "", "action-publish": "1"}
    editor.post(f"/admin/snippets/library/topic/edit/{topic.pk}/", topic_form)
    editor.post(f"/admin/pages/{gone.pk}/unpublish/", {})

    assert "Our History" in menu(node_b)
    assert "Since 1991" in page(node_b, story.url)
    assert "Research for better jobs" in page(node_b)
    listed = page(node_b, library.url)
    assert "Job Quality" in listed and "Worker Outcomes" not in listed
    assert kept.title in listed and "Sector partnerships" not in listed
    filtered = page(node_b, f"{library.url}?topic={topic.slug}")
    assert kept.title in filtered and "Sector partnerships" not in filtered


def test_a_staff_login_on_one_node_is_valid_on_the_other_and_survives_a_redis_restart(nodes, shared_redis):
    node_a, node_b = nodes
    make_site_root()
    editor = Editor(node_a)

    dashboard = editor.session.get(f"{node_b.url}/admin/", timeout=30, allow_redirects=False)
    assert dashboard.status_code == 200, dashboard.headers.get("Location")
    session_key = editor.session.cookies[settings.SESSION_COOKIE_NAME]
    assert redis.Redis.from_url(shared_redis.url).keys(f"*{session_key}"), "the session is not in Redis"

    shared_redis.stop()
    shared_redis.start()  # empty: nothing is saved to disk

    for node in nodes:
        dashboard = editor.session.get(f"{node.url}/admin/", timeout=30, allow_redirects=False)
        assert dashboard.status_code == 200, "logged out by a Redis restart"


def test_what_node_b_reads_while_node_a_commits_a_change_is_read_again_after_the_commit(nodes, node_a_cache):
    """Node B serves pages between node A's save and its commit, from the rows committed so far
    (the menus, and the site root paths that page addresses start with); what it kept then must
    not outlive the commit."""
    node_a, node_b = nodes
    about = SectionPageFactory(parent=make_site_root(), title="About us", slug="about-us")
    story = StandardPageFactory(parent=about, title="Our Story", slug="our-story")
    site = Site.objects.get(is_default_site=True)
    assert "Our Story" in menu(node_b)
    assert "http://testserver/about-us/" in page(node_b, "/sitemap-pages.xml")

    with transaction.atomic():
        story.title = "Our History"
        story.save_revision().publish()
        assert "Our Story" in menu(node_b)
    with transaction.atomic():
        site.hostname = "www.wsi.example.org"
        site.save()
        assert "http://testserver/about-us/" in page(node_b, "/sitemap-pages.xml")

    assert "Our History" in menu(node_b)
    assert "http://www.wsi.example.org/about-us/" in page(node_b, "/sitemap-pages.xml")


def test_nginx_keeps_answering_while_one_node_stops(nodes, tmp_path):
    node_a, node_b = nodes
    make_site_root()
    upstreams = [node.url.removeprefix("http://") for node in nodes]
    answers, stop = [], threading.Event()

    def visitor(origin, number):
        # Half the requests miss the page cache (a new query string) and are rendered, so that
        # some are inside node B when it is told to stop.
        count = 0
        while not stop.is_set():
            count += 1
            path = f"/?visit={number}-{count}" if count % 2 else "/"
            try:
                answers.append(requests.get(origin + path, timeout=30).status_code)
            except requests.RequestException as error:
                answers.append(repr(error))

    with running_nginx(upstreams, tmp_path, settings.MEDIA_ROOT) as origin:
        visitors = [threading.Thread(target=visitor, args=(origin, number)) for number in range(2)]
        for thread in visitors:
            thread.start()
        try:
            time.sleep(2)
            served_by_b = node_b.output().count('"GET /')
            node_b.stop()  # SIGTERM, as docker stop sends
            stopped_after, exit_code = len(answers), node_b.process.returncode
            time.sleep(2)
        finally:
            stop.set()
            for thread in visitors:
                thread.join(30)

    assert served_by_b > 0, "nginx did not balance the two nodes"
    assert exit_code == 0, "node B did not stop gracefully"
    assert len(answers) > stopped_after > 0
    assert [answer for answer in answers if answer != 200] == []
