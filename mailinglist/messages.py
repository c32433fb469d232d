"""The mails themselves: rendered from templates (HTML and plain text), with the headers that
identify the row and let mail clients unsubscribe in one click (RFC 8058)."""

from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.models import Site

from .models import MailingListSettings, OutgoingMail, SignupConsent
from .tokens import new_confirmation_token, preferences_token, unsubscribe_token

Kind = OutgoingMail.Kind
MAIL_ID_HEADER = "X-WSI-Mail-ID"


def absolute(path):
    return settings.SITE_URL + path


def token_link(name, token):
    """The page's address with the token in the fragment: browsers never send a fragment, so
    the token reaches no access log; the page's script posts it."""
    return f"{absolute(reverse(name))}#{token}"


def mailing_list_settings():
    site = Site.objects.filter(is_default_site=True).first()
    return MailingListSettings.for_site(site) if site else MailingListSettings()


def build_message(mail):
    subscriber = mail.subscriber
    words = mailing_list_settings()
    unsubscribe = unsubscribe_token(subscriber)
    # RFC 8058: the mail client POSTs to this address itself, so the token must be in it. It
    # can only unsubscribe, and the path is redacted from the application's logs.
    one_click_url = absolute(reverse("mailinglist:one_click_unsubscribe", args=[unsubscribe]))
    context = {
        "email": subscriber.email,
        "words": words,
        "site_url": settings.SITE_URL,
        "preferences_url": token_link("mailinglist:preferences", preferences_token(subscriber)),
        "preferences_days": settings.MAILINGLIST_PREFERENCES_LINK_DAYS,
        "unsubscribe_url": token_link("mailinglist:unsubscribe", unsubscribe),
    }
    if mail.kind == Kind.CONFIRM:
        subject = words.confirm_subject
        consent = SignupConsent.objects.filter(mail_id=mail.pk).first()
        context["confirm_url"] = token_link("mailinglist:confirm", new_confirmation_token(subscriber, consent))
        context["expiry_days"] = settings.MAILINGLIST_CONFIRM_TOKEN_DAYS
    elif mail.kind == Kind.WELCOME:
        subject = words.welcome_subject
    elif mail.kind == Kind.NOTICE:
        subject = "You are already on our mailing list"
    elif mail.kind == Kind.PREFERENCES:
        subject = "Your mailing list preferences"
    else:
        subject = mail.announcement.subject
        context["announcement"] = mail.announcement
        context["featured"] = [
            (page.title, _page_url(page)) for page in _featured_pages(mail.announcement) if _page_url(page)
        ]
    template = f"mailinglist/mail/{mail.kind}"
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{template}.txt", context),
        to=[subscriber.email],
        headers=_headers(mail, one_click_url),
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return message


def _featured_pages(announcement):
    return [item.page.specific for item in announcement.featured_pages.select_related("page") if item.page.live]


def _page_url(page):
    url = page.get_url() or ""
    return absolute(url) if url.startswith("/") else url


def _headers(mail, unsubscribe_url):
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    unsubscribe = [f"<{unsubscribe_url}>"]
    if settings.MAILINGLIST_UNSUBSCRIBE_MAILTO:
        unsubscribe.append(f"<mailto:{settings.MAILINGLIST_UNSUBSCRIBE_MAILTO}?subject=unsubscribe>")
    return {
        "Message-ID": make_msgid(idstring=f"mail{mail.pk}", domain=host),
        MAIL_ID_HEADER: str(mail.pk),
        "List-Id": f"Workforce Strategies Initiative <news.{host}>",
        "List-Unsubscribe": ", ".join(unsubscribe),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
