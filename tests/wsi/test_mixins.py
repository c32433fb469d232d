"""The parts every page is built from (wsi.models.mixins): what editors and visitors get from
them on every page type."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import get_page_models

from resources.events.factories import EventSeriesIndexPageFactory, make_events_section
from resources.library.factories import ResourceIndexPageFactory
from wsi.factories import SectionPageFactory, StandardPageFactory
from wsi.models import BodyMixin

pytestmark = pytest.mark.django_db


def paragraph(text):
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def found(client, query):
    soup = BeautifulSoup(client.get("/search/", {"q": query}).content, "html.parser")
    return sorted(title.get_text(strip=True) for title in soup.select(".search-result .search-result__title"))


def test_site_search_finds_words_in_the_body_of_the_library_and_public_events_pages(client, home):
    our_work = SectionPageFactory(parent=home, title="Our Work", slug="our-work")
    ResourceIndexPageFactory(parent=home, body=paragraph("The library began with a pamphlet on quiltmaking."))
    EventSeriesIndexPageFactory(parent=our_work, body=paragraph("Our discussions once toured a quiltmaking fair."))
    StandardPageFactory(parent=our_work, title="Unrelated", body=paragraph("Nothing to see here."))

    assert found(client, "quiltmaking") == ["Public Events", "Research & Resources"]


def test_site_search_finds_words_in_the_introduction_of_any_page(client, home):
    events, news = make_events_section(home)
    events.introduction = "Talks on the haberdashery trade, among others."
    events.save_revision().publish()

    assert found(client, "haberdashery") == ["Events"]


@pytest.mark.parametrize(
    "model", [model for model in get_page_models() if issubclass(model, BodyMixin)], ids=lambda model: model.__name__
)
def test_every_page_type_with_a_body_is_searched_by_it_and_edits_it(model):
    searched = {field.field_name for field in model.get_search_fields()}
    edited = set(model.get_edit_handler().get_form_options()["fields"])

    assert {"title", "introduction", "body"} <= searched
    assert {"title", "introduction", "body"} <= edited
