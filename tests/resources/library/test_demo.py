import pytest
from django.core.management import call_command
from wagtail.documents.models import Document
from wagtail.images.models import Image

from resources.library.demo.library import EMBARGOED_TITLE
from resources.library.models import FundersPage, Person, ResourcePage, StaffPage
from wsi.models import SectionPage

pytestmark = pytest.mark.django_db


def test_demo_library_holds_real_publications_and_labelled_samples(client, demo_site):
    resources = ResourcePage.objects.live()

    assert resources.count() >= 20
    assert resources.values("resource_type").distinct().count() == 8
    assert resources.dates("publication_date", "year").count() >= 12
    for resource in resources.prefetch_related("topics"):
        assert resource.topics.exists(), resource.title
        if resource.slug.startswith("sample-"):
            assert resource.title.startswith("Sample ")
            assert "Sample content" in resource.introduction


@pytest.mark.parametrize(
    ("slug", "title", "date"),
    [
        ("gaining-ground", "SEDLP Research Report No. 3: Gaining Ground", ""),
        (
            "sectoral-strategies-lessons-from-the-field",
            "Sectoral Strategies for Low-Income Workers: Lessons from the Field",
            "2007",
        ),
        ("systems-change-survey-of-program-activities", "Systems Change: A Survey of Program Activities", "2006"),
        (
            "business-value-assessment-handbook",
            "Business Value Assessment for Workforce Development Organizations (Handbook) v1.0",
            "October 2005",
        ),
    ],
)
def test_the_faq_link_targets_exist(client, demo_site, slug, title, date):
    response = client.get(f"/research-resources/{slug}/")

    assert response.status_code == 200
    resource = response.context["page"]
    assert (resource.title, resource.date_display) == (title, date)


def test_topic_sections_and_downloads_work(client, demo_site):
    for slug in ("sector-approach", "industry-specific", "sector-and-community-college", "worker-outcomes"):
        assert client.get(f"/research-resources/{slug}/").context["total"] > 0
    gaining_ground = ResourcePage.objects.get(slug="gaining-ground")
    assert "$10,000" in str(gaining_ground.key_findings)
    download = client.get(gaining_ground.document.url)
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_staff_and_funders_pages_follow_our_story(client, demo_site):
    about = SectionPage.objects.get(slug="about-us")

    slugs = [child.slug for child in about.get_children()]

    assert slugs[slugs.index("our-story") + 1 : slugs.index("our-story") + 3] == ["staff", "funders"]
    assert "Maureen Conway" in client.get(StaffPage.objects.get().url).content.decode()
    assert "Lessons from the Field" in client.get(FundersPage.objects.get().url).content.decode()


def test_demo_files_are_filed_by_use_and_the_embargoed_report_is_for_staff(client, demo_site, admin_user):
    portraits = Image.objects.filter(pk__in=Person.objects.exclude(photo=None).values("photo"))
    pdfs = Document.objects.filter(pk__in=ResourcePage.objects.exclude(document=None).values("document"))
    embargoed = Document.objects.get(title=EMBARGOED_TITLE)

    assert portraits and {image.collection.name for image in portraits} == {"People"}
    assert pdfs and {document.collection.name for document in pdfs} == {"Reports"}
    assert demo_site.hero_image.collection.name == "Page images"
    assert embargoed.collection.name == "Embargoed reports"
    assert client.get(embargoed.url).status_code == 302
    client.force_login(admin_user)
    assert client.get(embargoed.url).status_code == 200


def test_loading_again_changes_nothing_and_scale_adds_synthetic_resources(demo_site):
    before = ResourcePage.objects.count()
    call_command("load_demo_content", verbosity=0)
    assert ResourcePage.objects.count() == before

    call_command("load_demo_content", scale=30, verbosity=0)
    call_command("load_demo_content", scale=30, verbosity=0)
    assert ResourcePage.objects.count() == before + 30
    assert ResourcePage.objects.live().filter(slug="sample-resource-30").exists()
