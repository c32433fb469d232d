"""Images in page bodies: alt text is required unless the editor marks the image decorative,
and the data migration carries the first image block's data over."""

import json

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.db import connection
from wagtail.blocks import StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError

from wsi.blocks import BodyBlock
from wsi.blocks.figure_migration import migrate_body_images
from wsi.demo_kit import demo_image
from wsi.factories import StandardPageFactory
from wsi.models import StandardPage

pytestmark = pytest.mark.django_db


def _image(title, description=""):
    return demo_image(title, seed=7, description=description, size=(200, 100))


def test_an_image_without_alt_text_is_refused_unless_marked_decorative(home):
    figure = BodyBlock().child_blocks["image"]
    image = _image("Trainees")

    with pytest.raises(StructBlockValidationError) as refused:
        figure.clean(figure.to_python({"image": {"image": image.pk, "decorative": False, "alt_text": ""}}))
    [message] = refused.value.block_errors["image"].block_errors["alt_text"].messages
    assert message == "Please add some alt text for your image or mark it as decorative"
    figure.clean(figure.to_python({"image": {"image": image.pk, "decorative": True, "alt_text": ""}}))
    figure.clean(figure.to_python({"image": {"image": image.pk, "decorative": False, "alt_text": "Trainees"}}))


def test_a_body_image_shows_its_alt_text_and_caption(client, home):
    image = _image("Trainees", description="From the image library")
    page = StandardPageFactory(
        parent=home,
        body=[
            {
                "type": "image",
                "value": {
                    "image": {"image": image.pk, "decorative": False, "alt_text": "Trainees at a lathe"},
                    "caption": "A machining class",
                },
            }
        ],
    )

    figure = BeautifulSoup(client.get(page.url).content, "html.parser").find("figure", class_="image-block")

    assert figure.find("img")["alt"] == "Trainees at a lathe"
    assert figure.figcaption.get_text() == "A machining class"


def _store_old_body(page, body):
    """The body as the first image block stored it, on the page and in its latest revision."""
    with connection.cursor() as cursor:
        cursor.execute("UPDATE wsi_standardpage SET body = %s WHERE page_ptr_id = %s", [json.dumps(body), page.pk])
    revision = page.save_revision()
    revision.content["body"] = json.dumps(body)
    revision.save(update_fields=["content"])


def test_the_data_migration_keeps_each_image_and_decides_its_alt_text(home):
    described = _image("Described", description="Trainees at a workshop")
    undescribed = _image("Undescribed")
    page = StandardPageFactory(parent=home)
    old_body = [
        {"type": "image", "value": {"image": described.pk, "caption": "Written", "alt_text": "Welding class"}},
        {"type": "image", "value": {"image": described.pk, "caption": "From the library", "alt_text": ""}},
        {"type": "image", "value": {"image": undescribed.pk, "caption": "Nothing known", "alt_text": ""}},
        {"type": "paragraph", "value": "<p>Text stays.</p>"},
    ]
    _store_old_body(page, old_body)

    migrate_body_images("wsi", "StandardPage").code(apps, connection.schema_editor())

    migrated = StandardPage.objects.get(pk=page.pk)
    images = [block.value for block in migrated.body if block.block_type == "image"]
    assert [(value["image"].pk, value["image"].contextual_alt_text, value["image"].decorative) for value in images] == [
        (described.pk, "Welding class", False),
        (described.pk, "Trainees at a workshop", False),
        (undescribed.pk, "", True),
    ]
    assert [value["caption"] for value in images] == ["Written", "From the library", "Nothing known"]
    assert migrated.body[3].value.source == "<p>Text stays.</p>"
    revision_body = json.loads(migrated.latest_revision.content["body"])
    assert revision_body[1]["value"]["image"] == {
        "image": described.pk,
        "decorative": False,
        "alt_text": "Trainees at a workshop",
    }

    migrate_body_images("wsi", "StandardPage").reverse_code(apps, connection.schema_editor())

    restored = StandardPage.objects.get(pk=page.pk).body.raw_data
    assert [block["value"] for block in restored][:3] == [
        {"image": described.pk, "caption": "Written", "alt_text": "Welding class"},
        {"image": described.pk, "caption": "From the library", "alt_text": "Trainees at a workshop"},
        {"image": undescribed.pk, "caption": "Nothing known", "alt_text": ""},
    ]


def test_a_stored_stream_value_is_left_alone_when_already_migrated(home):
    image = _image("Described", description="Trainees")
    page = StandardPageFactory(
        parent=home,
        body=[{"type": "image", "value": {"image": {"image": image.pk, "decorative": True, "alt_text": ""}}}],
    )

    migrate_body_images("wsi", "StandardPage").code(apps, connection.schema_editor())

    [block] = StandardPage.objects.get(pk=page.pk).body
    assert isinstance(page.body, StreamValue)
    assert block.value["image"].decorative is True
