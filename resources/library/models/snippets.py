"""The shared vocabulary of the library, events and news: what a thing is about (Topic),
who wrote or spoke (Person) and who funded or partnered (Organisation).

Each keeps revisions and drafts, has a preview and goes through the review workflow like a
page. One that is not live (new and not yet approved, or unpublished) is left out of every list
that names them on their own (topics, the Staff and Funders pages, filters, signup interests,
the site map) and its own page answers 404; a published page that names it still shows its
name. Changes saved as a draft to a live one show nowhere until they are published."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, PreviewableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from wsi.models import image_field

from ..routes import library_route_url

BIO_FEATURES = ["bold", "italic", "link"]


class SnippetQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)


class ReviewedSnippet(WorkflowMixin, DraftStateMixin, RevisionMixin, PreviewableMixin, index.Indexed, models.Model):
    """Revisions, drafts, preview and the review workflow, for the snippets below."""

    objects = SnippetQuerySet.as_manager()

    class Meta:
        abstract = True

    def get_preview_template(self, request, mode_name):
        return f"library/previews/{self._meta.model_name}.html"


class Topic(ReviewedSnippet):
    """A topic section of the library (Sector Approach, Worker Outcomes, ...). Subscribers
    choose topics as their mailing-list interests."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True, help_text="The topic section's address.")
    description = models.TextField(blank=True)
    # Set by dragging topics in the admin's list.
    sort_order = models.PositiveIntegerField(default=0)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.SearchField("description")]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        """The topic section of the library, or "" while there is no published library page.
        The library's address is looked up once per request, however many topics link to it."""
        return library_route_url("topic_section", self.slug)


class Person(ReviewedSnippet):
    """An author, a speaker or a member of staff."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    role = models.CharField(max_length=200, blank=True, help_text="Job title, e.g. Executive Director.")
    organisation = models.CharField(max_length=200, blank=True)
    photo = image_field()
    bio = RichTextField(blank=True, features=BIO_FEATURES)
    is_staff = models.BooleanField("member of staff", default=False, help_text="Staff are listed on the Staff page.")
    # The order on the Staff page, set by dragging people in the admin's list.
    sort_order = models.PositiveIntegerField(default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("is_staff"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("organisation"), index.FilterField("is_staff")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name_plural = "people"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        """The page listing this person's work in the library."""
        return library_route_url("person", self.slug)


class Organisation(ReviewedSnippet):
    """A funder or partner of the initiative's work."""

    class Kind(models.TextChoices):
        FUNDER = "funder", "Funder"
        PARTNER = "partner", "Partner"

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PARTNER)
    url = models.URLField("website", blank=True)
    logo = image_field()
    description = models.TextField(blank=True, help_text="For funders: what they supported.")

    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("url"), FieldPanel("logo"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.FilterField("kind")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name
