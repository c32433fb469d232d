import pytest

from wsi.factories import SectionPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def test_home_page_shows_its_heading(client, home):
    response = client.get("/")
    assert response.status_code == 200
    assert "Helping low-income Americans gain ground" in response.content.decode()


def test_standard_page_has_title_breadcrumbs_and_navigation(client, home):
    about = SectionPageFactory(parent=home, title="About us", slug="about-us")
    story = StandardPageFactory(parent=about, title="Our Story", slug="our-story")

    html = client.get(story.url).content.decode()

    assert "<h1>Our Story</h1>" in html
    assert 'aria-label="Breadcrumb"' in html
    assert '<a href="/about-us/">About us</a>' in html
    assert 'aria-current="page"' in html


def test_draft_pages_stay_out_of_the_menus(client, home):
    about = SectionPageFactory(parent=home, title="About us", slug="about-us")
    draft = StandardPageFactory(parent=about, title="Unpublished plans", live=False)

    html = client.get("/").content.decode()

    assert "About us" in html
    assert draft.title not in html
