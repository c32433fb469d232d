"""schema.org JSON-LD for a resource page, so that search engines and scholarly indexes know
what it is, who wrote it, when and about what."""

from .citations import doi_url
from .dates import DatePrecision
from .names import family_with_particle, given_with_particle
from .resource_types import ResourceType

SCHEMA_TYPE = {
    ResourceType.REPORT: "Report",
    ResourceType.BRIEF: "Report",
    ResourceType.SURVEY: "Report",
    ResourceType.UPDATE: "Report",
    ResourceType.CASE_STUDY: "ScholarlyArticle",
    ResourceType.PAPER: "ScholarlyArticle",
}


def resource_json_ld(resource, request):
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPE.get(resource.resource_type, "CreativeWork"),
        "name": resource.title,
        "headline": resource.title[:110],
        "url": resource.get_full_url(request),
        "genre": resource.get_resource_type_display(),
        "publisher": {"@type": "Organization", "name": resource.publisher},
        "author": [_author(author) for author in resource.authors.all()],
        "about": [{"@type": "Thing", "name": topic.name} for topic in resource.topics.all()],
    }
    if resource.introduction:
        data["description"] = resource.introduction
    if resource.publication_date:
        data["datePublished"] = _date(resource)
    if resource.document:
        data["encoding"] = {
            "@type": "MediaObject",
            "contentUrl": request.build_absolute_uri(resource.document.url),
            "encodingFormat": resource.document.content_type,
        }
    identifiers = _identifiers(resource)
    if identifiers:
        data["identifier"] = identifiers
    if resource.doi:
        data["sameAs"] = doi_url(resource.doi)
    if resource.report_number and data["@type"] == "Report":
        data["reportNumber"] = resource.report_number
    funders = [{"@type": "Organization", "name": funder.name} for funder in resource.funders.all()]
    if funders:
        data["funder"] = funders
    return data


def _author(author):
    if not author.person_id:
        return {"@type": "Organization", "name": author.organisation.name}
    person = {"@type": "Person", "name": author.person.name, "familyName": family_with_particle(author.person)}
    if given := given_with_particle(author.person):
        person["givenName"] = given
    if author.person.suffix:
        person["honorificSuffix"] = author.person.suffix
    if author.person.organisation:
        person["affiliation"] = {"@type": "Organization", "name": author.person.organisation}
    return person


def _identifiers(resource):
    pairs = [("DOI", resource.doi), ("ISBN", resource.isbn), ("report number", resource.report_number)]
    return [{"@type": "PropertyValue", "propertyID": kind, "value": value} for kind, value in pairs if value]


def _date(resource):
    date = resource.publication_date
    if resource.date_precision == DatePrecision.YEAR:
        return f"{date.year}"
    if resource.date_precision == DatePrecision.MONTH:
        return f"{date.year}-{date.month:02d}"
    return date.isoformat()
