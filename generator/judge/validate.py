"""Validate stage: read every discovered file, turn rows into records, cross-check them.

Returns a :class:`Dataset` holding only accepted rows, the issues for the whole input, and
per-sheet counts where rows read = accepted + rejected.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.judge.config import Config
from generator.judge.contract import (
    COUNCIL,
    DISCIPLINE,
    INITIATIVES,
    LAYOUT,
    NOMINEES,
    SUBMISSION,
    UNITS,
    Sheet,
)
from generator.judge.model import (
    CouncilDecision,
    Dataset,
    Discipline,
    Initiative,
    Loc,
    Nominee,
    RejectedRow,
    RowCount,
    Submission,
    Unit,
)
from generator.judge.rules import effective_end
from generator.read.discover import Source, discover
from generator.read.issues import Issue, Severity, column_letter
from generator.read.load import Loader
from generator.read.normalise import Row, Table, read_table
from generator.read.raw import RawWorkbook
from generator.read.text import detect_legacy_encoding, header_key, person_key


@dataclass
class Validation:
    dataset: Dataset
    issues: list[Issue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(i.is_error for i in self.issues)


@dataclass
class _Context:
    config: Config
    issues: list[Issue] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    by_sheet: dict[str, list[tuple[Source, Table]]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def reject(
        self,
        table: Table,
        row: int,
        code: str,
        severity: Severity,
        msg: str,
        en: str,
        key: str | None = None,
        sheet: Sheet | None = None,
        value: object = None,
    ) -> None:
        column, header = _locate(table, sheet, key)
        table.issue(
            code,
            severity,
            msg,
            en,
            row=row,
            column=column,
            header=header,
            value=None if value is None else str(value),
        )
        if severity == "error":
            table.rejected.setdefault(row, []).append(code)


def _locate(table: Table, sheet: Sheet | None, key: str | None) -> tuple[str | None, str | None]:
    if sheet is None or key is None:
        return None, None
    index = table.columns.get(key)
    return (column_letter(index) if index is not None else None), sheet.column(key).header


def validate(data_dir: Path, config: Config, loader: Loader | None = None) -> Validation:
    """Read, normalise and cross-check the whole campaign folder."""
    inventory = discover(data_dir, LAYOUT)
    ctx = _Context(config, list(inventory.issues))
    if loader is None:
        with Loader() as own:
            _read_all(inventory.sources, own, ctx)
    else:
        _read_all(inventory.sources, loader, ctx)
    dataset = _build(ctx)
    for table in ctx.tables:
        ctx.issues.extend(table.issues)
    _count(ctx, dataset)
    return Validation(dataset, ctx.issues)


def _read_all(sources: Iterable[Source], loader: Loader, ctx: _Context) -> None:
    for source in sources:
        workbook, problems = loader.read(source.path, source.rel)
        ctx.issues.extend(problems)
        if workbook is None:
            ctx.by_sheet.setdefault("__unreadable__", []).append((source, Table(source.rel, "")))
            continue
        for sheet in source.sheets:
            table = _sheet_table(workbook, sheet, source, ctx)
            if table is not None:
                ctx.tables.append(table)
                ctx.by_sheet[sheet.id].append((source, table))


def _sheet_table(
    workbook: RawWorkbook, sheet: Sheet, source: Source, ctx: _Context
) -> Table | None:
    if source.rel.endswith(".csv") and len(workbook.sheets) == 1:
        raw = next(iter(workbook.sheets.values()))
        return read_table(raw, sheet, source.rel)
    wanted = _sheet_key(sheet.name)
    for name, raw in workbook.sheets.items():
        if _sheet_key(name) == wanted:
            return read_table(raw, sheet, source.rel)
    ctx.issues.append(_sheet_missing(workbook, sheet, source))
    return None


def _sheet_key(name: str) -> str:
    """Sheet names match like headers: case, spacing and diacritics aside (also TCVN3/VNI)."""
    legacy = detect_legacy_encoding(name)
    return header_key(legacy[1] if legacy else name)


def _sheet_missing(workbook: RawWorkbook, sheet: Sheet, source: Source) -> Issue:
    hidden = any(_sheet_key(n) == _sheet_key(sheet.name) for n in workbook.hidden_sheets)
    found = ", ".join(f"“{n}”" for n in workbook.sheets) or "không có"
    if hidden:
        vi = f"Trang tính “{sheet.name}” đang bị ẩn nên không được đọc: hãy hiện trang tính."
        en = f"Sheet '{sheet.name}' is hidden, and hidden sheets are never read: unhide it."
    else:
        vi = (
            f"Thiếu trang tính “{sheet.name}” (các trang tính có trong tệp: {found}): hãy "
            "đặt đúng tên trang tính."
        )
        en = f"Sheet '{sheet.name}' is missing (sheets found: {', '.join(workbook.sheets)})."
    return Issue("sheet-missing", "error", vi, en, file=source.rel, sheet=sheet.name)


# --- records ------------------------------------------------------------------------------


def _tables(ctx: _Context, sheet: Sheet) -> list[tuple[Source, Table]]:
    return ctx.by_sheet.get(sheet.id, [])


def _loc(table: Table, row: Row) -> Loc:
    return Loc(table.file, table.sheet, row.number)


def _accepted(table: Table) -> Iterable[Row]:
    return [r for r in table.rows if r.number not in table.rejected]


def _build(ctx: _Context) -> Dataset:
    data = Dataset()
    _repeated_rows(ctx)
    data.units = _units(ctx)
    codes = {u.code for u in data.units}
    data.submissions = _submissions(ctx, codes)
    data.nominees = _nominees(ctx, codes)
    data.initiatives = _initiatives(ctx, codes)
    data.disciplines = _disciplines(ctx)
    data.credited = _credit_authors(ctx, data)
    data.council = _council(ctx, data)
    _check_discipline_reports(ctx, data)
    return data


def _repeated_rows(ctx: _Context) -> None:
    """A row identical to an earlier row of the same sheet, in a sheet without a unique key
    (where `duplicate-key` would not catch it), is an error: it would count twice."""
    for sheet in (DISCIPLINE, SUBMISSION, COUNCIL):
        for _, table in _tables(ctx, sheet):
            seen: dict[tuple[object, ...], int] = {}
            for row in table.parsed:
                signature = tuple(_hashable(row.get(c.key)) for c in sheet.columns)
                first = seen.setdefault(signature, row.number)
                if first == row.number:
                    continue
                ctx.reject(
                    table,
                    row.number,
                    "row-duplicate",
                    "error",
                    f"Dòng này lặp lại y hệt dòng {first}: hãy xóa dòng thừa.",
                    f"This row repeats row {first} exactly: delete the extra row.",
                )


def _hashable(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


def _duplicates(ctx: _Context, sheet: Sheet, key: str) -> set[tuple[str, int]]:
    """Report every repeat of a unique key (over all rows read, rejected or not)."""
    seen: dict[str, Loc] = {}
    repeats: set[tuple[str, int]] = set()
    for _, table in _tables(ctx, sheet):
        for row in table.parsed:
            value = row.get(key)
            if value is None:
                continue
            if str(value) in seen:
                first = seen[str(value)]
                header = sheet.column(key).header
                msg = f"“{value}” ở cột “{header}” trùng với {first}."
                ctx.reject(
                    table,
                    row.number,
                    "duplicate-key",
                    "error",
                    msg,
                    f"Duplicate '{value}', first at {first}.",
                    key,
                    sheet,
                    value,
                )
                repeats.add((table.file, row.number))
            else:
                seen[str(value)] = _loc(table, row)
    return repeats


def _units(ctx: _Context) -> list[Unit]:
    units: list[Unit] = []
    _duplicates(ctx, UNITS, "code")
    for _, table in _tables(ctx, UNITS):
        for row in list(_accepted(table)):
            units.append(
                Unit(
                    str(row.get("code")),
                    str(row.get("name")),
                    _opt(row, "kind"),
                    _opt_int(row, "order"),
                    _loc(table, row),
                )
            )
    return units


def _opt(row: Row, key: str) -> str | None:
    value = row.get(key)
    return None if value is None else str(value)


def _opt_int(row: Row, key: str) -> int | None:
    value = row.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _opt_date(row: Row, key: str) -> dt.date | None:
    value = row.get(key)
    return value if isinstance(value, dt.date) else None


def _texts(row: Row, key: str) -> tuple[str, ...]:
    value = row.get(key)
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def _known_unit(
    ctx: _Context, table: Table, sheet: Sheet, row: Row, codes: set[str], key: str = "unit"
) -> bool:
    value = str(row.get(key))
    if value in codes:
        return True
    ctx.reject(
        table,
        row.number,
        "unit-unknown",
        "error",
        f"Mã đơn vị “{value}” không có trong danh sách đơn vị (don-vi).",
        f"Unit code '{value}' is not in the unit list.",
        key,
        sheet,
        value,
    )
    return False


def _submissions(ctx: _Context, codes: set[str]) -> dict[str, Submission]:
    result: dict[str, Submission] = {}
    for source, table in _tables(ctx, SUBMISSION):
        unit = _unit_of(source, codes)
        rows = list(_accepted(table))
        if not _file_unit_known(ctx, source, table, codes):
            continue
        if not rows and table.readable and not table.rejected:
            table.issue(
                "submission-missing-row",
                "error",
                "Trang tính Tập thể chưa có dòng dữ liệu của đơn vị.",
                "The collective sheet has no data row.",
            )
        for extra in rows[1:]:
            ctx.reject(
                table,
                extra.number,
                "submission-extra-row",
                "error",
                "Trang tính Tập thể chỉ được có đúng một dòng dữ liệu.",
                "The collective sheet must hold exactly one data row.",
            )
        if rows and _matches_file(ctx, table, rows[0], unit):
            result[unit] = _submission(table, rows[0], unit)
    return result


def _unit_of(source: Source, codes: set[str]) -> str:
    """The unit code a department file is named after, matched without regard to case."""
    stem = source.unit or ""
    return next((c for c in sorted(codes) if c.casefold() == stem.casefold()), stem)


def _file_unit_known(ctx: _Context, source: Source, table: Table, codes: set[str]) -> bool:
    if _unit_of(source, codes) in codes:
        return True
    table.issue(
        "unit-unknown",
        "error",
        f"Tên tệp “{source.rel}” không ứng với mã đơn vị nào trong danh sách đơn vị "
        f"(don-vi): mọi dòng của trang tính “{table.sheet}” bị loại. Hãy đặt tên tệp theo "
        "đúng Mã đơn vị hoặc bổ sung đơn vị vào danh sách.",
        f"File name '{source.rel}' matches no unit code: every row of '{table.sheet}' is rejected.",
    )
    for row in table.parsed:
        table.rejected.setdefault(row.number, []).append("unit-unknown")
    return False


def _matches_file(ctx: _Context, table: Table, row: Row, unit: str) -> bool:
    if row.get("unit") == unit:
        return True
    ctx.reject(
        table,
        row.number,
        "unit-mismatch",
        "error",
        f"Mã đơn vị “{row.get('unit')}” khác với mã trong tên tệp ({unit}).",
        f"Unit code differs from the file's ({unit}).",
        "unit",
        SUBMISSION,
        row.get("unit"),
    )
    return False


def _submission(table: Table, row: Row, unit: str) -> Submission:
    v = row.values
    return Submission(
        unit,
        bool(v["good_cchc"]),
        _opt(row, "rating"),
        str(v["proposal"]),
        bool(v.get("report")),
        _opt(row, "to_trinh_no"),
        _opt_date(row, "to_trinh_date"),
        _opt(row, "bien_ban_no"),
        _opt_date(row, "meeting_date"),
        _opt_date(row, "sent_date"),
        _loc(table, row),
    )


def _nominees(ctx: _Context, codes: set[str]) -> list[Nominee]:
    nominees: list[Nominee] = []
    _duplicates(ctx, NOMINEES, "staff_code")
    for source, table in _tables(ctx, NOMINEES):
        unit = _unit_of(source, codes)
        if not _file_unit_known(ctx, source, table, codes):
            continue
        for row in list(_accepted(table)):
            if _nominee_consistent(ctx, table, row):
                nominees.append(_nominee(table, row, unit))
    return nominees


def _nominee_consistent(ctx: _Context, table: Table, row: Row) -> bool:
    ok = True
    assigned, on_time = row.get("tasks_assigned"), row.get("tasks_on_time")
    if isinstance(assigned, int) and isinstance(on_time, int) and on_time > assigned:
        ctx.reject(
            table,
            row.number,
            "tasks-inconsistent",
            "error",
            f"Số nhiệm vụ đúng hạn ({on_time}) lớn hơn số nhiệm vụ được giao ({assigned}).",
            "On-time tasks exceed assigned tasks.",
            "tasks_on_time",
            NOMINEES,
            on_time,
        )
        ok = False
    agree, total = row.get("votes_for"), row.get("votes_total")
    if isinstance(agree, int) and isinstance(total, int) and agree > total:
        ctx.reject(
            table,
            row.number,
            "votes-inconsistent",
            "error",
            f"Số phiếu đồng ý ({agree}) lớn hơn tổng số phiếu ({total}).",
            "Agree votes exceed total votes.",
            "votes_for",
            NOMINEES,
            agree,
        )
        ok = False
    if ok and (not total or agree is None):
        ctx.reject(
            table,
            row.number,
            "votes-missing",
            "warning",
            "Chưa có số phiếu họp xét: cá nhân này không được xếp hạng theo chỉ tiêu.",
            "No vote counts: the nominee cannot be ranked against the quota.",
            "votes_total",
            NOMINEES,
        )
    return ok


def _nominee(table: Table, row: Row, unit: str) -> Nominee:
    v = row.values
    return Nominee(
        str(v["staff_code"]),
        str(v["name"]),
        unit,
        _opt(row, "position"),
        _opt(row, "rating"),
        _opt_int(row, "tasks_assigned"),
        _opt_int(row, "tasks_on_time"),
        _opt(row, "discipline_self"),
        _opt(row, "proposal"),
        _opt_int(row, "votes_for"),
        _opt_int(row, "votes_total"),
        bool(v.get("report")),
        _loc(table, row),
    )


def _initiatives(ctx: _Context, codes: set[str]) -> list[Initiative]:
    found: list[Initiative] = []
    _duplicates(ctx, INITIATIVES, "code")
    for _, table in _tables(ctx, INITIATIVES):
        for row in list(_accepted(table)):
            if _known_unit(ctx, table, INITIATIVES, row, codes) and _recognition_complete(
                ctx, table, row
            ):
                found.append(_initiative(table, row))
    return found


def _recognition_complete(ctx: _Context, table: Table, row: Row) -> bool:
    if row.get("result") != "Công nhận":
        return True
    ok = True
    for key in ("decision_no", "decision_date"):
        if row.get(key) is None:
            header = INITIATIVES.column(key).header
            ctx.reject(
                table,
                row.number,
                "value-missing",
                "error",
                f"Sáng kiến được công nhận phải có “{header}”.",
                f"A recognised initiative needs '{header}'.",
                key,
                INITIATIVES,
            )
            ok = False
    return ok


def _initiative(table: Table, row: Row) -> Initiative:
    v = row.values
    return Initiative(
        str(v["code"]),
        str(v["title"]),
        str(v["unit"]),
        _texts(row, "authors"),
        _texts(row, "author_codes"),
        _opt(row, "field"),
        v.get("result") == "Công nhận",
        _opt(row, "decision_no"),
        _opt_date(row, "decision_date"),
        _loc(table, row),
    )


def _disciplines(ctx: _Context) -> list[Discipline]:
    found: list[Discipline] = []
    for _, table in _tables(ctx, DISCIPLINE):
        for row in list(_accepted(table)):
            v = row.values
            record = Discipline(
                str(v["staff_code"]),
                _opt(row, "name"),
                _opt(row, "unit"),
                str(v["form"]),
                _opt_date(row, "decided") or dt.date.min,
                _opt_date(row, "expires"),
                _loc(table, row),
            )
            if effective_end(record) < record.decided:
                ctx.reject(
                    table,
                    row.number,
                    "date-order",
                    "error",
                    "Ngày hết hiệu lực trước ngày quyết định.",
                    "Expiry date is before the decision date.",
                    "expires",
                    DISCIPLINE,
                )
                continue
            found.append(record)
    return found


def _credit_authors(ctx: _Context, data: Dataset) -> dict[str, tuple[str, ...]]:
    """Resolve each initiative's authors to nominees: by staff code, else by name in the unit."""
    by_code = {n.staff_code for n in data.nominees}
    by_name: dict[tuple[str, str], list[Nominee]] = defaultdict(list)
    for n in data.nominees:
        by_name[(n.unit, person_key(n.name))].append(n)
    credited: dict[str, tuple[str, ...]] = {}
    table_of = {t.file: t for _, t in _tables(ctx, INITIATIVES)}
    for ini in list(data.initiatives):
        if ini.author_codes:
            credited[ini.code] = tuple(c for c in ini.author_codes if c in by_code)
            continue
        staff = _credit_by_name(ctx, table_of[ini.loc.file], ini, by_name)
        if staff is None:
            data.initiatives.remove(ini)
        else:
            credited[ini.code] = staff
    return credited


def _credit_by_name(
    ctx: _Context, table: Table, ini: Initiative, by_name: dict[tuple[str, str], list[Nominee]]
) -> tuple[str, ...] | None:
    staff: list[str] = []
    for author in ini.authors:
        matches = by_name.get((ini.unit, person_key(author)), [])
        if len(matches) > 1:
            codes = ", ".join(m.staff_code for m in matches)
            ctx.reject(
                table,
                ini.loc.row,
                "author-ambiguous",
                "error",
                f"Tác giả “{author}” trùng tên với {len(matches)} cá nhân được đề nghị của đơn vị {ini.unit} ({codes}): hãy ghi “Mã CB tác giả”.",
                f"Author '{author}' matches {len(matches)} nominees: fill in 'Mã CB tác giả'.",
                "authors",
                INITIATIVES,
                author,
            )
            return None
        staff += [m.staff_code for m in matches]
    return tuple(staff)


def _council(ctx: _Context, data: Dataset) -> list[CouncilDecision] | None:
    tables = _tables(ctx, COUNCIL)
    if not tables:
        return None
    nominees = {n.staff_code: n for n in data.nominees}
    decisions: dict[tuple[str, str], CouncilDecision] = {}
    for _, table in tables:
        for row in list(_accepted(table)):
            decision = _decision(table, row)
            subject = (decision.kind, decision.staff_code or decision.unit)
            if subject in decisions:
                _second_decision(ctx, table, row, decisions[subject])
            elif _decision_valid(ctx, table, row, decision, nominees, data):
                decisions[subject] = decision
    return list(decisions.values())


def _second_decision(ctx: _Context, table: Table, row: Row, first: CouncilDecision) -> None:
    """One decision per subject: a second one would silently replace the first."""
    ctx.reject(
        table,
        row.number,
        "council-duplicate",
        "error",
        f"Đã có quyết định của Hội đồng cho đối tượng này ở {first.loc}; mỗi tập thể, cá nhân "
        "chỉ ghi một dòng kết quả.",
        f"A Council decision for this subject already stands at {first.loc}.",
        "staff_code" if first.kind == "individual" else "unit",
        COUNCIL,
    )


def _decision(table: Table, row: Row) -> CouncilDecision:
    v = row.values
    kind = "individual" if v["kind"] == "Cá nhân" else "collective"
    return CouncilDecision(
        kind,
        str(v["unit"]),
        _opt(row, "staff_code"),
        _opt(row, "name"),
        str(v["form"]),
        _opt(row, "decision_no"),
        _opt_date(row, "decision_date"),
        _opt(row, "minutes_no"),
        _opt_date(row, "meeting_date"),
        _opt_date(row, "sent_to_city"),
        _loc(table, row),
    )


def _decision_valid(
    ctx: _Context,
    table: Table,
    row: Row,
    d: CouncilDecision,
    nominees: dict[str, Nominee],
    data: Dataset,
) -> bool:
    reject = _rejecter(ctx, table, row)
    if d.kind == "individual" and (d.staff_code is None or d.staff_code not in nominees):
        return reject(
            "council-unknown-nominee",
            f"Mã CB “{d.staff_code or ''}” không phải cá nhân được đề nghị.",
            "Staff code is not a nominee.",
            "staff_code",
        )
    if d.kind == "individual" and nominees[d.staff_code or ""].unit != d.unit:
        return reject(
            "unit-mismatch",
            f"Cá nhân {d.staff_code} không thuộc đơn vị {d.unit}.",
            "Nominee is not in that unit.",
            "unit",
        )
    if d.kind == "collective" and not _is_candidate(data, d.unit):
        return reject(
            "council-unknown-unit",
            f"Đơn vị “{d.unit}” không có hồ sơ đề nghị khen thưởng tập thể (không có tệp đề nghị "
            "hoặc ghi “Không”), nên quyết định này không gắn được với hồ sơ nào.",
            "Unit has no collective proposal to attach this decision to.",
            "unit",
        )
    if ctx.config.proposed_award(d.form) is not None:  # a proposal needs the Council's minutes
        missing = [k for k in ("minutes_no", "meeting_date") if getattr(d, k) is None]
        for key in missing:
            reject(
                "value-missing",
                f"{d.form} phải có “{COUNCIL.column(key).header}”.",
                f"A proposal ('{d.form}') needs '{COUNCIL.column(key).header}'.",
                key,
            )
        if missing:
            return False
        limit = ctx.config.proposal_deadline(d.form)  # awards[].deadline, if configured
        if limit and d.sent_to_city and d.sent_to_city > limit:
            ctx.reject(
                table,
                row.number,
                "council-late",
                "warning",
                f"Gửi thành phố ngày {d.sent_to_city:%d/%m/%Y}, sau hạn {limit:%d/%m/%Y}.",
                "Sent to the city after the deadline.",
                "sent_to_city",
                COUNCIL,
            )
    return True


def _is_candidate(data: Dataset, unit: str) -> bool:
    submission = data.submissions.get(unit)
    return submission is not None and submission.is_candidate


def _rejecter(ctx: _Context, table: Table, row: Row) -> Callable[[str, str, str, str], bool]:
    def reject(code: str, msg: str, en: str, key: str) -> bool:
        ctx.reject(table, row.number, code, "error", msg, en, key, COUNCIL, row.get(key))
        return False

    return reject


def _check_discipline_reports(ctx: _Context, data: Dataset) -> None:
    """A register entry contradicting a self-report of 'Không' is reported to staff."""
    start, end = ctx.config.period.start, ctx.config.period.end
    nominees = {n.staff_code: n for n in data.nominees}
    tables = {t.file: t for _, t in _tables(ctx, NOMINEES)}
    for d in data.disciplines:
        n = nominees.get(d.staff_code)
        if (
            n
            and (n.discipline_self or "Không") == "Không"
            and d.decided <= end
            and effective_end(d) >= start
        ):
            ctx.reject(
                tables[n.loc.file],
                n.loc.row,
                "discipline-inconsistent",
                "warning",
                f"Tự khai “Không” kỷ luật nhưng sổ kỷ luật có quyết định ({d.loc}).",
                f"Self-report 'Không' contradicts the register ({d.loc}).",
                "discipline_self",
                NOMINEES,
            )


def _count(ctx: _Context, data: Dataset) -> None:
    for table in ctx.tables:
        rejected = sorted(r for r in table.rejected if r in table.read_rows)
        data.counts.append(
            RowCount(table.file, table.sheet, table.read, table.read - len(rejected), len(rejected))
        )
        for number in rejected:
            reasons = tuple(dict.fromkeys(table.rejected[number]))
            data.rejected.append(RejectedRow(table.file, table.sheet, number, reasons))
