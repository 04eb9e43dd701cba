"""Per-row pieces of the pages written in Python rather than as Jinja macros: a criterion's
mark, a rank, a dossier. At 30,000 nominees they are called some 160,000 times, and a macro
call costs more than the text it makes. Each gives exactly what its macro gave (the macros'
text is kept in tests/test_cells.py, which holds these to it); templates call them as before
(``mark(c)``, ``rank(p)``, ``dossier(p.dossier)``) from the rendering's context."""

from __future__ import annotations

from markupsafe import Markup, escape

from generator.site.pages.environment import finalize
from generator.site.views import CollectiveView, CriterionView, DossierView, PersonView

_MET = '<span class="thidua-mark thidua-mark--yes"><span aria-hidden="true">✓</span> Đạt</span>\n'
_NOT_MET = (
    '<span class="thidua-mark thidua-mark--no"><span aria-hidden="true">✗</span> Không đạt</span>\n'
)


def _text(value: object) -> str:
    """``{{ value }}`` in an autoescaped template (the environment's finalize, then escape)."""
    return str(escape(finalize(value)))


def mark(c: CriterionView, reason: str | None) -> Markup:
    """A criterion met or not, with its reason (None for a sensitive criterion)."""
    text = _MET if c.met else _NOT_MET
    if reason:
        text += f'<small class="thidua-reason">{_text(reason)}</small>\n'
    return Markup(text)


def rank(item: PersonView | CollectiveView) -> Markup:
    """A subject's rank within its quota group, or a dash."""
    return Markup(_text(item.rank) if item.rank is not None else "—")


def dossier(d: DossierView) -> Markup:
    """A dossier's state and what it lacks."""
    text = _text(d.label) + "\n"
    if d.missing:
        text += (
            f'<small class="thidua-reason">Thiếu: {_text("; ".join(map(str, d.missing)))}</small>\n'
        )
    return Markup(text)
