"""When an event is upcoming, and how its time is told: in its own zone, named."""

import datetime
from datetime import UTC

import pytest
import time_machine
from django.core.exceptions import ValidationError

from resources.events.factories import EventPageFactory
from resources.events.models import EventPage

pytestmark = pytest.mark.django_db


def at(*args):
    return time_machine.travel(datetime.datetime(*args, tzinfo=UTC), tick=False)


def upcoming_titles():
    return [event.title for event in EventPage.objects.live().upcoming()]


def past_titles():
    return [event.title for event in EventPage.objects.live().past()]


def test_an_event_in_progress_is_upcoming_until_it_ends(events):
    # 2 p.m. to 4 p.m. in New York on 10 June 2030 is 18:00 to 20:00 UTC.
    EventPageFactory(
        parent=events,
        title="Roundtable",
        start_date=datetime.date(2030, 6, 10),
        start_time=datetime.time(14),
        end_time=datetime.time(16),
    )
    with at(2030, 6, 10, 19, 59):
        assert upcoming_titles() == ["Roundtable"]
        assert EventPage.objects.get().is_in_progress
    with at(2030, 6, 10, 20, 0):
        assert upcoming_titles() == []
        assert past_titles() == ["Roundtable"]


def test_an_all_day_event_stays_upcoming_until_midnight_in_its_own_zone(events):
    EventPageFactory(
        parent=events,
        title="Day in Los Angeles",
        start_date=datetime.date(2030, 6, 10),
        start_time=None,
        end_time=None,
        time_zone="America/Los_Angeles",
    )
    # 23:30 on 10 June in Los Angeles is already 11 June in UTC and in New York.
    with at(2030, 6, 11, 6, 30):
        assert upcoming_titles() == ["Day in Los Angeles"]
    with at(2030, 6, 11, 7, 0):
        assert upcoming_titles() == []


def test_an_event_across_the_spring_dst_change_ends_at_the_right_instant(events):
    # Clocks in New York go from 2 a.m. EST to 3 a.m. EDT on 9 March 2025: the night lasts 5 hours.
    event = EventPageFactory(
        parent=events,
        title="Night shift forum",
        start_date=datetime.date(2025, 3, 8),
        start_time=datetime.time(22),
        end_date=datetime.date(2025, 3, 9),
        end_time=datetime.time(4),
    )
    assert event.starts_at == datetime.datetime(2025, 3, 9, 3, 0, tzinfo=UTC)
    assert event.ends_at == datetime.datetime(2025, 3, 9, 8, 0, tzinfo=UTC)
    assert event.when == ("Saturday, March 8, 2025, 10 p.m. EST – Sunday, March 9, 2025, 4 a.m. EDT (Eastern Time)")
    with at(2025, 3, 9, 7, 59):
        assert upcoming_titles() == ["Night shift forum"]
    with at(2025, 3, 9, 8, 0):
        assert upcoming_titles() == []


def test_upcoming_is_soonest_first_and_past_latest_first(events):
    for title, day in [("Later", 20), ("Sooner", 10), ("Long ago", 1), ("Lately", 5)]:
        EventPageFactory(parent=events, title=title, start_date=datetime.date(2030, 6, day))
    with at(2030, 6, 8, 12, 0):
        assert upcoming_titles() == ["Sooner", "Later"]
        assert past_titles() == ["Lately", "Long ago"]


def test_the_time_is_shown_in_the_events_zone_with_the_zone_named(events):
    event = EventPageFactory(
        parent=events,
        start_date=datetime.date(2030, 1, 15),
        start_time=datetime.time(10),
        end_time=datetime.time(11, 30),
        time_zone="America/Chicago",
    )
    assert event.when == "Tuesday, January 15, 2030, 10 a.m. – 11:30 a.m. CST (Central Time)"
    assert event.local_start.isoformat() == "2030-01-15T10:00:00-06:00"


def test_all_day_events_show_their_dates_only(events):
    one_day = EventPageFactory(parent=events, start_date=datetime.date(2030, 1, 15), start_time=None, end_time=None)
    two_days = EventPageFactory(
        parent=events,
        start_date=datetime.date(2030, 1, 15),
        end_date=datetime.date(2030, 1, 16),
        start_time=None,
        end_time=None,
    )
    assert one_day.when == "Tuesday, January 15, 2030 (all day)"
    assert two_days.when == "Tuesday, January 15, 2030 – Wednesday, January 16, 2030"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"start_time": datetime.time(14), "end_time": None}, "Give both a start and an end time"),
        ({"end_date": datetime.date(2030, 1, 14)}, "cannot end before it starts"),
        ({"start_time": datetime.time(14), "end_time": datetime.time(13)}, "must end after it starts"),
    ],
)
def test_editors_are_told_when_the_times_do_not_make_sense(events, fields, message):
    event = EventPage(title="Bad times", slug="bad-times", start_date=datetime.date(2030, 1, 15), **fields)
    with pytest.raises(ValidationError, match=message):
        event.clean()
