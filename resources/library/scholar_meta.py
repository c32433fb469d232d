"""The ``citation_*`` meta tags of a resource page (the Highwire Press convention), which Google
Scholar indexes and Zotero saves from in one click: one ``citation_author`` per author, names
"Family, Given", dates YYYY/MM/DD or the year alone, the PDF at an absolute address."""

from .citations import BIBTEX_ENTRY
from .dates import DatePrecision
from .names import inverted_name


def citation_meta(resource, request):
    """(name, content) pairs, in the order Google Scholar's guidelines list them."""
    tags = [("citation_title", resource.title)]
    for author in resource.authors.all():
        tags.append(("citation_author", inverted_name(author.person) if author.person_id else author.organisation.name))
    date = resource.publication_date
    if date:
        written = date.strftime("%Y/%m/%d") if resource.date_precision == DatePrecision.DAY else str(date.year)
        tags.append(("citation_publication_date", written))
    if resource.publisher:
        tags.append(("citation_publisher", resource.publisher))
    if resource.resource_type not in BIBTEX_ENTRY:  # reports, briefs, papers: what BibTeX calls a techreport
        if resource.report_number:
            tags.append(("citation_technical_report_number", resource.report_number))
        if resource.publisher:
            tags.append(("citation_technical_report_institution", resource.publisher))
    if resource.doi:
        tags.append(("citation_doi", resource.doi))
    if resource.isbn:
        tags.append(("citation_isbn", resource.isbn))
    tags += [("citation_keywords", topic.name) for topic in resource.topics.all()]
    tags.append(("citation_abstract_html_url", resource.get_full_url(request)))
    document = resource.document
    if document is not None and document.file_extension.lower() == "pdf":
        tags.append(("citation_pdf_url", request.build_absolute_uri(document.url)))
    return tags
