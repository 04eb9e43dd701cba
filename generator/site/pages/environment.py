"""The one Jinja2 environment of the generated pages: autoescape, strict undefined, and the
filters and ``finalize`` that keep every value one line of plain text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from generator.site.pages.formats import fmt_date, fmt_int, fmt_percent, fmt_size
from generator.site.pages.markup import one_line

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def finalize(value: Any) -> Any:
    """Every ``{{ … }}``: None shows as empty; in text, whitespace (newlines: a blank line
    would end the HTML block) collapses and control characters go."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return one_line(value)
    return value


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=finalize,
        keep_trailing_newline=False,
    )
    env.filters.update(
        date=fmt_date,
        num=fmt_int,
        pct=fmt_percent,
        size=fmt_size,
    )
    return env


_ENV: Environment | None = None


def environment() -> Environment:
    """The shared environment, made on first use."""
    global _ENV
    if _ENV is None:
        _ENV = _environment()
    return _ENV
