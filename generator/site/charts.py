"""Charts of the public views, rendered at build time as static, byte-identical SVG.

:func:`charts` computes what each chart shows (pure, cheap: the pages use it for the figure,
its text alternative and the table of numbers beside it); :func:`render_svg` draws one with
matplotlib (Agg, no pyplot state) and :func:`chart_files` gives every SVG as site files
(the site takes them through :mod:`generator.site.chart_memo`, which keeps each by its chart).

Determinism: a fixed ``svg.hashsalt``, no date in the metadata, text drawn as paths (DejaVu
Sans, bundled with matplotlib, has every Vietnamese letter; the viewer needs no font).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from html import escape
from typing import Any

from generator.judge.model import Status
from generator.site.scale import TOP_UNITS, summarised
from generator.site.views import PersonView, SiteView, UnitView

CHART_DIR = "assets/bieu-do"
HASH_SALT = "thidua-cchc"
COLOURS = ("#283593", "#1b5e20", "#6d4c00")  # ≥ 7:1 against white: not colour alone either
HATCHES = ("", "///", "\\\\\\")

# Criteria statuses of a nominee whose dossier is complete and on time (SPEC §4 order).
_PAST_DOSSIER = {
    Status.BELOW_VOTE_SHARE.value,
    Status.ELIGIBLE.value,
    Status.WITHIN_QUOTA.value,
    Status.OVER_QUOTA.value,
    Status.TIE.value,
}
# Statuses of the last step: within quota while provisional, or chosen by the Council.
_SELECTED = {Status.WITHIN_QUOTA.value, Status.AWARDED.value, Status.PROPOSED.value}


@dataclass(frozen=True)
class Chart:
    """One chart: categories (rows of its table) × series (columns), integers only."""

    name: str  # file stem and anchor, ASCII
    title: str
    summary: str  # the text alternative: what the picture shows, with the key numbers
    category_header: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[int, ...]], ...]

    @property
    def path(self) -> str:
        return f"{CHART_DIR}/{self.name}.svg"

    @property
    def rows(self) -> list[tuple[str, tuple[int, ...]]]:
        return [
            (cat, tuple(values[i] for _, values in self.series))
            for i, cat in enumerate(self.categories)
        ]


def charts(view: SiteView) -> dict[str, Chart]:
    """The site's charts by key: ``units``, ``fields``, ``funnel``."""
    return {
        "units": _units_chart(view),
        "fields": _fields_chart(view),
        "funnel": _funnel_chart(view),
    }


def _units_chart(view: SiteView) -> Chart:
    if summarised(view):
        return _top_units_chart(view)
    names = tuple(u.name for u in view.units)
    nominees = tuple(len(u.people) for u in view.units)
    eligible = tuple(sum(1 for p in u.people if p.eligible) for u in view.units)
    summary = (
        "Biểu đồ thanh ngang: số cá nhân được đề nghị và số cá nhân đạt đủ tiêu chí của từng "
        f"phòng, bộ phận. Tổng cộng {sum(nominees)} cá nhân được đề nghị, "
        f"{sum(eligible)} đạt đủ tiêu chí."
    )
    if nominees and max(nominees) > 0:
        top = max(range(len(names)), key=lambda i: (nominees[i], -i))
        summary += (
            f" Nhiều đề nghị nhất: {names[top]} ({nominees[top]} đề nghị, "
            f"{eligible[top]} đạt đủ tiêu chí)."
        )
    return Chart(
        "ca-nhan-theo-don-vi",
        "Cá nhân được đề nghị và đạt đủ tiêu chí theo phòng, bộ phận",
        summary + " Số liệu đầy đủ ở bảng kèm theo.",
        "Phòng, bộ phận",
        names,
        (("Được đề nghị", nominees), ("Đạt đủ tiêu chí", eligible)),
    )


def _top_units_chart(view: SiteView) -> Chart:
    """A summarised campaign's chart: the departments with the most nominees (ties in the
    departments' order), the totals of every department in the text alternative."""
    every = sum(len(u.people) for u in view.units)
    eligible_all = sum(1 for p in view.people if p.eligible)
    top: list[UnitView] = sorted(view.units, key=lambda u: -len(u.people))[:TOP_UNITS]
    nominees = tuple(len(u.people) for u in top)
    eligible = tuple(sum(1 for p in u.people if p.eligible) for u in top)
    summary = (
        f"Biểu đồ thanh ngang: {len(top)} phòng, bộ phận có nhiều cá nhân được đề nghị nhất "
        f"(trên tổng số {len(view.units)}), với số cá nhân được đề nghị và số cá nhân đạt đủ "
        f"tiêu chí. Cả {len(view.units)} phòng, bộ phận: {every} cá nhân được đề nghị, "
        f"{eligible_all} đạt đủ tiêu chí."
    )
    if top:
        summary += (
            f" Nhiều đề nghị nhất: {top[0].name} ({nominees[0]} đề nghị, "
            f"{eligible[0]} đạt đủ tiêu chí)."
        )
    return Chart(
        "ca-nhan-theo-don-vi",
        f"Cá nhân được đề nghị và đạt đủ tiêu chí: {len(top)} phòng, bộ phận có nhiều đề nghị nhất",
        summary + " Số liệu của mọi phòng, bộ phận ở trang Các phòng, bộ phận.",
        "Phòng, bộ phận",
        tuple(u.name for u in top),
        (("Được đề nghị", nominees), ("Đạt đủ tiêu chí", eligible)),
    )


def _fields_chart(view: SiteView) -> Chart:
    fields = [(f.register_value, f"{f.id}. {f.name}") for f in view.config.fields]
    known = {value for value, _ in fields}
    rest = [i for i in view.initiatives if i.field not in known]
    if rest:
        fields.append(("", "Chưa ghi lĩnh vực"))

    def of(value: str) -> list[Any]:
        return [i for i in view.initiatives if (i.field if i.field in known else "") == value]

    registered = tuple(len(of(v)) for v, _ in fields)
    recognised = tuple(sum(1 for i in of(v) if i.recognised) for v, _ in fields)
    counted = tuple(sum(1 for i in of(v) if i.counted) for v, _ in fields)
    summary = (
        "Biểu đồ thanh ngang: số sáng kiến theo nội dung thi đua — trong sổ sáng kiến, được "
        "Hội đồng Sáng kiến công nhận, và được tính vào xét thi đua (công nhận không muộn hơn "
        f"hạn nộp hồ sơ). Tổng cộng {sum(registered)} sáng kiến trong sổ, {sum(recognised)} "
        f"được công nhận, {sum(counted)} được tính."
    )
    return Chart(
        "sang-kien-theo-linh-vuc",
        "Sáng kiến theo nội dung thi đua",
        summary + " Số liệu đầy đủ ở bảng kèm theo.",
        "Nội dung thi đua",
        tuple(title for _, title in fields),
        (
            ("Trong sổ sáng kiến", registered),
            ("Được công nhận", recognised),
            ("Tính vào xét thi đua", counted),
        ),
    )


def _past_dossier(p: PersonView) -> bool:
    return p.criteria_status in _PAST_DOSSIER


def _funnel_chart(view: SiteView) -> Chart:
    people = view.people
    stages = (
        ("Được đề nghị", len(people)),
        ("Đạt tất cả tiêu chí", sum(1 for p in people if p.eligible)),
        ("Hồ sơ đầy đủ, đúng hạn", sum(1 for p in people if _past_dossier(p))),
        (
            "Trong chỉ tiêu hoặc được Hội đồng chọn",
            sum(1 for p in people if _past_dossier(p) and p.status in _SELECTED),
        ),
    )
    steps = " → ".join(f"{n} {label.lower()}" for label, n in stages)
    return Chart(
        "pheu-xet-ca-nhan",
        "Các bước xét cá nhân: từ đề nghị đến chỉ tiêu",
        "Biểu đồ phễu: số cá nhân còn lại sau mỗi bước xét: " + steps + ".",
        "Bước xét",
        tuple(label for label, _ in stages),
        (("Số cá nhân", tuple(n for _, n in stages)),),
    )


# --------------------------------------------------------------------------- drawing


def render_svg(chart: Chart) -> bytes:
    """The chart as SVG bytes; the same chart always gives the same bytes."""
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    with matplotlib.rc_context(
        {
            "svg.hashsalt": HASH_SALT,
            "svg.fonttype": "path",
            "font.family": "DejaVu Sans",
            "font.size": 10,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "hatch.color": "#ffffff",
            "hatch.linewidth": 1.2,
        }
    ):
        n_cat, n_ser = len(chart.categories), len(chart.series)
        height = 0.9 + n_cat * (0.28 + 0.22 * n_ser)
        fig = Figure(figsize=(7.2, height), dpi=72)
        ax = fig.add_subplot()
        bar = 0.8 / n_ser
        peak = max((v for _, values in chart.series for v in values), default=0)
        for s, (label, values) in enumerate(chart.series):
            ys = [c + (s - (n_ser - 1) / 2) * bar for c in range(n_cat)]
            bars = ax.barh(
                ys,
                values,
                height=bar * 0.92,
                label=label,
                color=COLOURS[s % len(COLOURS)],
                hatch=HATCHES[s % len(HATCHES)],
                edgecolor=COLOURS[s % len(COLOURS)],
            )
            ax.bar_label(bars, labels=[str(v) for v in values], padding=3, fontsize=10)
        ax.set_yticks(range(n_cat), [_wrap(c) for c in chart.categories])
        ax.invert_yaxis()
        ax.set_xlim(0, max(peak, 1) * 1.15)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.tick_params(axis="y", length=0)
        ax.grid(axis="x", color="#d0d0d0", linewidth=0.6)
        ax.set_axisbelow(True)
        if n_ser > 1:
            ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=n_ser, frameon=False)
        buf = io.BytesIO()
        fig.savefig(
            buf,
            format="svg",
            bbox_inches="tight",
            metadata={"Date": None, "Creator": None},
        )
    return _label(buf.getvalue(), chart)


def _wrap(text: str, width: int = 32) -> str:
    """Break a long category label over lines at spaces."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines)


_SVG_OPEN = re.compile(rb"<svg\b[^>]*>")


def _label(svg: bytes, chart: Chart) -> bytes:
    """Give the SVG its own text alternative: role, <title> and <desc> (escaped)."""
    match = _SVG_OPEN.search(svg)
    if match is None:  # pragma: no cover - matplotlib always writes one
        raise ValueError("no <svg> element in matplotlib output")
    tag = match.group(0)
    labelled = tag[:-1] + b' role="img" aria-labelledby="title desc">'
    extra = (
        f'<title id="title">{escape(chart.title)}</title>'
        f'<desc id="desc">{escape(chart.summary)}</desc>'
    ).encode()
    return svg[: match.start()] + labelled + extra + svg[match.end() :]


def svg_size(svg: bytes) -> tuple[int, int]:
    """Width and height (CSS px, rounded) of an SVG written by matplotlib (in pt)."""
    match = _SVG_OPEN.search(svg)
    tag = match.group(0).decode() if match else ""
    width = re.search(r'width="([\d.]+)pt"', tag)
    height = re.search(r'height="([\d.]+)pt"', tag)
    if not width or not height:
        return 0, 0
    return round(float(width.group(1)) * 4 / 3), round(float(height.group(1)) * 4 / 3)


def chart_files(view: SiteView) -> dict[str, bytes]:
    """Every chart of the site as ``assets/bieu-do/<name>.svg`` → SVG bytes."""
    return {c.path: render_svg(c) for c in charts(view).values()}
