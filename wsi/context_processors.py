from django.conf import settings


def site(request):
    """SITE_URL, the public origin that canonical and sharing URLs are built from."""
    return {"SITE_URL": settings.SITE_URL}
