"""How precisely a resource's publication date is known, and the date written that precisely."""

from django.db import models
from django.utils.dates import MONTHS


class DatePrecision(models.TextChoices):
    YEAR = "year", "Year only"
    MONTH = "month", "Month and year"
    DAY = "day", "Full date"


def format_date(date, precision, *, month_first=False):
    """ "2007", "October 2005" or "7 March 2012" ("March 7, 2012" with ``month_first``, as
    American styles write it); "" when there is no date."""
    if date is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(date.year)
    if precision == DatePrecision.MONTH:
        return f"{MONTHS[date.month]} {date.year}"
    if month_first:
        return f"{MONTHS[date.month]} {date.day}, {date.year}"
    return f"{date.day} {MONTHS[date.month]} {date.year}"
