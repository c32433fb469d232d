"""CSV exports that a spreadsheet opens as text: a cell that starts like a formula is prefixed
with an apostrophe, so that a visitor's "=HYPERLINK(...)" in a form or signup is never run
on a staff member's computer (CSV injection)."""

# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    value = str(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


class FormulaSafeCsvMixin:
    """For a Wagtail listing with spreadsheet export (``SpreadsheetExportMixin``): every text
    cell of the CSV is neutralised; numbers and dates are not formulas. (Its XLSX export already
    writes formulas as text.)"""

    def write_csv_row(self, writer, row_dict):
        cells = {field: self.preprocess_field_value(field, value, self.FORMAT_CSV) for field, value in row_dict.items()}
        return writer.writerow(
            {field: neutralise(cell) if isinstance(cell, str) else cell for field, cell in cells.items()}
        )
