"""The whole core in one call: config → load → normalise → validate → evaluate → select."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.judge.config import Config, load_config
from generator.judge.evaluate import evaluate
from generator.judge.model import Dataset, Outcome
from generator.judge.select import select
from generator.judge.validate.driver import validate
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

    @property
    def ok(self) -> bool:
        return self.config is not None and not has_errors(self.issues)


def run(config_path: Path, data_dir: Path | None = None, loader: Loader | None = None) -> Result:
    """Run every stage up to selection. ``data_dir`` defaults to the config's ``data_dir``,
    resolved against the repository (the parent of the config's folder)."""
    config, problems = load_config(config_path)
    if config is None:
        return Result(None, data_dir, issues=problems)
    if data_dir is None:
        data_dir = config_path.resolve().parent.parent / config.data_dir
    validation = validate(data_dir, config, loader)
    outcomes = evaluate(config, validation.dataset)
    notices = select(config, validation.dataset, outcomes)
    return Result(config, data_dir, validation.dataset, outcomes, validation.issues + notices)
