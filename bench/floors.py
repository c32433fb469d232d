"""What the benchmarks serve with gunicorn: the site with one more URL, a trivial Django view
(the site's whole middleware stack, no template, no query), and a trivial WSGI app. The site
also serves /media/ itself, as nginx does in production, so that pages load their images."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wsi.settings.production")

from django.conf import settings  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import include, path, re_path  # noqa: E402
from django.views.static import serve  # noqa: E402

site = get_wsgi_application()
settings.ROOT_URLCONF = "bench.floors"


def trivial_view(request):
    return HttpResponse("ok", content_type="text/plain")


def trivial_wsgi(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "2")])
    return [b"ok"]


urlpatterns = [
    path("bench-floor/", trivial_view),
    re_path(r"^media/(?P<path>images/.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    path("", include("wsi.urls")),
]
handler500 = "wsi.views.server_error"
