from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.http import HttpResponse
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from wsi.models import BasePage, BodyMixin, image_field

from ..citations import bibtex, doi_url, ris
from ..dates import DatePrecision, format_date
from ..identifiers import normalise_doi, validate_doi, validate_isbn
from ..resource_types import ResourceType
from .snippets import Organisation, Topic

SUMMARY_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class ResourcePage(RoutablePageMixin, BodyMixin, BasePage):
    """One item of the library: a report, brief, tool or recording, with what a reader needs
    to judge, cite and download it."""

    template = "library/resource_page.html"
    og_type = "article"
    parent_page_types = ["library.ResourceIndexPage"]
    subpage_types = []

    resource_type = models.CharField(max_length=20, choices=ResourceType.choices, default=ResourceType.REPORT)
    publication_date = models.DateField(
        null=True, blank=True, help_text="Leave empty when unknown. For a year only, pick any day of that year."
    )
    date_precision = models.CharField(
        "date shown as", max_length=5, choices=DatePrecision.choices, default=DatePrecision.MONTH
    )
    summary = RichTextField(blank=True, features=SUMMARY_FEATURES)
    key_findings = StreamField(
        [("finding", blocks.TextBlock(icon="tick", help_text="One finding, in a sentence or two."))], blank=True
    )
    topics = ParentalManyToManyField(Topic, related_name="resources", blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The publication itself, e.g. the PDF of the report.",
    )
    external_url = models.URLField(
        "external link", blank=True, help_text="Where the resource lives when it is not attached here."
    )
    cover_image = image_field()
    publisher = models.CharField(max_length=200, default="The Aspen Institute")
    partners = ParentalManyToManyField(
        Organisation,
        related_name="partnered_resources",
        blank=True,
        limit_choices_to={"kind": Organisation.Kind.PARTNER},
        verbose_name="partner organisations",
    )
    funders = ParentalManyToManyField(
        Organisation,
        related_name="funded_resources",
        blank=True,
        limit_choices_to={"kind": Organisation.Kind.FUNDER},
    )
    funder_note = models.CharField(
        "other funders", max_length=255, blank=True, help_text="Funders that are not in the list, as free text."
    )
    doi = models.CharField(
        "DOI",
        max_length=200,
        blank=True,
        validators=[validate_doi],
        help_text="Only a DOI registered for this publication, e.g. 10.1234/abc-123 (a doi.org link is fine too).",
    )
    isbn = models.CharField(
        "ISBN", max_length=17, blank=True, validators=[validate_isbn], help_text="10 or 13 digits, hyphens allowed."
    )
    report_number = models.CharField(
        max_length=50, blank=True, help_text="The number alone, as printed on the report, e.g. “3” or “WP-2019-04”."
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("resource_type"), FieldPanel("publication_date"), FieldPanel("date_precision")]),
        InlinePanel("authors", heading="Authors", label="Author"),
        FieldPanel("introduction"),
        FieldPanel("summary"),
        FieldPanel("key_findings"),
        *BodyMixin.content_panels,
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("external_url"), FieldPanel("cover_image")], heading="Files and links"
        ),
        MultiFieldPanel(
            [FieldPanel("publisher"), FieldPanel("partners"), FieldPanel("funders"), FieldPanel("funder_note")],
            heading="Publisher, partners and funders",
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("doi"), FieldPanel("isbn"), FieldPanel("report_number")])],
            heading="Identifiers",
        ),
        InlinePanel("related_links", heading="Related resources", label="Related resource"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("key_findings"),
        *BodyMixin.search_fields,
        index.SearchField("author_names"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("resource_type"),
    ]

    class Meta:
        indexes = [
            models.Index(fields=["publication_date"], name="resource_publication_date"),
        ]

    @classmethod
    def get_indexed_objects(cls):
        # modelsearch leaves ParentalManyToManyFields unprefetched: one query per page otherwise.
        return super().get_indexed_objects().prefetch_related("topics", "authors__person", "authors__organisation")

    def clean(self):
        super().clean()
        self.doi = normalise_doi(self.doi)
        self.isbn = self.isbn.strip()
        self.report_number = self.report_number.strip()
        if self.date_precision == DatePrecision.DAY and self.publication_date is None:
            raise ValidationError({"publication_date": "A full date needs a date."})

    @property
    def search_result_label(self):
        return self.get_resource_type_display()

    @property
    def date_display(self):
        """The publication date as precisely as it is known: "2007", "October 2005", "7 March 2012"."""
        return format_date(self.publication_date, self.date_precision)

    @property
    def document_size(self):
        """The attached file's size in bytes, read from storage when the upload did not record it."""
        if self.document is None:
            return None
        if self.document.file_size is None:
            try:
                return self.document.file.size
            except OSError:
                return None
        return self.document.file_size

    @property
    def doi_url(self):
        return doi_url(self.doi) if self.doi else ""

    @property
    def author_names(self):
        return ", ".join(author.display_name for author in self.authors.all())

    def chosen_related_resources(self, limit=3):
        """The related resources staff chose, if any (else the page shows those sharing the most
        topics: ``library_tags.related_resources``)."""
        chosen = [
            link.resource
            for link in self.related_links.select_related("resource")
            if link.resource.live and link.resource.pk != self.pk
        ]
        return chosen[:limit]

    def get_context(self, request, *args, **kwargs):
        # Header, citations, JSON-LD and the facts box all read these: fetch each once.
        self._prefetch_credits()
        prefetch_related_objects([self], "partners", "funders")
        return super().get_context(request, *args, **kwargs)

    def _prefetch_credits(self):
        authors = Prefetch("authors", queryset=ResourceAuthor.objects.select_related("person", "organisation"))
        prefetch_related_objects([self], authors, "topics")

    def get_cached_paths(self):
        return ["/", "cite/bibtex/", "cite/ris/"]

    @path("cite/bibtex/", name="bibtex")
    def bibtex_download(self, request):
        self._prefetch_credits()
        return _download(bibtex(self, self.full_url), "application/x-bibtex", f"{self.slug}.bib")

    @path("cite/ris/", name="ris")
    def ris_download(self, request):
        self._prefetch_credits()
        return _download(ris(self, self.full_url), "application/x-research-info-systems", f"{self.slug}.ris")


def _download(text, content_type, filename):
    response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class ResourceAuthor(Orderable):
    """An author of a resource: a person, or an institution credited as a whole."""

    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="authors")
    person = models.ForeignKey(
        "library.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="authorships"
    )
    organisation = models.ForeignKey(
        "library.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="authorships",
        help_text="For a report credited to an institution, e.g. “Aspen Institute Economic Opportunities Program”.",
    )

    panels = [FieldPanel("person"), FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        constraints = [
            models.CheckConstraint(
                condition=Q(person__isnull=False, organisation__isnull=True)
                | Q(person__isnull=True, organisation__isnull=False),
                name="resource_author_person_or_organisation",
            )
        ]

    def clean(self):
        if bool(self.person_id) == bool(self.organisation_id):
            raise ValidationError("Choose either a person or an organisation as the author.")

    @property
    def display_name(self):
        return self.person.name if self.person_id else self.organisation.name

    def __str__(self):
        return self.display_name


class RelatedResource(Orderable):
    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="related_links")
    resource = models.ForeignKey(ResourcePage, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("resource")]
