from django.db.models import Prefetch
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from wsi.blocks import BodyBlock
from wsi.models import BasePage

from .resource import ResourcePage
from .snippets import Organisation, Person


class StaffPage(BasePage):
    """The people of the initiative (People marked "member of staff"), with role, photo and bio,
    each linking to the page that lists their work."""

    template = "library/staff_page.html"
    max_count = 1
    parent_page_types = ["wsi.SectionPage"]
    subpage_types = []

    body = StreamField(BodyBlock(), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction"), index.SearchField("body")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["staff"] = Person.objects.filter(is_staff=True).select_related("photo")
        return context


class FundersPage(BasePage):
    """The foundations and agencies that fund the initiative, and the work each supported."""

    template = "library/funders_page.html"
    max_count = 1
    parent_page_types = ["wsi.SectionPage"]
    subpage_types = []

    body = StreamField(BodyBlock(), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction"), index.SearchField("body")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        funded = ResourcePage.objects.live().public().order_by("-publication_date", "title")
        context["funders"] = (
            Organisation.objects.filter(kind=Organisation.Kind.FUNDER)
            .select_related("logo")
            .prefetch_related(Prefetch("funded_resources", queryset=funded, to_attr="supported_resources"))
        )
        return context
