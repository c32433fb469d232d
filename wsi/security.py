"""The Content-Security-Policy: strict on the public site, relaxed under /admin/ only, because
Wagtail's admin writes inline styles and scripts that the public templates never need. And the
HTTP methods the public site answers."""

from csp.constants import SELF
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import HttpResponseNotAllowed
from django.urls import NoReverseMatch, reverse

PUBLIC_METHODS = ["GET", "HEAD", "POST"]


class SitePolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with ``ADMIN_CSP_REPLACE`` over the policy for admin paths."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        admin = admin_prefix()
        if admin and request.path_info.startswith(admin):
            parts.replace = {**settings.ADMIN_CSP_REPLACE, **(parts.replace or {})}
        elif _is_preview(request):
            parts.replace = {"frame-ancestors": [SELF], **(parts.replace or {})}
        return parts

    def process_response(self, request, response):
        # XFrameOptionsMiddleware, which comes after this one on the way out, keeps a header
        # that is already set.
        if _is_preview(request):
            response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        return super().process_response(request, response)


def _is_preview(request):
    """A page rendered for the admin's preview panel: Wagtail passes it through the middleware
    with the page's own path, and the admin frames it, so it may be framed by this site; the
    rest of the public policy applies, since it is the public page."""
    return getattr(request, "is_preview", False)


class PublicMethodsMiddleware:
    """The public site reads pages and takes forms: any other method gets 405. Wagtail's page
    view would otherwise render a page for PUT or DELETE and advertise every method to OPTIONS."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in PUBLIC_METHODS and not in_admin(request):
            return HttpResponseNotAllowed(PUBLIC_METHODS)
        return self.get_response(request)


def admin_prefix():
    """The admin's path, or None under a URLconf without it: an error page must not fail again."""
    try:
        return reverse("wagtailadmin_home")
    except NoReverseMatch:
        return None


def in_admin(request):
    admin = admin_prefix()
    return bool(admin) and request.path_info.startswith(admin)
