"""RSS and Atom feeds: the library's (library.py), and those of events and news (events.py)."""
