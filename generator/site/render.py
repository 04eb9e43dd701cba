"""Render stage: the public views become Markdown page sources (builder-independent).

Each page is ``# Title`` (escaped for both HTML and Markdown) followed by exactly ONE raw
HTML block rendered by Jinja2 with ``autoescape=True`` and ``StrictUndefined``. Cell text is
never pasted into Markdown: Python-Markdown stashes the raw block untouched, so a name such as
``**bold**`` or ``<script>`` stays literal, visible text. The block starts at column 0 with a
``<div>`` and holds no blank line (data whitespace is collapsed by the environment's
``finalize``), which is what keeps Python-Markdown from reading into it.

Links between generated pages are relative, final URLs for ``use_directory_urls: true``
(``ket-qua/ca-nhan/`` → ``../../don-vi/th/``), computed by :func:`relative_url`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from generator.judge import contract as schema

from generator.site import vendor
from generator.site.charts import Chart, chart_files, charts
from generator.judge.config import Award, Config, Criterion
from generator.judge.model import Status
from generator.read.text import slug
from generator.site.views import (
    CollectiveView,
    CriterionView,
    DossierView,
    HonourEntry,
    InitiativeView,
    PersonView,
    SiteView,
    UnitView,
)

SAMPLE_NOTICE = "Dữ liệu minh họa, không phải người thật."
UNKNOWN_DATE = "chưa rõ"
OPEN_DATA = "du-lieu-mo"

# docs-relative source path → page title (unit pages are added per unit)
PAGES: dict[str, str] = {
    "index.md": "",  # the campaign name
    "tieu-chi/index.md": "Tiêu chí, chỉ tiêu và hồ sơ",
    "tien-do/index.md": "Tiến độ nộp hồ sơ",
    "ket-qua/tap-the/index.md": "Kết quả xét tập thể",
    "ket-qua/ca-nhan/index.md": "Kết quả xét cá nhân",
    "vinh-danh/index.md": "Vinh danh",
    "sang-kien/index.md": "Sáng kiến được công nhận",
    "don-vi/index.md": "Các phòng, bộ phận",
    "du-lieu-mo/index.md": "Dữ liệu mở",
}

FIGURE_LABELS = {
    "units": "Phòng, bộ phận",
    "units_submitted": "Đơn vị đã nộp hồ sơ",
    "collectives": "Tập thể được đề nghị",
    "nominees": "Cá nhân được đề nghị",
    "eligible": "Cá nhân đạt đủ tiêu chí",
    "initiatives_recognised": "Sáng kiến được công nhận",
    "honoured": "Tập thể, cá nhân được vinh danh",
}

RANK_KEYS = {
    "vote_share": "Tỷ lệ phiếu đồng ý khi họp xét (số phiếu đồng ý / tổng số phiếu): cao hơn "
    "xếp trước",
    "recognised_initiatives": "Số sáng kiến được Hội đồng Sáng kiến công nhận đúng hạn: nhiều "
    "hơn xếp trước",
}

STATUS_HELP = {
    Status.NOT_ELIGIBLE: "Không đạt ít nhất một tiêu chí (ghi rõ tiêu chí không đạt).",
    Status.DOSSIER_INCOMPLETE: "Đạt các tiêu chí nhưng hồ sơ còn thiếu thành phần.",
    Status.LATE: "Đạt các tiêu chí, hồ sơ đầy đủ nhưng gửi sau hạn.",
    Status.ELIGIBLE: "Đạt các tiêu chí, hồ sơ đầy đủ, đúng hạn, nhưng chưa xếp hạng được vì biên "
    "bản họp xét chưa ghi số phiếu (chờ bổ sung số phiếu).",
    Status.WITHIN_QUOTA: "Đủ điều kiện và nằm trong chỉ tiêu theo thứ tự xếp hạng; chờ Hội đồng "
    "quyết định.",
    Status.OVER_QUOTA: "Đủ điều kiện nhưng xếp hạng ngoài chỉ tiêu.",
    Status.TIE: "Bằng điểm nhau tại ngưỡng chỉ tiêu; Hội đồng Thi đua – Khen thưởng quyết định "
    "ai được khen thưởng.",
    Status.NOT_AWARDED: "Hội đồng Thi đua – Khen thưởng đã có kết quả cho nhóm xét chỉ tiêu này "
    "(phòng, bộ phận hoặc toàn Văn phòng) nhưng không chọn tập thể, cá nhân này; kết quả xét "
    "theo tiêu chí vẫn ghi bên cạnh.",
    Status.PROPOSED: "Hội đồng đã đề nghị cấp trên khen thưởng (ví dụ đề nghị Bằng khen, ghi số "
    "văn bản đề nghị); đây là đề nghị, chưa phải quyết định khen thưởng.",
    Status.AWARDED: "Đã có quyết định khen thưởng (ghi hình thức, số và ngày quyết định).",
}
# Shown once on the criteria page: how the Council's results replace provisional statuses.
COUNCIL_RULE = (
    "Khi có kết quả của Hội đồng Thi đua – Khen thưởng, kết quả đó thay cho trạng thái dự kiến: "
    "“Được khen thưởng” chỉ khi đã có quyết định; “Đã được đề nghị …” khi Hội đồng đề nghị cấp "
    "trên khen thưởng; “Hội đồng không đề nghị khen thưởng” cho tập thể, cá nhân trong chỉ tiêu "
    "hoặc đồng hạng mà Hội đồng không chọn, trong nhóm xét chỉ tiêu Hội đồng đã có kết quả. Nhóm "
    "Hội đồng chưa có kết quả giữ trạng thái dự kiến. Kết quả xét theo tiêu chí luôn được ghi bên "
    "cạnh; quyết định khác kết quả xét theo tiêu chí được ghi rõ là khác."
)

# Download file name → (description, format)
DOWNLOADS = {
    "ca-nhan.csv": ("Kết quả xét cá nhân", "CSV (UTF-8 có BOM, mở được bằng Excel)"),
    "ca-nhan.json": ("Kết quả xét cá nhân", "JSON"),
    "tap-the.csv": ("Kết quả xét tập thể", "CSV (UTF-8 có BOM, mở được bằng Excel)"),
    "tap-the.json": ("Kết quả xét tập thể", "JSON"),
    "sang-kien.csv": ("Sổ sáng kiến đã xét", "CSV (UTF-8 có BOM, mở được bằng Excel)"),
    "sang-kien.json": ("Sổ sáng kiến đã xét", "JSON"),
    "vinh-danh.csv": ("Danh sách vinh danh", "CSV (UTF-8 có BOM, mở được bằng Excel)"),
    "vinh-danh.json": ("Danh sách vinh danh", "JSON"),
    "du-lieu.xlsx": ("Cả bốn bảng, mỗi bảng một trang tính", "Excel (XLSX)"),
    "datapackage.json": (
        "Mô tả dữ liệu: các trường, kiểu, ý nghĩa",
        "Frictionless Data Package (JSON)",
    ),
    "SHA256SUMS": ("Mã kiểm tra SHA-256 của các tệp", "Văn bản (sha256sum)"),
}

TYPE_LABELS = {
    "string": "chuỗi ký tự",
    "integer": "số nguyên",
    "number": "số",
    "boolean": "đúng/sai (true/false)",
    "date": "ngày (YYYY-MM-DD)",
    "object": "đối tượng (mã tiêu chí → đúng/sai)",
    "array": "danh sách",
}
KIND_TYPES = {
    schema.Kind.TEXT: "string",
    schema.Kind.INT: "integer",
    schema.Kind.DATE: "date",
    schema.Kind.YESNO: "boolean",
    schema.Kind.RATING: "string",
    schema.Kind.CHOICE: "string",
    schema.Kind.LIST: "string",
}
# Fallback data dictionary (no datapackage.json given): public columns of these sheets …
DICTIONARY_SHEETS = {
    "ca-nhan": ("Cá nhân được đề nghị", schema.NOMINEES),
    "tap-the": ("Tập thể được đề nghị", schema.SUBMISSION),
    "sang-kien": ("Sáng kiến", schema.INITIATIVES),
    "vinh-danh": ("Vinh danh", schema.COUNCIL),
}
# … plus the fields computed by the generator.
COMPUTED_FIELDS = (
    ("ma_don_vi", "Mã phòng, bộ phận", "string"),
    ("don_vi", "Tên phòng, bộ phận", "string"),
    ("ho_ten", "Họ và tên", "string"),
    ("chuc_vu", "Chức vụ", "string"),
    ("tieu_chi", "Kết quả từng tiêu chí: mã tiêu chí → đạt (true) / không đạt (false)", "object"),
    ("du_dieu_kien", "Đạt tất cả tiêu chí", "boolean"),
    ("trang_thai", "Mã trạng thái xét (not-eligible, within-quota, …)", "string"),
)

# Abbreviations a citizen meets in criteria, reasons and document numbers ("25/TTr-TH"):
# the first use on each generated page is marked <abbr title="…"> (see mark_abbreviations).
ABBREVIATIONS = {
    "HTXSNV": "Hoàn thành xuất sắc nhiệm vụ",
    "HTTNV": "Hoàn thành tốt nhiệm vụ",
    "HTNV": "Hoàn thành nhiệm vụ",
    "KHTNV": "Không hoàn thành nhiệm vụ",
    "CCHC": "cải cách hành chính",
    "TTHC": "thủ tục hành chính",
    "CBCCVC": "cán bộ, công chức, viên chức",
    "TTr": "Tờ trình",
}
_ABBREVIATION = re.compile(r"(?<!\w)(" + "|".join(ABBREVIATIONS) + r")(?!\w)")
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")

_SPACES = re.compile(r"\s+")
# C0 controls other than whitespace (and DEL): never meaningful in a cell, and STX/ETX are
# what Python-Markdown's placeholders are made of.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Characters Python-Markdown core treats as escapable. ('|' is not among them: a one-line
# heading block can never become a table, and '\|' would show its backslash without the
# tables extension.)
_MD_ESCAPABLE = set("\\`*_{}[]()>#+-.!")


# --------------------------------------------------------------------------- helpers


def markdown_text(text: str) -> str:
    """Text safe to put in a Markdown line: HTML-escaped, Markdown punctuation backslashed."""
    clean = _SPACES.sub(" ", _CONTROLS.sub("", text)).strip()
    escaped = html.escape(clean, quote=False)
    return "".join("\\" + ch if ch in _MD_ESCAPABLE else ch for ch in escaped)


def relative_url(from_page: str, target: str) -> str:
    """URL of ``target`` (a site path such as ``don-vi/th/`` or ``du-lieu-mo/a.csv``, ``""``
    for home; an optional ``#fragment``) relative to the page built from ``from_page``
    (a docs path such as ``ket-qua/ca-nhan/index.md``) with directory URLs."""
    path, _, fragment = target.partition("#")
    here = posixpath.dirname(from_page)
    if posixpath.basename(from_page) != "index.md":
        here = posixpath.join(here, posixpath.splitext(posixpath.basename(from_page))[0])
    rel = posixpath.relpath(path.rstrip("/") or ".", here or ".")
    if path == "" or path.endswith("/"):
        rel = "./" if rel == "." else rel + "/"
    return rel + (f"#{fragment}" if fragment else "")


def mark_abbreviations(block: str) -> str:
    """Wrap the first use of each known abbreviation in the text of an HTML fragment (made by
    our autoescaped templates: text between tags holds no ``<``) in ``<abbr title="…">``;
    text already inside an ``<abbr>`` and attribute values are left alone."""
    out = []
    inside_abbr = 0
    seen: set[str] = set()

    def first(m: re.Match[str]) -> str:
        word = m.group(1)
        if word in seen:
            return word
        seen.add(word)
        return f'<abbr title="{ABBREVIATIONS[word]}">{word}</abbr>'

    for part in _TAG_OR_TEXT.split(block):
        if part.startswith("<"):
            if re.match(r"<abbr[\s>]", part):
                inside_abbr += 1
            elif part.startswith("</abbr"):
                inside_abbr -= 1
            out.append(part)
        elif inside_abbr:
            out.append(part)
        else:
            out.append(_ABBREVIATION.sub(first, part))
    return "".join(out)


def fmt_date(value: dt.date | None, missing: str = "—") -> str:
    return value.strftime("%d/%m/%Y") if value else missing


def fmt_int(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def fmt_decimal(value: float, places: int = 1) -> str:
    return f"{value:,.{places}f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def fmt_percent(value: float | None) -> str:
    return "—" if value is None else fmt_decimal(value * 100) + " %"


def fmt_size(size: int) -> str:
    if size < 1024:
        return f"{size} byte"
    if size < 1024 * 1024:
        return fmt_decimal(size / 1024) + " KB"
    return fmt_decimal(size / 1024 / 1024) + " MB"


def _finalize(value: Any) -> Any:
    """Every ``{{ … }}``: None shows as empty; in text, whitespace (newlines: a blank line
    would end the HTML block) collapses and control characters go."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return _SPACES.sub(" ", _CONTROLS.sub("", value)).strip()
    return value


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_finalize,
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
    global _ENV
    if _ENV is None:
        _ENV = _environment()
    return _ENV


def html_block(rendered: str) -> str:
    """One raw HTML block Python-Markdown leaves alone: column 0, no blank or indented line."""
    lines = [line.strip() for line in rendered.splitlines()]
    block = "\n".join(line for line in lines if line)
    if not block.startswith("<div"):
        raise ValueError("a page body must start with a <div> block")
    return block


def site_extra(config: Config, updated: dt.date | None = None) -> dict[str, object]:
    """Values the theme overrides read from ``config.extra.thidua`` (hand-written pages show
    the sample notice and the date of the last data change from here)."""
    return {
        "sample_data": config.site.sample_data,
        "notice": SAMPLE_NOTICE,
        "updated": fmt_date(updated, UNKNOWN_DATE),
        "updated_iso": updated.isoformat() if updated else "",
    }


def site_files(view: SiteView) -> dict[str, bytes]:
    """Files the generated pages use besides the open data: the charts (SVG, drawn at build
    time) and the vendored browser libraries (sortable tables, offline search)."""
    return {**chart_files(view), **vendor.site_files()}


# --------------------------------------------------------------------------- page data


@dataclass(frozen=True)
class Group:
    """A heading with its items (people of a department, initiatives of a field, …)."""

    id: str
    title: str
    items: tuple[Any, ...]
    note: str = ""
    children: tuple[Group, ...] = ()
    code: str = ""  # unit code, when the group is a department


@dataclass(frozen=True)
class Download:
    name: str
    href: str
    description: str
    format: str
    size: int | None
    sha256: str | None


@dataclass(frozen=True)
class DictField:
    name: str
    title: str
    type: str
    description: str


@dataclass(frozen=True)
class DictTable:
    name: str
    title: str
    description: str
    fields: tuple[DictField, ...]


@dataclass(frozen=True)
class ProgressRow:
    """A department on /tien-do/: its file, whether it came late, what is missing for whom."""

    unit: UnitView
    anchor: str
    late: bool
    missing: tuple[tuple[str, tuple[str, ...]], ...]  # (document, who lacks it)


# /tien-do/: problems first.
PROGRESS_ORDER = {"missing": 0, "incomplete": 1, "late": 2}
DEPARTMENT_WHO = "phòng, bộ phận"


class _Site:
    """Shared state of one rendering: unit paths, sensitive criteria, update date."""

    def __init__(self, view: SiteView, downloads: Mapping[str, bytes]) -> None:
        self.view = view
        self.config = view.config
        self.downloads = downloads
        self.sensitive = frozenset(
            c.id
            for c in self.config.criteria.collective + self.config.criteria.individual
            if c.sensitive
        )
        self.unit_slugs = _unit_slugs(view.units)
        self.person_order = {id(p): n for n, p in enumerate(view.people)}
        self.anchor_order = {p.anchor: n for n, p in enumerate(view.people)}
        self.unit_order = {u.code: n for n, u in enumerate(view.units)}

    def unit_path(self, code: str) -> str | None:
        s = self.unit_slugs.get(code)
        return f"don-vi/{s}/" if s else None

    def context(self, page: str) -> dict[str, Any]:
        def url(target: str) -> str:
            return relative_url(page, target)

        def unit_url(code: str) -> str | None:
            path = self.unit_path(code)
            return url(path) if path else None

        return {
            "view": self.view,
            "cfg": self.config,
            "sample": self.config.site.sample_data,
            "notice": SAMPLE_NOTICE,
            "updated": fmt_date(self.view.updated, UNKNOWN_DATE),
            "url": url,
            "unit_url": unit_url,
            "reason_of": self.reason_of,
            "failed": failed_ids,
            "council_text": council_text,
            "status_label_of": lambda code: Status(code).label,
            "person_facts": person_facts,
            "collective_facts": collective_facts,
            "sort_key": self.sort_key,
            "crit_collective": self.config.criteria.collective,
            "crit_individual": self.config.criteria.individual,
            "deadline": fmt_date(self.config.dossier_deadline),
            "tt_anchor": collective_anchor,
            "status_order": STATUS_ORDER,
            "anchor_order": lambda anchor: self.anchor_order.get(anchor, len(self.anchor_order)),
            "unit_order": lambda code: self.unit_order.get(code, len(self.unit_order)),
            "ratio": ratio,
            "unit_slug": lambda code: self.unit_slugs.get(code, slug(code)),
            "sk_anchor": initiative_anchor,
        }

    def reason_of(self, c: CriterionView) -> str | None:
        """A criterion's reason, never for a sensitive criterion (whatever the view holds)."""
        return None if c.id in self.sensitive else c.reason

    def sort_key(self, p: PersonView) -> int:
        return self.person_order.get(id(p), 0)

    def render(self, page: str, template: str, title: str, **values: Any) -> str:
        tpl = environment().get_template(template)
        body = tpl.render(**self.context(page), page_title=title, **values)
        # The page's headings live in the HTML block, so Material's table of contents would
        # be empty: hide it and give the tables the width.
        block = mark_abbreviations(html_block(body))
        return f"---\nhide:\n  - toc\n---\n\n# {markdown_text(title)}\n\n{block}\n"


def _unit_slugs(units: Iterable[UnitView]) -> dict[str, str]:
    """Unit code → URL slug; unique, ASCII, never empty (a clash gets a numeric suffix)."""
    taken: set[str] = set()
    slugs: dict[str, str] = {}
    for n, u in enumerate(units, start=1):
        base = slug(u.slug or u.code) or f"don-vi-{n}"
        candidate, k = base, 1
        while candidate in taken:
            k += 1
            candidate = f"{base}-{k}"
        taken.add(candidate)
        slugs[u.code] = candidate
    return slugs


STATUS_ORDER = {s.value: n for n, s in enumerate(Status)}


def ratio(text: str) -> str:
    """Sort key of an "8/12" cell: the fraction with 6 decimals, -1 when there is none."""
    done, _, total = text.partition("/")
    try:
        return f"{int(done) / int(total):.6f}"
    except (ValueError, ZeroDivisionError):
        return "-1"


def initiative_anchor(code: str) -> str:
    """Anchor of an initiative's card on its department's page."""
    return f"sk-{slug(code) or 'khac'}"


def collective_anchor(unit_code: str) -> str:
    """Anchor of a department's row on /ket-qua/tap-the/ (as the honour roll links it)."""
    return f"tt-{slug(unit_code)}"


def person_facts(p: PersonView) -> list[tuple[str, str]]:
    """What a nominee's row holds behind its criteria: the facts the rules were applied to."""
    votes = f"{p.votes} ({fmt_percent(p.vote_share)})" if p.vote_share is not None else p.votes
    return [
        ("Xếp loại", p.rating),
        ("Nhiệm vụ đúng hạn", p.tasks),
        ("Phiếu đồng ý", votes),
        ("Hình thức đề nghị", p.proposal or "—"),
        ("Sáng kiến được công nhận", str(p.recognised_initiatives)),
        ("Hồ sơ", _dossier_text(p.dossier)),
    ]


def collective_facts(c: CollectiveView) -> list[tuple[str, str]]:
    """What a department's row holds behind its criteria."""
    return [
        ("Xếp loại", c.rating),
        ("Hình thức đề nghị", c.proposal or "—"),
        ("Sáng kiến được công nhận", str(c.recognised_initiatives)),
        ("Hồ sơ", _dossier_text(c.dossier)),
    ]


def _dossier_text(d: DossierView) -> str:
    return f"{d.label} (thiếu: {'; '.join(d.missing)})" if d.missing else d.label


def failed_ids(criteria: Iterable[CriterionView]) -> str:
    return ", ".join(c.id for c in criteria if not c.met)


def council_text(council: Any) -> str:
    """'Giấy khen — quyết định số 12/QĐ-VP, ngày 20/01/2020' for a decision, 'Đề nghị Bằng
    khen — văn bản đề nghị số 06/TTr-VP, ngày 14/01/2020 (chờ quyết định)' for a proposal to
    a higher level; '' without a Council outcome."""
    if council is None:
        return ""
    document = document_text(council.proposal, council.decision_no, council.decision_date)
    text = f"{council.form} — {document}" if document else str(council.form)
    return f"{text} (chờ quyết định)" if council.proposal else text


def document_text(proposal: bool, number: str | None, date: dt.date | None) -> str:
    """'quyết định số 12/QĐ-VP, ngày 20/01/2020' or 'văn bản đề nghị số …'; '' when unknown."""
    kind = "văn bản đề nghị" if proposal else "quyết định"
    if number and date:
        return f"{kind} số {number}, ngày {fmt_date(date)}"
    if number:
        return f"{kind} số {number}"
    return f"{kind} ngày {fmt_date(date)}" if date else ""


def _people_groups(site: _Site, people: Iterable[PersonView]) -> tuple[Group, ...]:
    by_unit: dict[str, list[PersonView]] = {}
    for p in people:
        by_unit.setdefault(p.unit_code, []).append(p)
    groups = []
    for u in site.view.units:
        if u.code in by_unit:
            people_of = tuple(by_unit.pop(u.code))
            groups.append(Group(f"dv-{site.unit_slugs[u.code]}", u.name, people_of, code=u.code))
    for code, rest in by_unit.items():  # people of a unit the units list does not hold
        groups.append(
            Group(f"dv-{slug(code) or 'khac'}", rest[0].unit_name, tuple(rest), code=code)
        )
    return tuple(groups)


def _initiative_groups(site: _Site) -> tuple[Group, ...]:
    recognised = [i for i in site.view.initiatives if i.recognised]
    fields = [(f.register_value, f"{f.id}. {f.name}", f.description) for f in site.config.fields]
    known = {value for value, _, _ in fields}
    fields.append(("", "Chưa ghi lĩnh vực", ""))
    groups = []
    for value, title, description in fields:
        items = [i for i in recognised if (i.field if i.field in known else "") == value]
        if not items:
            continue
        key = slug(value) or "khac"
        children = tuple(
            Group(f"{key}-{slug(code)}", name, tuple(rows), code=code)
            for code, name, rows in _by_unit(items)
        )
        groups.append(Group(f"lv-{key}", title, tuple(items), description, children))
    return tuple(groups)


def _by_unit(items: list[InitiativeView]) -> list[tuple[str, str, list[InitiativeView]]]:
    out: dict[str, tuple[str, list[InitiativeView]]] = {}
    for i in items:
        out.setdefault(i.unit_code, (i.unit_name, []))[1].append(i)
    return [(code, name, rows) for code, (name, rows) in out.items()]


def _award_groups(site: _Site) -> tuple[Group, ...]:
    """The honour roll by award form: decisions taken first, then proposals to a higher
    level (waiting for its decision), each split into collectives and individuals."""
    buckets: dict[tuple[bool, str], tuple[str, list[HonourEntry]]] = {}
    for entry in site.view.honour:
        award = site.config.award_of(entry.form)
        key = (entry.proposal, award.id if award else slug(entry.form) or "khac")
        title = _award_title(award, entry.proposal) if award else entry.form
        buckets.setdefault(key, (title, []))[1].append(entry)
    order = {a.id: n for n, a in enumerate(site.config.awards)}
    result = []
    for key in sorted(buckets, key=lambda k: (k[0], order.get(k[1], len(order)), k[1])):
        title, entries = buckets[key]
        gid = f"de-nghi-{key[1]}" if key[0] else key[1]
        parts = (
            Group(f"{gid}-tap-the", "Tập thể", tuple(e for e in entries if e.kind != "individual")),
            Group(f"{gid}-ca-nhan", "Cá nhân", tuple(e for e in entries if e.kind == "individual")),
        )
        result.append(Group(gid, title, tuple(entries), "proposal" if key[0] else "", parts))
    return tuple(result)


def _undecided(view: SiteView) -> list[str]:
    """Quota groups the Council has not decided yet (after its first results)."""
    out = []
    if any(not c.group_decided for c in view.collectives):
        out.append("xét tập thể")
    out += [
        f"cá nhân của {u.name}"
        for u in view.units
        if u.people and any(not p.group_decided for p in u.people)
    ]
    return out


def _award_title(award: Award, proposed: bool) -> str:
    if proposed:
        return f"Đã đề nghị {award.name} của {award.issuer} — chờ quyết định"
    prefix = "Đề nghị " if award.proposal else ""
    return f"{prefix}{award.name} của {award.issuer}"


# The note on the end of the period (the plan's 31/11/2019) is shown once, on /tieu-chi/;
# other pages link to it.
PERIOD_NOTE_PAGE = "tieu-chi/"
PERIOD_NOTE_ANCHOR = "ngay-ket-thuc"


def _period_link(config: Config, page: str) -> Markup | str:
    """A link to the period note on /tieu-chi/ ('' when there is no note)."""
    if not _period_note(config):
        return ""
    href = relative_url(page, f"{PERIOD_NOTE_PAGE}#{PERIOD_NOTE_ANCHOR}")
    text = f"Vì sao là ngày {fmt_date(config.period.end)}?"
    return Markup('<a href="{}">{}</a>').format(href, text)


def _timeline(config: Config, page: str | None = None) -> list[tuple[dt.date, str, str]]:
    """The plan's dates in order. On ``page`` (other than /tieu-chi/) the period note is a
    link to /tieu-chi/; without ``page`` it is the note itself, with its anchor."""
    if page is None:
        note = _period_note(config)
        period_note: str = (
            Markup('<span id="{}">{}</span>').format(PERIOD_NOTE_ANCHOR, note) if note else ""
        )
    else:
        period_note = _period_link(config, page)
    events = [
        (
            config.campaign.document_date,
            f"Ban hành kế hoạch thi đua, số {config.campaign.document_number}",
            "",
        ),
        (config.period.start, "Bắt đầu thời gian thi đua", ""),
        (
            config.period.end,
            "Kết thúc thời gian thi đua",
            period_note,
        ),
    ]
    for d in config.deadlines:
        note = f"Kế hoạch ghi: {d.as_written}" if d.as_written else ""
        events.append((d.date, d.label, note))
    return sorted(events, key=lambda e: e[0])


def _period_note(config: Config) -> str:
    p = config.period
    if p.note:
        return p.note
    if p.end_as_written and p.end_as_written != fmt_date(p.end):
        return f"Kế hoạch ghi “{p.end_as_written}”; áp dụng {fmt_date(p.end)}."
    return ""


def _downloads(site: _Site, page: str) -> list[Download]:
    files: dict[str, bytes | None] = {
        k: v for k, v in site.downloads.items() if k.startswith(f"{OPEN_DATA}/")
    }
    if not files:  # nothing given: list what the build will produce, without sizes
        files = {f"{OPEN_DATA}/{name}": None for name in DOWNLOADS}
    order = {name: n for n, name in enumerate(DOWNLOADS)}
    out = []
    for path in sorted(files, key=lambda p: (order.get(posixpath.basename(p), 99), p)):
        name = path.removeprefix(f"{OPEN_DATA}/")
        description, kind = DOWNLOADS.get(posixpath.basename(name), ("Tệp dữ liệu", ""))
        content = files[path]
        out.append(
            Download(
                name,
                relative_url(page, path),
                description,
                kind,
                len(content) if content is not None else None,
                _sha256(content) if content is not None else None,
            )
        )
    return out


def _sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _dictionary(site: _Site) -> tuple[list[DictTable], bool]:
    """The data dictionary: from datapackage.json when given (it describes the files
    exactly), else from the public columns of the data contract and the computed fields."""
    package = site.downloads.get(f"{OPEN_DATA}/datapackage.json")
    if package is not None:
        try:
            return _dictionary_from_package(json.loads(package.decode("utf-8"))), True
        except (ValueError, KeyError, TypeError, AttributeError):
            pass
    return _dictionary_from_schema(), False


def _dictionary_from_package(package: dict[str, Any]) -> list[DictTable]:
    tables = []
    for res in package["resources"]:
        fields = tuple(
            DictField(
                str(f["name"]),
                str(f.get("title", "")),
                TYPE_LABELS.get(str(f.get("type", "string")), str(f.get("type", ""))),
                str(f.get("description", "")),
            )
            for f in res["schema"]["fields"]
        )
        name = str(res["name"])
        tables.append(
            DictTable(name, str(res.get("title", name)), str(res.get("description", "")), fields)
        )
    return tables


def _dictionary_from_schema() -> list[DictTable]:
    tables = []
    for name, (title, sheet) in DICTIONARY_SHEETS.items():
        fields = [DictField(n, "", TYPE_LABELS[t], d) for n, d, t in COMPUTED_FIELDS]
        seen = {f.name for f in fields}
        for col in sheet.columns:
            field_name = slug(col.header).replace("-", "_")
            if not col.public or field_name in seen or col.key in ("unit", "name", "position"):
                continue
            seen.add(field_name)
            fields.append(
                DictField(
                    field_name,
                    col.header,
                    TYPE_LABELS[KIND_TYPES[col.kind]],
                    col.description or col.header,
                )
            )
        tables.append(DictTable(name, title, "", tuple(fields)))
    return tables


def _licence(config: Config) -> tuple[str, str | None]:
    url = config.site.licence_url.strip()
    return config.site.licence, url if re.match(r"^https?://", url) else None


def _criteria_rows(config: Config, criteria: list[Criterion]) -> list[dict[str, Any]]:
    names = {f.id: f.name for f in config.fields}
    return [
        {
            "c": c,
            "anchor": c.id.lower(),
            "describe": c.predicate.describe(),
            "fields": [f"{n}. {names[n]}" if n in names else str(n) for n in c.fields],
        }
        for c in criteria
    ]


def _quota_text(kind: str, count: int, per: str, office: str) -> str:
    who = "tập thể" if kind == "collective" else "cá nhân"
    where = f"trong toàn {office}" if per == "office" else "cho mỗi phòng, bộ phận"
    return f"{count} {who} {where}"


# --------------------------------------------------------------------------- pages


def render_pages(view: SiteView, downloads: Mapping[str, bytes] | None = None) -> dict[str, str]:
    """Markdown sources of every generated page, keyed by docs-relative path."""
    site = _Site(view, downloads or {})
    cfg = view.config
    site_charts = charts(view)
    pages: dict[str, str] = {}
    renderers: dict[str, Callable[[str, str], str]] = {
        "index.md": lambda p, t: _home(site, p, cfg.campaign.name, site_charts),
        "tieu-chi/index.md": lambda p, t: _criteria(site, p, t),
        "tien-do/index.md": lambda p, t: _progress(site, p, t),
        "ket-qua/tap-the/index.md": lambda p, t: site.render(p, "collectives.html", t),
        "ket-qua/ca-nhan/index.md": lambda p, t: site.render(
            p, "individuals.html", t, groups=_people_groups(site, view.people)
        ),
        "vinh-danh/index.md": lambda p, t: site.render(
            p, "honour.html", t, groups=_award_groups(site), undecided=_undecided(view)
        ),
        "sang-kien/index.md": lambda p, t: site.render(
            p,
            "initiatives.html",
            t,
            groups=_initiative_groups(site),
            chart=site_charts["fields"],
        ),
        "don-vi/index.md": lambda p, t: site.render(p, "units.html", t),
        "du-lieu-mo/index.md": lambda p, t: _open_data(site, p, t),
    }
    for path, title in PAGES.items():
        pages[path] = renderers[path](path, title)
    for unit in view.units:
        path = f"don-vi/{site.unit_slugs[unit.code]}/index.md"
        pages[path] = site.render(path, "unit.html", unit.name, unit=unit)
    return pages


@dataclass(frozen=True)
class Countdown:
    """The next deadline as seen on the day the data last changed (never the clock)."""

    state: str  # "next" | "passed" | "unknown" | "none"
    label: str = ""
    date: dt.date | None = None
    days: int = 0


def countdown(config: Config, updated: dt.date | None) -> Countdown:
    deadlines = sorted(config.deadlines, key=lambda d: (d.date, d.id))
    if not deadlines:
        return Countdown("none")
    if updated is None:
        return Countdown("unknown")
    upcoming = [d for d in deadlines if d.date >= updated]
    if upcoming:
        d = upcoming[0]
        return Countdown("next", d.label, d.date, (d.date - updated).days)
    last = deadlines[-1]
    return Countdown("passed", last.label, last.date, (updated - last.date).days)


def _home(site: _Site, page: str, title: str, site_charts: Mapping[str, Chart]) -> str:
    view = site.view
    figures = [(FIGURE_LABELS.get(k, k), v) for k, v in view.figures.items()]
    counts = {
        kind: [(code, label, n, _bar(n, view, kind)) for code, label, n in view.status_counts(kind)]
        for kind in ("collective", "individual")
    }
    return site.render(
        page,
        "home.html",
        title,
        figures=figures,
        counts=counts,
        period_note=_period_link(site.config, page),
        timeline=_timeline(site.config, page),
        countdown=countdown(site.config, view.updated),
        home_charts=[site_charts["funnel"], site_charts["units"]],
    )


def _bar(n: int, view: SiteView, kind: str) -> int:
    total = len(view.people) if kind == "individual" else len(view.collectives)
    return round(100 * n / total) if total else 0


def _criteria(site: _Site, page: str, title: str) -> str:
    cfg = site.config
    office = cfg.site.office
    return site.render(
        page,
        "criteria.html",
        title,
        collective=_criteria_rows(cfg, cfg.criteria.collective),
        individual=_criteria_rows(cfg, cfg.criteria.individual),
        quotas=[
            _quota_text(
                "collective", cfg.quotas.collective.count, cfg.quotas.collective.per, office
            ),
            _quota_text(
                "individual", cfg.quotas.individual.count, cfg.quotas.individual.per, office
            ),
        ],
        ranking={
            "collective": [RANK_KEYS.get(k, k) for k in cfg.ranking.collective],
            "individual": [RANK_KEYS.get(k, k) for k in cfg.ranking.individual],
        },
        statuses=[(s.value, s.label, STATUS_HELP[s]) for s in Status],
        council_rule=COUNCIL_RULE,
        timeline=_timeline(cfg),
        period_note=_period_note(cfg),
    )


def _missing_documents(
    unit: UnitView, department_items: frozenset[str]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each missing document of a department's file with who lacks it (the department, its
    collective, named nominees), in the order they first appear."""
    who: dict[str, list[str]] = {}
    subjects = [("tập thể", unit.collective.dossier)] if unit.collective else []
    subjects += [(p.name, p.dossier) for p in unit.people]
    for name, dossier in subjects:
        for item in dossier.missing:
            holder = DEPARTMENT_WHO if item in department_items else name
            names = who.setdefault(item, [])
            if holder not in names:
                names.append(holder)
    return tuple((item, tuple(names)) for item, names in who.items())


def progress_rows(site: _Site) -> list[ProgressRow]:
    """Departments for /tien-do/: missing files first, then incomplete, late, the rest."""
    cfg = site.config
    department = frozenset([i.label for i in cfg.dossier.department] + ["Ngày gửi hồ sơ"])
    rows = [
        ProgressRow(
            u,
            f"td-{site.unit_slugs[u.code]}",
            u.sent_date is not None and u.sent_date > cfg.dossier_deadline,
            _missing_documents(u, department) if u.submission != "missing" else (),
        )
        for u in site.view.units
    ]
    order = {u.code: n for n, u in enumerate(site.view.units)}
    return sorted(
        rows, key=lambda r: (PROGRESS_ORDER.get(r.unit.submission, 9), order[r.unit.code])
    )


def _progress(site: _Site, page: str, title: str) -> str:
    rows = progress_rows(site)
    summary = [
        ("missing", "Chưa nộp", [r for r in rows if r.unit.submission == "missing"]),
        ("late", "Nộp trễ hạn", [r for r in rows if r.late]),
        ("incomplete", "Hồ sơ chưa đầy đủ", [r for r in rows if r.missing]),
        ("on-time", "Đầy đủ, đúng hạn", [r for r in rows if r.unit.submission == "on-time"]),
    ]
    submitted = sum(1 for r in rows if r.unit.submission != "missing")
    return site.render(
        page,
        "progress.html",
        title,
        timeline=_timeline(site.config, page),
        rows=rows,
        summary=summary,
        submitted=submitted,
    )


def _open_data(site: _Site, page: str, title: str) -> str:
    tables, exact = _dictionary(site)
    licence, licence_url = _licence(site.config)
    return site.render(
        page,
        "open_data.html",
        title,
        downloads=_downloads(site, page),
        have_files=any(k.startswith(f"{OPEN_DATA}/") for k in site.downloads),
        tables=tables,
        exact=exact,
        licence=licence,
        licence_url=licence_url,
        statuses=[(s.value, s.label, STATUS_HELP.get(s, "")) for s in Status],
    )
