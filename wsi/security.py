"""The Content-Security-Policy: strict on the public site, relaxed under /admin/ only, because
Wagtail's admin writes inline styles and scripts that the public templates never need."""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import NoReverseMatch, reverse


class SitePolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with ``ADMIN_CSP_REPLACE`` over the policy for admin paths."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        admin = admin_prefix()
        if admin and request.path_info.startswith(admin):
            parts.replace = {**settings.ADMIN_CSP_REPLACE, **(parts.replace or {})}
        return parts


def admin_prefix():
    """The admin's path, or None under a URLconf without it: an error page must not fail again."""
    try:
        return reverse("wagtailadmin_home")
    except NoReverseMatch:
        return None


def in_admin(request):
    admin = admin_prefix()
    return bool(admin) and request.path_info.startswith(admin)
