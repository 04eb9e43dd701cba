"""Find the campaign's files in the data folder (SPEC §3) and say what is missing or stray."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.read.columns import FileLayout, Sheet
from generator.read.issues import Issue

WORKBOOK_SUFFIXES = (".xlsx", ".ods", ".csv")


@dataclass(frozen=True)
class Source:
    """One file to read and the sheets it must hold."""

    path: Path
    rel: str
    sheets: tuple[Sheet, ...]
    unit: str | None = None  # department code for de-nghi files


@dataclass
class Inventory:
    sources: list[Source] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def discover(data_dir: Path, layout: FileLayout) -> Inventory:
    """List the files to read; report missing registers and files that do not belong."""
    found = Inventory()
    if not data_dir.is_dir():
        found.issues.append(
            _issue(
                "data-dir-missing",
                str(data_dir),
                "Không tìm thấy thư mục dữ liệu.",
                "Data folder not found.",
            )
        )
        return found
    known: set[Path] = set()
    for stem, sheet, required in layout.registers:
        path = _one_of(data_dir, stem, found)
        if path is None:
            if required:
                found.issues.append(_missing_register(stem))
            continue
        known.add(path)
        found.sources.append(Source(path, _rel(path, data_dir), (sheet,)))
    known |= _department_sources(data_dir, layout, found)
    _report_strays(data_dir, known, found)
    return found


def _one_of(data_dir: Path, stem: str, found: Inventory) -> Path | None:
    paths = [
        data_dir / f"{stem}{s}"
        for s in (*WORKBOOK_SUFFIXES, ".xls")
        if (data_dir / f"{stem}{s}").is_file()
    ]
    if len(paths) > 1:
        names = ", ".join(p.name for p in paths)
        found.issues.append(
            _issue(
                "file-ambiguous",
                stem,
                f"Có nhiều tệp cho cùng một sổ: {names}; chỉ giữ một tệp.",
                f"Several files for one register: {names}.",
            )
        )
    return paths[0] if paths else None


def _department_sources(data_dir: Path, layout: FileLayout, found: Inventory) -> set[Path]:
    folder = data_dir / layout.department_folder
    known: set[Path] = set()
    if not folder.is_dir():
        return known
    first: dict[str, str] = {}  # unit (case-insensitive) → the file or folder read for it
    for path in sorted(folder.iterdir()):
        is_book = path.is_file() and path.suffix.lower() in (".xlsx", ".ods", ".xls")
        if not (is_book or path.is_dir()):
            continue
        unit = path.stem if is_book else path.name
        if _second_for_unit(unit, _rel(path, data_dir), first, found):
            known.add(path)
            known |= set(path.rglob("*")) if path.is_dir() else set()
        elif is_book:
            found.sources.append(Source(path, _rel(path, data_dir), layout.department_sheets, unit))
            known.add(path)
        else:
            known |= _csv_department(path, data_dir, layout, found)
    return known


def _second_for_unit(unit: str, rel: str, first: dict[str, str], found: Inventory) -> bool:
    """A department may submit one workbook or one CSV folder; a second one is not read."""
    key = unit.casefold()
    if key not in first:
        first[key] = rel
        return False
    found.issues.append(
        _issue(
            "file-ambiguous",
            rel,
            f"Đơn vị {unit} đã có hồ sơ {first[key]}; tệp {rel} không được đọc. Mỗi đơn vị chỉ "
            "nộp một tệp (hoặc một thư mục CSV): hãy giữ một và xóa phần còn lại.",
            f"Unit {unit} already submitted {first[key]}; {rel} was not read. Keep one.",
        )
    )
    return True


def _csv_department(
    folder: Path, data_dir: Path, layout: FileLayout, found: Inventory
) -> set[Path]:
    known: set[Path] = set()
    for stem, sheet in layout.csv_parts.items():
        path = folder / f"{stem}.csv"
        if path.is_file():
            found.sources.append(Source(path, _rel(path, data_dir), (sheet,), folder.name))
            known.add(path)
        else:
            rel = _rel(path, data_dir)
            found.issues.append(
                _issue(
                    "file-missing",
                    rel,
                    f"Thiếu tệp {rel} của đơn vị {folder.name}.",
                    f"Missing {rel}.",
                )
            )
    return known


def _report_strays(data_dir: Path, known: set[Path], found: Inventory) -> None:
    for path in sorted(data_dir.rglob("*")):
        if (
            not path.is_file()
            or path in known
            or path.name.startswith(".")
            or path.suffix.lower() == ".md"
        ):
            continue
        rel = _rel(path, data_dir)
        found.issues.append(
            Issue(
                "file-unexpected",
                "warning",
                f"Tệp {rel} không thuộc mẫu dữ liệu và không được đọc.",
                f"{rel} is not part of the data contract and was not read.",
                file=rel,
            )
        )


def _missing_register(stem: str) -> Issue:
    return _issue(
        "file-missing",
        f"{stem}.xlsx",
        f"Thiếu tệp bắt buộc {stem}.xlsx (hoặc .ods, .csv).",
        f"Required file {stem}.xlsx (or .ods, .csv) is missing.",
    )


def _issue(code: str, file: str, msg: str, en: str) -> Issue:
    return Issue(code, "error", msg, en, file=file)


def _rel(path: Path, data_dir: Path) -> str:
    return path.relative_to(data_dir).as_posix()
