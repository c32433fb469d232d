"""The pages that the links in mails open. A link carries its token in the fragment
(``/mailing-list/confirm/#token``), which browsers never send: the page's script puts it in
the form, and the token travels in the POST body, so it reaches no access log. Without
JavaScript the visitor pastes it. Links mailed before carry the token in the path; they still
work. Every page's button, not the GET, changes anything."""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from wsi.ratelimit import client_ip

from . import signups
from .addresses import keyed_hash
from .forms import PreferencesForm, PreferencesLinkForm, SignupForm
from .models import Subscriber
from .tasks import send_after_commit
from .tokens import (
    LinkExpired,
    find_confirmation_token,
    preferences_token,
    subscriber_for_preferences,
    subscriber_to_unsubscribe,
)

Status = Subscriber.Status


def _token_page(request, template, token="", **context):
    return render(request, f"mailinglist/{template}", {"token": token, **context})


def _posted_token(request):
    return request.POST.get("token", "").strip().lstrip("#")


def _link_invalid(request):
    form = SignupForm(initial={"page": reverse("mailinglist:signup")})
    return render(request, "mailinglist/link_invalid.html", {"form": form}, status=410)


def _link_unknown(request, expired=False):
    context = {"form": PreferencesLinkForm(), "expired": expired}
    return render(request, "mailinglist/link_unknown.html", context, status=410 if expired else 404)


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token=None):
    if request.method == "POST":
        subscriber, welcome = signups.confirm(
            token or _posted_token(request),
            keyed_hash("ip", client_ip(request)),
            request.headers.get("User-Agent", ""),
        )
        if subscriber is None:
            return _link_invalid(request)
        send_after_commit(welcome)
        notice = "Thank you: you are subscribed. A welcome mail is on its way."
        return _preferences_page(request, subscriber, PreferencesForm(instance=subscriber), notice)
    if token is None:
        return _token_page(request, "confirm.html")
    found = find_confirmation_token(token)
    if found is None or not found.is_usable:
        return _link_invalid(request)
    return _token_page(request, "confirm.html", token, email=found.subscriber.email)


@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request):
    if request.method == "GET":
        return _token_page(request, "unsubscribe.html")
    return _unsubscribe(request, _posted_token(request))


# Mail clients send the RFC 8058 one-click POST to the List-Unsubscribe address without cookies
# or a CSRF token; the signed token in the address is what authenticates it.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def one_click_unsubscribe(request, token):
    if request.method == "POST":
        return _unsubscribe(request, token)
    subscriber = subscriber_to_unsubscribe(token)
    if subscriber is None:
        return _link_unknown(request)
    return _token_page(request, "unsubscribe.html", token, email=subscriber.email)


def _unsubscribe(request, token):
    subscriber = subscriber_to_unsubscribe(token)
    if subscriber is None:
        return _link_unknown(request)
    signups.unsubscribe(subscriber)
    return render(request, "mailinglist/unsubscribed.html")


@never_cache
@require_http_methods(["GET", "POST"])
def preferences(request, token=None):
    if request.method == "GET" and token is None:
        return _token_page(request, "preferences_open.html")
    try:
        subscriber = subscriber_for_preferences(token or _posted_token(request))
    except LinkExpired:
        return _link_unknown(request, expired=True)
    if subscriber is None:
        return _link_unknown(request)
    form = PreferencesForm(instance=subscriber)
    action = request.POST.get("action") if request.method == "POST" else None
    notice = ""
    if action == "unsubscribe":
        subscriber = signups.unsubscribe(subscriber)
        notice = "You have left the mailing list. You will get no more mail from us."
    elif action == "resubscribe":
        back = signups.resubscribe(
            subscriber,
            keyed_hash("ip", client_ip(request)),
            request.headers.get("User-Agent", ""),
            reverse("mailinglist:preferences"),
        )
        if back is None:
            notice = "Please confirm with the button in the confirmation mail we sent you first."
        else:
            subscriber = back
            notice = "Welcome back: you are on the mailing list again."
    elif action == "save":
        form = PreferencesForm(request.POST, instance=subscriber)
        if form.is_valid():
            form.save()
            notice = "Your preferences are saved."
    return _preferences_page(request, subscriber, form, notice)


def _preferences_page(request, subscriber, form, notice):
    context = {
        "subscriber": subscriber,
        "form": form,
        "notice": notice,
        # A fresh token for the page's forms: an open page outlives the link that opened it.
        "token": preferences_token(subscriber),
        "Status": Status,
        "may_resubscribe": signups.may_resubscribe(subscriber),
    }
    return render(request, "mailinglist/preferences.html", context)
