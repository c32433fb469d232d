from django.db.models import Prefetch

from wsi.models import BasePage, BodyMixin
from wsi.page_privacy import public

from .resource import ResourcePage
from .snippets import Organisation, Person


class StaffPage(BodyMixin, BasePage):
    """The people of the initiative (People marked "member of staff"), with role, photo and bio,
    each linking to the page that lists their work."""

    template = "library/staff_page.html"
    max_count = 1
    parent_page_types = ["wsi.SectionPage"]
    subpage_types = []

    content_panels = [*BasePage.content_panels, *BodyMixin.content_panels]
    search_fields = [*BasePage.search_fields, *BodyMixin.search_fields]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["staff"] = Person.objects.live().filter(is_staff=True).select_related("photo")
        return context


class FundersPage(BodyMixin, BasePage):
    """The foundations and agencies that fund the initiative, and the work each supported."""

    template = "library/funders_page.html"
    max_count = 1
    parent_page_types = ["wsi.SectionPage"]
    subpage_types = []

    content_panels = [*BasePage.content_panels, *BodyMixin.content_panels]
    search_fields = [*BasePage.search_fields, *BodyMixin.search_fields]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        funded = public(ResourcePage.objects.live()).order_by("-publication_date", "title")
        context["funders"] = (
            Organisation.objects.live()
            .filter(kind=Organisation.Kind.FUNDER)
            .select_related("logo")
            .prefetch_related(Prefetch("funded_resources", queryset=funded, to_attr="supported_resources"))
        )
        return context
