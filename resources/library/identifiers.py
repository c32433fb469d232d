"""Checks for the identifiers a resource may carry: a DOI and an ISBN."""

import re

from django.core.exceptions import ValidationError

DOI = re.compile(r"^10\.\d{4,9}/[^\s{}\"]+$")  # no braces or quotes: they would break a BibTeX entry
DOI_PREFIXES = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)


def normalise_doi(value):
    """ "10.1234/abc" from "https://doi.org/10.1234/abc" or "doi:10.1234/abc"."""
    return DOI_PREFIXES.sub("", value.strip())


def validate_doi(value):
    if not DOI.match(normalise_doi(value)):
        raise ValidationError(
            "Enter a DOI such as 10.1234/abc-123: “10.”, four to nine digits, a slash and the item's own part.",
            code="invalid_doi",
        )


def isbn_digits(value):
    return re.sub(r"[\s-]", "", value).upper()


def validate_isbn(value):
    digits = isbn_digits(value)
    if re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - position) * (10 if char == "X" else int(char)) for position, char in enumerate(digits))
        valid = total % 11 == 0
    elif re.fullmatch(r"\d{13}", digits):
        total = sum(int(char) * (3 if position % 2 else 1) for position, char in enumerate(digits))
        valid = total % 10 == 0
    else:
        raise ValidationError(
            "An ISBN has 10 or 13 digits (hyphens and spaces are fine), e.g. 978-0-306-40615-7.", code="isbn_length"
        )
    if not valid:
        raise ValidationError(
            "This ISBN's check digit does not match: please copy it again from the publication.", code="isbn_checksum"
        )
