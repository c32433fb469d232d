import pytest
from django.core import mail

from mailinglist.factories import SubscriberFactory
from mailinglist.models import Subscriber
from mailinglist.tokens import manage_token, new_confirmation_token
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
        "confirm": f"/mailing-list/confirm/{new_confirmation_token(pending)}/",
        "invalid link": "/mailing-list/confirm/expired-or-unknown/",
        "unsubscribe": f"/mailing-list/unsubscribe/{manage_token(subscriber)}/",
        "preferences": f"/mailing-list/preferences/{manage_token(subscriber)}/",
    }

    violations = {}
    for name, path in pages.items():
        page.goto(live_server.url + path)
        violations[name] = axe_violations(page)

    assert violations == {name: [] for name in pages}
