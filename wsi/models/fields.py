from django.db import models


def image_field(**options):
    """An optional image from the image library; deleting the image leaves the field empty."""
    return models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", **options
    )
