"""The charts' SVG kept from one build to the next (store ``charts``, :mod:`.pages.page_store`).

Drawing the three charts with matplotlib (and importing it) is about a second of a big
campaign's site stage; a data commit that changes one department's file rarely changes the
counts they show. :func:`render_svg` is a pure function of the frozen :class:`Chart` (texts and
integers: its ``repr`` is faithful) and of the code: this module's, ``charts.py``'s, Python's
and matplotlib's (its bundled fonts with it). So each chart's SVG is kept by a key of those,
and drawn only when the key is new. ``THIDUA_NO_CACHE=1``: every chart drawn.
"""

from __future__ import annotations

import contextlib
import sys
from importlib import metadata
from pathlib import Path

from generator.site import charts
from generator.site.charts import Chart, render_svg
from generator.site.memo_keys import digest, source_version
from generator.site.pages.page_store import PageStore

STORE_NAME = "charts"


def memo_version() -> str:
    """The code an SVG depends on besides its chart."""
    extra = f"python {sys.version}\nmatplotlib {metadata.version('matplotlib')}"
    return source_version(Path(charts.__file__), Path(__file__), extra=extra)


def chart_key(chart: Chart) -> str:
    """A chart's key: its every field (texts and integers), by ``repr``."""
    return digest(repr(chart))


def svg_files(made: dict[str, Chart], store: PageStore | None = None) -> dict[str, bytes]:
    """Each chart of ``made`` as ``path → SVG bytes``, kept or drawn (and kept), through
    ``store`` (default: the cache folder's)."""
    store = store if store is not None else open_store()
    out: dict[str, bytes] = {}
    for chart in made.values():
        key = chart_key(chart)
        kept = store.get(key)
        if kept is not None and not kept[1]:
            out[chart.path] = kept[0].encode("utf-8", "surrogatepass")
            continue
        out[chart.path] = svg = render_svg(chart)
        with contextlib.suppress(UnicodeDecodeError):  # matplotlib writes UTF-8; else drawn anew
            store.put(key, (svg.decode("utf-8"), ""))
    store.save()
    return out


def open_store() -> PageStore:
    """The store of the cache folder the environment names (none when the cache is off)."""
    return PageStore.in_cache(STORE_NAME, memo_version())
