"""The contact form as a visitor and the staff see it: stored messages, staff mail sent by the
task, the honeypot, the rate limit and clear field errors."""

import csv
import io
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.utils import timezone

from tests.helpers.staff import staff_member
from wsi.celery import app as celery_app
from wsi.factories import ContactPageFactory
from wsi.models import ContactSubmission
from wsi.spreadsheets import FORMULA_STARTS
from wsi.tasks import mail_pending_contact_submissions

pytestmark = pytest.mark.django_db

MESSAGE = {
    "name": "Ana Ruiz",
    "email": "ana@example.org",
    "organisation": "Bronx Workforce Partners",
    "message": "Could we republish your case study in our newsletter?",
}


@pytest.fixture
def contact(home):
    return ContactPageFactory(parent=home)


def _send(client, page, data, **headers):
    """Posts the form and follows the redirect to the thanks, as a browser does."""
    return client.post(page.url, data, follow=True, **headers)


def test_form_shows_its_fields_and_the_contact_details(client, contact):
    html = BeautifulSoup(client.get(contact.url).content, "html.parser")

    labels = [label.text.strip() for label in html.select("form.contact-form label")]
    assert labels[:4] == ["Name", "Email", "Organisation (optional)", "Message"]
    assert html.find("button", string="Send message") is not None
    assert html.find("aside", class_="contact-details") is not None


def test_a_message_is_stored_and_mailed_to_staff(client, contact, settings, django_capture_on_commit_callbacks):
    settings.STAFF_EMAIL = "team@wsi.example.org"

    with django_capture_on_commit_callbacks(execute=True):
        response = _send(client, contact, MESSAGE)

    assert response.status_code == 200
    assert "Thank you for your message" in response.content.decode()
    assert "ana@example.org" in response.content.decode()
    submission = ContactSubmission.objects.get()
    assert submission.form_data == MESSAGE
    assert submission.mailed_at is not None
    [staff_mail] = mail.outbox
    assert staff_mail.to == ["team@wsi.example.org"]
    assert staff_mail.reply_to == ["ana@example.org"]
    assert staff_mail.subject == "Website message from Ana Ruiz"
    assert "Could we republish your case study" in staff_mail.body
    assert "Bronx Workforce Partners" in staff_mail.body
    assert f"/admin/forms/submissions/{contact.pk}/" in staff_mail.body


def test_staff_see_the_message_in_the_admin(client, contact, django_capture_on_commit_callbacks, admin_user):
    with django_capture_on_commit_callbacks(execute=True):
        _send(client, contact, MESSAGE)
    client.force_login(admin_user)

    response = client.get(f"/admin/forms/submissions/{contact.pk}/")

    assert response.status_code == 200
    assert "Could we republish your case study" in response.content.decode()


def test_the_csv_export_of_messages_neutralises_spreadsheet_formulas(client, contact):
    formulas = {
        "name": '=HYPERLINK("http://evil.example","Ana")',
        "email": "ana@example.org",
        "organisation": "+1 555 0100",
        "message": "@SUM(A1:A9)\n-2 and more",
    }
    ContactSubmission.objects.create(page=contact, form_data=formulas)
    ContactSubmission.objects.create(page=contact, form_data={**MESSAGE, "organisation": "\tTabbed"})
    client.force_login(staff_member("Moderators"))

    response = client.get(f"/admin/forms/submissions/{contact.pk}/?export=csv")

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    cells = [cell for row in rows[1:] for cell in row]
    assert not any(cell.startswith(FORMULA_STARTS) for cell in cells)
    assert '\'=HYPERLINK("http://evil.example","Ana")' in cells
    assert {"'+1 555 0100", "'@SUM(A1:A9)\n-2 and more", "'\tTabbed", "Bronx Workforce Partners"} & set(cells) == {
        "'+1 555 0100",
        "'@SUM(A1:A9)\n-2 and more",
        "'\tTabbed",
    }
    assert "ana@example.org" in cells


def test_missing_and_invalid_fields_are_explained_and_nothing_is_kept(client, contact):
    response = _send(client, contact, {"name": "", "email": "not-an-address", "message": ""})

    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    summary = html.find(class_="error-summary")
    assert summary is not None and summary["role"] == "alert"
    problems = [item.text for item in summary.find_all("li")]
    assert "Name: This field is required." in problems
    assert "Email: Enter a valid email address." in problems
    email = html.find("input", attrs={"name": "email"})
    assert email["aria-invalid"] == "true"
    assert "id_email_error" in email["aria-describedby"]
    assert html.find(id="id_email_error").text == "Enter a valid email address."
    assert email["value"] == "not-an-address"
    assert ContactSubmission.objects.count() == 0
    assert mail.outbox == []


def test_an_overlong_message_is_refused_with_a_clear_error(client, contact):
    response = _send(client, contact, {**MESSAGE, "message": "x" * 6000, "name": "<script>alert(1)</script>"})

    assert response.status_code == 200
    assert "at most 5000 characters" in response.content.decode()
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert ContactSubmission.objects.count() == 0


def test_a_filled_honeypot_looks_accepted_but_keeps_and_mails_nothing(
    client, contact, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _send(client, contact, {**MESSAGE, "website": "http://spam.example"})

    assert response.status_code == 200
    assert "Thank you for your message" in response.content.decode()
    assert ContactSubmission.objects.count() == 0
    assert mail.outbox == []


def test_reloading_the_thanks_does_not_send_the_message_again(client, contact):
    sent = client.post(contact.url, MESSAGE)
    assert sent.status_code == 302
    assert sent["Location"] == contact.url

    thanks = client.get(contact.url)
    reloaded = client.get(contact.url)

    assert "Thank you for your message" in thanks.content.decode()
    assert "Thank you for your message" not in reloaded.content.decode()
    assert BeautifulSoup(reloaded.content, "html.parser").find("form") is not None
    assert ContactSubmission.objects.count() == 1


def test_the_honeypot_is_hidden_from_people_and_assistive_technology(client, contact):
    html = BeautifulSoup(client.get(contact.url).content, "html.parser")

    trap = html.find("input", attrs={"name": "website"})
    assert trap["tabindex"] == "-1"
    assert trap.find_parent(attrs={"aria-hidden": "true"}) is not None


def test_too_many_messages_from_one_address_are_refused(client, contact, settings):
    settings.CONTACT_RATE_LIMIT = 2

    statuses = [_send(client, contact, MESSAGE).status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
    assert ContactSubmission.objects.count() == 2
    refused = _send(client, contact, MESSAGE)
    assert "several messages in a short time" in refused.content.decode()


def test_behind_the_proxy_each_visitor_has_their_own_limit(client, contact, settings):
    settings.CONTACT_RATE_LIMIT = 1
    settings.PROXY_COUNT = 1

    first = _send(client, contact, MESSAGE, HTTP_X_FORWARDED_FOR="203.0.113.5")
    same_visitor = _send(client, contact, MESSAGE, HTTP_X_FORWARDED_FOR="203.0.113.5")
    # A forged first entry does not buy a new allowance: the proxy appends the real address.
    forged = _send(client, contact, MESSAGE, HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.5")
    other_visitor = _send(client, contact, MESSAGE, HTTP_X_FORWARDED_FOR="203.0.113.9")

    assert [first.status_code, same_visitor.status_code, forged.status_code, other_visitor.status_code] == [
        200,
        429,
        429,
        200,
    ]


def test_message_stored_while_the_broker_is_down_is_mailed_later(client, contact, django_capture_on_commit_callbacks):
    previous = celery_app.conf.task_always_eager, celery_app.conf.broker_url
    celery_app.conf.task_always_eager = False
    celery_app.conf.broker_url = "redis://127.0.0.1:1/0"
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = _send(client, contact, MESSAGE)
    finally:
        celery_app.conf.task_always_eager, celery_app.conf.broker_url = previous
        # Drop the connection pools bound to the dead broker, as Celery does after a fork.
        celery_app._after_fork()

    assert response.status_code == 200
    submission = ContactSubmission.objects.get()
    assert submission.mailed_at is None
    assert mail.outbox == []

    ContactSubmission.objects.filter(pk=submission.pk).update(submit_time=timezone.now() - timedelta(hours=2))
    mail_pending_contact_submissions.delay()

    submission.refresh_from_db()
    assert submission.mailed_at is not None
    assert len(mail.outbox) == 1


def test_a_message_is_mailed_only_once(contact):
    submission = ContactSubmission.objects.create(page=contact, form_data=MESSAGE, mailed_at=timezone.now())
    ContactSubmission.objects.filter(pk=submission.pk).update(submit_time=timezone.now() - timedelta(hours=2))

    mail_pending_contact_submissions.delay()

    assert mail.outbox == []
