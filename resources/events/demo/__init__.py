"""The calendar's part of the demo site: the events pages and series, then the news."""

from .events import load

__all__ = ["load"]
