"""Benchmark: how validation and the site build scale with the size of a campaign.

Writes synthetic campaigns (``tests.builders.mini``) of growing size, then times, in one run:
the core (load → select), the bundle (views, pages, downloads) and ``mkdocs build --strict``.
Prints times and the ratio to the smallest size: the machines are shared and noisy, so read
the ratios, not the absolute seconds.

    .venv/bin/python -m bench.bench_build [--sizes 2,10,40] [--people 10]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generator.pipeline import run
from generator.site import make_bundle
from tests.builders.mini import Mini, nominee, submission

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "site_config" / "campaign.yml"


def campaign(units: int, people: int) -> Mini:
    mini = Mini()
    mini.units = [
        {
            "Mã đơn vị": f"U{u:03d}",
            "Tên đơn vị": f"Phòng số {u}",
            "Loại đơn vị": "Phòng",
            "Thứ tự": u,
        }
        for u in range(units)
    ]
    mini.submissions = {f"U{u:03d}": [submission(f"U{u:03d}")] for u in range(units)}
    mini.nominees = {
        f"U{u:03d}": [
            nominee(f"C{u:03d}{p:03d}", f"Nguyễn Văn Người {u} {p}", 5 + p % 5)
            for p in range(people)
        ]
        for u in range(units)
    }
    mini.initiatives = [
        {**mini.initiatives[1], "Mã sáng kiến": f"SK{u}", "Mã đơn vị": f"U{u:03d}"}
        for u in range(units)
    ]
    return mini


def timed(action) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def measure(units: int, people: int, work: Path) -> dict[str, float]:
    data = campaign(units, people).write(work / "data")
    core = timed(lambda: run(CONFIG, data))
    bundle = timed(lambda: make_bundle(CONFIG, data))
    out = work / "site"
    build = timed(
        lambda: subprocess.run(
            [sys.executable, "-m", "generator", "build", "--data", str(data), "--out", str(out)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
    )
    pages = sum(1 for _ in out.rglob("*.html"))
    return {
        "rows": units * (people + 1),
        "pages": pages,
        "core": core,
        "bundle": bundle,
        "build": build,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2,10,40", help="numbers of departments")
    parser.add_argument("--people", type=int, default=10, help="nominees per department")
    args = parser.parse_args()
    results = []
    for units in (int(s) for s in args.sizes.split(",")):
        work = Path(tempfile.mkdtemp(prefix="thidua-bench-"))
        try:
            results.append((units, measure(units, args.people, work)))
        finally:
            shutil.rmtree(work, ignore_errors=True)
    base = results[0][1]
    print(
        f"{'units':>6} {'rows':>6} {'pages':>6} {'core s':>8} {'bundle s':>9} {'build s':>8}  ratios (core/bundle/build, rows)"
    )
    for units, r in results:
        ratios = "/".join(f"{r[k] / base[k]:.1f}" for k in ("core", "bundle", "build"))
        print(
            f"{units:>6} {r['rows']:>6.0f} {r['pages']:>6.0f} {r['core']:>8.2f} {r['bundle']:>9.2f} {r['build']:>8.2f}  {ratios}, {r['rows'] / base['rows']:.0f}x"
        )


if __name__ == "__main__":
    main()
