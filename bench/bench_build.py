"""Benchmark: a whole build (`thidua build`'s calls) per tier, timed stage by stage.

Tiers: S is the sample (site_config/vpubnd-cantho-2019.yml with its own data); M and L are synthetic
campaigns written by `thidua demo-data` (M: 300 units, 3,000 nominees, 2,000 initiatives;
L: 3,000 / 30,000 / 20,000). Each tier runs in its own process, so its peak memory is its own.
Run by hand, never in the test suite (L takes minutes):

    .venv/bin/python -m bench.bench_build [--tiers S,M,L] [--keep DIR]

Stages are timed by wrapping the generator's functions from here, without changing them;
times are exclusive (a stage called inside another counts once, for itself). What today's
code fuses is reported together: `site build` is `mkdocs build --strict`, i.e. Markdown, the
theme, the search index and the per-page CSP pass of the thidua plugin; `read+normalise` is
the wall time of `Loader.read_sources` (the parse cache's hits, then the loader pool's workers
reading and normalising the rest) as the main process waits for it; the workers' own read and
normalise seconds (summed over workers) and the cache's counts are printed after the table.
The machine is shared: read the ratios, not the absolute seconds.
"""

from __future__ import annotations

import argparse
import csv
import functools
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "site_config" / "vpubnd-cantho-2019.yml"
MKDOCS = ROOT / "mkdocs.yml"
TIERS = {"S": None, "M": (300, 3000, 2000), "L": (3000, 30000, 20000)}
STAGES = (
    "discover",
    "read+normalise",
    "validate",
    "evaluate",
    "select",
    "views",
    "open data+render+charts",
    "history",
    "staging",
    "site build",
    "post-passes",
)

_times: dict[str, float] = dict.fromkeys(STAGES, 0.0)
_loader: dict[str, float] = dict.fromkeys(("read_s", "normalise_s", "hits", "misses", "workers"), 0)
_pages: dict[str, int] = {"kept": 0, "rendered": 0}  # department pages (pages/unit_memo.py)
_stack: list[list[float]] = []  # per active stage: [time spent in nested stages]


def _timed(stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if _stack and _stack[0][1] == "history":  # type: ignore[comparison-overlap]
            return fn(*args, **kwargs)  # the history's own core runs count as history
        frame: list[Any] = [0.0, stage]
        _stack.append(frame)
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent = time.perf_counter() - start
            _stack.pop()
            _times[stage] += spent - frame[0]
            if _stack:
                _stack[-1][0] += spent

    return wrapper


def _counted(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Add a ``Loader.read_sources`` call's worker seconds and cache counts to ``_loader``."""

    @functools.wraps(fn)
    def wrapper(loader: Any, *args: Any, **kwargs: Any) -> Any:
        stats = loader.stats
        before = (stats.read_s, stats.normalise_s, stats.cache.hits, stats.cache.misses)
        try:
            return fn(loader, *args, **kwargs)
        finally:
            after = (stats.read_s, stats.normalise_s, stats.cache.hits, stats.cache.misses)
            names = ("read_s", "normalise_s", "hits", "misses")
            for name, old, new in zip(names, before, after, strict=True):
                _loader[name] += new - old
            _loader["workers"] = max(_loader["workers"], stats.workers)

    return wrapper


def _pages_counted(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Add a ``UnitPages.save`` call's kept and rendered pages to ``_pages``."""

    @functools.wraps(fn)
    def wrapper(pages: Any) -> Any:
        _pages["kept"] += pages.stats.hits
        _pages["rendered"] += len(pages.site.view.units) - pages.stats.hits
        return fn(pages)

    return wrapper


def _instrument() -> None:
    """Wrap the stage functions where their callers look them up."""
    from generator.judge import pipeline
    from generator.judge.validate import driver as validate
    from generator.publish import build as publish
    from generator.read import load
    from generator.site import bundle as site
    from generator.site.pages.unit_memo import UnitPages

    validate.discover = _timed("discover", validate.discover)  # type: ignore[assignment]
    load.Loader.read_sources = _timed("read+normalise", _counted(load.Loader.read_sources))  # type: ignore[method-assign]
    pipeline.validate = _timed("validate", pipeline.validate)  # type: ignore[assignment]
    pipeline.evaluate = _timed("evaluate", pipeline.evaluate)  # type: ignore[assignment]
    pipeline.select = _timed("select", pipeline.select)  # type: ignore[assignment]
    site.build_views = _timed("views", site.build_views)  # type: ignore[assignment]
    # one stage since the downloads and the charts are made in a forked process while the
    # pages render
    site.site_outputs = _timed("open data+render+charts", site.site_outputs)  # type: ignore[assignment]
    site.publication_history = _timed("history", site.publication_history)  # type: ignore[assignment]
    site.render_history_page = _timed("history", site.render_history_page)  # type: ignore[assignment]
    publish.write_staging_tree = _timed("staging", publish.write_staging_tree)  # type: ignore[assignment]
    publish.run_builder = _timed("site build", publish.run_builder)  # type: ignore[assignment]
    publish.apply_passes = _timed("post-passes", publish.apply_passes)  # type: ignore[assignment]
    publish.check_built_site = _timed("post-passes", publish.check_built_site)  # type: ignore[assignment]
    publish.swap_in = _timed("post-passes", publish.swap_in)  # type: ignore[assignment]
    UnitPages.save = _pages_counted(UnitPages.save)  # type: ignore[method-assign]


def _child(tier: str, work: Path) -> dict[str, Any]:
    """Build one tier in this process and return its figures."""
    _instrument()
    from generator.judge.config import load_config
    from generator.publish.build import build_site
    from generator.site.bundle import make_bundle
    from generator.tools.demo import write_demo

    data: Path | None = None
    sizes = TIERS[tier]
    if sizes is not None:
        data = work / "data"
    if sizes is not None and not (data / "don-vi.xlsx").exists():
        units, nominees, initiatives = sizes
        config, _ = load_config(CONFIG)
        assert config is not None
        contract = config.data_contract
        write_demo(data, contract, units=units, nominees=nominees, initiatives=initiatives, seed=1)
    out = work / "site"
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    bundle = make_bundle(CONFIG, data)
    if not bundle.ok:
        raise SystemExit(f"tier {tier}: the data has errors")
    build_site(bundle, MKDOCS, out)
    total = time.perf_counter() - start
    pages = sorted(out.rglob("*.html"), key=lambda p: p.stat().st_size)
    index = out / "search" / "search_index.json"
    mine = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "tier": tier,
        "stages": _times,
        "loader": _loader,
        "unit_pages": _pages,
        "total": total,
        "peak_main_kib": mine,
        "peak_child_kib": kids,
        "pages": len(pages),
        "largest": (pages[-1].relative_to(out).as_posix(), pages[-1].stat().st_size),
        "search_index": index.stat().st_size if index.exists() else 0,
    }


# The data's date of the cold build; a rebuild is the next day's data commit, so every page's
# date changes as it does in CI (the memos must not depend on it).
DAY = 1_764_720_000


def _run_child(tier: str, work: Path, day: int = 0) -> dict[str, Any]:
    """One build of ``tier`` in a process of its own, with the parse cache in ``work/cache``,
    the data dated ``day`` days after :data:`DAY`."""
    env = {**os.environ, "THIDUA_CACHE_DIR": str(work / "cache")}
    env["SOURCE_DATE_EPOCH"] = str(DAY + 86_400 * day)
    done = subprocess.run(
        [sys.executable, "-m", "bench.bench_build", "--child", tier, "--work", str(work)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"tier {tier} failed:\n{done.stderr[-3000:]}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def change_one_department(data: Path) -> str:
    """Edit one department's file as its staff would: one nominee's vote count, one less
    (one more when that would leave none, so that rebuilds after rebuilds stay valid data).
    The last department is an ordinary one (the first units have roles, see tools/demo.py)."""
    import openpyxl

    file = sorted((data / "de-nghi").glob("*.xlsx"))[-1]
    book = openpyxl.load_workbook(file)
    sheet = book["Cá nhân"]
    header = [c.value for c in sheet[1]]
    column = header.index("Số phiếu đồng ý") + 1
    cell = sheet.cell(row=2, column=column)
    votes = int(cell.value)
    cell.value = votes - 1 if votes > 1 else votes + 1
    book.save(file)
    return file.name


def _person_name(site: Path) -> str:
    """A nominee's name from the site's own open data (the last one: a deep search hit)."""
    with (site / "du-lieu-mo" / "ca-nhan.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    return str(rows[-1]["ho_ten"])


def _run_tier(tier: str, keep: Path | None, rebuild: bool, search: bool) -> dict[str, Any]:
    work = (keep / tier) if keep else Path(tempfile.mkdtemp(prefix=f"thidua-bench-{tier}-"))
    for stale in ("site", "cache"):  # the data of a kept tier is reused (it takes minutes)
        shutil.rmtree(work / stale, ignore_errors=True)
    work.mkdir(parents=True, exist_ok=True)
    try:
        figures = _run_child(tier, work)
        if search:
            from bench.search_latency import first_result_ms

            name = _person_name(work / "site")
            figures["search_query"] = name
            figures["search_ms"] = first_result_ms(work / "site", name)
        if rebuild and TIERS[tier] is not None:
            figures["changed"] = change_one_department(work / "data")
            figures["rebuild"] = _run_child(tier, work, day=1)
        return figures
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


def _loader_line(tier: str, ld: dict[str, float]) -> str:
    return (
        f"loader {tier}: {ld['workers']:.0f} workers, worker read {ld['read_s']:.2f} s, "
        f"normalise {ld['normalise_s']:.2f} s; cache {ld['hits']:.0f} hits, "
        f"{ld['misses']:.0f} misses"
    )


def _pages_line(tier: str, up: dict[str, int]) -> str:
    return f"department pages {tier}: {up['kept']} kept, {up['rendered']} rendered"


def _print(tiers_run: list[dict[str, Any]]) -> None:
    again = [{**r["rebuild"], "tier": r["tier"] + "+1"} for r in tiers_run if "rebuild" in r]
    results = tiers_run + again  # a rebuild's stages in a column of its own
    tiers = [r["tier"] for r in results]
    print(f"{'stage':<16}" + "".join(f"{t + ' s':>10}" for t in tiers))
    for stage in STAGES:
        print(f"{stage:<16}" + "".join(f"{r['stages'][stage]:>10.2f}" for r in results))
    other = [r["total"] - sum(r["stages"].values()) for r in results]
    print(f"{'(unattributed)':<16}" + "".join(f"{o:>10.2f}" for o in other))
    rows = [
        ("total", lambda r: f"{r['total']:.2f}"),
        ("peak main MiB", lambda r: f"{r['peak_main_kib'] / 1024:.0f}"),
        ("peak worker MiB", lambda r: f"{r['peak_child_kib'] / 1024:.0f}"),
        ("pages", lambda r: str(r["pages"])),
        ("largest KiB", lambda r: f"{r['largest'][1] / 1024:.0f}"),
        ("search idx KiB", lambda r: f"{r['search_index'] / 1024:.0f}"),
    ]
    for label, cell in rows:
        print(f"{label:<16}" + "".join(f"{cell(r):>10}" for r in results))
    for r in results:
        print(f"largest page of {r['tier']}: {r['largest'][0]}")
    for key, line in (("loader", _loader_line), ("unit_pages", _pages_line)):
        for r in results:
            for label, run in (("", r), (" (rebuild)", r.get("rebuild"))):
                if run and key in run:
                    print(f"{line(r['tier'] + label, run[key])}")
    for r in results:
        if "search_ms" in r:
            times = " ".join(f"{t:.0f}" for t in r["search_ms"])
            print(f"search {r['tier']}: first result {times} ms ({r['search_query']})")
    for r in results:
        if "rebuild" in r:
            again = r["rebuild"]["total"]
            print(
                f"rebuild {r['tier']} after changing {r['changed']}: {again:.2f} s"
                f" = {100 * again / r['total']:.0f} % of the cold build"
            )
    if len(tiers_run) > 1:
        base = tiers_run[0]
        for r in tiers_run[1:]:
            print(f"T({r['tier']})/T({base['tier']}) = {r['total'] / base['total']:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--tiers", default="S,M", help="comma-separated: S, M, L")
    parser.add_argument("--keep", type=Path, default=None, help="keep data and sites here")
    parser.add_argument(
        "--rebuild", action="store_true", help="M/L: change one department's file, build again"
    )
    parser.add_argument(
        "--search", action="store_true", help="time to the first search result in Chromium"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.child, args.work)))
        return
    results = []
    for tier in args.tiers.split(","):
        results.append(_run_tier(tier.strip(), args.keep, args.rebuild, args.search))
        print(f"tier {tier} done in {results[-1]['total']:.1f} s", file=sys.stderr)
    _print(results)


if __name__ == "__main__":
    main()
