"""The shared vocabulary of the library, events and news: what a thing is about (Topic),
who wrote or spoke (Person) and who funded or partnered (Organisation).

Each keeps revisions and drafts, has a preview and goes through the review workflow like a
page. One that is not live (new and not yet approved, or unpublished) is left out of every list
that names them on their own (topics, the Staff and Funders pages, filters, signup interests,
the site map) and its own page answers 404; a published page that names it still shows its
name. Changes saved as a draft to a live one show nowhere until they are published."""

from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, PreviewableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from wsi.models import image_field

from ..names import full_name, parse_person_name
from ..routes import library_route_url

BIO_FEATURES = ["bold", "italic", "link"]
# The fields the whole name is written from.
NAME_PARTS = {"given_names", "particle", "family_name", "suffix"}


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
    """An author, a speaker or a member of staff. The name is kept in the parts citations need;
    ``name`` is the whole name, written from the parts on save."""

    given_names = models.CharField(max_length=200, blank=True, help_text="E.g. “Martin Luther”.")
    particle = models.CharField(
        max_length=50, blank=True, help_text="A lower-case word before the family name, e.g. “van”, “de la”."
    )
    family_name = models.CharField(
        max_length=200, help_text="E.g. “King”, “Dworak-Muñoz”. A person known by one name has only this."
    )
    suffix = models.CharField(max_length=20, blank=True, help_text="E.g. “Jr.”, “III”.")
    dropping_particle = models.BooleanField(
        "particle follows the given names when inverted",
        default=False,
        help_text="Tick for names cited as “Beethoven, Ludwig van”; leave unticked for “van Gogh, Vincent”.",
    )
    name = models.CharField(max_length=200, editable=False)
    slug = models.SlugField(max_length=200, unique=True)
    role = models.CharField(max_length=200, blank=True, help_text="Job title, e.g. Executive Director.")
    organisation = models.CharField(max_length=200, blank=True)
    photo = image_field()
    bio = RichTextField(blank=True, features=BIO_FEATURES)
    is_staff = models.BooleanField("member of staff", default=False, help_text="Staff are listed on the Staff page.")
    # The order on the Staff page, set by dragging people in the admin's list.
    sort_order = models.PositiveIntegerField(default=0)

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("given_names"), FieldPanel("particle"), FieldPanel("family_name")]),
                FieldRowPanel([FieldPanel("suffix"), FieldPanel("dropping_particle")]),
            ],
            heading="Name",
        ),
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

    def save(self, *args, **kwargs):
        if not self.family_name and self.name:
            # Code that creates a person from a whole name ("Ada Example") gets the parts guessed.
            parsed = parse_person_name(self.name)
            self.given_names, self.particle = parsed.given_names, parsed.particle
            self.family_name, self.suffix = parsed.family_name, parsed.suffix
        update_fields = kwargs.get("update_fields")
        # Saving a draft writes only latest_revision; the parts in memory are the draft's and
        # must not reach the live row's name.
        if update_fields is None or {"name", *NAME_PARTS} & set(update_fields):
            self.name = full_name(self)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "name"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        """The page listing this person's work in the library."""
        return library_route_url("person", self.slug)

    def clean(self):
        # The admin's preview and a draft's revision come from an unsaved form, so the whole
        # name is written here as well as on save.
        super().clean()
        self.name = full_name(self)


class Organisation(ReviewedSnippet):
    """A funder or partner of the initiative's work, or an institution credited as an author."""

    class Kind(models.TextChoices):
        FUNDER = "funder", "Funder"
        PARTNER = "partner", "Partner"
        AUTHOR = "author", "Author only"

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
