from .library import ResourceIndexPage
from .snippets import Organisation, Person, Topic

__all__ = ["Organisation", "Person", "ResourceIndexPage", "Topic"]
