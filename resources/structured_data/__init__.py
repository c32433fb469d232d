"""schema.org JSON-LD: resources (library.py), and events and news (events.py)."""
