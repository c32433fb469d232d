"""The pages on a request's address, read at once. Wagtail's routing walks the address one
level at a time, two queries a level (the child by its slug, then its specific row);
``BasePage.route`` reads them here in one query plus one per page type, and keeps them on the
request for the levels below and for the breadcrumbs. The pages that routing passes through on
its way to another (sections, indexes: those that may have children) are few and on nearly
every address: they are kept in the process until public pages change
(``page_cache.remembered``), so that most requests read only the page they ask for."""

from wagtail.models import Page

from wsi import page_cache

_MEMO = "_wsi_pages_on_path"


def child_on_path(request, parent, path_components):
    """The specific child of ``parent`` whose slug is ``path_components[0]``, or None. The first
    call of a request also reads the pages that the rest of the address names."""
    pages = request.__dict__.setdefault(_MEMO, {})
    wanted = [parent.url_path + "/".join(path_components[: depth + 1]) + "/" for depth in range(len(path_components))]
    if wanted[0] not in pages:
        branches = page_cache.remembered("route-branches", dict)  # {url_path: specific page}
        to_read = [url_path for url_path in wanted if url_path not in branches]
        found = {page.url_path: page for page in Page.objects.filter(url_path__in=to_read).specific()}
        for url_path in wanted[:-1]:
            page = found.get(url_path)
            if page is not None and page.specific_class.allowed_subpage_models():
                branches[url_path] = page
        pages.update({url_path: branches.get(url_path) or found.get(url_path) for url_path in wanted})
    return pages[wanted[0]]


def ancestors_on_path(request, page, root):
    """The live pages between ``root`` and ``page`` (both excluded), from those routing read;
    None when routing did not read them all."""
    pages = getattr(request, _MEMO, None)
    if not pages or not page.url_path.startswith(root.url_path):
        return None
    slugs = page.url_path[len(root.url_path) :].strip("/").split("/")[:-1]
    url_paths = [root.url_path + "/".join(slugs[: depth + 1]) + "/" for depth in range(len(slugs))]
    if not all(pages.get(url_path) for url_path in url_paths):
        return None
    return [pages[url_path] for url_path in url_paths if pages[url_path].live]
