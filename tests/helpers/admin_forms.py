"""Pages made as staff make them: a member of one of Wagtail's groups posting the admin's own
page form."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.test.utils.form_data import nested_form_data, streamfield


def staff_client(group="Moderators"):
    """A client logged in as a member of ``group``, not a superuser. Wagtail's "Moderators" may
    publish; its "Editors" may only save drafts and submit them for moderation."""
    editor = get_user_model().objects.create_user(group.lower(), f"{group.lower()}@example.org")
    editor.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(editor)
    return client


def standard_page_form(title, slug, body, **fields):
    """The admin's form for a standard page, published. ``body`` is a list of (block type,
    value) as the StreamField's form sends it."""
    data = {
        "title": title,
        "slug": slug,
        "introduction": "",
        "image": "",
        "body": streamfield(body),
        "seo_title": "",
        "search_description": "",
        "menu_title": "",
        "social_image": "",
        "action-publish": "publish",
    }
    data.update(fields)
    return nested_form_data(data)
