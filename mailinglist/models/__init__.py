from .imports import SubscriberImport
from .mail import Announcement, AnnouncementPage, OutgoingMail
from .site_settings import MailingListSettings
from .subscribers import (
    CONSENT_WORDING,
    CURRENT_CONSENT_VERSION,
    ConfirmationToken,
    SignupConsent,
    SignupRequest,
    Subscriber,
    Suppression,
)

__all__ = [
    "CONSENT_WORDING",
    "CURRENT_CONSENT_VERSION",
    "Announcement",
    "AnnouncementPage",
    "ConfirmationToken",
    "MailingListSettings",
    "OutgoingMail",
    "SignupConsent",
    "SignupRequest",
    "Subscriber",
    "SubscriberImport",
    "Suppression",
]
