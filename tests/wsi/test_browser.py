"""The site shell in Debian's Chromium: layouts, the mobile menu by keyboard, the skip link,
a page without JavaScript, and axe-core (WCAG 2.2 AA) on each shell page type."""

import pytest

from tests.helpers.browser import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

MOBILE = {"width": 390, "height": 844}


@pytest.fixture
def site(demo_site, site_server):
    return site_server.url


def _tab_to(page, locator, limit=10):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{locator} never received focus from the keyboard")


def test_desktop_pages_show_the_full_menu_and_have_no_accessibility_violations(site, page):
    page.goto(site + "/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Helping low-income")
    main_menu = page.get_by_role("navigation", name="Main")
    assert main_menu.get_by_role("link", name="Contact").is_visible()
    assert not page.get_by_role("button", name="Menu").is_visible()
    assert axe_violations(page) == []

    main_menu.get_by_role("link", name="About us", exact=True).hover()
    main_menu.get_by_role("link", name="Our Story").click()
    assert page.get_by_role("navigation", name="Breadcrumb").is_visible()
    assert page.get_by_role("navigation", name="In this section").is_visible()
    assert axe_violations(page) == []

    page.goto(site + "/contact/")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Send message").click()
    assert page.get_by_role("alert").is_visible()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert axe_violations(page) == []


def test_mobile_menu_opens_and_closes_with_the_keyboard(site, page):
    page.set_viewport_size(MOBILE)
    page.goto(site + "/")
    toggle = page.get_by_role("button", name="Menu")
    about = page.get_by_role("navigation", name="Main").get_by_role("link", name="About us", exact=True)
    assert toggle.is_visible()
    assert not about.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= MOBILE["width"], "no sideways scrolling"

    _tab_to(page, toggle)
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert about.is_visible()
    assert axe_violations(page) == []

    page.keyboard.press("Tab")
    assert about.evaluate("element => element === document.activeElement"), "the menu follows its button"
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not about.is_visible()
    assert toggle.evaluate("element => element === document.activeElement")

    page.keyboard.press("Space")
    assert about.is_visible()
    page.keyboard.press("Space")
    assert not about.is_visible()


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(site, page):
    page.goto(site + "/about-us/who-we-are/")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "main"


def test_without_javascript_the_mobile_menu_is_listed_in_full(site, browser):
    context = browser.new_context(java_script_enabled=False, viewport=MOBILE)
    page = context.new_page()
    try:
        page.goto(site + "/")
        menu = page.get_by_role("navigation", name="Main")
        assert menu.get_by_role("link", name="About us", exact=True).is_visible()
        assert menu.get_by_role("link", name="Contact").is_visible()
        assert not page.get_by_role("button", name="Menu").is_visible()
    finally:
        context.close()
