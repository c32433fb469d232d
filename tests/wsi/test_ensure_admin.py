"""`manage.py ensure_admin` creates the first account with a password the site's own rules
accept, as Wagtail's forms would."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("short1", "This password is too short. It must contain at least 12 characters."),
        ("123456789012345", "This password is entirely numeric."),
        ("password1234", "This password is too common."),
    ],
)
def test_a_password_the_validators_refuse_creates_no_account(monkeypatch, password, reason):
    monkeypatch.setenv("ADMIN_PASSWORD", password)

    with pytest.raises(CommandError) as refused:
        call_command("ensure_admin")

    assert reason in str(refused.value)
    assert not get_user_model().objects.exists()


def test_a_strong_password_creates_the_admin_once(monkeypatch, capsys):
    monkeypatch.setenv("ADMIN_PASSWORD", "correct horse battery staple")

    call_command("ensure_admin")
    call_command("ensure_admin")

    admin = get_user_model().objects.get()
    assert (admin.username, admin.is_superuser) == ("admin", True)
    assert admin.check_password("correct horse battery staple")
    assert capsys.readouterr().out.count("Created the admin account.") == 1
