"""The deployed topology as a whole (tests/helpers/stack.py: Varnish, nginx, two gunicorn nodes,
the Celery workers and beat, PostgreSQL, Redis, an SMTP sink and S3 media), used only through
its front door as a visitor and an editor would, and each node asked directly where the test
checks what a node shows. Configuration faults between the parts (a proxy that drops the port
from Host, a purge that never reaches the cache, a node that keeps an old page) show here and
in no unit test."""

import io
import re
import time
from urllib.parse import urlsplit

import pytest
import requests
from bs4 import BeautifulSoup
from django.db import connection
from PIL import Image
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from tests.helpers.services import require
from tests.helpers.stack import BUCKET, Editor, Stack, form_fields, missing_programs

# All of the module on one xdist worker (make test runs --dist loadgroup), so that one stack
# serves it. The stack's database starts as a copy of the migrated test database (django_db
# has it set up); the tests read and write none of its rows.
pytestmark = [pytest.mark.integration, pytest.mark.django_db, pytest.mark.xdist_group("stack")]


@pytest.fixture(scope="module")
def stack(django_db_setup, django_db_blocker):
    require(connection.vendor == "postgresql", "the stack test needs PostgreSQL: set DATABASE_URL=postgres://...")
    missing = missing_programs()
    require(not missing, f"the stack test needs: apt-get install -y {' '.join(missing)}")
    db = connection.settings_dict
    server = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    running = Stack(server, f"{db['NAME']}_stack", template=db["NAME"])
    try:
        running.start()
        print(f"stack started: {running.timings}")
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def paths(stack):
    return stack.page_paths()


@pytest.fixture(scope="module")
def editor(stack):
    return Editor(stack.front)


def publish(stack, editor, page_id, slug, title, **fields):
    response = editor.publish(page_id, slug, title, **fields)
    assert response.status_code == 302, f"{response.text[-2000:]}\n{stack.tail('web1', 'web2')}"


def title_of(url):
    response = requests.get(url, timeout=10)
    assert response.status_code == 200
    return BeautifulSoup(response.text, "html.parser").title.string


def cache_status(response):
    """What Varnish did: HIT, MISS or PASS (docker/varnish/default.vcl's X-Cache header)."""
    return response.headers.get("X-Cache")


def test_every_page_type_answers_through_the_front_door(stack, paths):
    failed = {}
    for name, path in paths.items():
        if name.startswith("_"):
            continue
        response = requests.get(f"{stack.front}{path}", timeout=30)
        if response.status_code != 200:
            failed[name] = (path, response.status_code)
    assert failed == {}


def test_a_second_anonymous_request_is_a_cache_hit(stack, paths):
    require(stack.varnish, "docker/varnish/default.vcl is not in this checkout: nginx is the front door")
    url = f"{stack.front}{paths['FAQ']}"
    first = requests.get(url, timeout=10)
    second = requests.get(url, timeout=10)

    assert first.status_code == second.status_code == 200
    assert cache_status(second) == "HIT", second.headers
    assert second.text == first.text


def test_a_staff_member_logged_in_through_the_front_door_gets_a_working_userbar(stack, editor):
    response = editor.get(f"{stack.front}/")

    assert response.status_code == 200
    assert cache_status(response) in ("PASS", None)
    userbar = BeautifulSoup(response.text, "html.parser").find(attrs={"data-wagtail-userbar": True})
    assert userbar is not None, "no Wagtail userbar on the home page of a logged-in editor"
    origin = f"//{urlsplit(stack.front).netloc}"
    assert userbar["data-wagtail-userbar-origin"] == origin
    links = [a["href"] for a in userbar.find_all("a", href=True)]
    assert links and all(link.startswith(f"{origin}/admin/") for link in links), links
    assert editor.get(f"{stack.front}/admin/").status_code == 200


def test_a_page_published_in_the_admin_shows_on_both_nodes_and_at_the_front_door_within_a_second(stack, editor, paths):
    page_id, path, slug = paths["_standard_page"]
    for base in [stack.front, *stack.nodes]:
        title_of(f"{base}{path}")  # each cache holds the old page
    title = f"Published at {time.time_ns()}"

    publish(stack, editor, page_id, slug, title)

    # The nodes show it through their shared caches, the front door through the purge.
    shows = [*stack.nodes, stack.front]
    deadline = time.monotonic() + 1
    seen = {}
    while time.monotonic() < deadline:
        seen = {base: title_of(f"{base}{path}") for base in shows}
        if all(title in shown for shown in seen.values()):
            break
        time.sleep(0.05)
    assert all(title in shown for shown in seen.values()), seen


def test_a_signup_through_the_front_door_reaches_the_mail_sink_through_the_worker(stack):
    address = f"stack-{time.time_ns()}@example.org"

    session = requests.Session()
    form = form_fields(session.get(f"{stack.front}/mailing-list/", timeout=10).text, "form[action='/mailing-list/']")
    time.sleep(3.2)  # what a person takes to type an address: a form sent sooner is a bot's, and dropped
    form["email"] = address
    response = session.post(
        f"{stack.front}/mailing-list/", data=form, headers={"Origin": stack.front}, allow_redirects=False, timeout=30
    )

    assert response.status_code == 302, response.text[:500]
    try:
        messages = stack.sink.wait_for(lambda messages: any(m["To"] == address for m in messages), timeout=30)
    except AssertionError as error:
        raise AssertionError(stack.tail("worker")) from error
    [message] = [m for m in messages if m["To"] == address]
    assert "confirm" in message["Subject"].lower()


def test_an_image_uploaded_in_the_admin_is_served_from_object_storage_at_the_address_the_page_links(
    stack, editor, paths
):
    add = f"{stack.front}/admin/images/add/"
    form = form_fields(editor.get(add).text, "form[enctype='multipart/form-data']")
    picture = io.BytesIO()
    Image.new("RGB", (640, 320), (30, 90, 160)).save(picture, "PNG")
    form.update({"title": "Stack upload", "description": "A blue rectangle"})
    uploaded = editor.post(add, form, files={"file": ("stack-upload.png", picture.getvalue(), "image/png")})
    assert uploaded.status_code == 302, stack.tail("web1", "web2")
    listing = editor.get(f"{stack.front}/admin/images/?q=Stack+upload").text
    [image_id] = set(re.findall(r'href="/admin/images/(\d+)/"', listing))
    page_id, path, slug = paths["_standard_page"]

    publish(stack, editor, page_id, slug, "With a picture", image=image_id)
    # A new address: what this test checks is where the image is stored, not the purge.
    html = BeautifulSoup(requests.get(f"{stack.front}{path}?v={time.time_ns()}", timeout=10).text, "html.parser")
    sources = [img["src"] for img in html.find_all("img") if "stack-upload" in img.get("src", "")]

    assert sources, "the page shows no rendition of the uploaded image"
    assert sources[0].startswith(f"{stack.object_store}/{BUCKET}/images/"), sources
    served = requests.get(sources[0], timeout=10)
    assert served.status_code == 200
    assert served.headers["Content-Type"].startswith("image/")


def test_stopping_one_web_node_loses_no_request_of_a_retrying_client(stack):
    """Last in the module: it leaves one node running."""
    client = requests.Session()
    client.mount("http://", HTTPAdapter(max_retries=Retry(total=3, backoff_factor=0.1, status_forcelist=[502, 503])))
    statuses = []
    stopped = None
    for number in range(60):
        if number == 10:
            stopped = stack.stop_node(1)
        # A new address each time: no cache answers for the nodes.
        statuses.append(client.get(f"{stack.front}/search/?q=stack{number}", timeout=30).status_code)

    assert stopped.wait(30) == 0, "web1 did not exit on SIGTERM"
    assert statuses == [200] * 60, [(n, s) for n, s in enumerate(statuses) if s != 200]
    assert stack.processes["web2"].poll() is None
