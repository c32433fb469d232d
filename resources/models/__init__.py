from .snippets import Organisation, Person, Topic

__all__ = ["Organisation", "Person", "Topic"]
