"""The parse cache: a second read comes from it, a changed file does not, and an entry that is
truncated, corrupt, tampered with or foreign is ignored and rewritten, never trusted. Outcomes
of the environment (timeouts, resource limits) are never stored."""

from __future__ import annotations

import hashlib
import pickle
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.read import cache as cache_module
from generator.read.cache import (
    FORMAT,
    MAGIC,
    ParseCache,
    cache_from_env,
    reader_digest,
    reader_version,
)
from generator.read.discover import Source, discover
from generator.read.load import FileResult, Loader
from tests.builders import hostile
from tests.builders.founding import LAYOUT, SAMPLE_DATA
from tests.builders.workbooks import write_xlsx


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(SAMPLE_DATA, folder)
    return folder


def _sources(data: Path) -> list[Source]:
    return discover(data, LAYOUT).sources


def _read(
    sources: list[Source], root: Path, **loader: object
) -> tuple[list[FileResult], ParseCache]:
    cache = ParseCache(root)
    with Loader(cache=cache, **loader) as own:  # type: ignore[arg-type]
        return own.read_sources(sources), cache


def _plain(results: list[FileResult]) -> list[tuple[object, ...]]:
    return [(r.rel, r.loaded, r.tables, r.issues) for r in results]


def _entries(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def test_a_second_read_comes_from_the_cache(data: Path, tmp_path: Path) -> None:
    sources = _sources(data)
    first, cache = _read(sources, tmp_path / "c")
    assert (cache.stats.hits, cache.stats.misses, cache.stats.stored) == (0, 16, 16)
    assert len(_entries(tmp_path / "c")) == len(sources) == 16
    again, cache = _read(sources, tmp_path / "c")
    assert (cache.stats.hits, cache.stats.misses, cache.stats.stored) == (16, 0, 0)
    assert all(r.from_cache for r in again) and not any(r.from_cache for r in first)
    assert _plain(again) == _plain(first)
    with Loader(workers=1, cache=False) as fresh:
        assert _plain(fresh.read_sources(sources)) == _plain(first)


def test_a_changed_file_and_a_renamed_file_miss(data: Path, tmp_path: Path) -> None:
    _read(_sources(data), tmp_path / "c")
    write_xlsx(data / "don-vi.xlsx", {"Đơn vị": [["Mã đơn vị", "Tên đơn vị"], ["VP", "Khác"]]})
    results, cache = _read(_sources(data), tmp_path / "c")
    assert (cache.stats.hits, cache.stats.misses, cache.stats.stored) == (15, 1, 1)
    assert next(r for r in results if r.rel == "don-vi.xlsx").from_cache is False
    # The same bytes under another name: issues carry the name, so it is another entry.
    (data / "de-nghi" / "DT.xlsx").rename(data / "de-nghi" / "XX.xlsx")
    results, cache = _read(_sources(data), tmp_path / "c")
    assert cache.stats.misses == 1
    moved = next(r for r in results if r.rel == "de-nghi/XX.xlsx")
    assert not moved.from_cache and all(t is None or t.file == moved.rel for t in moved.tables)


def _rewrite(entry: Path, payload: bytes, *, name: str | None = None, fmt: int = FORMAT) -> None:
    """An entry with a consistent header around ``payload`` (as a tamperer would write it)."""
    key = bytes.fromhex(name or entry.name)
    head = MAGIC + fmt.to_bytes(2, "big") + key + hashlib.sha256(payload).digest()
    entry.write_bytes(head + payload)


def _payload(entry: Path) -> bytes:
    return entry.read_bytes()[len(MAGIC) + 66 :]


class _Evil:
    def __reduce__(self) -> tuple[Callable[..., object], tuple[str]]:
        return (print, ("this must never run",))


SPOILERS: dict[str, Callable[[Path, Path], None]] = {
    "truncated": lambda e, _o: e.write_bytes(e.read_bytes()[: len(e.read_bytes()) // 2]),
    "empty": lambda e, _o: e.write_bytes(b""),
    "header only": lambda e, _o: e.write_bytes(e.read_bytes()[: len(MAGIC) + 66]),
    "flipped byte": lambda e, _o: e.write_bytes(
        e.read_bytes()[:-10] + bytes([e.read_bytes()[-10] ^ 1]) + e.read_bytes()[-9:]
    ),
    "wrong magic": lambda e, _o: e.write_bytes(b"X" + e.read_bytes()[1:]),
    "other format": lambda e, _o: _rewrite(e, _payload(e), fmt=FORMAT + 1),
    "another file's entry": lambda e, o: _rewrite(e, _payload(o), name=e.name),
    "another key's header": lambda e, o: e.write_bytes(o.read_bytes()),
    "foreign pickle": lambda e, _o: _rewrite(e, pickle.dumps(_Evil())),
    "forbidden type": lambda e, _o: _rewrite(e, pickle.dumps((True, [Path("/etc")], []))),
    "wrong shape": lambda e, _o: _rewrite(e, pickle.dumps((True, "tables", []))),
    "wrong sheet count": lambda e, _o: _rewrite(e, pickle.dumps((True, [], []))),
    "not a pickle": lambda e, _o: _rewrite(e, b"\x80\x05garbage"),
}


@pytest.mark.parametrize("spoil", list(SPOILERS))
def test_a_spoiled_entry_is_ignored_and_rewritten(
    spoil: str, data: Path, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    sources = [s for s in _sources(data) if s.rel in ("don-vi.xlsx", "de-nghi/DT.xlsx")]
    root = tmp_path / "c"
    first, _ = _read(sources, root)
    entries = _entries(root)
    assert len(entries) == 2
    units, other = entries  # any two distinct entries
    SPOILERS[spoil](units, other)
    spoiled = units.read_bytes()

    again, cache = _read(sources, root)
    assert _plain(again) == _plain(first)
    assert (cache.stats.hits, cache.stats.misses, cache.stats.rejected, cache.stats.stored) == (
        1, 1, 1, 1,
    )  # fmt: skip
    assert units.read_bytes() != spoiled  # rewritten
    assert "this must never run" not in capfd.readouterr().out
    third, cache = _read(sources, root)
    assert (cache.stats.hits, cache.stats.rejected) == (2, 0)
    assert _plain(third) == _plain(first)


def test_outcomes_of_the_environment_are_not_stored(data: Path, tmp_path: Path) -> None:
    folder = data / "de-nghi"
    big = hostile.build_big_xlsx(tmp_path, rows=90_000, cols=11)
    shutil.move(big, folder / "DT.xlsx")
    amplifier = hostile.build_string_amplifier_xlsx(tmp_path)
    shutil.move(amplifier, folder / "HCTC.xlsx")
    shutil.move(hostile.build_truncated_xlsx(tmp_path), folder / "KT.xlsx")
    sources = [s for s in _sources(data) if s.rel.startswith("de-nghi/")]
    codes = {"de-nghi/DT.xlsx": "file-timeout", "de-nghi/HCTC.xlsx": "file-resource-limit"}
    for _round in range(2):
        results, cache = _read(sources, tmp_path / "c", timeout_s=1.5)
        by_rel = {r.rel: r for r in results}
        for rel, code in codes.items():
            assert [i.code for i in by_rel[rel].issues] == [code]
            assert not by_rel[rel].from_cache
        # A truncated file is the file's fault: its refusal is kept like any outcome.
        assert [i.code for i in by_rel["de-nghi/KT.xlsx"].issues] == ["file-unreadable"]
    assert (cache.stats.hits, cache.stats.misses, cache.stats.stored) == (
        len(sources) - 2, 2, 0,
    )  # fmt: skip
    assert by_rel["de-nghi/KT.xlsx"].from_cache
    assert len(_entries(tmp_path / "c")) == len(sources) - 2


def test_a_memory_cap_failure_is_not_stored(data: Path, tmp_path: Path) -> None:
    # A file that needs memory to read (a small one may be read within what the worker
    # already holds, even under a 1 MB address-space cap).
    amplifier = hostile.build_string_amplifier_xlsx(tmp_path)
    shutil.move(amplifier, data / "de-nghi" / "HCTC.xlsx")
    sources = [s for s in _sources(data) if s.rel == "de-nghi/HCTC.xlsx"]
    results, cache = _read(sources, tmp_path / "c", memory_limit_mb=1)
    assert [i.code for i in results[0].issues] == ["file-resource-limit"]
    assert cache.stats.stored == 0 and _entries(tmp_path / "c") == []


def test_the_environment_chooses_the_cache(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("THIDUA_NO_CACHE", raising=False)
    monkeypatch.delenv("THIDUA_CACHE_DIR", raising=False)
    default = cache_from_env()
    assert default is not None
    assert default.root == Path(cache_module.__file__).resolve().parents[2] / ".cache" / "thidua"
    monkeypatch.setenv("THIDUA_CACHE_DIR", str(tmp_path / "elsewhere"))
    chosen = cache_from_env()
    assert chosen is not None and chosen.root == tmp_path / "elsewhere"
    monkeypatch.setenv("THIDUA_NO_CACHE", "1")
    assert cache_from_env() is None


def test_no_cache_reads_every_file_and_writes_nothing(
    monkeypatch: pytest.MonkeyPatch, data: Path, tmp_path: Path
) -> None:
    monkeypatch.setenv("THIDUA_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.setenv("THIDUA_NO_CACHE", "1")
    sources = _sources(data)
    for _round in range(2):
        with Loader() as loader:
            results = loader.read_sources(sources)
            assert loader.cache is None and loader.stats.cache.hits == 0
        assert not any(r.from_cache for r in results)
    assert not (tmp_path / "c").exists()
    monkeypatch.delenv("THIDUA_NO_CACHE")
    with Loader() as loader:
        loader.read_sources(sources)
        loader.read_sources(sources)
        assert loader.stats.cache.hits == len(sources)
    assert len(_entries(tmp_path / "c")) == len(sources)


def test_another_reader_version_misses_and_its_entries_are_removed(
    data: Path, tmp_path: Path
) -> None:
    sources = _sources(data)[:2]
    root = tmp_path / "c"
    stale = root / "0123456789abcdef01234567"
    stale.mkdir(parents=True)
    (stale / "entry").write_bytes(b"from an older reader")
    (root / "notes").mkdir()  # not the cache's: never removed
    (root / "readme.txt").write_text("mine", encoding="utf-8")
    _read(sources, root)
    assert not stale.exists()
    assert sorted(p.name for p in root.iterdir()) == sorted(
        [reader_version()[:24], "notes", "readme.txt"]
    )


def test_the_reader_version_follows_the_reader_sources(tmp_path: Path) -> None:
    read = Path(cache_module.__file__).resolve().parent
    copy = tmp_path / "read"
    shutil.copytree(read, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert reader_digest(copy) == reader_version()
    reader = copy / "normalise" / "reader.py"
    reader.write_text(reader.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert reader_digest(copy) != reader_version()
    (copy / "normalise" / "new_module.py").write_text("", encoding="utf-8")
    assert len({reader_digest(copy), reader_version()}) == 2


def test_the_test_session_cache_is_not_the_checkouts() -> None:
    chosen = cache_from_env()
    assert chosen is not None
    checkout = Path(cache_module.__file__).resolve().parents[2]
    assert not chosen.root.resolve().is_relative_to(checkout)


def test_the_read_settings_are_documented() -> None:
    root = Path(cache_module.__file__).resolve().parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    architecture = (root / "ARCHITECTURE.md").read_text(encoding="utf-8")
    for name in ("THIDUA_READ_WORKERS", "THIDUA_CACHE_DIR", "THIDUA_NO_CACHE", ".cache/thidua"):
        assert name in readme
    assert ".cache/" in (root / ".gitignore").read_text(encoding="utf-8").splitlines()
    for module in ("cache.py", "process.py", "safe_pickle.py", "`sheets`"):
        assert module in architecture
