import datetime

import pytest

from resources.library.dates import DatePrecision, format_date

MARCH_7 = datetime.date(2012, 3, 7)


@pytest.mark.parametrize(
    ("precision", "month_first", "written"),
    [
        (DatePrecision.YEAR, False, "2012"),
        (DatePrecision.MONTH, False, "March 2012"),
        (DatePrecision.DAY, False, "7 March 2012"),
        (DatePrecision.YEAR, True, "2012"),
        (DatePrecision.MONTH, True, "March 2012"),
        (DatePrecision.DAY, True, "March 7, 2012"),
    ],
)
def test_a_date_is_written_as_precisely_as_it_is_known(precision, month_first, written):
    assert format_date(MARCH_7, precision, month_first=month_first) == written


def test_an_unknown_date_is_written_as_nothing():
    assert format_date(None, DatePrecision.DAY) == ""
