from wagtail.admin.forms import WagtailAdminPageForm

from wsi.element_ids import is_reserved


class FAQPageForm(WagtailAdminPageForm):
    """Tells staff which anchor clashes, next to the question, before the page is saved."""

    def clean(self):
        cleaned_data = super().clean()
        questions = self.formsets["questions"]
        if not questions.is_valid():
            return cleaned_data
        seen = set()
        for form in questions.forms:
            if form.cleaned_data.get("DELETE"):
                continue
            anchor = form.cleaned_data.get("anchor")
            if not anchor:
                continue
            if is_reserved(anchor):
                form.add_error("anchor", "The page itself uses this address; choose another.")
            elif anchor in seen:
                form.add_error("anchor", "Another question already uses this anchor; choose another.")
            seen.add(anchor)
        return cleaned_data
