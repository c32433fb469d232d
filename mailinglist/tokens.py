"""Links in mails. Confirmation links carry a random token that is stored only as a hash,
expires and works once. Unsubscribe and preferences links carry the subscriber's manage key,
signed; they last until staff revoke them (a new key)."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.utils import timezone

from .models import ConfirmationToken, Subscriber

MANAGE_SIGNER_SALT = "mailinglist.manage"


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


def manage_token(subscriber):
    return signing.Signer(salt=MANAGE_SIGNER_SALT, sep=".").sign(subscriber.manage_key)


def find_subscriber(raw_manage_token):
    """The subscriber a manage link belongs to, or None if it was forged or revoked."""
    if not raw_manage_token or len(raw_manage_token) > 200:
        return None
    try:
        key = signing.Signer(salt=MANAGE_SIGNER_SALT, sep=".").unsign(raw_manage_token)
    except signing.BadSignature:
        return None
    return Subscriber.objects.filter(manage_key=key).first()
