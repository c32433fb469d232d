"""Rows that several tests read, committed so that a live server's threads see them too."""

from django.core.management import call_command


def empty_database():
    """Delete every row, as pytest-django does after a transactional test."""
    call_command("flush", interactive=False, verbosity=0)


def committed(django_db_blocker, build):
    """A fixture's body: commit what ``build()`` makes and hand it to the tests, then empty the
    database. Tests that read such rows run after those rolled back (see tests/conftest.py)."""
    with django_db_blocker.unblock():
        rows = build()
    yield rows
    with django_db_blocker.unblock():
        empty_database()
