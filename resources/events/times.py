"""When an event happens, in its own time zone: the wall-clock dates and times editors enter
become two instants (start and end) and a sentence that names the zone."""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import dateformat

DEFAULT_TIME_ZONE = "America/New_York"
TIME_ZONES = [
    ("America/New_York", "Eastern Time"),
    ("America/Chicago", "Central Time"),
    ("America/Denver", "Mountain Time"),
    ("America/Phoenix", "Mountain Time (Arizona)"),
    ("America/Los_Angeles", "Pacific Time"),
    ("America/Anchorage", "Alaska Time"),
    ("Pacific/Honolulu", "Hawaii Time"),
    ("America/Puerto_Rico", "Atlantic Time (Puerto Rico)"),
    ("Europe/London", "UK Time"),
    ("UTC", "Coordinated Universal Time (UTC)"),
]
ZONE_NAMES = dict(TIME_ZONES)


def instants(zone_key, start_date, start_time, end_date, end_time):
    """The start and end of an event as UTC datetimes. Without times the event lasts whole
    days: from the start of its first day to the start of the day after its last, in its zone."""
    zone = ZoneInfo(zone_key)
    end_date = end_date or start_date
    if start_time is None:
        start = datetime.combine(start_date, time.min, zone)
        end = datetime.combine(end_date + timedelta(days=1), time.min, zone)
    else:
        start = datetime.combine(start_date, start_time, zone)
        end = datetime.combine(end_date, end_time or start_time, zone)
    return start.astimezone(UTC), end.astimezone(UTC)


def _day(value):
    return dateformat.format(value, "l, F j, Y")


def _clock(value):
    return dateformat.format(value, "P")


def describe(start, end, zone_key, all_day):
    """A sentence for visitors, e.g. "Tuesday, March 10, 2026, 2 p.m. – 3:30 p.m. EDT (Eastern Time)".
    ``start`` and ``end`` are aware datetimes; all-day events show only their dates."""
    zone = ZoneInfo(zone_key)
    start, end = start.astimezone(zone), end.astimezone(zone)
    if all_day:
        last_day = (end - timedelta(days=1)).date()
        if last_day <= start.date():
            return f"{_day(start)} (all day)"
        return f"{_day(start)} – {_day(last_day)}"
    zone_label = ZONE_NAMES.get(zone_key, zone_key)
    if start.date() == end.date() and start.tzname() == end.tzname():
        return f"{_day(start)}, {_clock(start)} – {_clock(end)} {start.tzname()} ({zone_label})"
    return f"{_day(start)}, {_clock(start)} {start.tzname()} – {_day(end)}, {_clock(end)} {end.tzname()} ({zone_label})"
