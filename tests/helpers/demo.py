"""The demo site, loaded by the command that ``make run`` uses."""

import io

from django.core.management import call_command
from wagtail.models import Site

from .database import empty_database


def load_demo():
    """The whole demo site; returns its home page."""
    call_command("load_demo_content", stdout=io.StringIO())
    return Site.objects.get(is_default_site=True).root_page.specific


class SharedDemo:
    """The demo site, committed once for all the tests that read it, so that a live server's
    threads see it too; removed after the last of them, since the tests that follow expect an
    empty site."""

    def __init__(self, django_db_blocker):
        self._blocker = django_db_blocker
        self._in_database = False
        self.home_pk = None

    def load(self):
        self._in_database = True  # also when loading fails halfway
        with self._blocker.unblock():
            self.home_pk = load_demo().pk

    def remove(self):
        if not self._in_database:
            return
        with self._blocker.unblock():
            empty_database()
        self._in_database = False
        self.home_pk = None
