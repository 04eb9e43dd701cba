"""The staff guide to predicates (content/huong-dan/dieu-kien.md, issue 11 item 8): every
predicate type of ``Predicate`` has its entry and a worked example, and every example is a
valid criterion whose "Cách xét" line is exactly what the criteria page says for it.

The examples are checked against the rules-test contract of tests/builders/rules_project.py
(extra columns, a training register) with an earlier campaign ``cantho-2019``.
"""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
import yaml

from generator.judge.config import load_config
from generator.judge.rules import Predicate, words_for
from tests.builders.rules_project import Project, campaign_text, criterion

GUIDE = Path(__file__).resolve().parent.parent / "content" / "huong-dan" / "dieu-kien.md"
EXAMPLE = re.compile(r"```yaml\n(?P<yaml>.*?)```\n\n> Cách xét: (?P<said>[^\n]+)\n", re.S)


def predicate_types() -> list[str]:
    members = typing.get_args(typing.get_args(Predicate)[0])
    return [typing.get_args(m.model_fields["type"].annotation)[0] for m in members]


def sections(text: str) -> dict[str, str]:
    """Each ``### `type` …`` heading's text, up to the next heading."""
    parts = re.split(r"^#{2,3} ", text, flags=re.M)
    found = {}
    for part in parts:
        match = re.match(r"`(\w+)`", part)
        if match:
            found[match.group(1)] = part
    return found


def examples(section: str) -> list[tuple[str, dict[str, object], str]]:
    """(kind, predicate, sentence) of each example in a section."""
    found = []
    for match in EXAMPLE.finditer(section):
        block = match.group("yaml")
        kind = "collective" if block.startswith("# tập thể") else "individual"
        assert block.startswith(("# tập thể", "# cá nhân")), block
        found.append((kind, yaml.safe_load(block)["predicate"], match.group("said")))
    return found


def test_every_predicate_type_has_an_entry_with_an_example() -> None:
    found = sections(GUIDE.read_text(encoding="utf-8"))
    for name in predicate_types():
        assert name in found, f"no entry for {name} in {GUIDE.name}"
        assert any(p["type"] == name for _, p, _ in examples(found[name])), f"no example of {name}"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    made = Project(tmp_path_factory.mktemp("guide"))
    made.config("cantho-2019", campaign_text("cantho-2019", "", name="Thi đua năm 2019"))
    return made


CASES = [
    (name, n, case)
    for name, section in sections(GUIDE.read_text(encoding="utf-8")).items()
    for n, case in enumerate(examples(section))
]


@pytest.mark.parametrize(("name", "n", "case"), CASES, ids=[f"{name}-{n}" for name, n, _ in CASES])
def test_each_example_is_valid_and_says_what_the_guide_says(
    project: Project, name: str, n: int, case: tuple[str, dict[str, object], str]
) -> None:
    kind, predicate, sentence = case
    inline = yaml.safe_dump(
        predicate, allow_unicode=True, default_flow_style=True, width=10_000
    ).strip()
    item = criterion("CN1" if kind == "individual" else "TT1", inline)
    text = campaign_text(
        "thu", item if kind == "individual" else "", item if kind == "collective" else "",
        previous="cantho-2019",
    )  # fmt: skip
    config, issues = load_config(project.config("thu", text))
    assert issues == [] and config is not None, [i.message_en for i in issues]
    rules = config.criteria.individual if kind == "individual" else config.criteria.collective
    assert rules[0].predicate.describe(words_for(config, kind)) == sentence
