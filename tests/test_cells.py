"""pages/cells.py gives exactly what the Jinja macros it replaced gave (their text is here)."""

from __future__ import annotations

import itertools
from types import SimpleNamespace

from generator.site.pages import cells
from generator.site.pages.environment import environment
from generator.site.views import CriterionView, DossierView

# The macros as they were in templates/_macros.html.
MACROS = """\
{% macro mark(c) -%}
{% set reason = reason_of(c) %}
{% if c.met %}
<span class="thidua-mark thidua-mark--yes"><span aria-hidden="true">✓</span> Đạt</span>
{% else %}
<span class="thidua-mark thidua-mark--no"><span aria-hidden="true">✗</span> Không đạt</span>
{% endif %}
{% if reason %}
<small class="thidua-reason">{{ reason }}</small>
{% endif %}
{%- endmacro %}

{% macro rank(item) -%}
{% if item.rank is not none %}{{ item.rank }}{% else %}—{% endif %}
{%- endmacro %}

{% macro dossier(d) -%}
{{ d.label }}
{% if d.missing %}
<small class="thidua-reason">Thiếu: {{ d.missing | join("; ") }}</small>
{% endif %}
{%- endmacro %}
"""

TEXTS = [None, "", "a", 'Lý do: 3/5 < 4 & "đạt"', "  hai\n dòng\t ", "\x00\x1b", "<b>x</b>", "—"]


def _macros(reason: str | None):  # type: ignore[no-untyped-def]
    return environment().from_string(MACROS).make_module({"reason_of": lambda c: reason})


def test_mark_is_the_macro():
    for met, reason in itertools.product((True, False), TEXTS):
        c = CriterionView("CN1", "Tiêu chí", met, reason)
        want = str(_macros(reason).mark(c))
        got = cells.mark(c, reason)
        assert str(got) == want, (met, reason)
        assert type(got).__name__ == "Markup"


def test_rank_is_the_macro():
    module = _macros(None)
    for value in (None, 0, 1, 12, 1000):
        item = SimpleNamespace(rank=value)
        assert str(cells.rank(item)) == str(module.rank(item)), value  # type: ignore[arg-type]


def test_dossier_is_the_macro():
    module = _macros(None)
    missing = [(), ("Báo cáo thành tích",), ("A <b>", "B\nC", "  D  "), ("x & y", "—")]
    for complete, late, lacks in itertools.product((True, False), (True, False), missing):
        d = DossierView(complete, late, lacks, None)
        assert str(cells.dossier(d)) == str(module.dossier(d)), d
