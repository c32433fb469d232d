from .body import BodyBlock

__all__ = ["BodyBlock"]
