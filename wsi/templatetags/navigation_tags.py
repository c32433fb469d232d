from django import template
from wagtail.models import Site

from wsi.navigation import menu_tree_for_request
from wsi.page_routes import ancestors_on_path

register = template.Library()


@register.simple_tag(takes_context=True)
def primary_navigation(context, current_page=None):
    """The site map's sections with their pages, each marked when ``current_page`` lies inside it."""
    request = context.get("request")
    if request is None:
        return []
    current_path = getattr(current_page, "path", "")
    return [
        {"page": section, "children": children, "is_active": current_path.startswith(section.path)}
        for section, children in menu_tree_for_request(request)
    ]


@register.simple_tag(takes_context=True)
def section_navigation(context, current_page):
    """The section holding ``current_page`` and its pages, for an "In this section" menu; None
    when the page is outside the menus or its section has no other page to offer."""
    for section in primary_navigation(context, current_page):
        if section["is_active"] and section["children"]:
            return section
    return None


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """The ancestors between the home page and ``page`` (both excluded)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None or page is None:
        return []
    on_path = ancestors_on_path(request, page, site.root_page)
    if on_path is not None:
        return on_path
    return page.get_ancestors().filter(depth__gt=site.root_page.depth).live()
