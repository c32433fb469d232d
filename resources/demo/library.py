def load(demo):
    """Filled in by the library work (issue 4)."""
