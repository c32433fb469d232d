"""Media in an S3-compatible bucket (django-storages), against moto's S3 server on loopback:
renditions on pages come from the bucket, documents stay behind Wagtail's serve view and its
privacy check, and nothing but renditions is readable from the bucket by a visitor."""

import io
import os
import subprocess
import sys
from pathlib import Path

import environ
import pytest
import requests
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import override_settings
from moto.server import ThreadedMotoServer
from wagtail.documents.models import Document

from tests.helpers.staff import staff_member
from wsi.demo_kit import demo_image
from wsi.media_collections import collection_named
from wsi.settings.object_storage import s3_media_storage

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
BUCKET = "wsi-media"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "wsi-test", "AWS_SECRET_ACCESS_KEY": "wsi-test-secret"}


@pytest.fixture
def object_store():
    """The endpoint, e.g. http://127.0.0.1:41234, of moto's S3 server, stopped after the test."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    # moto keeps its buckets in the process, not in the server: each test starts with none.
    requests.post(f"{endpoint}/moto-api/reset", timeout=10).raise_for_status()
    yield endpoint
    server.stop()


@pytest.fixture
def bucket(object_store, monkeypatch):
    """Media stored in a fresh bucket, configured from the environment as in production."""
    for name, value in {
        **CREDENTIALS,
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": object_store,
        "AWS_S3_REGION_NAME": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    storage = s3_media_storage(environ.Env())
    with override_settings(STORAGES={**settings.STORAGES, "default": storage}):
        output = io.StringIO()
        call_command("ensure_media_bucket", stdout=output)
        assert f"Bucket {BUCKET} created." in output.getvalue()
        yield default_storage.connection.meta.client


def embargoed_report():
    return Document.objects.create(
        title="Field scan draft",
        file=ContentFile(b"%PDF-1.4 embargoed findings", name="draft.pdf"),
        collection=collection_named("Embargoed reports"),
    )


def test_a_rendition_on_a_page_is_served_from_the_bucket(bucket, object_store, client, home):
    home.hero_image = demo_image("A photo", seed=1, description="Bands and circles", size=(400, 200))
    home.save_revision().publish()

    html = BeautifulSoup(client.get("/").content, "html.parser")
    src = html.select_one(".hero__image")["src"]
    picture = requests.get(src, timeout=10)

    assert src.startswith(f"{object_store}/{BUCKET}/images/")
    assert picture.status_code == 200
    assert picture.headers["Content-Type"] == "image/webp"
    assert picture.content[:4] == b"RIFF" and picture.content[8:12] == b"WEBP"


def test_originals_are_not_readable_from_the_bucket(bucket, home):
    photo = demo_image("A photo", seed=1, description="Bands and circles", size=(400, 200))

    assert photo.file.name.startswith("original_images/")
    assert requests.get(photo.file.url, timeout=10).status_code == 403


def test_an_embargoed_document_gives_a_visitor_neither_the_file_nor_a_bucket_address(
    bucket, object_store, client, home
):
    report = embargoed_report()

    anonymous = client.get(report.url)
    from_bucket = requests.get(report.file.url, timeout=10)
    client.force_login(staff_member("Editors"))
    staff = client.get(report.url)

    assert report.url == f"/documents/{report.id}/draft.pdf"
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    assert object_store not in anonymous["Location"] and object_store.encode() not in anonymous.content
    assert from_bucket.status_code == 403 and b"embargoed" not in from_bucket.content
    assert staff.status_code == 200
    assert staff["Content-Security-Policy"] == "default-src 'none'"
    assert b"".join(staff.streaming_content) == b"%PDF-1.4 embargoed findings"


def test_a_released_document_is_streamed_by_the_site_not_redirected_to_the_bucket(bucket, client, home):
    report = Document.objects.create(
        title="Field scan",
        file=ContentFile(b"%PDF-1.4 findings", name="report.pdf"),
        collection=collection_named("Reports"),
    )

    response = client.get(report.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 findings"
    assert requests.get(report.file.url, timeout=10).status_code == 403


def test_deleting_an_image_removes_its_objects(bucket, home, django_capture_on_commit_callbacks):
    photo = demo_image("A photo", seed=1, description="Bands and circles", size=(400, 200))
    rendition = photo.get_rendition("width-100")
    keys = [photo.file.name, rendition.file.name]
    assert all(bucket.head_object(Bucket=BUCKET, Key=key) for key in keys)

    with django_capture_on_commit_callbacks(execute=True):
        photo.delete()

    remaining = bucket.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    assert [item["Key"] for item in remaining if item["Key"] in keys] == []
    assert requests.get(rendition.url, timeout=10).status_code in (403, 404)


def _settings_with(environment):
    script = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.STORAGES['default']['BACKEND']); "
        "print(' '.join(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "wsi.settings.test", **environment}
    env = {name: value for name, value in env.items() if value is not None}
    done = subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    return done.stdout.split("\n")[:2]


@pytest.mark.parametrize(
    ("environment", "backend", "img_src"),
    [
        ({"AWS_STORAGE_BUCKET_NAME": None}, "django.core.files.storage.FileSystemStorage", "'self'"),
        (
            {"AWS_STORAGE_BUCKET_NAME": BUCKET, "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000"},
            "storages.backends.s3.S3Storage",
            "'self' http://127.0.0.1:9000",
        ),
        (
            {"AWS_STORAGE_BUCKET_NAME": BUCKET, "AWS_S3_CUSTOM_DOMAIN": "media.example.org"},
            "storages.backends.s3.S3Storage",
            "'self' https://media.example.org",
        ),
        (
            {
                "AWS_STORAGE_BUCKET_NAME": BUCKET,
                "AWS_S3_CUSTOM_DOMAIN": "localhost:9000/wsi-media",
                "AWS_S3_URL_PROTOCOL": "http:",
            },
            "storages.backends.s3.S3Storage",
            "'self' http://localhost:9000",
        ),
    ],
)
def test_the_bucket_is_used_only_when_named_and_pages_may_show_its_images(environment, backend, img_src):
    assert _settings_with(environment) == [backend, img_src]


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("AWS_S3_CUSTOM_DOMAIN", "https://media.example.org", "AWS_S3_CUSTOM_DOMAIN is a host"),
        ("AWS_S3_ENDPOINT_URL", "minio:9000", "AWS_S3_ENDPOINT_URL must start with http"),
        ("AWS_S3_URL_PROTOCOL", "https", "AWS_S3_URL_PROTOCOL must be https: or http:"),
    ],
)
def test_a_mistyped_storage_variable_stops_the_start_and_names_itself(monkeypatch, name, value, message):
    monkeypatch.setenv("AWS_STORAGE_BUCKET_NAME", BUCKET)
    monkeypatch.setenv(name, value)

    with pytest.raises(ImproperlyConfigured, match=message):
        s3_media_storage(environ.Env())
