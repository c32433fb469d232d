"""CSV imports: the upload is checked before anything is stored, a task imports it, and the
staff see a report that accounts for every row, and the admin log has the entry."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import ModelLogEntry

from mailinglist.factories import SubscriberFactory
from mailinglist.models import Subscriber, SubscriberImport
from mailinglist.signups import suppress

pytestmark = pytest.mark.django_db

IMPORT = "/admin/mailing-list/subscribers/import/"
Status = Subscriber.Status


@pytest.fixture
def manager(client, django_user_model):
    user = django_user_model.objects.create_user("manager", "manager@example.org", "pw")
    user.groups.add(Group.objects.get(name="Mailing list managers"))
    client.force_login(user)
    return user


def upload(client, content, name="people.csv"):
    return client.post(IMPORT, {"file": SimpleUploadedFile(name, content), "confirm_consent": "on"})


def test_the_report_accounts_for_every_row(client, home, manager, django_capture_on_commit_callbacks):
    suppress("gone@example.org", "unsubscribed")
    SubscriberFactory(email="nameless@example.org", name="")
    SubscriberFactory(email="already@example.org", name="Already Here")
    SubscriberFactory(email="waiting@example.org", pending=True)
    rows = [
        "email,name",  # 1: the header
        "new@Example.org,New Person",  # 2: added
        "gone@example.org,",  # 3: unsubscribed before
        "nameless@example.org,Now Named",  # 4: updated
        "already@example.org,Another Name",  # 5: already on the list
        "no-at-sign,Someone",  # 6: no @
        "nonsense@,",  # 7: not valid
        "NEW@example.org,Again",  # 8: repeated
        "waiting@example.org,",  # 9: pending
        ",",  # 10: empty
        "second.new@example.org",  # 11: added
    ]

    with django_capture_on_commit_callbacks(execute=True):
        uploaded = upload(client, "\n".join(rows).encode())
    response = client.get(uploaded["Location"])  # the task ran at commit

    soup = BeautifulSoup(response.content, "html.parser")
    report = " ".join(soup.find(id="import-report").get_text().split())
    table = {
        cells[0]: (cells[1], cells[2])
        for cells in ([" ".join(td.get_text().split()) for td in tr.find_all("td")] for tr in soup.select("tbody tr"))
    }
    assert uploaded.status_code == 302 and uploaded["Location"].startswith(IMPORT)
    assert "Imported 2 new subscribers, updated 1, skipped 7 rows." in report
    assert table == {
        "Unsubscribed or erased earlier": ("1", "3"),
        "Already on the list": ("1", "5"),
        "No @ in the first column": ("1", "6"),
        "Not a valid address": ("1", "7"),
        "Repeated in this file": ("1", "8"),
        "Signed up, waiting for their own confirmation": ("1", "9"),
        "Empty row": ("1", "10"),
    }
    new = Subscriber.objects.get(email="new@example.org")
    assert (new.status, new.consent_method, new.name) == (Status.SUBSCRIBED, "imported", "New Person")
    assert Subscriber.objects.get(email="nameless@example.org").name == "Now Named"
    assert Subscriber.objects.get(email="already@example.org").name == "Already Here"
    assert not Subscriber.objects.filter(email="gone@example.org").exists()
    job = SubscriberImport.objects.get()
    assert job.state == SubscriberImport.State.DONE and job.content == ""  # the file is forgotten
    assert job.skipped_rows["No @ in the first column"] == {"count": 1, "rows": [6]}


def test_the_import_is_written_to_the_admin_log(client, home, manager, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, b"one@example.org\ntwo@example.org\nthree\n")

    [entry] = ModelLogEntry.objects.filter(action="mailinglist.import")
    assert entry.user == manager
    assert entry.data == {"file": "people.csv", "added": 2, "updated": 0, "skipped": 1}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"one@example.org\ntwo@exa\x00mple.org\n", "contains NUL bytes"),
        (b"one@example.org\n\xff\xfe\n", "CSV UTF-8"),
        (b"", "The submitted file is empty"),
        (b"\n \n", "The file has no rows"),
    ],
)
def test_a_file_that_cannot_be_imported_gets_a_clear_message_and_stores_nothing(
    client, home, manager, content, message, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, content)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Subscriber.objects.exists()
    assert not SubscriberImport.objects.exists()


def test_an_oversized_file_is_refused_before_it_is_read(client, home, manager, settings):
    settings.MAILINGLIST_IMPORT_MAX_BYTES = 1024 * 1024
    content = b"".join(f"person{n}@example.org\n".encode() for n in range(60_000))

    response = upload(client, content)

    assert response.status_code == 200
    assert "The file is larger than 1 MB: split it into smaller files" in response.content.decode()
    assert not Subscriber.objects.exists() and not SubscriberImport.objects.exists()


def test_the_report_page_says_when_the_import_has_not_ended(client, home, manager):
    job = SubscriberImport.objects.create(filename="big.csv", content="a@example.org\n", created_by=manager)

    response = client.get(f"{IMPORT}{job.pk}/")

    assert b"Waiting to start" in response.content
    assert b'data-running="true"' in response.content and b"import-report.js" in response.content
