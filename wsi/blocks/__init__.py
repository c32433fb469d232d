from .body import BodyBlock, ParagraphBlock

__all__ = ["BodyBlock", "ParagraphBlock"]
