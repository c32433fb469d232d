"""Steps of staff work in the Wagtail admin, in a Playwright tab."""

import contextlib

from playwright.sync_api import expect

from .staff import PASSWORD

# Wagtail's editor form notes its contents 2 s after it loads, then autosaves whatever differs.
WATCH_EDITS = "document.addEventListener('w-unsaved:watch-edits', () => { window.editsWatched = true; });"


def log_in(tab, site_url, username):
    tab.goto(site_url + "/admin/login/")
    tab.get_by_label("Username").fill(username)
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url(site_url + "/admin/")


def open_editor(tab, url):
    """Opens a create or edit view and waits, as an editor reading it would, until the form
    watches for edits: what is typed before is never autosaved."""
    tab.add_init_script(WATCH_EDITS)
    tab.goto(url)
    tab.wait_for_function("() => window.editsWatched === true")


@contextlib.contextmanager
def autosaved(tab, *contents):
    """Waits, after the edits made in the block, until the editor has autosaved a form holding
    every one of ``contents``. An action sent while that save is on its way posts the form a
    second time: on a create view, a second object with the same slug ("could not be created
    due to validation errors"); on an edit view, over a revision it has not seen."""

    def saves_the_edits(response):
        request = response.request
        return (
            request.method == "POST"
            and "application/json" in request.headers.get("accept", "")
            and all(content in (request.post_data or "") for content in contents)
        )

    with tab.expect_response(saves_the_edits):
        yield
    expect(tab.locator("#w-autosave-indicator")).to_have_attribute("data-w-autosave-state-value", "saved")


def submit_for_moderation(tab):
    tab.get_by_role("button", name="More actions").click()
    tab.get_by_role("button", name="Submit to Review and publish").click()
