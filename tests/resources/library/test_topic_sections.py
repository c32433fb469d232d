import pytest
from bs4 import BeautifulSoup

from resources.library.models import Topic

pytestmark = pytest.mark.django_db


def test_each_topic_has_its_section_under_the_library(client, library):
    topic = Topic.objects.create(name="Worker Outcomes", slug="worker-outcomes")

    assert topic.get_absolute_url() == "/research-resources/worker-outcomes/"
    response = client.get(topic.get_absolute_url())
    assert response.status_code == 200
    assert "<h1>Worker Outcomes</h1>" in response.content.decode()


def test_unknown_topic_is_a_404(client, library):
    assert client.get("/research-resources/no-such-topic/").status_code == 404


def test_a_topic_section_leads_back_to_the_library_in_its_breadcrumbs(client, library):
    Topic.objects.create(name="Worker Outcomes", slug="worker-outcomes")

    html = BeautifulSoup(client.get("/research-resources/worker-outcomes/").content, "html.parser")

    crumbs = html.find("nav", attrs={"aria-label": "Breadcrumb"})
    assert [link["href"] for link in crumbs.find_all("a")] == ["/", "/research-resources/"]
    assert crumbs.find(attrs={"aria-current": "page"}).text == "Worker Outcomes"
