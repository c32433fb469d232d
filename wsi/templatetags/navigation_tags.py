from django import template
from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def primary_navigation(context, current_page=None):
    """The site map's sections and their pages, as staff ordered them in the page tree
    ("Show in menus" decides what appears), each marked when ``current_page`` lies inside it.
    Two queries whatever the size of the tree."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    root = site.root_page
    sections = list(root.get_children().live().public().in_menu())
    children = root.get_descendants().filter(depth=root.depth + 2).live().public().in_menu()
    by_parent_path = {}
    for child in children:
        by_parent_path.setdefault(child.path[: -root.steplen], []).append(child)
    current_path = getattr(current_page, "path", "")
    return [
        {
            "page": section,
            "children": by_parent_path.get(section.path, []),
            "is_active": current_path.startswith(section.path),
        }
        for section in sections
    ]


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """The ancestors between the home page and ``page`` (both excluded)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None or page is None:
        return []
    return page.get_ancestors().filter(depth__gt=site.root_page.depth).live()
