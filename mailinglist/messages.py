"""The mails themselves: rendered from templates (HTML and plain text), with the headers that
identify the row and let mail clients unsubscribe in one click (RFC 8058)."""

from email.utils import make_msgid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.models import Site
from wagtail.templatetags.wagtailcore_tags import richtext

from .models import MailingListSettings, OutgoingMail, SignupConsent, Subscriber
from .templatetags.mailinglist_tags import absolute_links, plain_text
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


def build_message(mail, words=None, shared=None):
    """The mail for one row. A sender of many mails passes the site's wording and the
    announcement's ``shared`` parts (``announcement_parts``), made once, not once per mail."""
    subscriber = mail.subscriber
    words = words or mailing_list_settings()
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
        context.update(shared or announcement_parts(mail.announcement))
    template = f"mailinglist/mail/{mail.kind}"
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"{template}.txt", context),
        to=[subscriber.email],
        headers=_headers(mail, one_click_url),
    )
    message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return message


def sample_message(announcement, address):
    """The announcement as ``address`` would receive it, for staff (a test or a preview); its
    links to unsubscribe and to preferences lead nowhere."""
    reader = Subscriber(email=address, manage_key="sample")
    message = build_message(OutgoingMail(kind=Kind.ANNOUNCEMENT, announcement=announcement, subscriber=reader))
    message.subject = f"[Test] {message.subject}"
    message.extra_headers[MAIL_ID_HEADER] = "test"
    return message


def announcement_parts(announcement):
    """What is the same in every copy of an announcement: its body as HTML (links made
    absolute) and as plain text, and its featured pages' links."""
    body = richtext(announcement.body)
    return {
        "body_html": absolute_links(body),
        "body_text": plain_text(body),
        "featured": featured_links(announcement),
    }


def featured_links(announcement):
    """(title, absolute URL) of each live page the announcement features."""
    return [(page.title, _page_url(page)) for page in _featured_pages(announcement) if _page_url(page)]


def _featured_pages(announcement):
    return [item.page.specific for item in announcement.featured_pages.select_related("page") if item.page.live]


def _page_url(page):
    url = page.get_url() or ""
    return absolute(url) if url.startswith("/") else url


def _headers(mail, unsubscribe_url):
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return {
        "Message-ID": make_msgid(idstring=f"mail{mail.pk}", domain=host),
        MAIL_ID_HEADER: str(mail.pk),
        **list_headers(host),
        "List-Unsubscribe": list_unsubscribe(unsubscribe_url),
    }


def list_headers(host):
    """The headers every mail of the list carries, whatever its row."""
    return {
        "List-Id": f"Workforce Strategies Initiative <news.{host}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def list_unsubscribe(one_click_url):
    addresses = [f"<{one_click_url}>"]
    if settings.MAILINGLIST_UNSUBSCRIBE_MAILTO:
        addresses.append(f"<mailto:{settings.MAILINGLIST_UNSUBSCRIBE_MAILTO}?subject=unsubscribe>")
    return ", ".join(addresses)
