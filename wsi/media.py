"""Uploaded files served by the application itself, as ``make run`` does (nginx serves them in
the Compose stack and production, with the same headers)."""

from django.conf import settings
from django.views.static import serve

# An SVG is a document that can carry script. Opened at its own address, from the site's
# origin, it would run that script with a logged-in editor's rights; sandboxed, it runs none.
SANDBOXED_EXTENSIONS = (".svg", ".svgz")


def media(request, path):
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["X-Content-Type-Options"] = "nosniff"
    if path.lower().endswith(SANDBOXED_EXTENSIONS):
        response["Content-Security-Policy"] = "sandbox"
    return response
