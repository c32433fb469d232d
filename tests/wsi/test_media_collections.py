"""Images and documents filed in collections by use, and the private collection for embargoed
reports: its documents are served to logged-in staff only."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction

from tests.helpers.staff import staff_member
from wsi.media_collections import collection_named

pytestmark = pytest.mark.django_db


def document_in(collection_name, title):
    return Document.objects.create(
        title=title,
        file=ContentFile(b"%PDF-1.4 " + title.encode(), name="report.pdf"),
        collection=collection_named(collection_name),
    )


def test_each_app_has_its_collections_and_the_embargo_one_is_private():
    names = set(Collection.get_first_root_node().get_children().values_list("name", flat=True))

    assert {"Page images", "People", "Reports", "Embargoed reports", "Event documents"} <= names
    restrictions = CollectionViewRestriction.objects.filter(collection__name="Embargoed reports")
    assert [restriction.restriction_type for restriction in restrictions] == [CollectionViewRestriction.LOGIN]
    assert not CollectionViewRestriction.objects.filter(collection__name="Reports").exists()


def test_an_embargoed_report_asks_a_visitor_to_log_in_and_is_served_to_staff(client, home):
    embargoed = document_in("Embargoed reports", "Field scan draft")

    anonymous = client.get(embargoed.url)
    client.force_login(staff_member("Editors"))
    staff = client.get(embargoed.url)

    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    assert b"Field scan draft" not in anonymous.content
    assert staff.status_code == 200
    assert b"Field scan draft" in b"".join(staff.streaming_content)


def test_a_released_report_is_served_to_everyone(client, home):
    released = document_in("Reports", "Field scan")

    response = client.get(released.url)

    assert response.status_code == 200
    assert b"Field scan" in b"".join(response.streaming_content)


def test_editors_upload_into_any_collection_including_the_private_one(client, home):
    client.force_login(staff_member("Editors"))

    page = client.get("/admin/documents/multiple/add/").content.decode()

    assert "Embargoed reports" in page and "Reports" in page
