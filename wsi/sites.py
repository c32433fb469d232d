"""The Wagtail site a request is for, looked up once per process until public pages change
(``page_cache.remembered``) rather than by a query at every request."""

from django.http.request import split_domain_port
from wagtail.models import Site

from wsi import page_cache


class SiteMiddleware:
    """Sets the site that ``Site.find_for_request`` returns. After CommonMiddleware, which
    refuses a host outside ALLOWED_HOSTS: only the site's own names are kept."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()
        request._wagtail_site = page_cache.remembered(("site", hostname, port), lambda: Site._find_for_request(request))
        return self.get_response(request)
