"""Email addresses as the list stores them, and the keyed hashes that stand in for personal
data (client IPs, suppressed addresses)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.crypto import salted_hmac
from django.utils.encoding import punycode

MAX_LENGTH = 254


def normalise_email(value):
    """Trimmed, with the domain lower-cased and in ASCII (IDNA); the local part keeps its case
    because, strictly, only the receiving server may decide it does not matter."""
    value = (value or "").strip()
    local, at, domain = value.rpartition("@")
    if not at or not local or not domain:
        raise ValidationError("Enter a valid email address.", code="invalid")
    try:
        domain = punycode(domain.rstrip(".").lower())
    except UnicodeError as error:
        raise ValidationError("Enter a valid email address.", code="invalid") from error
    address = f"{local}@{domain}"
    if len(address) > MAX_LENGTH:
        raise ValidationError("This email address is too long.", code="max_length")
    validate_email(address)
    return address


def email_key(address):
    """What makes two addresses the same subscriber: case never counts."""
    return address.lower()


def keyed_hash(purpose, value):
    secret = settings.MAILINGLIST_HASH_KEY or settings.SECRET_KEY
    return salted_hmac(f"mailinglist.{purpose}", value, secret=secret, algorithm="sha256").hexdigest()


def suppression_hash(address):
    return keyed_hash("suppression", email_key(address))
