from django import template
from django.db.models import F

from resources.library.cards import CARD_FIELDS
from resources.library.citations import citation_list
from resources.library.facet_index import library_index
from resources.library.models import ResourcePage
from resources.library.routes import library_url
from resources.library.scholar_meta import citation_meta
from resources.library.structured_data import resource_json_ld
from wsi import page_cache
from wsi.page_privacy import public
from wsi.structured_data import json_ld_script

register = template.Library()


@register.inclusion_tag("library/includes/latest_resources.html", takes_context=True)
def latest_resources(context, count=3):
    """The newest resources of the library, for the home page: kept until public pages change."""
    resources = page_cache.remembered(("latest-resources", count), lambda: _latest_resources(count))
    return {"request": context.get("request"), "resources": resources, "library_url": library_url()}


def _latest_resources(count):
    resources = public(ResourcePage.objects.live()).only(*CARD_FIELDS)
    ordered = resources.order_by(F("publication_date").desc(nulls_last=True), "-first_published_at", "-pk")
    return list(ordered[:count])


@register.simple_tag
def related_resources(resource, limit=3):
    """The resources staff chose, or else those sharing the most topics, newest first: ranked
    in the library's index, where a GROUP BY over every resource sharing a topic took longer
    than the rest of the page."""
    if chosen := resource.chosen_related_resources(limit):
        return chosen
    topic_pks = [topic.pk for topic in resource.topics.all()]
    if not topic_pks:
        return []
    pks = library_index().sharing_most_topics(topic_pks, resource.pk, limit)
    found = public(ResourcePage.objects.live()).only(*CARD_FIELDS).in_bulk(pks)
    return [found[pk] for pk in pks if pk in found]


@register.simple_tag(takes_context=True)
def resource_json_ld_script(context, resource):
    return json_ld_script(resource_json_ld(resource, context["request"]))


@register.simple_tag(takes_context=True)
def resource_citations(context, resource):
    return citation_list(resource, resource.get_full_url(context["request"]))


@register.simple_tag(takes_context=True)
def resource_citation_meta(context, resource):
    return citation_meta(resource, context["request"])
