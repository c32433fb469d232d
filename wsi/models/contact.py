from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.mail import EmailMessage
from django.db import models
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.module_loading import import_string
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField, AbstractFormSubmission
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from wsi import ratelimit

from .mixins import BasePage

HONEYPOT_FIELD = "website"
MESSAGE_MAX_LENGTH = 5000
SENT_TAG = "contact-sent"


class ContactFormBuilder(FormBuilder):
    """The fields staff define, plus a trap field that people never see and bots fill in."""

    def create_multiline_field(self, field, options):
        options["max_length"] = MESSAGE_MAX_LENGTH
        return super().create_multiline_field(field, options)

    @property
    def formfields(self):
        fields = super().formfields
        fields[HONEYPOT_FIELD] = forms.CharField(
            required=False,
            label="Leave this field empty",
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        return fields


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactSubmission(AbstractFormSubmission):
    """A stored message; ``mailed_at`` stays empty until the staff mail has gone out, so that
    a message whose mail could not be queued is sent later by the sweeper task."""

    mailed_at = models.DateTimeField(null=True, blank=True)

    def staff_message(self):
        data = self.form_data
        name = " ".join(str(data.get("name", "")).split())[:80] or "a visitor"
        reply_to = [data["email"]] if data.get("email") else []
        admin_path = reverse("wagtailforms:list_submissions", args=[self.page_id])
        body = render_to_string(
            "emails/contact_submission.txt",
            {
                "submission": self,
                "fields": self.page.specific.labelled_answers(data),
                "admin_url": settings.WAGTAILADMIN_BASE_URL + admin_path,
            },
        )
        return EmailMessage(
            subject=f"Website message from {name}",
            body=body,
            to=[settings.STAFF_EMAIL],
            reply_to=reply_to,
        )


class ContactSubmissionsPanel(FormSubmissionsPanel):
    """The count of messages and the link to them, only for those who may read them."""

    class BoundPanel(FormSubmissionsPanel.BoundPanel):
        def is_shown(self):
            return self.request.user.has_perm("wsi.view_contactsubmission") and super().is_shown()


class ContactPage(AbstractForm, BasePage):
    """The contact form: messages are kept in the admin (Forms) and mailed to the staff address
    by a background task. The organisation's address and phone come from the site settings."""

    template = "pages/contact_page.html"
    landing_page_template = "pages/contact_page_landing.html"
    form_builder = ContactFormBuilder
    max_count = 1
    parent_page_types = ["wsi.HomePage"]
    subpage_types = []

    thank_you_text = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Shown after a message is sent.",
    )

    content_panels = [
        *Page.content_panels,
        ContactSubmissionsPanel(),
        FieldPanel("introduction"),
        InlinePanel("form_fields", label="Form fields"),
        FieldPanel("thank_you_text"),
    ]

    class Meta:
        verbose_name = "contact page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["honeypot_field"] = HONEYPOT_FIELD
        return context

    def get_submission_class(self):
        return ContactSubmission

    def get_submissions_list_view_class(self):
        # By name: admin views cannot be imported while the models load.
        return import_string("wsi.contact_submissions.ContactSubmissionsListView")

    def labelled_answers(self, data):
        return [(field.label, data.get(field.clean_name, "")) for field in self.get_form_fields()]

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            if (sent := _sent_notice(request)) is not None:
                context = self.get_context(request)
                context["reply_to"] = sent.message
                return TemplateResponse(request, self.get_landing_page_template(request), context)
            return super().serve(request, *args, **kwargs)
        form = self.get_form(request.POST, page=self, user=request.user)
        if ratelimit.exceeded("contact", request, settings.CONTACT_RATE_LIMIT):
            form.is_valid()
            form.add_error(None, "You have sent several messages in a short time. Please try again in an hour.")
            return self._render_form(request, form, status=429)
        if not form.is_valid():
            return self._render_form(request, form)
        ratelimit.record("contact", request, settings.CONTACT_RATE_WINDOW)
        # A filled-in trap field means a bot: it sees the usual thanks, nothing is kept.
        if not form.cleaned_data.get(HONEYPOT_FIELD):
            self.process_form_submission(form)
        # Thanks come after a redirect, so that reloading them does not send the message again.
        messages.success(request, form.cleaned_data.get("email", ""), extra_tags=SENT_TAG)
        return redirect(self.url)

    def process_form_submission(self, form):
        data = {name: value for name, value in form.cleaned_data.items() if name != HONEYPOT_FIELD}
        # Saving it queues the staff mail for when the transaction commits (wsi.signals).
        return ContactSubmission.objects.create(form_data=data, page=self)

    def _render_form(self, request, form, status=200):
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)


def _sent_notice(request):
    """The note that this visitor's message was sent, left by the POST before its redirect."""
    for message in messages.get_messages(request):
        if SENT_TAG in message.tags:
            return message
    return None
