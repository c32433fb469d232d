"""The strict Content-Security-Policy in Debian's Chromium: every public page type of the demo,
a page with an embedded player and one with a chart, and a staff member's view with the Wagtail
userbar, without a single policy violation or console error."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import include, path
from playwright.sync_api import expect
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Page

from tests.helpers.database import committed
from tests.helpers.demo import load_demo
from wsi.factories import StandardPageFactory, make_site_root


def broken(request):
    raise RuntimeError("a fault")


urlpatterns = [path("broken/", broken), path("", include("wsi.urls"))]
handler500 = "wsi.views.server_error"

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

VIDEO = "https://www.youtube.com/watch?v=csp-test"
PLAYER = (
    '<iframe title="A video" width="480" height="270" src="https://www.youtube-nocookie.com/embed/csp-test"></iframe>'
)
RECORD_VIOLATIONS = """
window.violations = [];
document.addEventListener("securitypolicyviolation", event => {
    window.violations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""


def demo_with_a_player():
    if Page.get_first_root_node() is None:
        make_site_root()  # the tables were emptied by the tests before
    home = load_demo()
    Embed.objects.create(url=VIDEO, hash=get_embed_hash(VIDEO), html=PLAYER, type="video", width=480, height=270)
    StandardPageFactory(parent=home, title="Watch", slug="watch", body=[("embed", VIDEO)])
    get_user_model().objects.create_superuser("staff", "staff@example.org", "a long password")


@pytest.fixture(scope="module")
def site(site_server, django_db_blocker):
    """The demo with a page that embeds a player, committed once for the module."""
    for _ in committed(django_db_blocker, demo_with_a_player):
        yield site_server.url


@pytest.fixture
def tab(page):
    page.errors = []
    page.add_init_script(RECORD_VIOLATIONS)
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.route("https://www.youtube-nocookie.com/**", lambda route: route.fulfill(body="<p>player</p>"))
    return page


def visit(tab, url, status=200):
    response = tab.goto(url)
    assert response.status == status, url
    assert "Content-Security-Policy" in {name.title() for name in response.headers}
    # Chromium logs the error status of the page itself as a console error.
    own_status = f"Failed to load resource: the server responded with a status of {status} "
    problems = tab.evaluate("window.violations") + [error for error in tab.errors if not error.startswith(own_status)]
    tab.errors.clear()
    return problems


def one_page_per_type():
    pages = {}
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        pages.setdefault(type(page), page.url)
    return sorted(pages.values())


def test_every_public_page_type_renders_without_a_violation(site, tab):
    problems = {}
    for url in [*one_page_per_type(), "/search/?q=training"]:
        problems[url] = visit(tab, site + url)
    problems["/does-not-exist/"] = visit(tab, site + "/does-not-exist/", status=404)
    assert {url: found for url, found in problems.items() if found} == {}

    tab.goto(site + "/watch/")
    player = tab.frame_locator(".block-embed iframe")
    assert player.locator("p").inner_text() == "player"
    assert tab.evaluate("window.violations") == []


def test_the_chart_is_drawn_with_its_bars_at_their_width(site, tab):
    chart_page = next(url for url in one_page_per_type() if "block-chart" in tab.request.get(site + url).text())
    assert visit(tab, site + chart_page) == []
    bar = tab.locator("figure.block-chart svg rect").first
    assert bar.bounding_box()["width"] > 10


def test_a_staff_member_gets_a_working_userbar_on_public_pages(site, tab):
    tab.goto(site + "/admin/login/")
    tab.get_by_label("Username").fill("staff")
    tab.get_by_label("Password").fill("a long password")
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url(site + "/admin/")
    tab.wait_for_load_state("networkidle")
    assert tab.evaluate("window.violations") == [] and tab.errors == []

    assert visit(tab, site + "/") == []
    tab.get_by_role("button", name="View Wagtail quick actions").click()
    expect(tab.get_by_role("menuitem", name="Edit this page")).to_be_visible()
    assert tab.evaluate("window.violations") == [] and tab.errors == []

    # The editor of a page with a player: Wagtail's inline code runs under the admin's policy.
    tab.goto(site + f"/admin/pages/{Page.objects.get(slug='watch').pk}/edit/")
    tab.wait_for_load_state("networkidle")
    expect(tab.locator("#id_title")).to_have_value("Watch")
    assert tab.evaluate("window.violations") == [] and tab.errors == []


def test_the_error_page_keeps_its_styles_under_the_policy(live_server, settings, tab):
    settings.ROOT_URLCONF = __name__
    assert visit(tab, live_server.url + "/broken/", status=500) == []
    assert tab.get_by_role("heading", level=1).evaluate("h1 => getComputedStyle(h1).fontFamily") == "Georgia, serif"
