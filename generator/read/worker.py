"""The load worker: a long-lived child process that parses untrusted spreadsheets.

Started by :class:`generator.read.load.Loader` as ``python -m generator.read.worker --memory-mb N``.
It caps its own address space (RLIMIT_AS) and, per file, its CPU time (RLIMIT_CPU), so a
hostile file can at worst kill this process, never the build. Protocol on stdin/stdout:
8-byte big-endian length + pickle, in both directions.

- parent -> worker: ``{"path": str, "rel": str, "cpu_s": int, "sheets": (Sheet, ...) | None}``
- worker -> parent: ``("ready", pid)`` once, then for each request either
  ``("result", RawWorkbook | None, [Issue])`` (no ``sheets``: the raw grid), or, given the
  contract's sheets, the file normalised here (:mod:`generator.read.normalise.sheets`):
  ``("tables", loaded, [Table | None, ...], [Issue], read_s, normalise_s)``, or
  ``("failed", detail)`` when normalising raised (a bug, not the file's fault).
  EOF on stdin ends the worker.

Anything the libraries print goes to stderr (fd 1 is redirected there; the protocol uses a
private duplicate of the original stdout).
"""

from __future__ import annotations

import datetime as dt
import math
import os
import pickle
import resource
import signal
import sys
import time
import warnings
import zipfile
from pathlib import Path
from typing import IO, Any, NoReturn

from generator.read import messages as msg
from generator.read import sniff
from generator.read.csv_grid import read_csv
from generator.read.issues import Issue
from generator.read.normalise.sheets import normalise_workbook
from generator.read.raw import RawSheet, RawWorkbook
from generator.read.xml_grid.ods import ods_metadata
from generator.read.xml_grid.sheet_meta import SheetMeta
from generator.read.xml_grid.xlsx_workbook import xlsx_metadata

Grid = list[list[object]]
Result = tuple[RawWorkbook | None, list[Issue]]

WORKBOOK_EXTS = {".xlsx": "xlsx", ".xlsm": "xlsx", ".ods": "ods"}


# --------------------------------------------------------------------------- one file


def load_one(path: Path, rel: str) -> Result:
    """Read one file into a RawWorkbook, or explain why not. Never raises (bar MemoryError)."""
    try:
        return _dispatch(path, rel), []
    except msg.LoadRefused as refused:
        return None, [refused.issue]
    except MemoryError:
        raise
    except Exception as exc:  # a library choked: the file is broken in a way we did not foresee
        return None, [msg.unreadable(rel, f"{type(exc).__name__}: {exc}")]


def _dispatch(path: Path, rel: str) -> RawWorkbook:
    ext = path.suffix.lower()
    if not path.is_file():
        raise msg.LoadRefused(msg.unreadable(rel, "file not found"))
    found = sniff.sniff(path)
    if found.kind == "empty" and ext != ".csv":
        raise msg.LoadRefused(msg.unreadable(rel, "the file is empty (0 bytes)"))
    if ext in WORKBOOK_EXTS:
        return _read_workbook(path, rel, WORKBOOK_EXTS[ext], found)
    if ext == ".csv":
        return _read_csv(path, rel, found)
    if ext == ".xls":
        _refuse_xls(path, rel, found)
    raise msg.LoadRefused(msg.unreadable(rel, f"unsupported file extension {ext!r}"))


def _refuse_xls(path: Path, rel: str, found: sniff.Sniffed) -> NoReturn:
    """A .xls file is always refused; say why as precisely as possible."""
    if found.kind == "ole2":
        kind = sniff.ole2_kind(path)
        raise msg.LoadRefused(
            msg.encrypted(rel) if kind == "encrypted" else msg.xls_unsupported(rel)
        )
    raise msg.LoadRefused(msg.format_mismatch(rel, ".xls", _looks_like(path, rel, found)))


def _looks_like(path: Path, rel: str, found: sniff.Sniffed) -> str:
    if found.kind == "zip":
        with sniff.open_zip(path, rel) as zf:
            return sniff.zip_kind(zf)
    return found.kind


def _read_csv(path: Path, rel: str, found: sniff.Sniffed) -> RawWorkbook:
    if found.kind in ("zip", "ole2", "pdf", "html", "xml2003"):
        _refuse_container(path, rel, ".csv", found)
    name = Path(rel).stem
    return RawWorkbook(file=rel, sheets={name: RawSheet(name=name, cells=read_csv(path, rel))})


def _refuse_container(path: Path, rel: str, ext: str, found: sniff.Sniffed) -> NoReturn:
    """Refuse a file whose content is not what `ext` announces."""
    if found.kind == "ole2":
        kind = sniff.ole2_kind(path)
        if kind == "encrypted":
            raise msg.LoadRefused(msg.encrypted(rel))
        if kind == "xls":
            raise msg.LoadRefused(msg.xls_unsupported(rel))
    raise msg.LoadRefused(msg.format_mismatch(rel, ext, _looks_like(path, rel, found)))


# --------------------------------------------------------------------------- workbooks


def _read_workbook(path: Path, rel: str, fmt: str, found: sniff.Sniffed) -> RawWorkbook:
    ext = path.suffix.lower()
    if found.kind != "zip":
        _refuse_container(path, rel, ext, found)
    if found.size > sniff.MAX_FILE_BYTES:
        size, limit = found.size // sniff.MiB, sniff.MAX_FILE_BYTES // sniff.MiB
        raise msg.LoadRefused(
            msg.too_large(
                rel,
                f"tệp {size} MB, vượt giới hạn {limit} MB",
                f"the file is {size} MB, above the {limit} MB limit",
            )
        )
    with sniff.open_zip(path, rel) as zf:
        metas = _workbook_metadata(zf, rel, fmt, ext)
    return _build(path, rel, metas)


def _workbook_metadata(zf: zipfile.ZipFile, rel: str, fmt: str, ext: str) -> list[SheetMeta]:
    kind = sniff.zip_kind(zf)
    if fmt == "ods" and kind == "ods" and sniff.ods_is_encrypted(zf):
        raise msg.LoadRefused(msg.encrypted(rel))
    if kind != fmt:
        raise msg.LoadRefused(msg.format_mismatch(rel, ext, kind))
    sniff.check_zip_bomb(zf, rel)
    return xlsx_metadata(zf, rel) if fmt == "xlsx" else ods_metadata(zf, rel)


def _build(path: Path, rel: str, metas: list[SheetMeta]) -> RawWorkbook:
    hidden = tuple(m.name for m in metas if m.hidden)
    by_name = {m.name: m for m in metas}
    frames = _read_frames(path, set(hidden))
    sheets = {
        name: _raw_sheet(name, grid, by_name.get(name) or SheetMeta(name))
        for name, grid in frames.items()
    }
    return RawWorkbook(file=rel, sheets=sheets, hidden_sheets=hidden)


def _read_frames(path: Path, hidden: set[str]) -> dict[str, Grid]:
    """Cell grids of the visible worksheets, via python-calamine, aligned to A1.

    Each cell as pandas' calamine engine (``read_excel(header=None, dtype=object,
    na_filter=False)``, which this reader used) gives it, without building a DataFrame per
    sheet, which cost four times the parse on a department's workbook (bench/README.md): see
    :func:`_cell`. ``skip_empty_area=False`` keeps leading empty rows and columns, so grid
    position (i, j) is spreadsheet row i + 1, column j."""
    from python_calamine import SheetTypeEnum, load_workbook

    with load_workbook(str(path)) as book:
        names = [s.name for s in book.sheets_metadata if s.typ == SheetTypeEnum.WorkSheet]
        wanted = [name for name in dict.fromkeys(names) if name not in hidden]
        return {
            str(name): _grid(book.get_sheet_by_name(name).to_python(skip_empty_area=False))
            for name in wanted
        }


def _grid(rows: list[list[Any]]) -> Grid:
    return [[_cell(v) for v in row] for row in rows]


def _cell(value: Any) -> object:
    """A calamine cell as the reader's grids hold it: '' and NaN as None, a whole float as
    an int, a date as its midnight (as pandas' calamine engine gave them)."""
    if value is None or (isinstance(value, str) and not value):
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return int(value) if value.is_integer() else value
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day)
    return value


def _raw_sheet(name: str, grid: Grid, meta: SheetMeta) -> RawSheet:
    _fit(grid, [(r, c) for r, c, _ in meta.formulas] + list(meta.errors))
    for (r, c), text in meta.errors.items():
        grid[r - 1][c] = text  # calamine reads error cells as empty: keep what Excel shows
    for r, c, cached in meta.formulas:
        if not cached:
            grid[r - 1][c] = None
    # Metadata is about the grid: a hostile merge over A1:XFD1048576 must not reach later stages.
    rows, width = len(grid), len(grid[0]) if grid else 0
    return RawSheet(
        name=name,
        cells=grid,
        hidden_rows=frozenset(r for r in meta.hidden_rows if r <= rows),
        merged=tuple(
            (r1, c1, min(r2, rows), min(c2, width - 1))
            for r1, c1, r2, c2 in meta.merged
            if r1 <= rows and c1 < width
        ),
        formulas=tuple(meta.formulas),
        date1904=meta.date1904,
        hidden_cols=frozenset(meta.hidden_cols),
    )


def _fit(grid: Grid, positions: list[tuple[int, int]]) -> None:
    """Grow the (rectangular) grid so that every (1-based row, col) position is inside it."""
    if not positions:
        return
    rows = max([len(grid)] + [r for r, _ in positions])
    width = max([len(grid[0]) if grid else 0] + [c + 1 for _, c in positions])
    for row in grid:
        row.extend([None] * (width - len(row)))
    grid.extend([None] * width for _ in range(rows - len(grid)))


# --------------------------------------------------------------------------- process


def _set_memory_limit(mb: int) -> None:
    limit = mb * 1024 * 1024
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _set_cpu_budget(seconds: int) -> None:
    """Allow `seconds` more CPU time from now (the limit counts the process' whole life)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = math.ceil(usage.ru_utime + usage.ru_stime)
    _soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = used + max(seconds, 1)
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def _private_stdout() -> IO[bytes]:
    """Keep the real stdout for the protocol; send fd 1 (stray prints) to stderr."""
    fd = os.dup(1)
    os.dup2(2, 1)
    return os.fdopen(fd, "wb")


def _send(out: IO[bytes], obj: object) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    out.write(len(data).to_bytes(8, "big") + data)
    out.flush()


def _recv(inp: IO[bytes]) -> dict[str, Any] | None:
    head = inp.read(8)
    if len(head) < 8:
        return None
    body = inp.read(int.from_bytes(head, "big"))
    request = pickle.loads(body)  # from our own parent, not from a file
    return request if isinstance(request, dict) else None


def _serve(inp: IO[bytes], out: IO[bytes]) -> None:
    while (request := _recv(inp)) is not None:
        _set_cpu_budget(int(request.get("cpu_s", 60)))
        rel = str(request["rel"])
        sheets = request.get("sheets")
        try:
            reply = _answer(Path(request["path"]), rel, sheets)
        except MemoryError:
            # State after a MemoryError is not trustworthy: answer, then let the parent restart us.
            _send(out, ("result", None, [msg.resource_limit(rel, _memory_mb(), "MemoryError")]))
            return
        _send(out, reply)


def _answer(path: Path, rel: str, sheets: Any) -> tuple[object, ...]:
    start = time.perf_counter()
    workbook, issues = load_one(path, rel)
    if sheets is None:
        return ("result", workbook, issues)
    read_s = time.perf_counter() - start
    if workbook is None:
        return ("tables", False, [], issues, read_s, 0.0)
    try:
        tables, missing = normalise_workbook(workbook, tuple(sheets), rel)
    except MemoryError:
        raise
    except Exception as exc:  # a bug in the normaliser: the parent reports it, never caches it
        return ("failed", f"{type(exc).__name__}: {exc}")
    return ("tables", True, tables, issues + missing, read_s, time.perf_counter() - start - read_s)


def _memory_mb() -> int:
    soft, _hard = resource.getrlimit(resource.RLIMIT_AS)
    return -1 if soft == resource.RLIM_INFINITY else soft // (1024 * 1024)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the worker process."""
    args = sys.argv[1:] if argv is None else argv
    memory_mb = int(args[args.index("--memory-mb") + 1]) if "--memory-mb" in args else 512
    out = _private_stdout()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when we stop
    warnings.simplefilter("ignore")
    import python_calamine  # noqa: F401  -- import before capping memory: the cap is for the files

    _set_memory_limit(memory_mb)
    _send(out, ("ready", os.getpid()))
    _serve(sys.stdin.buffer, out)


if __name__ == "__main__":
    main()
