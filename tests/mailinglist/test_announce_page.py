"""The "announce this" action on a page: the button's GET asks, a POST makes the draft, whose
subject fits its field and whose text is the page's introduction as plain text."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core import mail

from mailinglist.delivery import deliver
from mailinglist.factories import SubscriberFactory
from mailinglist.models import Announcement, OutgoingMail
from wsi.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(client, django_user_model):
    user = django_user_model.objects.create_user("manager", "manager@example.org", "pw")
    user.groups.add(Group.objects.get(name="Mailing list managers"))
    client.force_login(user)
    return user


def announce_url(admin_client, page):
    """The address of the page header's "Announce this" button, as an editor finds it."""
    soup = BeautifulSoup(admin_client.get(f"/admin/pages/{page.pk}/edit/").content, "html.parser")
    [button] = [link for link in soup.find_all("a") if link.get_text(strip=True) == "Announce this"]
    return button["href"]


def test_the_buttons_get_asks_and_creates_nothing(client, admin_client, home, manager):
    page = StandardPageFactory(parent=home, title="Job Quality Tools", slug="tools")
    url = announce_url(admin_client, page)

    response = client.get(url)

    assert response.status_code == 200
    assert b"Create the draft announcement" in response.content
    assert not Announcement.objects.exists()


def test_a_post_creates_a_draft_featuring_the_page(client, admin_client, home, manager):
    page = StandardPageFactory(parent=home, title="Job Quality Tools", slug="tools", introduction="Tools for you.")

    response = client.post(announce_url(admin_client, page))

    announcement = Announcement.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/edit/{announcement.pk}/")
    assert announcement.subject == "Job Quality Tools"
    assert announcement.body == "<p>Tools for you.</p>"
    assert announcement.state == Announcement.State.DRAFT
    assert [item.page_id for item in announcement.featured_pages.all()] == [page.pk]


def test_the_introduction_is_escaped_in_the_draft_and_the_mail(client, admin_client, home, manager):
    introduction = 'Tom & Jerry <img src="x" onerror="alert(1)"><a href="https://evil.example">win</a>'
    page = StandardPageFactory(parent=home, title="Escapes", slug="escapes", introduction=introduction)

    client.post(announce_url(admin_client, page))
    announcement = Announcement.objects.get()
    row = OutgoingMail.objects.create(
        kind=OutgoingMail.Kind.ANNOUNCEMENT, announcement=announcement, subscriber=SubscriberFactory()
    )
    deliver(row.pk)

    [message] = mail.outbox
    html = message.alternatives[0][0]
    assert "<img" not in html and 'href="https://evil.example"' not in html
    assert "Tom &amp; Jerry &lt;img" in html
    assert "Tom & Jerry <img" in message.body  # the plain text reads as the editor wrote it


@pytest.mark.postgres
def test_a_long_page_title_is_shortened_to_fit_the_subject(client, admin_client, home, manager):
    page = StandardPageFactory(parent=home, title="Sector strategies " * 14, slug="long")
    assert len(page.title) > 200

    response = client.post(announce_url(admin_client, page))

    assert response.status_code == 302
    subject = Announcement.objects.get().subject
    assert len(subject) == 200 and subject.endswith("…")
    assert page.title.startswith(subject[:-1])
