"""The Content-Security-Policy: strict on the public site, relaxed under /admin/ only, because
Wagtail's admin writes inline styles and scripts that the public templates never need."""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse


class SitePolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with ``ADMIN_CSP_REPLACE`` over the policy for admin paths."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(reverse("wagtailadmin_home")):
            parts.replace = {**settings.ADMIN_CSP_REPLACE, **(parts.replace or {})}
        return parts
