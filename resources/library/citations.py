"""How to cite a resource: APA (7th edition) and Chicago (notes and bibliography) as text to
copy, BibTeX and RIS as files for reference managers."""

import re
import unicodedata

from django.utils.html import format_html

from .dates import DatePrecision, format_date
from .resource_types import ResourceType

BIBTEX_ENTRY = {ResourceType.TOOL: "misc", ResourceType.MEDIA: "misc"}
BIBTEX_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
RIS_TYPE = {ResourceType.TOOL: "GEN", ResourceType.MEDIA: "VIDEO"}
BIBTEX_SPECIAL = re.compile(r"([&%$#_{}])")
STOP_WORDS = {"a", "an", "the", "of", "for", "and", "on", "in", "to"}


def split_name(name):
    """("Dawson", "Steven L.") from "Steven L. Dawson"; a name given as "Family, Given" is kept so."""
    name = " ".join(name.split())
    if "," in name:
        family, given = (part.strip() for part in name.split(",", 1))
        return family, given
    *given, family = name.split(" ")
    return family, " ".join(given)


def initials(given):
    """ "S. L." from "Steven L."; hyphenated names keep the hyphen ("J.-P." from "Jean-Pierre")."""
    parts = []
    for word in given.split():
        parts.append("-".join(f"{piece[0]}." for piece in word.split("-") if piece))
    return " ".join(parts)


def _names(resource):
    return [split_name(author.display_name) for author in resource.authors.all()]


def _apa_author(family, given):
    return f"{family}, {initials(given)}" if given else family


def apa(resource, url):
    """``Conway, M., & Blair, A. (2007). <i>Title</i>. The Aspen Institute. https://...``
    With no named author the publisher is the author and is not repeated."""
    names = [_apa_author(*name) for name in _names(resource)]
    if len(names) > 20:
        names = [*names[:19], "…", names[-1]]
        authors = ", ".join(names)
    elif len(names) > 1:
        authors = ", ".join(names[:-1]) + ", & " + names[-1]
    else:
        authors = names[0] if names else resource.publisher
    year = resource.publication_date.year if resource.publication_date else "n.d."
    publisher = f" {resource.publisher}." if names and resource.publisher else ""
    ending = "" if authors.endswith(".") else "."
    return format_html("{}{} ({}). <i>{}</i>.{} {}", authors, ending, year, resource.title.rstrip("."), publisher, url)


def chicago(resource, url):
    """``Conway, Maureen, and Amy Blair. <i>Title</i>. The Aspen Institute, 2007. https://....``"""
    names = _names(resource)
    written = []
    for position, (family, given) in enumerate(names):
        if position == 0:
            written.append(f"{family}, {given}" if given else family)
        else:
            written.append(f"{given} {family}".strip())
    # The first name is inverted, so even two authors take a comma before "and".
    authors = ", ".join(written[:-1]) + ", and " + written[-1] if len(written) > 1 else "".join(written)
    date = format_date(resource.publication_date, resource.date_precision, month_first=True) or "n.d."
    publication = ", ".join(part for part in (resource.publisher, date) if part)
    lead = format_html("{}{} ", authors, "" if authors.endswith(".") else ".") if authors else ""
    return format_html("{}<i>{}</i>. {}. {}.", lead, resource.title.rstrip("."), publication, url)


def citation_key(resource):
    """``conway2007sectoral``: first author's family name, year and first word of the title."""
    names = _names(resource)
    family = re.sub(r"[^a-z]", "", _ascii(names[0][0]).lower()) if names else ""
    words = [w for w in re.findall(r"[a-z0-9]+", _ascii(resource.title).lower()) if w not in STOP_WORDS]
    year = resource.publication_date.year if resource.publication_date else "nd"
    return f"{family}{year}{words[0] if words else 'resource'}"


def _ascii(text):
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _bibtex_escape(text):
    return BIBTEX_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def bibtex(resource, url):
    entry = BIBTEX_ENTRY.get(resource.resource_type, "techreport")
    fields = []
    names = _names(resource)
    if names:
        fields.append(("author", " and ".join(f"{family}, {given}" if given else family for family, given in names)))
    # Double braces keep the title's capitals as written.
    fields.append(("title", "{" + _bibtex_escape(resource.title) + "}"))
    if entry == "techreport":
        fields.append(("institution", _bibtex_escape(resource.publisher)))
        fields.append(("type", resource.get_resource_type_display()))
    else:
        fields.append(("publisher", _bibtex_escape(resource.publisher)))
        fields.append(("howpublished", resource.get_resource_type_display()))
    if resource.publication_date:
        fields.append(("year", str(resource.publication_date.year)))
        if resource.date_precision != DatePrecision.YEAR:
            fields.append(("month", BIBTEX_MONTHS[resource.publication_date.month - 1]))
    fields.append(("url", url))
    keywords = ", ".join(topic.name for topic in resource.topics.all())
    if keywords:
        fields.append(("keywords", _bibtex_escape(keywords)))
    lines = [f"@{entry}{{{citation_key(resource)},"]
    for name, value in fields:
        written = value if name == "month" else "{" + value + "}"
        lines.append(f"  {name} = {written},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def ris(resource, url):
    lines = [("TY", RIS_TYPE.get(resource.resource_type, "RPRT"))]
    lines += [("AU", f"{family}, {given}" if given else family) for family, given in _names(resource)]
    lines.append(("TI", resource.title))
    date = resource.publication_date
    if date:
        lines.append(("PY", str(date.year)))
        month = f"{date.month:02d}" if resource.date_precision != DatePrecision.YEAR else ""
        day = f"{date.day:02d}" if resource.date_precision == DatePrecision.DAY else ""
        lines.append(("DA", f"{date.year}/{month}/{day}/"))
    lines.append(("PB", resource.publisher))
    if resource.introduction:
        lines.append(("AB", " ".join(resource.introduction.split())))
    lines += [("KW", topic.name) for topic in resource.topics.all()]
    lines.append(("UR", url))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)


def citation_list(resource, url):
    """The copyable citations of the resource page, in the order they are shown."""
    return [("APA", apa(resource, url)), ("Chicago", chicago(resource, url))]
