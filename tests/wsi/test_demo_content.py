import io

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Page, Revision
from wagtail.snippets.models import get_snippet_models

from wsi.models import ContactPage, HomePage

pytestmark = pytest.mark.django_db


def _counts():
    counts = {model._meta.label: model.objects.count() for model in apps.get_models() if model._meta.managed}
    counts["snippets"] = sum(model.objects.count() for model in get_snippet_models())
    return counts


def test_loading_the_demo_twice_changes_nothing(demo_site):
    first = _counts()
    last_revision = Revision.objects.order_by("-pk").values_list("pk", flat=True).first()

    call_command("load_demo_content", stdout=io.StringIO())

    assert _counts() == first
    assert Revision.objects.order_by("-pk").values_list("pk", flat=True).first() == last_revision
    assert first["wagtailcore.Page"] >= 12
    assert first["wagtailimages.Image"] >= 1


def test_demo_replaces_the_welcome_page_with_a_published_home(demo_site):
    assert HomePage.objects.get().live
    assert not Page.objects.filter(title__icontains="Welcome to your new Wagtail site").exists()
    assert demo_site.get_site().hostname == "testserver"


def test_demo_contact_page_is_last_in_the_menu_with_its_form(demo_site):
    contact = ContactPage.objects.get()

    assert demo_site.get_children().live().in_menu().last().specific == contact
    assert [field.clean_name for field in contact.form_fields.all()] == ["name", "email", "organisation", "message"]
