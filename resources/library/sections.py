"""Sections other apps add to the library's pages, so that the library lists a topic's FAQ
questions and a person's events without importing the FAQ or events.

An app registers a Wagtail hook named after the place, a function ``(request, subject)`` that
returns the section's HTML, or "" to add nothing:

- ``PERSON_PAGE_SECTIONS``: after a person's work (``subject`` is the Person);
- ``TOPIC_SECTION_SECTIONS``: before a topic section's resources (``subject`` is the Topic).
"""

from django.utils.safestring import mark_safe
from wagtail import hooks

PERSON_PAGE_SECTIONS = "library_person_page_sections"
TOPIC_SECTION_SECTIONS = "library_topic_section_sections"


def sections(place, request, subject):
    """The HTML each registered app adds at ``place``, in registration order."""
    return [mark_safe(html) for render in hooks.get_hooks(place) if (html := render(request, subject))]
