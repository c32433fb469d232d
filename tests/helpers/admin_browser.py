"""Steps of staff work in the Wagtail admin, in a Playwright tab."""

from playwright.sync_api import expect

from .staff import PASSWORD


def log_in(tab, site_url, username):
    tab.goto(site_url + "/admin/login/")
    tab.get_by_label("Username").fill(username)
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url(site_url + "/admin/")


def stop_autosave(tab):
    """Stops the editor's autosave and waits for a save on its way to come back. Wagtail 8 saves
    the form about a second after each edit; an action sent while that save is on its way posts
    the form a second time: on a create view a second page with the same slug ("could not be
    created due to validation errors"), on an edit view over a revision it has not seen."""
    tab.locator("form[data-controller~='w-autosave']").evaluate(
        "form => form.setAttribute('data-w-autosave-active-value', 'false')"
    )
    expect(tab.locator("#w-autosave-indicator")).not_to_have_attribute("data-w-autosave-state-value", "saving")


def submit_for_moderation(tab):
    stop_autosave(tab)
    tab.get_by_role("button", name="More actions").click()
    tab.get_by_role("button", name="Submit to Review and publish").click()
