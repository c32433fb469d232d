"""A URLconf for tests only: a view that fails, at the address of a mailing-list link."""

from django.urls import path


def fail(request, token):
    raise RuntimeError("a bug in a view")


urlpatterns = [path("mailing-list/confirm/<str:token>/", fail)]
