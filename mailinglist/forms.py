import time

from django import forms
from django.conf import settings
from django.core import signing

from resources.library.models import Topic

from .addresses import MAX_LENGTH, normalise_email
from .imports import ImportFileError, check_size, read_upload
from .models import CONSENT_WORDING, CURRENT_CONSENT_VERSION, Subscriber

STARTED_SALT = "mailinglist.signup.started"


def started_stamp():
    """A signed "form rendered at" time: the server can tell a form filled in too fast."""
    return signing.dumps(time.time(), salt=STARTED_SALT)


class PublicForm(forms.Form):
    """A form anyone may send: a field people never see (bots that fill every input give
    themselves away) and a signed "rendered at" stamp (bots send faster than people)."""

    email = forms.CharField(
        label="Email address",
        max_length=MAX_LENGTH + 20,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    # A field people never see: bots that fill every input give themselves away.
    website = forms.CharField(
        label="Leave this field empty",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("started", started_stamp())

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])

    def clean_started(self):
        try:
            started = signing.loads(self.cleaned_data["started"], salt=STARTED_SALT)
        except signing.BadSignature:
            return None
        if not isinstance(started, float) or time.time() - started > settings.MAILINGLIST_FORM_MAX_AGE_SECONDS:
            self.data = self.data.copy()
            self.data["started"] = started_stamp()
            raise forms.ValidationError("This form was open for a long time. Please send it again.", code="expired")
        return started

    def looks_automated(self):
        """Filled the honeypot, or sent sooner than a person could, or without the stamp."""
        started = self.cleaned_data.get("started")
        if self.cleaned_data.get("website") or not isinstance(started, float):
            return True
        return time.time() - started < settings.MAILINGLIST_MIN_FILL_SECONDS


class InterestsField(forms.ModelMultipleChoiceField):
    """Topics, chosen by id. An id beyond the database's integers is refused like any other
    unknown choice: SQLite raises OverflowError on it instead of finding nothing."""

    MAX_ID = 2**63 - 1

    def clean(self, value):
        for pk in value if isinstance(value, list | tuple) else ():
            if abs(_as_int(pk)) > self.MAX_ID:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": pk}
                )
        return super().clean(value)


def _as_int(value):
    """``value`` as the database lookup will read it; 0 when it is no number (refused later)."""
    try:
        return int(str(value))
    except ValueError:
        return 0


class SignupForm(PublicForm):
    name = forms.CharField(
        label="Name (optional)",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    interests = InterestsField(
        label="What interests you? (optional)",
        queryset=Topic.objects.live(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    page = forms.CharField(widget=forms.HiddenInput, max_length=300, required=False)

    consent_wording = CONSENT_WORDING[CURRENT_CONSENT_VERSION]

    def clean_page(self):
        page = self.cleaned_data["page"]
        return page if page.startswith("/") else ""


class PreferencesLinkForm(PublicForm):
    """Asks for a fresh preferences link by mail."""


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = Subscriber
        fields = ["name", "organisation", "interests"]
        labels = {"name": "Name", "organisation": "Organisation", "interests": "Topics that interest you"}
        widgets = {"interests": forms.CheckboxSelectMultiple}
        field_classes = {"interests": InterestsField}


class ImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text="One address per row: email in the first column, name (optional) in the second. "
        'A header row is skipped. Everyone imported is recorded as consent "imported".',
    )
    confirm_consent = forms.BooleanField(
        label="These people agreed to receive our mail, and we can show when and how.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_size(upload.size)  # before reading it into memory
            return read_upload(upload.read())
        except ImportFileError as error:
            raise forms.ValidationError(str(error)) from error
