"""The public pages of the mailing list. None of them tells a visitor whether an address is
on the list; every link in a mail opens a page whose button, not the GET, changes anything."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from wsi.ratelimit import client_ip

from . import ratelimits, signups
from .addresses import keyed_hash
from .forms import PreferencesForm, SignupForm
from .messages import announcement_parts
from .models import CURRENT_CONSENT_VERSION, Announcement, SignupRequest, Subscriber
from .tasks import process_after_commit, send_after_commit
from .tokens import find_confirmation_token, find_subscriber, manage_token

Status = Subscriber.Status


def _signup_page(request, form, status=200, notice=""):
    context = {"form": form, "notice": notice}
    return render(request, "mailinglist/signup.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
def signup(request):
    if request.method == "GET":
        return _signup_page(request, SignupForm(initial={"page": request.path}))
    form = SignupForm(request.POST)
    if not form.is_valid():
        return _signup_page(request, form)
    if form.looks_automated():
        return redirect("mailinglist:check_inbox")
    ip = client_ip(request)
    if not ratelimits.allow_ip(ip):
        notice = "We have received many signups from your network in the last hour. Please try again later."
        return _signup_page(request, SignupForm(initial={"page": form.cleaned_data["page"]}), 429, notice)
    data = form.cleaned_data
    if ratelimits.allow_address(data["email"]):
        signup_request = SignupRequest.objects.create(
            email=data["email"],
            name=data["name"],
            interest_ids=[topic.pk for topic in data["interests"]],
            ip_hash=keyed_hash("ip", ip),
            user_agent=request.headers.get("User-Agent", "")[:300],
            page=data["page"] or request.path,
            consent_version=CURRENT_CONSENT_VERSION,
        )
        process_after_commit(signup_request)
    return redirect("mailinglist:check_inbox")


def check_inbox(request):
    return render(request, "mailinglist/check_inbox.html")


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    if request.method == "POST":
        subscriber, welcome = signups.confirm(
            token, keyed_hash("ip", client_ip(request)), request.headers.get("User-Agent", "")
        )
        if subscriber is None:
            return _link_invalid(request)
        send_after_commit(welcome)
        return redirect(reverse("mailinglist:preferences", args=[manage_token(subscriber)]) + "?confirmed=1")
    found = find_confirmation_token(token)
    if found is None or not found.is_usable:
        return _link_invalid(request)
    return render(request, "mailinglist/confirm.html", {"email": found.subscriber.email})


def _link_invalid(request):
    form = SignupForm(initial={"page": request.path})
    return render(request, "mailinglist/link_invalid.html", {"form": form}, status=410)


# Mail clients send the RFC 8058 one-click POST without cookies or a CSRF token; the signed
# token in the address is what authenticates it.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    subscriber = find_subscriber(token)
    if subscriber is None:
        raise Http404("This unsubscribe link is not valid any more.")
    if request.method == "POST":
        signups.unsubscribe(subscriber)
        return render(request, "mailinglist/unsubscribed.html", {"token": token})
    return render(request, "mailinglist/unsubscribe.html", {"subscriber": subscriber, "token": token})


@never_cache
@require_http_methods(["GET", "POST"])
def preferences(request, token):
    subscriber = find_subscriber(token)
    if subscriber is None:
        raise Http404("This preferences link is not valid any more.")
    form = PreferencesForm(instance=subscriber)
    notice = "Thank you: you are subscribed. A welcome mail is on its way." if "confirmed" in request.GET else ""
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "unsubscribe":
            subscriber = signups.unsubscribe(subscriber)
            notice = "You have left the mailing list. You will get no more mail from us."
        elif action == "resubscribe":
            subscriber = signups.resubscribe(subscriber)
            notice = "Welcome back: you are on the mailing list again."
        else:
            form = PreferencesForm(request.POST, instance=subscriber)
            if form.is_valid():
                form.save()
                notice = "Your preferences are saved."
    context = {"subscriber": subscriber, "form": form, "notice": notice, "token": token, "Status": Status}
    return render(request, "mailinglist/preferences.html", context)


def archive(request):
    """Every announcement sent, newest first: the public newsletter archive."""
    sent = Announcement.objects.filter(state__in=Announcement.PUBLIC_STATES).order_by("-queued_at")
    return render(
        request, "mailinglist/archive.html", {"newsletters": Paginator(sent, 20).get_page(request.GET.get("page"))}
    )


def newsletter(request, pk):
    announcement = get_object_or_404(Announcement, pk=pk, state__in=Announcement.PUBLIC_STATES)
    context = {"newsletter": announcement, **announcement_parts(announcement)}
    return render(request, "mailinglist/newsletter.html", context)
