from django.conf import settings
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemaps
from wagtail.documents import urls as wagtaildocs_urls

from mailinglist.sitemaps import NewsletterSitemap
from wsi import media, views
from wsi.sitemaps import PageSitemap

# The sections of the sitemap, each at /sitemap-<section>.xml and listed by the index, /sitemap.xml.
SITEMAPS = {"pages": PageSitemap, "newsletters": NewsletterSitemap}

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("search/", views.search, name="search"),
    path("sitemap.xml", sitemaps.index, {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"}, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemaps.sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
    path("mailing-list/", include("mailinglist.urls")),
]

if settings.DEBUG:
    urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media.media, name="media")]

urlpatterns += [path("", include(wagtail_urls))]

handler500 = "wsi.views.server_error"
