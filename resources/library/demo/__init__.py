"""The library's part of the demo site: topics, people and organisations first (events and
news refer to them), then the publications and the About us pages about people."""

from .library import load

__all__ = ["load"]
