"""Charts: the numbers they show, their text alternative, and byte-identical SVG."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from generator.site.bundle import SiteBundle, make_bundle
from generator.site.charts import CHART_DIR, chart_files, charts, render_svg, svg_size

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "site_config" / "vpubnd-cantho-2019.yml"

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def bundle() -> SiteBundle:
    b = make_bundle(CONFIG, with_history=False)
    assert b.ok and b.view is not None
    return b


def test_numbers_match_the_views(bundle: SiteBundle) -> None:
    view = bundle.view
    assert view is not None
    c = charts(view)
    units = c["units"]
    assert units.categories == tuple(u.name for u in view.units)  # configured order
    nominees, eligible = (values for _, values in units.series)
    assert sum(nominees) == len(view.people) == view.figures["nominees"]
    assert sum(eligible) == view.figures["eligible"]
    assert dict(zip(units.categories, nominees, strict=True))["Phòng Quản trị – Tài vụ"] == 0

    funnel = c["funnel"].series[0][1]
    assert funnel[0] == len(view.people) and funnel[1] == view.figures["eligible"]
    assert list(funnel) == sorted(funnel, reverse=True)  # each step keeps a subset
    # sample oracle: within-quota 9 + awarded 5 (tests/sample_expectations.py)
    assert funnel[3] == 14

    fields = c["fields"]
    assert fields.categories[0].startswith("1. ") and len(fields.categories) == 4
    registered, recognised, counted = (values for _, values in fields.series)
    assert sum(registered) == len(view.initiatives)
    assert sum(recognised) == view.figures["initiatives_recognised"]
    assert all(a >= b >= c for a, b, c in zip(registered, recognised, counted, strict=True))


def test_every_chart_has_a_text_alternative_with_its_numbers(bundle: SiteBundle) -> None:
    assert bundle.view is not None
    for chart in charts(bundle.view).values():
        assert chart.title and len(chart.summary) > 60
        values = chart.series[0][1]
        if chart.name == "pheu-xet-ca-nhan":  # a funnel says every step
            assert all(f"{v} " in chart.summary for v in values), chart.summary
        else:  # a breakdown says its total
            assert f"{sum(values)} " in chart.summary, chart.name
        svg = ET.fromstring(render_svg(chart))
        assert svg.get("role") == "img"
        assert svg.find(f"{SVG}title") is not None
        assert svg.find(f"{SVG}title").text == chart.title  # type: ignore[union-attr]
        assert svg.find(f"{SVG}desc").text == chart.summary  # type: ignore[union-attr]


def test_svg_is_byte_identical_across_renders(bundle: SiteBundle) -> None:
    assert bundle.view is not None
    first, second = chart_files(bundle.view), chart_files(bundle.view)
    assert first.keys() == second.keys()
    assert set(first) == {c.path for c in charts(bundle.view).values()}
    for path, data in first.items():
        assert path.startswith(f"{CHART_DIR}/") and path.endswith(".svg")
        assert data == second[path], path


def test_svg_is_byte_identical_in_another_process(bundle: SiteBundle) -> None:
    """A fresh interpreter (other hash seed, fresh matplotlib state) draws the same bytes."""
    assert bundle.view is not None
    here = chart_files(bundle.view)
    script = (
        "import hashlib, sys\n"
        "from pathlib import Path\n"
        "from generator.site.charts import chart_files\n"
        "from generator.site.bundle import make_bundle\n"
        "b = make_bundle(Path(sys.argv[1]), with_history=False)\n"
        "for k, v in sorted(chart_files(b.view).items()): print(k, hashlib.sha256(v).hexdigest())\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run(
        [sys.executable, "-c", script, str(CONFIG)],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True, timeout=120,
    ).stdout  # fmt: skip
    import hashlib

    expected = "".join(f"{k} {hashlib.sha256(v).hexdigest()}\n" for k, v in sorted(here.items()))
    assert out == expected


def test_svg_has_no_date_no_external_reference_and_text_as_paths(bundle: SiteBundle) -> None:
    assert bundle.view is not None
    for path, data in chart_files(bundle.view).items():
        text = data.decode("utf-8")
        assert "<dc:date>" not in text and "Matplotlib v" not in text, path
        assert not re.search(r'(href|src)="(https?:)?//', text), path
        assert "<text" not in text, path  # glyphs drawn as paths: no font needed to view
        assert "@font-face" not in text and "<image" not in text, path
        width, height = svg_size(data)
        assert 300 < width < 1200 and 100 < height < 1500, (path, width, height)


def test_vietnamese_labels_are_drawn(bundle: SiteBundle) -> None:
    """Every glyph of the labels exists in the bundled font (no tofu boxes): DejaVu Sans
    draws each letter as its own path, so a missing glyph would raise a warning we catch."""
    import warnings

    assert bundle.view is not None
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for chart in charts(bundle.view).values():
            render_svg(chart)
