"""What happens to a subscriber: signup requests processed, confirmation, unsubscribing,
re-subscribing, erasure. Functions that create mails return them; the caller
enqueues them (see ``tasks.send_after_commit``)."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from resources.library.models import Topic

from .addresses import email_key, suppression_hash
from .models import CURRENT_CONSENT_VERSION, OutgoingMail, SignupConsent, SignupRequest, Subscriber, Suppression
from .models.subscribers import new_manage_key
from .tokens import find_confirmation_token

Status = Subscriber.Status
Kind = OutgoingMail.Kind


def process_signup_request(request_id):
    """Turn one signup request into at most one mail: a confirmation for a new, pending,
    unsubscribed or bounced address, a short notice for one already subscribed, nothing past
    the limits. A confirmation keeps the request's evidence with it (``SignupConsent``); the
    subscriber's own consent record changes only when that confirmation's link is used."""
    with transaction.atomic():
        signup = SignupRequest.objects.select_for_update(skip_locked=True).filter(pk=request_id).first()
        if signup is None:
            return None
        if signup.purpose == SignupRequest.Purpose.PREFERENCES_LINK:
            return _preferences_link_for(signup)
        subscriber = _subscriber_for(signup)
        kind = Kind.NOTICE if subscriber.status == Status.SUBSCRIBED else Kind.CONFIRM
        mail = None
        if _within_address_limits(subscriber):
            mail = OutgoingMail.objects.create(kind=kind, subscriber=subscriber)
            if kind == Kind.CONFIRM:
                SignupConsent.objects.create(
                    subscriber=subscriber,
                    mail=mail,
                    requested_at=signup.created_at,
                    ip_hash=signup.ip_hash,
                    user_agent=signup.user_agent,
                    page=signup.page,
                    consent_version=signup.consent_version,
                )
        signup.delete()
    return mail


def _subscriber_for(signup):
    key = email_key(signup.email)
    subscriber = Subscriber.objects.select_for_update().filter(email_key=key).first()
    if subscriber is not None:
        return subscriber
    # A new address: the request's evidence is the only one there is.
    subscriber = Subscriber(
        email=signup.email,
        email_key=key,
        name=signup.name,
        consent_method=Subscriber.ConsentMethod.FORM,
        consent_at=signup.created_at,
        consent_ip_hash=signup.ip_hash,
        consent_user_agent=signup.user_agent,
        consent_page=signup.page,
        consent_version=signup.consent_version,
    )
    try:
        with transaction.atomic():
            subscriber.save()
    except IntegrityError:
        # Another worker created it a moment ago: treat this request as a repeat.
        return Subscriber.objects.select_for_update().get(email_key=key)
    if signup.interest_ids:  # most signups pick none: no query for them
        subscriber.interests.set(Topic.objects.filter(pk__in=signup.interest_ids))
    return subscriber


def _preferences_link_for(request):
    """A mail with a fresh preferences link, if the address is on the list (in any state);
    for an unknown address, nothing."""
    subscriber = Subscriber.objects.select_for_update().filter(email_key=email_key(request.email)).first()
    mail = None
    if subscriber is not None and _within_address_limits(subscriber):
        mail = OutgoingMail.objects.create(kind=Kind.PREFERENCES, subscriber=subscriber)
    request.delete()
    return mail


def _within_address_limits(subscriber):
    now = timezone.now()
    mails = subscriber.mails.filter(kind__in=[Kind.CONFIRM, Kind.NOTICE, Kind.PREFERENCES])
    counts = mails.aggregate(
        recent=Count(
            "pk", filter=Q(created_at__gte=now - timedelta(seconds=settings.MAILINGLIST_ADDRESS_SHORT_WINDOW_SECONDS))
        ),
        day=Count("pk", filter=Q(created_at__gte=now - timedelta(days=1))),
    )
    return (
        counts["recent"] < settings.MAILINGLIST_MAILS_PER_ADDRESS_SHORT
        and counts["day"] < settings.MAILINGLIST_MAILS_PER_ADDRESS_DAY
    )


def confirm(raw_token, ip_hash="", user_agent=""):
    """Confirm with a link's token: the signup that mailed it becomes the subscriber's consent.
    Returns (subscriber, welcome mail), or (None, None) when the token is unknown, used or
    expired."""
    with transaction.atomic():
        token = find_confirmation_token(raw_token, for_update=True)
        if token is None or not token.is_usable:
            return None, None
        now = timezone.now()
        token.used_at = now
        token.save(update_fields=["used_at"])
        subscriber = Subscriber.objects.select_for_update().get(pk=token.subscriber_id)
        subscriber.confirmation_tokens.filter(used_at__isnull=True).delete()
        if token.consent is not None:
            token.consent.copy_to(subscriber)
            token.consent.confirmed_at = now
            token.consent.save(update_fields=["confirmed_at"])
        _record_confirmation(subscriber, now, ip_hash, user_agent)
        subscriber.save()
        Suppression.objects.filter(digest=suppression_hash(subscriber.email)).delete()
        return subscriber, OutgoingMail.objects.create(kind=Kind.WELCOME, subscriber=subscriber)


def _record_confirmation(subscriber, now, ip_hash, user_agent):
    subscriber.status = Status.SUBSCRIBED
    subscriber.confirmed_at = now
    subscriber.confirmed_ip_hash = ip_hash
    subscriber.confirmed_user_agent = user_agent[:300]
    subscriber.unsubscribed_at = None
    subscriber.bounced_at = None


def unsubscribe(subscriber):
    """Idempotent: a second call (a mail client retrying the one-click POST) changes nothing."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.status != Status.UNSUBSCRIBED:
            subscriber.status = Status.UNSUBSCRIBED
            subscriber.unsubscribed_at = timezone.now()
            subscriber.save()
        suppress(subscriber.email, "unsubscribed")
    return subscriber


def may_resubscribe(subscriber):
    """Only someone who confirmed once (or was imported) and left may come back by the
    preferences link alone; a pending signup still needs its confirmation link."""
    return subscriber.status in (Status.UNSUBSCRIBED, Status.BOUNCED) and subscriber.confirmed_at is not None


def resubscribe(subscriber, ip_hash="", user_agent="", page=""):
    """From the preferences page, whose signed link proves the address is theirs. The new
    consent (now, this network and browser) replaces the old one and joins the history.
    Returns the subscriber, or None when they may not come back this way."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.status == Status.SUBSCRIBED:
            return subscriber
        if not may_resubscribe(subscriber):
            return None
        now = timezone.now()
        consent = SignupConsent.objects.create(
            subscriber=subscriber,
            requested_at=now,
            ip_hash=ip_hash,
            user_agent=user_agent[:300],
            page=page,
            consent_version=CURRENT_CONSENT_VERSION,
            method=Subscriber.ConsentMethod.PREFERENCES,
            confirmed_at=now,
        )
        consent.copy_to(subscriber)
        _record_confirmation(subscriber, now, ip_hash, user_agent)
        subscriber.save()
        Suppression.objects.filter(digest=suppression_hash(subscriber.email)).delete()
    return subscriber


def suppress(address, reason):
    Suppression.objects.get_or_create(digest=suppression_hash(address), defaults={"reason": reason})


def erase(subscriber, user=None, reason="request"):
    """Remove every row that holds the person's address: the subscriber with its tokens and
    consent records, signup requests still waiting (the sweeper would re-create the
    subscriber from them), SMTP errors quoting the address, the address as the label of
    earlier admin log entries. The suppression hash and their anonymous mail rows stay."""
    subscriber_id = subscriber.pk
    with transaction.atomic():
        suppress(subscriber.email, "erased")
        SignupRequest.objects.filter(email__iexact=subscriber.email).delete()
        subscriber.mails.update(last_error="")
        log(subscriber, "mailinglist.erase", user=user, title=f"Subscriber #{subscriber_id}", data={"reason": reason})
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Subscriber), object_id=str(subscriber_id)
        ).update(label=f"Erased subscriber #{subscriber_id}")
        subscriber.delete()


def erase_departed():
    """Erase the people who unsubscribed or bounced longer ago than the retention period, and
    forget the evidence of signups never confirmed (a stranger's IP hash and browser).
    Returns how many people were erased."""
    now = timezone.now()
    SignupConsent.objects.filter(
        confirmed_at__isnull=True, requested_at__lt=now - timedelta(days=settings.MAILINGLIST_PURGE_UNCONFIRMED_DAYS)
    ).delete()
    cutoff = now - timedelta(days=settings.MAILINGLIST_ERASE_DEPARTED_AFTER_DAYS)
    departed = Subscriber.objects.annotate(left_at=Coalesce("unsubscribed_at", "bounced_at", "updated_at")).filter(
        status__in=[Status.UNSUBSCRIBED, Status.BOUNCED], left_at__lt=cutoff
    )
    erased = 0
    for subscriber in departed.iterator(chunk_size=500):
        erase(subscriber, reason="retention")
        erased += 1
    return erased


def revoke_links(subscriber):
    subscriber.manage_key = new_manage_key()
    subscriber.save(update_fields=["manage_key", "updated_at"])
    subscriber.confirmation_tokens.filter(used_at__isnull=True).delete()
