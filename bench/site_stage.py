"""Benchmark: the site stage alone (views, open data, render) on a judged campaign kept on disk.

The core (read, validate, evaluate, select) runs once and its `Result` is pickled; each timed
run then loads it and times `projection.build_views`, `open_data.export_open_data` and
`pages.registry.render_pages` (what `make_bundle` calls after the core), so runs of the site
stage can be paired without minutes of reading each time (``fork`` times the export and the
rendering together, `parallel.pages_and_downloads` with the fork forced). Run by hand, never in the tests:

    .venv/bin/python bench/site_stage.py judge DATA_DIR RESULT.pkl     # once per tier
    .venv/bin/python bench/site_stage.py time RESULT.pkl                # one line of seconds
    .venv/bin/python bench/site_stage.py fork RESULT.pkl                # the same, forked
    .venv/bin/python bench/site_stage.py dump RESULT.pkl OUT            # every page and file
    .venv/bin/python bench/site_stage.py profile RESULT.pkl             # cProfile, top functions

To compare with an earlier commit's code, extract its `generator/` (`git archive REV generator |
tar -x -C DIR`) and run the same command with `PYTHONPATH=DIR` (run as a script, not with
``-m``, which would put this checkout first on the path; the code used is printed on stderr),
alternating the two, several times each; compare dumps with
`python -m tests.bundle_compare diff A B`. The campaign file is
site_config/vpubnd-cantho-2019.yml and SOURCE_DATE_EPOCH 01/01/2020 unless set.
"""

from __future__ import annotations

import cProfile
import os
import pickle
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

CONFIG = Path("site_config/vpubnd-cantho-2019.yml")


def _judge(data: Path, out: Path) -> None:
    from generator.judge.pipeline import run

    result = run(CONFIG, data)
    assert result.ok, [i.code for i in result.issues[:5]]
    sys.setrecursionlimit(100_000)
    out.write_bytes(pickle.dumps(result))


def _stage(
    result_path: Path, profile: cProfile.Profile | None, forked: bool = False
) -> tuple[dict[str, float], Any]:
    from generator.read.dates import data_epoch, local_day
    from generator.site.open_data.export import export_open_data
    from generator.site.pages.registry import render_pages
    from generator.site.parallel import pages_and_downloads
    from generator.site.projection import build_views

    sys.setrecursionlimit(100_000)
    r = pickle.loads(result_path.read_bytes())
    updated = local_day(data_epoch(r.data_dir), r.config.campaign.time_zone)
    seconds: dict[str, float] = {}

    def step(name: str, work: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        if profile:
            profile.enable()
        value = work()
        if profile:
            profile.disable()
        seconds[name] = time.perf_counter() - start
        return value

    view = step("views", lambda: build_views(r.config, r.dataset, r.outcomes, updated))
    if forked:
        pages, files = step("open_data+render", lambda: pages_and_downloads(view, parallel=True))
        return seconds, (pages, files)
    files = step("open_data", lambda: export_open_data(view))
    pages = step("render", lambda: render_pages(view, files, ""))
    return seconds, (pages, files)


def main(argv: list[str]) -> int:
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1577836800")
    command, *args = argv or ["help"]
    if command == "judge":
        _judge(Path(args[0]), Path(args[1]))
        return 0
    if command not in ("time", "fork", "dump", "profile"):
        print(__doc__)
        return 2
    profile = cProfile.Profile() if command == "profile" else None
    import generator

    print("code:", generator.__file__, file=sys.stderr)
    seconds, (pages, files) = _stage(Path(args[0]), profile, command == "fork")
    print(" ".join(f"{k}={v:.3f}" for k, v in seconds.items()), flush=True)
    if profile:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
    if command == "dump":
        out = Path(args[1])
        for kind, items in (("pages", {p: t.encode() for p, t in pages.items()}), ("files", files)):
            for path, data in items.items():
                target = out / kind / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
