from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from wsi import page_cache
from wsi.models import BasePage
from wsi.page_privacy import public

from .anchors import anchor_from, clashing_anchors, fill_in_anchors
from .answers import build_entries
from .blocks import AnswerBlock, SeeAlsoBlock
from .forms import FAQPageForm
from .structured_data import faq_json_ld


class FAQPage(BasePage):
    """Frequently Asked Questions: every answer has its own address on the page, so that a
    link, a search result or a topic section can point straight at it."""

    template = "faq/faq_page.html"
    parent_page_types = ["wsi.SectionPage"]
    subpage_types = []
    max_count = 1
    base_form_class = FAQPageForm

    content_panels = [
        *BasePage.content_panels,
        InlinePanel("questions", heading="Questions", label="Question", min_num=1),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.RelatedFields("questions", [index.SearchField("question"), index.SearchField("answer")]),
    ]

    class Meta:
        verbose_name = "FAQ page"

    def clean(self):
        super().clean()
        questions = list(self.questions.all())
        fill_in_anchors(questions)
        clashes = clashing_anchors(questions)
        if clashes:
            raise ValidationError(f"Each question needs its own anchor; repeated or reserved: {', '.join(clashes)}.")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            entries, structured_data = self._entries(request)
        else:
            # Expanding the answers' rich text cost more than the rest of the page.
            name = ("faq-entries", self.pk)
            entries, structured_data = page_cache.remembered_for_site(request, name, lambda: self._entries(request))
        context["entries"] = entries
        context["structured_data"] = structured_data
        return context

    def _entries(self, request):
        """The entries, and their structured data."""
        questions = self.questions.all()
        if isinstance(questions, models.QuerySet):
            # A preview's questions live in memory, with their topics; saved ones are prefetched.
            questions = questions.prefetch_related("topics")
        entries = build_entries(questions, request)
        return entries, faq_json_ld(entries)


class FAQQuestionQuerySet(models.QuerySet):
    def live(self):
        """Questions on published FAQ pages that anyone may read, with their page."""
        return self.filter(page__in=public(FAQPage.objects.live())).select_related("page")


class FAQQuestion(index.Indexed, Orderable, ClusterableModel):
    """One question and its answer. Topic sections of the library list the questions that
    name them (through the library's topic-section hook, in ``wagtail_hooks``)."""

    page = ParentalKey(FAQPage, on_delete=models.CASCADE, related_name="questions")
    question = models.CharField(max_length=255)
    anchor = models.SlugField(
        max_length=100,
        blank=True,
        help_text=(
            "The question's address on the page, e.g. #who-do-sector-initiatives-serve. Made from the "
            "question when left empty, then kept when the question changes so that shared links keep "
            "working."
        ),
    )
    answer = StreamField(AnswerBlock())
    see_also = StreamField(SeeAlsoBlock(), blank=True, help_text="Pages the answer refers to, such as publications.")
    topics = ParentalManyToManyField(
        "library.Topic",
        blank=True,
        related_name="faq_questions",
        verbose_name="see also topics",
        help_text="Topic sections of the library to read next; they list this question too.",
    )

    objects = FAQQuestionQuerySet.as_manager()

    panels = [
        FieldPanel("question"),
        FieldPanel("anchor"),
        FieldPanel("answer"),
        FieldPanel("see_also"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [
        index.SearchField("question", boost=2),
        index.SearchField("answer"),
        index.FilterField("page"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "question"

    def __str__(self):
        return self.question

    def save(self, *args, **kwargs):
        if not self.anchor:
            siblings = FAQQuestion.objects.filter(page_id=self.page_id).exclude(pk=self.pk)
            self.anchor = anchor_from(self.question, set(siblings.values_list("anchor", flat=True)))
        super().save(*args, **kwargs)

    def get_url(self, request=None):
        """The question's place on its page: ``/our-work/faq/#its-anchor``."""
        return f"{self.page.get_url(request)}#{self.anchor}"

    @property
    def url(self):
        return self.get_url()
