def load(demo):
    """Filled in by the events and news work (issue 5)."""
