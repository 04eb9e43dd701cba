"""The whole core in one call: config → load → normalise → validate → evaluate → select.

A campaign whose rules look back to earlier ones (``lookback``, ``count_rows.campaigns``)
runs each of those first, once per file (:class:`Runs`, shared by every campaign of one
build), and evaluates with their data and results.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.judge.config import Config, load_config
from generator.judge.evaluate import evaluate
from generator.judge.facts import PastCampaign
from generator.judge.model import Dataset, Outcome
from generator.judge.select import select
from generator.judge.validate.driver import validate
from generator.read.gc_pause import cycle_collection_held
from generator.read.issues import Issue, has_errors
from generator.read.load import Loader


@dataclass
class Result:
    """What the core decided, and every problem found on the way."""

    config: Config | None
    data_dir: Path | None
    dataset: Dataset = field(default_factory=Dataset)
    outcomes: list[Outcome] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    # The earlier campaigns its rules read, by id (their own results).
    earlier: dict[str, Result] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.config is not None and not has_errors(self.issues)


@dataclass
class Runs:
    """The campaigns already run in one build, by config file (each is run once)."""

    done: dict[Path, Result] = field(default_factory=dict)

    def get(self, config_path: Path, loader: Loader | None) -> Result:
        key = config_path.resolve()
        if key not in self.done:
            self.done[key] = run(config_path, loader=loader, runs=self)
        return self.done[key]


def run(
    config_path: Path,
    data_dir: Path | None = None,
    loader: Loader | None = None,
    runs: Runs | None = None,
) -> Result:
    """Run every stage up to selection. ``data_dir`` defaults to the config's ``data_dir``,
    resolved against the repository (the parent of the config's folder); ``runs`` keeps the
    earlier campaigns already run (one build shares it)."""
    config, problems = load_config(config_path)
    if config is None:
        return Result(None, data_dir, issues=problems)
    if data_dir is None:
        data_dir = config_path.resolve().parent.parent / config.data_dir
    shared = runs if runs is not None else Runs()
    earlier = {cid: shared.get(file, loader) for cid, file in config.earlier_campaigns.items()}
    with cycle_collection_held():  # records and outcomes: many objects, no cycles (gc_pause)
        validation = validate(data_dir, config, loader)
        outcomes = evaluate(config, validation.dataset, _pasts(earlier))
        notices = select(config, validation.dataset, outcomes)
    issues = (
        validation.issues
        + notices
        + [_earlier_errors(c, r) for c, r in earlier.items() if not r.ok]
    )
    return Result(config, data_dir, validation.dataset, outcomes, issues, earlier)


def _pasts(results: dict[str, Result]) -> dict[str, PastCampaign]:
    """The earlier campaigns as look-backs read them (each with its own earlier ones)."""
    return {
        cid: PastCampaign(r.config, r.dataset, r.outcomes, _pasts(r.earlier))
        for cid, r in results.items()
        if r.config is not None
    }


def _earlier_errors(campaign_id: str, result: Result) -> Issue:
    errors = sum(1 for i in result.issues if i.is_error)
    return Issue(
        "lookback-data-errors",
        "warning",
        f"Dữ liệu của đợt thi đua “{campaign_id}” (được đối chiếu) có {errors} lỗi: các dòng "
        "bị loại ở đợt đó không được tính. Chạy `thidua validate` cho đợt đó để xem chi tiết.",
        f"The data of campaign '{campaign_id}' (looked back to) has {errors} error(s): its "
        "rejected rows are not counted. Validate that campaign for details.",
    )
