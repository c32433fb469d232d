"""Recordings and body embeds come from an oEmbed provider, here a local one: the player is
shown when the provider answers; when it does not, visitors get a link to the recording, and
the pages do not wait for the provider again for an hour."""

import datetime
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.embeds.finders import get_finders

from resources.events.factories import EventPageFactory, make_events_section
from wsi.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

RECORDING = "https://video.example.org/watch/42"
PLAYER = '<iframe title="Recording of the webinar" src="https://video.example.org/embed/42"></iframe>'


class Provider:
    """An oEmbed endpoint on 127.0.0.1 that answers with a video, or with ``status`` when told."""

    def __init__(self):
        self.requests = 0
        self.status = 200
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                provider.requests += 1
                body = json.dumps({"type": "video", "version": "1.0", "html": PLAYER, "title": "Webinar"}).encode()
                self.send_response(provider.status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                if provider.status == 200:
                    self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.endpoint = f"http://127.0.0.1:{self.server.server_port}/oembed"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def provider(settings):
    provider = Provider()
    settings.WAGTAILEMBEDS_FINDERS = [
        {
            "class": "wagtail.embeds.finders.oembed",
            "providers": [{"endpoint": provider.endpoint, "urls": [r"^https://video\.example\.org/watch/.+$"]}],
        }
    ]
    get_finders.cache_clear()
    yield provider
    provider.server.shutdown()
    get_finders.cache_clear()


@pytest.fixture
def event(home):
    events = make_events_section(home)[0]
    return EventPageFactory(parent=events, start_date=datetime.date(2024, 5, 1), recording_embed_url=RECORDING)


def recording(client, page):
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    return soup.find("h2", string="Recording").find_parent("section")


def test_the_recording_plays_in_the_page_and_the_provider_is_asked_once(client, provider, event):
    first = recording(client, event)
    second = recording(client, event)

    assert first.select_one("iframe")["src"] == "https://video.example.org/embed/42"
    assert second.select_one("iframe") is not None
    assert provider.requests == 1


def test_when_the_provider_fails_visitors_get_a_link_and_pages_do_not_wait_for_it(client, provider, event):
    provider.status = 503

    section = recording(client, event)
    recording(client, event)

    link = section.select_one(".embed-link a")
    assert link["href"] == RECORDING
    assert link.get_text() == "Watch or listen to the recording"
    assert section.select_one("iframe") is None
    assert provider.requests == 1

    provider.status = 200
    with time_machine.travel(datetime.timedelta(hours=2)):
        assert recording(client, event).select_one("iframe") is not None


def test_an_embed_in_a_page_body_falls_back_to_a_link(client, provider, home):
    provider.status = 503
    page = StandardPageFactory(parent=home, body=[{"type": "embed", "value": RECORDING}], title="About the webinar")

    soup = BeautifulSoup(client.get(page.url).content, "html.parser")

    assert soup.select_one(".stream .embed-link a")["href"] == RECORDING


def test_an_address_no_provider_takes_is_refused_with_a_clear_message(provider, event):
    event.recording_embed_url = "https://files.example.com/webinar.mp4"

    with pytest.raises(ValidationError) as refused:
        event.full_clean()

    assert "cannot be embedded" in refused.value.message_dict["recording_embed_url"][0]
