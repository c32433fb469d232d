"""Rows that the tests of a module share, built once: kept in a transaction rolled back after
the module, or committed so that a live server's threads see them too."""

from django.core.management import call_command
from django.db import transaction


def empty_database():
    """Delete every row, as pytest-django does after a transactional test."""
    call_command("flush", interactive=False, verbosity=0)


def rolled_back(django_db_blocker, build):
    """A module fixture's body: what ``build()`` makes stays in a transaction open while the
    module's tests run, each rolled back to a savepoint of its own, and is rolled back after the
    last. For modules whose tests are not transactional."""
    with django_db_blocker.unblock(), transaction.atomic():
        rows = build()
        with django_db_blocker.block():
            yield rows
        transaction.set_rollback(True)


def committed(django_db_blocker, build):
    """A fixture's body: commit what ``build()`` makes and hand it to the tests, then empty the
    database. Tests that read such rows run after those rolled back (see tests/conftest.py)."""
    with django_db_blocker.unblock():
        rows = build()
    yield rows
    with django_db_blocker.unblock():
        empty_database()
