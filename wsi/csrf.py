"""CSRF protection without a token in public pages, so that they can be cached and shared.

A cross-site form post comes from a browser, and every browser in use says where a post comes
from: ``Sec-Fetch-Site`` (Fetch Metadata) and ``Origin``. Outside the admin, a post that says it
comes from this site is accepted without the token; any other post (another site's, or a client
that sends neither header) still needs Django's cookie and token, which public pages no longer
carry, so it is refused. The admin, whose forms carry tokens, keeps Django's full check."""

from django.middleware.csrf import CsrfViewMiddleware

from wsi.security import in_admin

SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")


class SameOriginCsrfMiddleware(CsrfViewMiddleware):
    def process_view(self, request, callback, callback_args, callback_kwargs):
        if request.method not in SAFE_METHODS and not in_admin(request) and self._from_this_site(request):
            return self._accept(request)
        return super().process_view(request, callback, callback_args, callback_kwargs)

    def _from_this_site(self, request):
        if request.headers.get("Sec-Fetch-Site") == "same-origin":
            return True
        return "HTTP_ORIGIN" in request.META and self._origin_verified(request)
