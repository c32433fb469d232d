"""The menus' page tree (sections and their pages), kept in the shared cache under the page
cache's generation (``wsi.page_cache``), so that a page view reads it without touching the
database and every web node builds it anew after any change that can show on a page, including
a change committed on another node while this one was reading the old rows; and kept in each
process until then, so that a page view does not read it from the shared cache either."""

from django.core.cache import cache
from wagtail.models import Page, Site

from wsi import page_cache

# v2: pages carry menu_url (a tree stored by an older release lacks it).
CACHE_KEY = "wsi:menu-tree:v2:{generation}:{site_id}"
CACHE_SECONDS = 60 * 60


def menu_tree(site):
    """``[(section, [child, ...]), ...]`` for the site's in-menu, live, public pages, each with
    ``menu_url``, its address on this site (the menus of every page link each of them)."""
    return page_cache.remembered(("menu-tree", site.pk), lambda: _shared_tree(site))


def _shared_tree(site):
    key = CACHE_KEY.format(generation=page_cache.current_generation(), site_id=site.pk)
    tree = cache.get(key)
    if tree is None:
        tree = _build(site)
        cache.set(key, tree, CACHE_SECONDS)
    return tree


def menu_tree_for_request(request):
    """The menus' page tree, read once per request however many menus the page shows."""
    if not hasattr(request, "_wsi_menu_tree"):
        site = Site.find_for_request(request)
        request._wsi_menu_tree = menu_tree(site) if site is not None else []
    return request._wsi_menu_tree


def _build(site):
    root = site.root_page
    # Specific pages, for their menu titles (BasePage.menu_label).
    sections = list(root.get_children().live().public().in_menu().specific())
    children = Page.objects.none()
    for section in sections:
        children |= section.get_children()
    by_parent_path = {}
    for child in children.live().public().in_menu().order_by("path").specific():
        by_parent_path.setdefault(child.path[: -root.steplen], []).append(child)
    tree = [(section, by_parent_path.get(section.path, [])) for section in sections]
    for section, children in tree:
        for page in (section, *children):
            page.menu_url = page.relative_url(site)
    return tree
