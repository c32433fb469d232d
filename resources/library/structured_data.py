"""schema.org JSON-LD for a resource page, so that search engines and scholarly indexes know
what it is, who wrote it, when and about what."""

from .dates import DatePrecision
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
    funders = [{"@type": "Organization", "name": funder.name} for funder in resource.funders.all()]
    if funders:
        data["funder"] = funders
    return data


def _author(author):
    if author.person_id:
        person = {"@type": "Person", "name": author.person.name}
        if author.person.organisation:
            person["affiliation"] = {"@type": "Organization", "name": author.person.organisation}
        return person
    return {"@type": "Person", "name": author.name}


def _date(resource):
    date = resource.publication_date
    if resource.date_precision == DatePrecision.YEAR:
        return f"{date.year}"
    if resource.date_precision == DatePrecision.MONTH:
        return f"{date.year}-{date.month:02d}"
    return date.isoformat()
