"""The data migration from the body's first image block (an image chooser with an optional alt
text, where empty meant decorative without anyone saying so) to ``FigureBlock`` (Wagtail's
``ImageBlock``, whose alt text is required unless the image is marked decorative).

Each image keeps its image and caption. Its alt text is the one the editor wrote; else the
image's description; else the image is marked decorative, which is what the page showed before
(``alt=""``) and what an editor now sees ticked and can change. Pages and their revisions alike.
"""

from django.db.migrations import RunPython
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData
from wagtail.blocks.migrations.operations import BaseBlockOperation


class ToFigureBlock(BaseBlockOperation):
    def __init__(self, descriptions):
        super().__init__()
        self.descriptions = descriptions

    def apply(self, block_value):
        if isinstance(block_value.get("image"), dict):
            return block_value
        image = block_value.get("image")
        alt_text = (block_value.get("alt_text") or "").strip() or self.descriptions.get(image, "")
        return {
            "image": {"image": image, "decorative": not alt_text, "alt_text": alt_text},
            "caption": block_value.get("caption", ""),
        }

    @property
    def operation_name_fragment(self):
        return "to_figure_block"


class FromFigureBlock(BaseBlockOperation):
    def apply(self, block_value):
        image = block_value.get("image")
        if not isinstance(image, dict):
            return block_value
        alt_text = "" if image.get("decorative") else image.get("alt_text") or ""
        return {"image": image.get("image"), "caption": block_value.get("caption", ""), "alt_text": alt_text}

    @property
    def operation_name_fragment(self):
        return "from_figure_block"


def migrate_body_images(app_label, *model_names, field_name="body"):
    """One RunPython that moves the ``image`` blocks of each model's body, both ways."""

    def forward(apps, schema_editor):
        descriptions = dict(
            apps.get_model("wagtailimages", "Image").objects.exclude(description="").values_list("pk", "description")
        )
        _run(apps, schema_editor, ToFigureBlock(descriptions))

    def backward(apps, schema_editor):
        _run(apps, schema_editor, FromFigureBlock())

    def _run(apps, schema_editor, operation):
        for model_name in model_names:
            stream = MigrateStreamData(app_label, model_name, field_name, [(operation, "image")])
            stream.migrate_stream_data_forward(apps, schema_editor)

    return RunPython(forward, backward)
