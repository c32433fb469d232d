import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

from wsi.factories import SectionPageFactory, StandardPageFactory
from wsi.navigation import menu_tree

pytestmark = pytest.mark.django_db


def menu_links(client):
    html = client.get("/").content.decode()
    return html.split('aria-label="Main"', 1)[1].split("</nav>", 1)[0]


def test_the_menus_are_read_from_the_cache_once_built(home, django_assert_num_queries):
    about = SectionPageFactory(parent=home, title="About us", slug="about-us")
    StandardPageFactory(parent=about, title="Our Story", slug="our-story")
    site = Site.objects.get(root_page=home)
    menu_tree(site)

    with django_assert_num_queries(0):
        tree = menu_tree(site)

    assert [(section.title, [child.title for child in children]) for section, children in tree] == [
        ("About us", ["Our Story"])
    ]


def test_a_published_page_appears_in_the_menus_at_once(client, home):
    about = SectionPageFactory(parent=home, title="About us", slug="about-us")
    assert "Funders" not in menu_links(client)

    funders = StandardPageFactory(parent=about, title="Funders", slug="funders", live=False)
    funders.save_revision().publish()

    assert "Funders" in menu_links(client)


def test_an_unpublished_or_moved_page_leaves_the_menus_at_once(client, home):
    about = SectionPageFactory(parent=home, title="About us", slug="about-us")
    work = SectionPageFactory(parent=home, title="Our Work", slug="our-work")
    story = StandardPageFactory(parent=about, title="Our Story", slug="our-story")
    tools = StandardPageFactory(parent=about, title="Tools", slug="tools")
    assert "Our Story" in menu_links(client)

    story.unpublish()
    tools.move(work, pos="last-child")

    links = menu_links(client)
    assert "Our Story" not in links
    assert 'href="/our-work/tools/"' in links


def test_menus_show_a_page_by_its_menu_title_and_the_page_keeps_its_title(client, home):
    work = SectionPageFactory(parent=home, title="Our Work", slug="our-work", menu_title="Work")
    faq = StandardPageFactory(parent=work, title="Frequently Asked Questions", slug="faq", menu_title="FAQ")
    StandardPageFactory(parent=work, title="Tools", slug="tools")

    soup = BeautifulSoup(client.get(faq.url).content, "html.parser")

    def labels(selector):
        return [link.get_text(strip=True) for link in soup.select(f"{selector} a")]

    assert labels(".primary-nav") == ["Work", "FAQ", "Tools"]
    assert labels(".site-footer__nav") == ["Work", "FAQ", "Tools"]
    assert labels(".section-menu") == ["Work", "FAQ", "Tools"]
    assert soup.h1.get_text(strip=True) == "Frequently Asked Questions"
    assert soup.title.get_text().startswith("Frequently Asked Questions")
