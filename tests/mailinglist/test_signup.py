"""The signup form: normalised addresses, one answer for every case, bots and floods turned
away quietly, and the work done by the task rather than the request."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mailinglist.addresses import normalise_email
from mailinglist.factories import SubscriberFactory
from mailinglist.models import OutgoingMail, SignupRequest, Subscriber
from resources.library.factories import TopicFactory
from tests.helpers.mailinglist import signup_data, started

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("  Jane.Doe@Example.ORG \n", "Jane.Doe@example.org"),
        ("jane@BÜCHER.example", "jane@xn--bcher-kva.example"),
        ("jane@example.org.", "jane@example.org"),
    ],
)
def test_addresses_are_normalised(given, stored):
    assert normalise_email(given) == stored


@pytest.mark.parametrize("bad", ["", "no-at-sign", "@example.org", "jane@", "a@b@c", "x" * 250 + "@example.org"])
def test_invalid_addresses_are_rejected(bad):
    with pytest.raises(ValidationError):
        normalise_email(bad)


def test_signing_up_twice_in_other_case_is_one_subscriber(post_signup, home, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post_signup("Jane@Example.org")
        post_signup("jane@EXAMPLE.ORG", ip="203.0.113.10")

    assert Subscriber.objects.count() == 1
    assert Subscriber.objects.get().email == "Jane@example.org"


def test_new_signup_gets_a_confirmation_mail_that_does_not_echo_the_name(
    post_signup, home, subscriber_of, django_capture_on_commit_callbacks
):
    topic = TopicFactory(name="Worker Outcomes", slug="worker-outcomes")

    with django_capture_on_commit_callbacks(execute=True):
        response = post_signup("new@example.org", name="Buy cheap pills at spam.example", interests=[topic.pk])

    assert response.status_code == 302
    assert response["Location"] == "/mailing-list/check-your-inbox/"
    subscriber = subscriber_of("new@example.org")
    assert subscriber.status == Subscriber.Status.PENDING
    assert list(subscriber.interests.all()) == [topic]
    assert subscriber.consent_page == "/about-us/"
    assert subscriber.consent_version == "2025-1"
    assert len(subscriber.consent_ip_hash) == 64 and "203.0.113.9" not in subscriber.consent_ip_hash
    [message] = mail.outbox
    assert message.to == ["new@example.org"]
    assert "/mailing-list/confirm/" in message.body
    assert "spam.example" not in message.body and "spam.example" not in message.alternatives[0][0]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


CASES = ["new@example.org", "pending@example.org", "subscribed@example.org", "gone@example.org"]


@pytest.fixture
def four_cases(home):
    SubscriberFactory(email="pending@example.org", pending=True)
    SubscriberFactory(email="subscribed@example.org")
    SubscriberFactory(email="gone@example.org", unsubscribed=True)


def test_the_four_cases_get_the_same_answer_from_the_same_work(client, four_cases):
    answers, query_counts = [], []
    client.get("/mailing-list/")  # the process reads the site once, before the first case
    for index, address in enumerate(CASES):
        with CaptureQueriesContext(connection) as queries:
            response = client.post("/mailing-list/", signup_data(address), REMOTE_ADDR=f"198.51.100.{index}")
        answers.append((response.status_code, response["Location"], response.content))
        query_counts.append([query["sql"].split(" ")[0] for query in queries.captured_queries])

    assert len(set(answers)) == 1
    # The request writes one signup request in every case; what differs happens in the task.
    assert all(count == query_counts[0] for count in query_counts), query_counts
    assert SignupRequest.objects.count() == 4


def test_each_case_gets_the_right_mail(client, four_cases, django_capture_on_commit_callbacks):
    for index, address in enumerate(CASES):
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/mailing-list/", signup_data(address), REMOTE_ADDR=f"198.51.100.{index}")

    kinds = {message.to[0]: message.subject for message in mail.outbox}
    assert kinds == {
        "new@example.org": "Please confirm your subscription",
        "pending@example.org": "Please confirm your subscription",
        "subscribed@example.org": "You are already on our mailing list",
        "gone@example.org": "Please confirm your subscription",
    }
    assert Subscriber.objects.get(email="gone@example.org").status == Subscriber.Status.UNSUBSCRIBED
    assert SignupRequest.objects.count() == 0


def test_the_honeypot_and_a_too_fast_form_get_the_normal_answer_and_nothing_else(client, home, settings):
    filled_trap = client.post("/mailing-list/", signup_data("bot@example.org", website="http://spam.example"))
    too_fast = client.post("/mailing-list/", {**signup_data("bot2@example.org"), "started": started(seconds_ago=0)})
    no_stamp = client.post("/mailing-list/", {**signup_data("bot3@example.org"), "started": "forged"})

    for response in (filled_trap, too_fast, no_stamp):
        assert response.status_code == 302 and response["Location"] == "/mailing-list/check-your-inbox/"
    assert SignupRequest.objects.count() == 0


def test_an_expired_form_asks_to_send_again(client, home):
    response = client.post("/mailing-list/", {**signup_data("slow@example.org"), "started": started(3 * 86400)})

    assert response.status_code == 200
    assert b"open for a long time" in response.content
    assert SignupRequest.objects.count() == 0


def test_signups_per_ip_are_limited(client, home, settings):
    settings.MAILINGLIST_SIGNUPS_PER_IP = 2
    codes = [
        client.post("/mailing-list/", signup_data(f"p{n}@example.org"), REMOTE_ADDR="192.0.2.1").status_code
        for n in range(3)
    ]
    other_network = client.post("/mailing-list/", signup_data("q@example.org"), REMOTE_ADDR="192.0.2.2")

    assert codes == [302, 302, 429]
    assert other_network.status_code == 302
    assert SignupRequest.objects.count() == 3


def test_mails_per_address_are_limited_without_telling(client, home, django_capture_on_commit_callbacks):
    for n in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/mailing-list/", signup_data("many@example.org"), REMOTE_ADDR=f"192.0.2.{n}")
        assert response.status_code == 302

    assert len(mail.outbox) == 1
    assert OutgoingMail.objects.count() == 1


def test_the_task_enforces_the_daily_limit_too(home, settings):
    from mailinglist.signups import process_signup_request

    settings.MAILINGLIST_ADDRESS_SHORT_WINDOW_SECONDS = 0
    for _ in range(5):
        request = SignupRequest.objects.create(email="daily@example.org", consent_version="2025-1")
        process_signup_request(request.pk)

    assert OutgoingMail.objects.filter(subscriber__email="daily@example.org").count() == 3


@pytest.mark.parametrize(
    "data",
    [
        {"email": "<script>alert(1)</script>"},
        {"email": "x" * 5000 + "@example.org"},
        {"email": "a@example.org", "interests": ["abc"]},
        {"email": "a@example.org'; DROP TABLE mailinglist_subscriber; --"},
        {},
    ],
)
def test_bad_input_gets_a_clear_message(client, home, data):
    response = client.post("/mailing-list/", {**signup_data("ok@example.org"), **data} if data else {})

    assert response.status_code == 200
    assert b"form-field__error" in response.content or b"notice--error" in response.content
    assert b"<script>alert(1)</script>" not in response.content
    assert SignupRequest.objects.count() == 0


def test_the_signup_form_is_in_every_page_footer(client, home):
    response = client.get("/")

    assert b'action="/mailing-list/"' in response.content
    assert b'id="footer-email"' in response.content
