"""Editors create events in the admin by wall-clock time in the event's own zone, and the
dashboard names the upcoming events nobody can register for yet."""

import datetime
from datetime import UTC

import pytest
import time_machine
from bs4 import BeautifulSoup
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from resources.events.factories import EventPageFactory, make_events_section
from resources.events.models import EventPage
from tests.helpers.staff import staff_member

pytestmark = pytest.mark.django_db


def event_form(**fields):
    data = {
        "title": "Chicago roundtable",
        "slug": "chicago-roundtable",
        "introduction": "",
        "status": "scheduled",
        "time_zone": "America/Chicago",
        "start_date": "2030-11-03",
        "start_time": "01:30",
        "end_date": "",
        "end_time": "03:00",
        "body": streamfield([]),
        "transcript": rich_text(""),
        "speakers": inline_formset([]),
        "related_pages": inline_formset([]),
        "related_documents": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(fields)
    return nested_form_data(data)


def test_an_editor_publishes_an_event_in_its_own_zone(admin_client, home):
    events = make_events_section(home)[0]

    response = admin_client.post(f"/admin/pages/add/events/eventpage/{events.pk}/", event_form())

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    event = EventPage.objects.get(slug="chicago-roundtable")
    # 3 November 2030: Chicago falls back from CDT to CST at 2 a.m., so this evening lasts 2.5 hours.
    assert event.starts_at == datetime.datetime(2030, 11, 3, 6, 30, tzinfo=UTC)
    assert event.ends_at == datetime.datetime(2030, 11, 3, 9, 0, tzinfo=UTC)


def test_an_editor_is_told_when_the_end_comes_before_the_start(admin_client, home):
    events = make_events_section(home)[0]

    response = admin_client.post(
        f"/admin/pages/add/events/eventpage/{events.pk}/", event_form(start_time="15:00", end_time="14:00")
    )

    assert response.status_code == 200
    assert "The event must end after it starts." in response.content.decode()
    assert not EventPage.objects.exists()


def test_an_editor_previews_a_new_event_with_its_time(admin_client, home):
    events = make_events_section(home)[0]
    preview_url = f"/admin/pages/add/events/eventpage/{events.pk}/preview/"

    assert admin_client.post(preview_url, event_form(start_time="10:00", end_time="11:00")).json()["is_valid"]
    html = admin_client.get(preview_url).content.decode()

    assert "Sunday, November 3, 2030, 10 a.m. – 11 a.m. CST (Central Time)" in html


@time_machine.travel(datetime.datetime(2030, 6, 1, 12, tzinfo=UTC), tick=False)
def test_the_dashboard_lists_upcoming_events_without_a_registration_link(client, events):
    EventPageFactory(parent=events, title="Open roundtable", start_date=datetime.date(2030, 6, 8))
    EventPageFactory(parent=events, title="Draft webinar", start_date=datetime.date(2030, 7, 1), live=False)
    EventPageFactory(parent=events, title="Booked", registration_url="https://example.org/register")
    EventPageFactory(parent=events, title="Called off", status=EventPage.Status.CANCELLED)
    EventPageFactory(parent=events, title="Last year", start_date=datetime.date(2029, 6, 8))
    client.force_login(staff_member("Editors"))

    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")

    panel = soup.find(id="events-without-registration-section")
    items = [" ".join(item.get_text(" ", strip=True).split()) for item in panel.find_all("li")]
    assert items == ["Open roundtable — 8 June 2030", "Draft webinar — 1 July 2030 (draft)"]
    assert "2 upcoming events cannot be registered for yet." in panel.get_text()


def test_the_panel_is_not_shown_to_staff_without_pages_or_when_every_event_has_registration(client, events):
    EventPageFactory(parent=events, title="Booked", registration_url="https://example.org/register")
    client.force_login(staff_member("Editors"))
    assert b"events-without-registration" not in client.get("/admin/").content

    EventPageFactory(parent=events, title="Open roundtable")
    client.force_login(staff_member("Announcers"))
    assert b"events-without-registration" not in client.get("/admin/").content
