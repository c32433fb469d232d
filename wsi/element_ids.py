"""Element ids that templates put on every page, declared by the app whose templates write them
(``reserved_element_ids`` on its AppConfig: exact ids, or patterns with ``?`` for each generated
character, as in ``"chart-????????-title"``; never ``*``, which would reserve every numbered
variant an anchor could fall back to). Ids made from editors' text, like a FAQ question's
anchor, must avoid them."""

from fnmatch import fnmatchcase
from functools import cache

from django.apps import apps


@cache
def reserved_patterns():
    return tuple(
        pattern for config in apps.get_app_configs() for pattern in getattr(config, "reserved_element_ids", ())
    )


def is_reserved(element_id):
    return any(fnmatchcase(element_id, pattern) for pattern in reserved_patterns())
