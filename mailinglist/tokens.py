"""Links in mails. Confirmation links carry a random token that is stored only as a hash,
expires and works once. Unsubscribe and preferences links carry the subscriber's manage key,
signed (a new key revokes them all): the unsubscribe token can only unsubscribe and never
expires; the preferences token opens the preferences page and expires after
``MAILINGLIST_PREFERENCES_LINK_DAYS``. Signatures are checked against ``SECRET_KEY`` and then
``SECRET_KEY_FALLBACKS``, so links mailed before a key rotation keep working."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.utils import timezone

from .models import ConfirmationToken, Subscriber

UNSUBSCRIBE_SALT = "mailinglist.unsubscribe"
PREFERENCES_SALT = "mailinglist.preferences"
# Mailed before the two were told apart: one token for both pages, without an expiry.
LEGACY_MANAGE_SALT = "mailinglist.manage"
MAX_TOKEN_LENGTH = 200


class LinkExpired(Exception):
    """A preferences link that was valid once: the page offers to mail a fresh one."""


def _digest(raw):
    return hashlib.sha256(raw.encode()).hexdigest()


def new_confirmation_token(subscriber, consent=None):
    """A fresh confirmation token (192 random bits); every earlier unused one stops working.
    ``consent`` is the signup's evidence that confirming with it records."""
    subscriber.confirmation_tokens.filter(used_at__isnull=True).delete()
    raw = secrets.token_urlsafe(24)
    ConfirmationToken.objects.create(
        subscriber=subscriber,
        consent=consent,
        digest=_digest(raw),
        expires_at=timezone.now() + timedelta(days=settings.MAILINGLIST_CONFIRM_TOKEN_DAYS),
    )
    return raw


def find_confirmation_token(raw, for_update=False):
    if not raw or len(raw) > 100:
        return None
    tokens = ConfirmationToken.objects.select_related("subscriber")
    if for_update:
        tokens = tokens.select_for_update()
    return tokens.filter(digest=_digest(raw)).first()


def unsubscribe_token(subscriber):
    return signing.Signer(salt=UNSUBSCRIBE_SALT, sep=".").sign(subscriber.manage_key)


def preferences_token(subscriber):
    return signing.TimestampSigner(salt=PREFERENCES_SALT, sep=".").sign(subscriber.manage_key)


def _by_key(key):
    return Subscriber.objects.filter(manage_key=key).first()


def _legacy(raw):
    try:
        return _by_key(signing.Signer(salt=LEGACY_MANAGE_SALT, sep=".").unsign(raw))
    except signing.BadSignature:
        return None


def subscriber_to_unsubscribe(raw):
    """The subscriber an unsubscribe link belongs to, or None if it was forged or revoked."""
    if not raw or len(raw) > MAX_TOKEN_LENGTH:
        return None
    try:
        return _by_key(signing.Signer(salt=UNSUBSCRIBE_SALT, sep=".").unsign(raw))
    except signing.BadSignature:
        return _legacy(raw)


def subscriber_for_preferences(raw):
    """The subscriber a preferences link belongs to, or None if it was forged or revoked.
    Raises LinkExpired for a genuine link past its lifetime."""
    if not raw or len(raw) > MAX_TOKEN_LENGTH:
        return None
    max_age = timedelta(days=settings.MAILINGLIST_PREFERENCES_LINK_DAYS)
    try:
        key = signing.TimestampSigner(salt=PREFERENCES_SALT, sep=".").unsign(raw, max_age=max_age)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature:
        return _legacy(raw)
    return _by_key(key)
