"""The loader pool: the same answers on one worker, two workers or a warm parse cache, in file
order, with a hostile file in one worker leaving the other's files alone."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from generator.judge.config import Config, load_config
from generator.judge.validate.driver import Validation, validate
from generator.read.cache import ParseCache
from generator.read.discover import discover
from generator.read.load import SMALL_INPUT_FILES, Loader, pool_size_from_env
from tests.builders import hostile
from tests.builders.founding import CONFIG, LAYOUT, SAMPLE_DATA

TIMEOUT_S = 1.5
# department file → (hostile builder, the issue code its file must get)
HOSTILE = {
    "DT.xlsx": (hostile.build_zip_bomb_xlsx, "file-too-large"),
    "HCTC.xlsx": (lambda d: hostile.build_xfd_cell_xlsx(d, declare_dimension=False), None),
    "KSTT.xlsx": (hostile.build_string_amplifier_xlsx, "file-resource-limit"),
    "KT.xlsx": (hostile.build_truncated_xlsx, "file-unreadable"),
    "TCD.xlsx": (lambda d: hostile.build_big_xlsx(d, rows=90_000, cols=11), "file-timeout"),
    "TH.xlsx": (hostile.build_csv_as_xlsx, "file-format-mismatch"),
}


@pytest.fixture(scope="module")
def config() -> Config:
    loaded, issues = load_config(CONFIG)
    assert loaded is not None, issues
    return loaded


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample campaign with six department files replaced by hostile ones."""
    data = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(SAMPLE_DATA, data)
    made = tmp_path_factory.mktemp("made")
    for name, (builder, _code) in HOSTILE.items():
        folder = made / name.split(".")[0]
        folder.mkdir()
        built = builder(folder)  # type: ignore[operator]
        shutil.move(built, data / "de-nghi" / name)
    return data


def _validate(data: Path, config: Config, **loader: object) -> tuple[Validation, Loader]:
    with Loader(timeout_s=TIMEOUT_S, **loader) as own:  # type: ignore[arg-type]
        return validate(data, config, own), own


def _same(a: Validation, b: Validation) -> None:
    assert a.issues == b.issues
    assert a.dataset == b.dataset


@pytest.mark.parametrize("which", ["sample", "hostile"])
def test_one_worker_two_workers_and_a_warm_cache_give_the_same_answers(
    which: str, config: Config, hostile_data: Path, tmp_path: Path
) -> None:
    data = SAMPLE_DATA if which == "sample" else hostile_data
    one, loader = _validate(data, config, workers=1, cache=False)
    assert loader.stats.workers == 1
    two, loader = _validate(data, config, workers=2, cache=False)
    assert loader.stats.workers == 2
    _same(one, two)
    cache = ParseCache(tmp_path / "cache")
    cold, _ = _validate(data, config, workers=2, cache=cache)
    warm, loader = _validate(data, config, workers=2, cache=ParseCache(tmp_path / "cache"))
    _same(one, cold)
    _same(one, warm)
    assert loader.stats.cache.hits > 0 and loader.stats.cache.rejected == 0
    if which == "sample":
        assert one.ok and len(one.dataset.nominees) > 0
        assert loader.stats.cache.misses == 0 and loader.worker_pids == [None, None]


def test_the_hostile_files_get_their_issues_and_the_good_ones_are_read(
    config: Config, hostile_data: Path
) -> None:
    sample, _ = _validate(SAMPLE_DATA, config, workers=1, cache=False)
    found, _ = _validate(hostile_data, config, workers=2, cache=False)
    hostile_files = {f"de-nghi/{name}" for name in HOSTILE}
    for name, (_builder, code) in HOSTILE.items():
        codes = {i.code for i in found.issues if i.file == f"de-nghi/{name}"}
        assert codes & {"file-too-large", "file-resource-limit", "file-unreadable",
                        "file-timeout", "file-format-mismatch"}, (name, codes)  # fmt: skip
        if code is not None:
            assert code in codes, (name, codes)
    # Every good department file's issues are the sample's own, and so are its rows.
    for rel in {i.file for i in sample.issues if i.file and i.file.startswith("de-nghi/")}:
        if rel not in hostile_files:
            assert [i for i in found.issues if i.file == rel] == [
                i for i in sample.issues if i.file == rel
            ]
    units = {Path(n).stem for n in HOSTILE}
    kept = [n for n in sample.dataset.nominees if n.unit not in units]
    assert kept and [n for n in found.dataset.nominees if n.unit not in units] == kept


def test_results_come_back_in_file_order_and_a_dying_worker_spares_the_other(
    hostile_data: Path, tmp_path: Path
) -> None:
    sources = discover(hostile_data, LAYOUT).sources
    slow = [s for s in sources if s.rel == "de-nghi/TCD.xlsx"]  # times out: finishes last
    order = slow + [s for s in sources if s not in slow]
    with Loader(workers=2, timeout_s=TIMEOUT_S, cache=False) as pool:
        results = pool.read_sources(order)
        assert len({p for p in pool.worker_pids if p}) >= 1
    with Loader(workers=1, timeout_s=TIMEOUT_S, cache=False) as alone:
        expected = alone.read_sources(order)
    assert [r.rel for r in results] == [s.rel for s in order]
    assert results == expected
    by_rel = {r.rel: r for r in results}
    for name, (_builder, code) in HOSTILE.items():
        result = by_rel[f"de-nghi/{name}"]
        assert not result.loaded and result.tables == []
        if code is not None:
            assert [i.code for i in result.issues] == [code]
    good = [r for r in results if Path(r.rel).name not in HOSTILE]
    assert good and all(r.loaded and r.issues == [] for r in good)


def test_a_small_input_uses_one_worker(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SAMPLE_DATA, data)
    sources = discover(data, LAYOUT).sources[: SMALL_INPUT_FILES - 1]
    with Loader(workers=2, cache=False) as loader:
        results = loader.read_sources(sources)
        assert loader.stats.workers == 1 and loader.worker_pids[1] is None
    assert all(r.loaded for r in results)


def test_the_pool_size_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("THIDUA_READ_WORKERS", raising=False)
    assert pool_size_from_env() == 2
    monkeypatch.setenv("THIDUA_READ_WORKERS", "1")
    assert pool_size_from_env() == 1 and Loader().workers == 1
    monkeypatch.setenv("THIDUA_READ_WORKERS", "3")
    assert Loader().workers == 3
    for wrong in ("", "two", "0", "-1"):
        monkeypatch.setenv("THIDUA_READ_WORKERS", wrong)
        assert pool_size_from_env() in (1, 2)
    monkeypatch.setenv("THIDUA_READ_WORKERS", "two")
    assert pool_size_from_env() == 2


def test_a_worker_is_replaced_only_after_it_died_or_overran(hostile_data: Path) -> None:
    sources = discover(hostile_data, LAYOUT).sources
    good = [s for s in sources if Path(s.rel).name not in HOSTILE]
    with Loader(workers=2, timeout_s=TIMEOUT_S, cache=False) as loader:
        loader.read_sources(good)
        first = list(loader.worker_pids)
        assert all(first)
        loader.read_sources(good)
        assert loader.worker_pids == first  # reused, no process per file
        started = time.monotonic()
        loader.read_sources([s for s in sources if s.rel == "de-nghi/TCD.xlsx"] + good[:1])
        assert time.monotonic() - started < TIMEOUT_S + 30
        assert loader.worker_pids[0] not in (None, first[0])  # the overrun one was replaced
