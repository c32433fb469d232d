"""How to cite a resource: APA (7th edition) and Chicago (17th edition, notes and bibliography)
as text to copy, BibTeX and RIS as files for reference managers.

Authors are People, their names in parts (see names.py), or institutions cited whole."""

import re
import unicodedata

from django.utils.html import format_html

from .dates import DatePrecision, format_date
from .names import family_with_particle, full_name, initials, inverted_name
from .resource_types import ResourceType

BIBTEX_ENTRY = {ResourceType.TOOL: "misc", ResourceType.MEDIA: "misc"}
BIBTEX_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
RIS_TYPE = {ResourceType.TOOL: "GEN", ResourceType.MEDIA: "VIDEO"}
BIBTEX_SPECIAL = re.compile(r"([&%$#_{}])")
STOP_WORDS = {"a", "an", "the", "of", "for", "and", "on", "in", "to"}


def _credited(resource):
    """Each author as a Person (its name in parts) or as an institution's name (a str)."""
    return [author.person if author.person_id else author.organisation.name for author in resource.authors.all()]


def doi_url(doi):
    return f"https://doi.org/{doi}"


def _link(resource, url):
    """APA 7 (9.34) and Chicago 17 (14.8) both prefer the DOI, as a URL, to the page's address."""
    return doi_url(resource.doi) if resource.doi else url


def _apa_author(author):
    """ "King, M. L., Jr.", "van Gogh, V.", "Beethoven, L. van"; an institution whole (APA 9.11)."""
    if isinstance(author, str):
        return author
    given = initials(author.given_names)
    if author.particle and author.dropping_particle:
        given = f"{given} {author.particle}".strip()
    return ", ".join(part for part in (family_with_particle(author), given, author.suffix) if part)


def apa(resource, url):
    """``Conway, M., & Blair, A. (2007). <i>Title</i> (Report No. 3). The Aspen Institute. https://...``
    With no named author the publisher is the author, and a publisher that is the author is not
    repeated (APA 9.24)."""
    credited = _credited(resource)
    names = [_apa_author(author) for author in credited]
    if len(names) > 20:
        names = [*names[:19], "…", names[-1]]
        authors = ", ".join(names)
    elif len(names) > 1:
        authors = ", ".join(names[:-1]) + ", & " + names[-1]
    else:
        authors = names[0] if names else resource.publisher
    year = resource.publication_date.year if resource.publication_date else "n.d."
    number = f" (Report No. {resource.report_number})" if resource.report_number else ""
    publisher = f" {resource.publisher}." if resource.publisher and authors != resource.publisher else ""
    ending = "" if authors.endswith(".") else "."
    return format_html(
        "{}{} ({}). <i>{}</i>{}.{} {}",
        authors,
        ending,
        year,
        resource.title.rstrip("."),
        number,
        publisher,
        _link(resource, url),
    )


def _chicago_author(author, first):
    if isinstance(author, str):
        return author
    return inverted_name(author) if first else full_name(author)


def chicago(resource, url):
    """``Conway, Maureen, and Amy Blair. <i>Title</i>. Report No. 3. The Aspen Institute, 2007. https://....``
    Only the first author's name is inverted (14.76): "King, Martin Luther, Jr.", then
    "Martin Luther King Jr."."""
    written = [_chicago_author(author, position == 0) for position, author in enumerate(_credited(resource))]
    # The first name is inverted, so even two authors take a comma before "and".
    authors = ", ".join(written[:-1]) + ", and " + written[-1] if len(written) > 1 else "".join(written)
    date = format_date(resource.publication_date, resource.date_precision, month_first=True) or "n.d."
    publication = ", ".join(part for part in (resource.publisher, date) if part)
    number = f" Report No. {resource.report_number}." if resource.report_number else ""
    lead = format_html("{}{} ", authors, "" if authors.endswith(".") else ".") if authors else ""
    return format_html(
        "{}<i>{}</i>.{} {}. {}.", lead, resource.title.rstrip("."), number, publication, _link(resource, url)
    )


def citation_key(resource):
    """``conway2007sectoral``: first author's family name, year and first word of the title."""
    credited = _credited(resource)
    family = ""
    if credited:
        first = credited[0]
        if isinstance(first, str):
            words = [w for w in re.findall(r"[a-z]+", _ascii(first).lower()) if w not in STOP_WORDS]
            family = words[0] if words else ""
        else:
            family = re.sub(r"[^a-z]", "", _ascii(f"{first.particle}{first.family_name}").lower())
    words = [w for w in re.findall(r"[a-z0-9]+", _ascii(resource.title).lower()) if w not in STOP_WORDS]
    year = resource.publication_date.year if resource.publication_date else "nd"
    return f"{family}{year}{words[0] if words else 'resource'}"


def _ascii(text):
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _bibtex_escape(text):
    return BIBTEX_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _bibtex_name(author):
    """BibTeX's "von Last, Jr, First" form; an institution in braces, so that no part of it is
    taken for a first name. BibTeX knows one kind of particle: a dropping one is written as the
    "von" part too."""
    if isinstance(author, str):
        return "{" + _bibtex_escape(author) + "}"
    family = _bibtex_escape(author.family_name)
    if family[:1].islower():  # "bell hooks": a lower-case family name would be read as a particle
        family = "{" + family + "}"
    last = f"{_bibtex_escape(author.particle)} {family}" if author.particle else family
    return ", ".join(part for part in (last, _bibtex_escape(author.suffix), _bibtex_escape(author.given_names)) if part)


def bibtex(resource, url):
    entry = BIBTEX_ENTRY.get(resource.resource_type, "techreport")
    fields = []
    credited = _credited(resource)
    if credited:
        fields.append(("author", " and ".join(_bibtex_name(author) for author in credited)))
    # Double braces keep the title's capitals as written.
    fields.append(("title", "{" + _bibtex_escape(resource.title) + "}"))
    if entry == "techreport":
        fields.append(("institution", _bibtex_escape(resource.publisher)))
        fields.append(("type", resource.get_resource_type_display()))
        if resource.report_number:
            fields.append(("number", _bibtex_escape(resource.report_number)))
    else:
        fields.append(("publisher", _bibtex_escape(resource.publisher)))
        fields.append(("howpublished", resource.get_resource_type_display()))
    if resource.publication_date:
        fields.append(("year", str(resource.publication_date.year)))
        if resource.date_precision != DatePrecision.YEAR:
            fields.append(("month", BIBTEX_MONTHS[resource.publication_date.month - 1]))
    if resource.doi:
        fields.append(("doi", resource.doi))  # verbatim, like the url, for biblatex
    if resource.isbn:
        fields.append(("isbn", resource.isbn))
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
    """RIS as Zotero reads it: "Family, Given, Suffix" authors, an institution as one name with no
    comma, and SN holding a report's number (else the ISBN)."""
    kind = RIS_TYPE.get(resource.resource_type, "RPRT")
    lines = [("TY", kind)]
    lines += [("AU", author if isinstance(author, str) else inverted_name(author)) for author in _credited(resource)]
    lines.append(("TI", resource.title))
    date = resource.publication_date
    if date:
        lines.append(("PY", str(date.year)))
        month = f"{date.month:02d}" if resource.date_precision != DatePrecision.YEAR else ""
        day = f"{date.day:02d}" if resource.date_precision == DatePrecision.DAY else ""
        lines.append(("DA", f"{date.year}/{month}/{day}/"))
    lines.append(("PB", resource.publisher))
    serial = resource.report_number if kind == "RPRT" and resource.report_number else resource.isbn
    if serial:
        lines.append(("SN", serial))
    if resource.doi:
        lines.append(("DO", resource.doi))
    if resource.introduction:
        lines.append(("AB", " ".join(resource.introduction.split())))
    lines += [("KW", topic.name) for topic in resource.topics.all()]
    lines.append(("UR", url))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)


def citation_list(resource, url):
    """The copyable citations of the resource page, in the order they are shown."""
    return [("APA", apa(resource, url)), ("Chicago", chicago(resource, url))]
