from django import template
from django.db.models import F, Prefetch

from resources.library.citations import citation_list
from resources.library.models import ResourceAuthor, ResourcePage
from resources.library.routes import library_url
from resources.library.scholar_meta import citation_meta
from resources.library.structured_data import resource_json_ld
from wsi.page_privacy import public
from wsi.structured_data import json_ld_script

register = template.Library()


@register.inclusion_tag("library/includes/latest_resources.html", takes_context=True)
def latest_resources(context, count=3):
    """The newest resources of the library, for the home page."""
    resources = (
        public(ResourcePage.objects.live())
        .order_by(F("publication_date").desc(nulls_last=True), "-first_published_at")
        .prefetch_related(
            Prefetch("authors", queryset=ResourceAuthor.objects.select_related("person", "organisation"))
        )[:count]
    )
    return {"request": context.get("request"), "resources": list(resources), "library_url": library_url()}


@register.simple_tag(takes_context=True)
def resource_json_ld_script(context, resource):
    return json_ld_script(resource_json_ld(resource, context["request"]))


@register.simple_tag(takes_context=True)
def resource_citations(context, resource):
    return citation_list(resource, resource.get_full_url(context["request"]))


@register.simple_tag(takes_context=True)
def resource_citation_meta(context, resource):
    return citation_meta(resource, context["request"])
