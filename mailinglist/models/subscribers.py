"""Who is on the list, what they agreed to, and the records that outlive them."""

import secrets

from django.db import models
from django.utils import timezone

CONSENT_WORDING = {
    "2025-1": (
        "We will email you about new publications and tools, webinars and public events. "
        "We never share your address, and every mail has a link to unsubscribe."
    ),
}
CURRENT_CONSENT_VERSION = "2025-1"


def new_manage_key():
    return secrets.token_hex(16)


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending confirmation"
        SUBSCRIBED = "subscribed", "Subscribed"
        UNSUBSCRIBED = "unsubscribed", "Unsubscribed"
        BOUNCED = "bounced", "Bounced"

    class ConsentMethod(models.TextChoices):
        FORM = "form", "Signup form, confirmed by mail"
        IMPORTED = "imported", "Imported by staff"
        PREFERENCES = "preferences", "Joined again from the preferences page"

    email = models.EmailField(max_length=254, help_text="As given, with the domain normalised.")
    email_key = models.CharField(max_length=254, unique=True, editable=False)
    name = models.CharField(max_length=200, blank=True)
    organisation = models.CharField(max_length=200, blank=True)
    interests = models.ManyToManyField("library.Topic", blank=True, related_name="+")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True)

    created_at = models.DateTimeField("signed up", default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    bounced_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    consent_method = models.CharField(max_length=20, choices=ConsentMethod.choices, default=ConsentMethod.FORM)
    consent_at = models.DateTimeField(default=timezone.now)
    consent_ip_hash = models.CharField("consent IP (keyed hash)", max_length=64, blank=True)
    consent_user_agent = models.CharField(max_length=300, blank=True)
    consent_page = models.CharField("signed up on", max_length=300, blank=True)
    consent_version = models.CharField("consent wording version", max_length=20, blank=True)
    confirmed_ip_hash = models.CharField("confirmation IP (keyed hash)", max_length=64, blank=True)
    confirmed_user_agent = models.CharField(max_length=300, blank=True)

    # Unsubscribe and preferences links carry this key, signed; a new key revokes them all.
    manage_key = models.CharField(max_length=32, unique=True, default=new_manage_key, editable=False)

    class Meta:
        ordering = ["-created_at"]
        permissions = [("export_subscriber", "Can export subscribers")]

    def __str__(self):
        return self.email

    @property
    def consent_wording(self):
        return CONSENT_WORDING.get(self.consent_version, "")


class SignupConsent(models.Model):
    """The evidence of one signup request: when, from which network (keyed hash), browser and
    page, agreeing to which wording. It waits with the confirmation mail it caused and is
    copied to the subscriber only when that mail's link is used, so that a stranger's signup
    never overwrites the consent of someone who left the list. Confirmed ones stay as the
    subscriber's consent history."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="signup_consents")
    mail = models.OneToOneField(
        "mailinglist.OutgoingMail", null=True, blank=True, on_delete=models.SET_NULL, related_name="signup_consent"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    ip_hash = models.CharField("IP (keyed hash)", max_length=64, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    page = models.CharField(max_length=300, blank=True)
    consent_version = models.CharField("consent wording version", max_length=20)
    method = models.CharField(
        max_length=20, choices=Subscriber.ConsentMethod.choices, default=Subscriber.ConsentMethod.FORM
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]

    def __str__(self):
        return f"signup consent {self.pk} of subscriber {self.subscriber_id}"

    def copy_to(self, subscriber):
        subscriber.consent_method = self.method
        subscriber.consent_at = self.requested_at
        subscriber.consent_ip_hash = self.ip_hash
        subscriber.consent_user_agent = self.user_agent
        subscriber.consent_page = self.page
        subscriber.consent_version = self.consent_version


class ConfirmationToken(models.Model):
    """A single-use confirmation link; only the SHA-256 of the random token is stored."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="confirmation_tokens")
    consent = models.ForeignKey(
        SignupConsent, null=True, blank=True, on_delete=models.SET_NULL, related_name="confirmation_tokens"
    )
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"confirmation token for {self.subscriber_id}"

    @property
    def is_usable(self):
        return self.used_at is None and self.expires_at > timezone.now()


class Suppression(models.Model):
    """An address that left the list, kept only as a keyed hash so imports cannot re-add it."""

    digest = models.CharField(max_length=64, unique=True)
    reason = models.CharField(max_length=20)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"suppressed ({self.reason})"


class SignupRequest(models.Model):
    """A signup, or a request for a fresh preferences link, as the form received it. The web
    request writes only this row, the same for every address; the task that processes it does
    what differs (new, pending, subscribed, unknown)."""

    class Purpose(models.TextChoices):
        SIGNUP = "signup", "Signup"
        PREFERENCES_LINK = "preferences_link", "New preferences link"

    purpose = models.CharField(max_length=20, choices=Purpose.choices, default=Purpose.SIGNUP)
    email = models.EmailField(max_length=254)
    name = models.CharField(max_length=200, blank=True)
    interest_ids = models.JSONField(default=list)
    ip_hash = models.CharField(max_length=64, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    page = models.CharField(max_length=300, blank=True)
    consent_version = models.CharField(max_length=20)
    created_at = models.DateTimeField(default=timezone.now)
    enqueued_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self):
        return f"signup request {self.pk}"
