"""Anchors of hand-written headings, for Python-Markdown's ``toc`` extension.

mkdocs.yml names :func:`heading_slug` as ``toc.slugify``; it imports no builder, so any
builder that runs Python-Markdown extensions can use it.
"""

from __future__ import annotations

from generator.read.text import slug


def heading_slug(value: str, separator: str) -> str:
    """'Điều kiện để được xét' → 'dieu-kien-de-duoc-xet' (the default drops 'đ' and every
    accented letter)."""
    return slug(value).replace("-", separator) or "muc"
