"""The public signup pages and the newsletter archive. None of them tells a visitor whether an
address is on the list: every address gets the same answer from the same work (one row for the
task to process)."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from wsi.ratelimit import client_ip

from . import ratelimits
from .addresses import keyed_hash
from .forms import PreferencesLinkForm, SignupForm
from .messages import announcement_parts
from .models import CURRENT_CONSENT_VERSION, Announcement, SignupRequest
from .tasks import process_after_commit

TOO_MANY = "We have received many requests from your network in the last hour. Please try again later."


def _signup_page(request, form, status=200, notice=""):
    context = {"form": form, "notice": notice}
    return render(request, "mailinglist/signup.html", context, status=status)


def _request_row(request, form, **fields):
    """The one row every accepted request writes, whatever the address, or None when the
    form is a bot's or the address has had its share of mail."""
    if form.looks_automated():
        return None
    data = form.cleaned_data
    if not ratelimits.allow_address(data["email"]):
        return None
    row = SignupRequest.objects.create(
        email=data["email"],
        ip_hash=keyed_hash("ip", client_ip(request)),
        user_agent=request.headers.get("User-Agent", "")[:300],
        consent_version=CURRENT_CONSENT_VERSION,
        **fields,
    )
    process_after_commit(row)
    return row


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.method == "GET":
        return _signup_page(request, SignupForm(initial={"page": request.path}))
    form = SignupForm(request.POST)
    if not form.is_valid():
        return _signup_page(request, form)
    if not form.looks_automated() and not ratelimits.allow_ip(client_ip(request)):
        return _signup_page(request, SignupForm(initial={"page": form.cleaned_data["page"]}), 429, TOO_MANY)
    data = form.cleaned_data
    _request_row(
        request,
        form,
        name=data["name"],
        interest_ids=[topic.pk for topic in data["interests"]],
        page=data["page"] or request.path,
    )
    return redirect("mailinglist:check_inbox")


def check_inbox(request):
    return render(request, "mailinglist/check_inbox.html")


@never_cache
@require_http_methods(["GET", "POST"])
def preferences_link(request):
    """Asks for a fresh preferences link by mail; the answer is the same for every address."""
    form = PreferencesLinkForm(request.POST if request.method == "POST" else None)
    status, notice = 200, ""
    if form.is_valid():
        if not form.looks_automated() and not ratelimits.allow_ip(client_ip(request)):
            status, notice = 429, TOO_MANY
        else:
            _request_row(request, form, purpose=SignupRequest.Purpose.PREFERENCES_LINK)
            return redirect("mailinglist:preferences_link_sent")
    return render(request, "mailinglist/preferences_link.html", {"form": form, "notice": notice}, status=status)


def preferences_link_sent(request):
    return render(request, "mailinglist/preferences_link_sent.html")


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
