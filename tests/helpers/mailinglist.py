"""What a visitor sends to the signup form, and the links a mail carries."""

import re
import time
from urllib.parse import urlsplit

import requests
from bs4 import BeautifulSoup
from django.core import signing

from mailinglist.forms import STARTED_SALT
from mailinglist.tokens import LEGACY_MANAGE_SALT


def started(seconds_ago=10):
    """The signed "form rendered at" stamp of a form opened ``seconds_ago``."""
    return signing.dumps(time.time() - seconds_ago, salt=STARTED_SALT)


def signup_data(email, **extra):
    return {"email": email, "started": started(), "page": "/about-us/", "website": "", **extra}


def link_from(message, name):
    """The first link to /mailing-list/<name>/ in a mail's plain-text body: the page's address
    with the token in the fragment (``…/confirm/#token``)."""
    body = message.body if hasattr(message, "body") else message.get_body(("plain",)).get_content()
    match = re.search(rf"https?://[^\s#]+/mailing-list/{name}/#[^\s]+", body)
    assert match, f"no {name} link in: {body}"
    return match.group(0)


def sign_up_over_http(base_url, address):
    """Open the signup page at a running server, then send the form as a browser would (the
    page holds no CSRF token: a browser's Origin header is the form's protection)."""
    session = requests.Session()
    form = session.get(f"{base_url}/mailing-list/", timeout=10)
    started_at = BeautifulSoup(form.text, "html.parser").find("input", attrs={"name": "started"})["value"]
    return session.post(
        f"{base_url}/mailing-list/",
        data={
            "email": address,
            "started": started_at,
            "page": "/",
        },
        headers={"Origin": base_url},
        allow_redirects=False,
        timeout=30,
    )


def follow_link(client, link, data=None, **extra):
    """What a browser with JavaScript does with a link from a mail: open the page, then post
    the fragment's token with its form (and ``data``, the button pressed)."""
    page, _, token = link.partition("#")
    path = urlsplit(page).path
    assert client.get(path, **extra).status_code == 200
    return client.post(path, {"token": token, **(data or {})}, **extra)


def legacy_manage_token(subscriber):
    """The token that links mailed before the fragment links carried in their path, for both
    the unsubscribe and the preferences page."""
    return signing.Signer(salt=LEGACY_MANAGE_SALT, sep=".").sign(subscriber.manage_key)
