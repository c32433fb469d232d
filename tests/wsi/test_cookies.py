"""The CSRF cookie is out of reach of scripts and not sent along by other sites (the session
cookie's flags are Django's defaults, set in the settings)."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_csrf_cookie_is_out_of_reach_of_scripts(client, home):
    # Public pages set no cookie at all; the staff login form is where the token is handed out.
    csrf = client.get("/admin/login/").cookies["csrftoken"]

    assert csrf["httponly"] is True
    assert csrf["samesite"] == "Lax"


def test_the_admin_still_gets_its_token_in_the_page(admin_client, home):
    html = admin_client.get(f"/admin/pages/{home.pk}/edit/").content.decode()

    assert '"CSRF_TOKEN": "' in html
