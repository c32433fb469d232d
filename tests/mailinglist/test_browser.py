import pytest
from django.core import mail

from mailinglist.factories import SubscriberFactory
from mailinglist.models import Subscriber
from mailinglist.tokens import new_confirmation_token, preferences_token, unsubscribe_token
from resources.library.factories import TopicFactory
from tests.helpers.browser import axe_violations
from tests.helpers.mailinglist import link_from
from wsi.factories import SectionPageFactory, StandardPageFactory, make_site_root

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_sign_up_from_the_faq_footer_with_the_keyboard(live_server, page, settings):
    settings.MAILINGLIST_MIN_FILL_SECONDS = 0
    home = make_site_root()
    our_work = SectionPageFactory(parent=home, title="Our Work", slug="our-work")
    StandardPageFactory(parent=our_work, title="FAQ", slug="faq")
    page.goto(live_server.url + "/our-work/faq/")

    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "footer-email":
            break
    page.keyboard.type("keyboard.user@example.org")
    page.keyboard.press("Enter")
    page.wait_for_url("**/mailing-list/check-your-inbox/")

    assert page.get_by_role("heading", level=1).inner_text() == "Check your inbox"
    assert Subscriber.objects.get().consent_page == "/our-work/faq/"
    [confirmation] = mail.outbox
    assert link_from(confirmation, "confirm")


def test_mailing_list_pages_have_no_accessibility_violations(live_server, page):
    make_site_root()
    TopicFactory(name="Sector Approach", slug="sector-approach")
    TopicFactory(name="Worker Outcomes", slug="worker-outcomes")
    pending = SubscriberFactory(pending=True, email="pending@example.org")
    subscriber = SubscriberFactory(email="reader@example.org")
    pages = {
        "signup": "/mailing-list/",
        "check inbox": "/mailing-list/check-your-inbox/",
        "confirm": f"/mailing-list/confirm/#{new_confirmation_token(pending)}",
        "confirm without JavaScript's help": "/mailing-list/confirm/",
        "invalid link": "/mailing-list/confirm/expired-or-unknown/",
        "unsubscribe": f"/mailing-list/unsubscribe/#{unsubscribe_token(subscriber)}",
        "preferences": f"/mailing-list/preferences/#{preferences_token(subscriber)}",
        "unknown preferences link": "/mailing-list/preferences/#forged",
        "new preferences link": "/mailing-list/preferences/new-link/",
    }

    violations = {}
    for name, path in pages.items():
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        violations[name] = axe_violations(page)

    assert violations == {name: [] for name in pages}


def test_links_from_a_mail_work_in_a_browser_and_leave_no_token_in_the_address(live_server, page):
    make_site_root()
    pending = SubscriberFactory(pending=True, email="pending@example.org")
    token = new_confirmation_token(pending)

    page.goto(f"{live_server.url}/mailing-list/confirm/#{token}")
    assert page.url == f"{live_server.url}/mailing-list/confirm/"  # dropped from the address bar
    assert not page.get_by_label("The code from your link").is_visible()
    page.get_by_role("button", name="Yes, subscribe me").click()
    page.wait_for_load_state()
    assert "you are subscribed" in page.inner_text("main")

    page.goto(f"{live_server.url}/mailing-list/preferences/#{preferences_token(pending)}")
    page.wait_for_selector("text=Save preferences")  # opened by itself
    assert "pending@example.org" in page.inner_text("main")
    assert "#" not in page.url
    page.get_by_role("button", name="Unsubscribe").click()
    page.wait_for_selector("text=You have left the mailing list")
    pending.refresh_from_db()
    assert pending.status == Subscriber.Status.UNSUBSCRIBED


def test_without_javascript_the_code_is_pasted(live_server, browser):
    make_site_root()
    subscriber = SubscriberFactory(email="reader@example.org")
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()

    page.goto(f"{live_server.url}/mailing-list/unsubscribe/#{unsubscribe_token(subscriber)}")
    page.get_by_label("The code from your link").fill(unsubscribe_token(subscriber))
    page.get_by_role("button", name="Unsubscribe").click()
    page.wait_for_selector("text=You have unsubscribed")
    context.close()

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
