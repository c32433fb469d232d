"""Content for the backup test, made and read in a separate process on a database of its own:
``python -c "...; backup_content.load()"`` and ``backup_content.snapshot()`` (JSON on stdout)."""

import hashlib
import json

import wagtail_factories
from wagtail.images.models import Image
from wagtail.models import Page, PageViewRestriction

from mailinglist.factories import SubscriberFactory
from mailinglist.models import Subscriber
from wsi.factories import StandardPageFactory, make_site_root


def load():
    home = make_site_root()
    picture = wagtail_factories.ImageFactory(title="Trainees at work")
    StandardPageFactory(parent=home, title="Who We Are", slug="who-we-are", image=picture)
    StandardPageFactory(parent=home, title="A draft", slug="a-draft", live=False)
    private = StandardPageFactory(parent=home, title="Board papers", slug="board-papers")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    SubscriberFactory(email="ana@example.org")
    SubscriberFactory(email="ben@example.org", pending=True)
    SubscriberFactory(email="cy@example.org", unsubscribed=True)


def snapshot():
    pages = [
        [page.url_path, page.title, page.live, page.get_view_restrictions().exists()]
        for page in Page.objects.order_by("path")
    ]
    images = []
    for image in Image.objects.order_by("pk"):
        with image.file.open("rb") as file:
            images.append([image.title, image.file.name, hashlib.sha256(file.read()).hexdigest()])
    subscribers = list(Subscriber.objects.order_by("email").values_list("email", "status", "email_key"))
    print(json.dumps({"pages": pages, "images": images, "subscribers": subscribers}, default=str))
