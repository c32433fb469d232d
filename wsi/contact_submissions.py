"""Forms → Contact in the admin: the stored messages, and their CSV export with spreadsheet
formulas neutralised, since visitors write what is in it."""

from wagtail.contrib.forms.views import SubmissionsListView

from wsi.spreadsheets import FormulaSafeCsvMixin


class ContactSubmissionsListView(FormulaSafeCsvMixin, SubmissionsListView):
    pass
