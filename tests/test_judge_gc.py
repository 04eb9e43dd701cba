"""The judge holds the cycle collector while it makes records and outcomes (read/gc_pause.py):
at 30,000 nominees collections walking them took a third of validation and evaluation."""

from __future__ import annotations

import gc

from generator.judge import pipeline
from tests.builders.founding import CONFIG


def test_validation_evaluation_and_selection_run_with_the_collector_held(monkeypatch):
    seen: list[tuple[str, bool]] = []

    def noting(name, real):
        def run(*args):
            seen.append((name, gc.isenabled()))
            return real(*args)

        return run

    for name in ("validate", "evaluate", "select"):
        monkeypatch.setattr(pipeline, name, noting(name, getattr(pipeline, name)))
    assert gc.isenabled()
    result = pipeline.run(CONFIG)
    assert result.ok
    assert seen == [("validate", False), ("evaluate", False), ("select", False)]
    assert gc.isenabled()
