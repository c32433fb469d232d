"""Staff accounts: login throttling, no Django admin, sessions that end, strong passwords."""

import datetime
import re

import pytest
import time_machine
from axes.models import AccessAttempt
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
ATTACKER = "203.0.113.9"


@pytest.fixture
def editor():
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


@pytest.fixture
def other_editor():
    return get_user_model().objects.create_superuser("other", "other@example.org", PASSWORD)


def log_in(username, password, ip=ATTACKER):
    client = Client(REMOTE_ADDR=ip)
    response = client.post("/admin/login/", {"username": username, "password": password})
    return client, response


def opens_admin(client):
    return client.get("/admin/").status_code == 200


def guess_wrong(times, username="editor", ip=ATTACKER):
    for attempt in range(times):
        log_in(username, f"guess-{attempt}", ip=ip)


def in_minutes(minutes):
    return time_machine.travel(timezone.now() + datetime.timedelta(minutes=minutes), tick=False)


def test_twelve_wrong_passwords_then_the_right_one_does_not_log_in(editor):
    guess_wrong(12)

    client, response = log_in("editor", PASSWORD)

    assert response.status_code == 429
    assert not opens_admin(client)
    html = BeautifulSoup(response.content, "html.parser")
    assert "Too many failed sign-in attempts" in html.h1.text
    assert "15 minutes" in html.main.text
    assert html.find("a", href="/admin/password_reset/") is not None


def test_a_targeted_account_stays_locked_from_another_address(editor):
    guess_wrong(5)

    client, response = log_in("editor", PASSWORD, ip="198.51.100.7")

    assert response.status_code == 429
    assert not opens_admin(client)


def test_an_address_guessing_at_many_accounts_is_locked_out(editor):
    for name in ("alice", "bob", "carol", "dave", "erin"):
        log_in(name, "guess")

    client, response = log_in("editor", PASSWORD)

    assert response.status_code == 429
    assert not opens_admin(client)


def test_another_account_from_a_fresh_address_still_logs_in(editor, other_editor):
    guess_wrong(12)

    client, response = log_in("other", PASSWORD, ip="198.51.100.7")

    assert response.status_code == 302
    assert opens_admin(client)


def test_the_right_password_works_again_after_the_cool_off(editor):
    guess_wrong(12)

    with in_minutes(16):
        client, response = log_in("editor", PASSWORD)

        assert response.status_code == 302
        assert opens_admin(client)


def test_failures_are_counted_for_the_address_our_proxy_rule_names(settings, editor):
    """Wagtail's login view hands the request to authenticate(); axes reads the client's
    address from it through wsi.ratelimit.client_ip, which trusts PROXY_COUNT proxies."""
    settings.PROXY_COUNT = 1
    client = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.1, 203.0.113.50")

    client.post("/admin/login/", {"username": "editor", "password": "wrong"})

    attempt = AccessAttempt.objects.get()
    assert (attempt.username, attempt.ip_address, attempt.failures_since_start) == ("editor", "203.0.113.50", 1)


def test_password_reset_mail_still_lets_a_locked_out_editor_back_in(editor):
    guess_wrong(12)
    client = Client(REMOTE_ADDR=ATTACKER)

    client.post("/admin/password_reset/", {"email": "editor@example.org"})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/admin/password_reset/confirm/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    new_password = "correct-horse-battery-2026"
    response = client.post(form_url, {"new_password1": new_password, "new_password2": new_password})

    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.check_password(new_password)


def test_the_django_admin_is_gone(client, editor):
    client.force_login(editor)

    assert client.get("/django-admin/").status_code == 404


def test_a_session_older_than_eight_hours_no_longer_opens_the_admin(editor):
    client, response = log_in("editor", PASSWORD)
    assert opens_admin(client)

    with in_minutes(8 * 60 + 1):
        response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_session_cookie_is_http_only_and_same_site_lax(editor):
    _, response = log_in("editor", PASSWORD)

    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


WEAK_PASSWORDS = [
    ("password", "This password is too common."),
    ("4830192847561", "This password is entirely numeric."),
    ("Xq7#vB2m", "This password is too short. It must contain at least 12 characters."),
]


@pytest.mark.parametrize(("password", "message"), WEAK_PASSWORDS)
def test_adding_a_user_with_a_weak_password_is_refused(client, editor, password, message):
    client.force_login(editor)

    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "newcomer",
            "email": "newcomer@example.org",
            "first_name": "New",
            "last_name": "Comer",
            "password1": password,
            "password2": password,
        },
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_user_model().objects.filter(username="newcomer").exists()


@pytest.mark.parametrize(("password", "message"), WEAK_PASSWORDS)
def test_changing_to_a_weak_password_is_refused(client, editor, password, message):
    client.force_login(editor)

    response = client.post(
        "/admin/account/",
        {"password-old_password": PASSWORD, "password-new_password1": password, "password-new_password2": password},
    )

    assert message in response.content.decode()
    editor.refresh_from_db()
    assert editor.check_password(PASSWORD)


def test_staff_see_failed_logins_and_delete_them_to_unlock_an_account(client, editor, other_editor):
    guess_wrong(5)
    client.force_login(other_editor)

    listing = BeautifulSoup(client.get(reverse("login_lockouts:index")).content, "html.parser")
    assert ATTACKER in listing.find("main").text
    attempt = AccessAttempt.objects.get()
    response = client.post(reverse("login_lockouts:delete", args=[attempt.pk]))

    assert response.status_code == 302
    unlocked, response = log_in("editor", PASSWORD, ip="198.51.100.7")
    assert response.status_code == 302
    assert opens_admin(unlocked)
    assert client.get(reverse("login_lockouts:add")).status_code == 302
