"""The library's and the calendar's part of the demo site; topics, people and organisations
come first because events and news refer to them."""

from . import events, library


def load(demo):
    library.load(demo)
    events.load(demo)
