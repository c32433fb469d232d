"""The Wagtail site a request is for, kept in the process until public pages change
(``page_cache.remembered``) rather than looked up by a query at every request."""

from django.http.request import split_domain_port

from wsi import page_cache


class SiteMiddleware:
    """Gives the request the site that ``Site.find_for_request`` found for an earlier one with
    the same host and port, and keeps the one it finds otherwise. It never looks the site up
    itself: a request that needs no site (a health check, an error page) needs no database. After
    CommonMiddleware, which refuses a host outside ALLOWED_HOSTS: only the site's own names are
    kept."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        name = ("site", split_domain_port(request.get_host())[0], request.get_port())
        site = page_cache.recall(name)
        if site is not None:
            request._wagtail_site = site
        response = self.get_response(request)
        # Not after a POST, which may have changed the site it found at the start.
        if site is None and request.method == "GET" and getattr(request, "_wagtail_site", None) is not None:
            page_cache.remember(name, request._wagtail_site)
        return response
