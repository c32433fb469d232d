"""A URLconf for tests only: a view that fails, at the address of a mailing-list link, and one
whose database connection is lost."""

from django.db import OperationalError
from django.urls import path


def fail(request, token):
    raise RuntimeError("a bug in a view")


def lose_the_database(request):
    raise OperationalError("connection failed: Connection refused")


urlpatterns = [path("mailing-list/confirm/<str:token>/", fail), path("database-down/", lose_the_database)]

handler500 = "wsi.views.server_error"
