"""Recordings and body embeds come from an oEmbed provider, here a local one: the player is
shown when the provider answers; when it does not, visitors get a link to the recording, and
the pages do not wait for the provider again for an hour. Only the providers the site allows
(YouTube, Vimeo, SoundCloud) are asked, and only their player frame is shown."""

import datetime
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.finders import get_finders
from wagtail.embeds.models import Embed

from resources.events.factories import EventPageFactory, make_events_section
from tests.helpers.admin_forms import staff_client, standard_page_form
from wsi.factories import StandardPageFactory
from wsi.models import StandardPage

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
    settings.EMBED_ORIGINS = ["https://video.example.org"]
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


def test_an_address_no_provider_takes_is_refused_in_the_page_body(client, provider, home):
    editor = staff_client("Editors")
    form = standard_page_form("Our webinar", "our-webinar", [("embed", "https://www.dailymotion.com/video/x8abc")])

    response = editor.post(f"/admin/pages/add/wsi/standardpage/{home.pk}/", form)

    assert response.status_code == 200
    assert "the site plays media from YouTube, Vimeo or SoundCloud only" in response.content.decode()
    assert not StandardPage.objects.filter(slug="our-webinar").exists()
    assert provider.requests == 0


def test_an_editor_embeds_from_an_allowed_provider(client, provider, home):
    form = standard_page_form("Our webinar", "our-webinar", [("embed", RECORDING)])

    response = staff_client().post(f"/admin/pages/add/wsi/standardpage/{home.pk}/", form)

    assert response.status_code == 302
    soup = BeautifulSoup(client.get("/our-webinar/").content, "html.parser")
    assert soup.select_one(".stream iframe")["src"] == "https://video.example.org/embed/42"


@pytest.mark.parametrize(
    "allowed",
    [
        '<iframe src="https://www.youtube-nocookie.com/embed/x" title="A talk" width="560" height="315" '
        'allow="encrypted-media; picture-in-picture" allowfullscreen></iframe>',
        '<iframe src="https://player.vimeo.com/video/1" title="A talk"></iframe>',
        '<iframe src="https://w.soundcloud.com/player/?url=a&visual=true" title="A talk"></iframe>',
    ],
)
def test_only_the_players_frame_of_a_stored_embed_is_shown(client, home, allowed):
    url = "https://www.youtube.com/watch?v=x"
    Embed.objects.create(url=url, hash=get_embed_hash(url), html=f"<div>{allowed}<script>alert(1)</script></div>")
    page = StandardPageFactory(parent=home, body=[{"type": "embed", "value": url}])

    stream = BeautifulSoup(client.get(page.url).content, "html.parser").select_one(".stream")

    frame = stream.select_one("iframe")
    assert str(frame) == str(BeautifulSoup(allowed, "html.parser").iframe)
    assert frame.parent.contents == [frame]
    assert stream.select("script") == []


@pytest.mark.parametrize(
    ("url", "html"),
    [
        # Fetched before the provider was taken off the list.
        ("https://www.dailymotion.com/video/x8abc", '<iframe src="https://www.dailymotion.com/embed/x8abc"></iframe>'),
        # An allowed provider's answer that is not one of its players.
        ("https://www.youtube.com/watch?v=y", '<iframe src="https://attacker.example/frame"></iframe>'),
        ("https://www.youtube.com/watch?v=z", '<img src="x" onerror="alert(1)">'),
        ("https://vimeo.com/2", '<iframe src="javascript:alert(1)"></iframe>'),
    ],
)
def test_any_other_stored_embed_falls_back_to_a_link(client, home, url, html):
    Embed.objects.create(url=url, hash=get_embed_hash(url), html=html)
    page = StandardPageFactory(parent=home, body=[{"type": "embed", "value": url}])

    soup = BeautifulSoup(client.get(page.url).content, "html.parser")

    assert soup.select_one(".stream .embed-link a")["href"] == url
    assert soup.select_one(".stream iframe, .stream img") is None
