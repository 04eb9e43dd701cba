"""Config errors of award routes, quotas and ranking keys: each at its key and line, all at
once, before any spreadsheet is read (issue 11 items 3, 4 and 9).

Each campaign file is the founding one with everything from ``quotas:`` on replaced by the
text below; a line is written as an offset from that ``quotas:`` line (``+0``), so the
expected lists are read off the text by hand.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.judge.config import load_config
from tests.builders.ranked import FOUNDING, PRESETS

# The shapes alone are wrong: pydantic's checks (the file never reaches the route checks).
SHAPES = """\
quotas:
  collective: {share: 20, of: proposed, rounding: down, per: office, min_vote_share: 50}
  individual: {count: 2, share: 10, per: department}
ranking:
  collective: [{column: cchc_index}]
  individual: [vote_shares, {key: vote_share, direction: asc}, {count: CN2, column: x, direction: desc}]
awards:
  - id: giay-khen
    name: Giấy khen
    issuer: Chánh Văn phòng UBND thành phố
    quota:
      collective: {share: 0, of: units, rounding: up, per: office}
      individual: {count: 0, per: office}
  - id: bang-khen
    name: Bằng khen
    issuer: Chủ tịch UBND thành phố
    proposal: true
    quota:
      collective: {share: 20, per: unit_kind}
      individual: {share: 20, of: proposed, rounding: sideways, column: staff, per: office}
"""
SHAPE_ISSUES = [
    ("config-invalid", "quotas.collective.min_vote_share", 1),
    ("config-invalid", "quotas.individual", 2),  # count and share
    ("config-invalid", "ranking.collective.0.direction", 4),
    ("config-invalid", "ranking.individual.0", 5),  # no such named key
    ("config-invalid", "ranking.individual.1.direction", 5),  # a named key has no direction
    ("config-invalid", "ranking.individual.2", 5),  # count and column
    ("config-quota-impossible", "awards.0.quota.collective.share", 11),
    ("config-quota-impossible", "awards.0.quota.individual.count", 12),
    ("config-invalid", "awards.1.quota.collective.of", 18),
    ("config-invalid", "awards.1.quota.collective.rounding", 18),
    ("config-invalid", "awards.1.quota.individual.rounding", 19),  # not a rounding
]

# Well-formed, but wrong against the rest of the file and the contract.
ROUTES = """\
quotas:
  collective: {share: 20, of: units, rounding: down, per: department}
  individual: {share: 10, of: staff, column: order, rounding: up, per: department}
ranking:
  collective: [{column: cchc_index, direction: desc}]
  individual:
    - vote_share
    - {count: CN1, direction: desc}
    - {count: CN9, direction: asc}
    - {column: name, direction: desc}
awards:
  - id: giay-khen
    name: Giấy khen
    issuer: Chánh Văn phòng UBND thành phố
    criteria: {collective: [TT1], individual: [CN1, CN7]}
    builds_on: bang-khen
  - id: bang-khen
    name: Bằng khen
    issuer: Chủ tịch UBND thành phố
    proposal: true
    builds_on: giay-khen
    ranking:
      collective: [{count: TT2, direction: desc}]
      individual: [{column: votes_for, direction: desc}]
"""
ROUTE_ISSUES = [
    # a share of one unit (per department), 20 % rounded down, no minimum: always 0
    ("config-quota-impossible", "quotas.collective.share", 1),
    ("config-invalid", "quotas.individual.column", 2),  # 'order' is optional
    ("config-invalid", "ranking.collective.0.column", 4),  # not declared
    ("config-invalid", "ranking.individual.1.count", 7),  # CN1 (all_of) counts nothing
    ("config-unknown-reference", "ranking.individual.2.count", 8),
    ("config-invalid", "ranking.individual.3.column", 9),  # 'name' is text
    ("config-unknown-reference", "awards.0.criteria.individual.1", 14),  # CN7
    ("config-invalid", "awards.0.builds_on", 15),  # giay-khen → bang-khen → giay-khen
    ("config-invalid", "awards.1.builds_on", 20),
    ("config-invalid", "awards.1.ranking.individual.0.column", 23),  # votes_for is optional
]


def _campaign(tmp_path: Path, tail: str) -> tuple[Path, int]:
    """The campaign file and the line of its ``quotas:``."""
    text = FOUNDING.read_text(encoding="utf-8")
    start = text.index("\nquotas:\n") + 1
    folder = tmp_path / "site_config"
    shutil.copytree(PRESETS, folder / "contracts")
    path = folder / "campaign.yml"
    path.write_text(text[:start] + tail, encoding="utf-8")
    return path, text[:start].count("\n") + 1


@pytest.mark.parametrize(("tail", "expected"), [(SHAPES, SHAPE_ISSUES), (ROUTES, ROUTE_ISSUES)])
def test_every_problem_at_its_key_and_line(tmp_path: Path, tail: str, expected) -> None:
    path, base = _campaign(tmp_path, tail)
    config, issues = load_config(path)
    assert config is None
    got = sorted((i.code, i.column, (i.row or 0) - base) for i in issues)
    assert got == sorted(expected)
    assert all(i.file == str(path) and i.severity == "error" for i in issues)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # routes on one award only
        ("    criteria: {collective: [TT1], individual: [CN1]}\n  - id: bang-khen\n",
         "  - id: bang-khen\n", ("config-invalid", "awards.0", 7)),
        # builds_on an award that does not exist
        ("    builds_on: giay-khen\n", "    builds_on: giay\n",
         ("config-unknown-reference", "awards.1.builds_on", 16)),
        # builds_on itself
        ("    builds_on: giay-khen\n", "    builds_on: bang-khen\n",
         ("config-invalid", "awards.1.builds_on", 16)),
        # a share of staff on a column the units register does not declare
        ("  individual: {count: 2, per: department}\n",
         "  individual: {share: 10, of: staff, column: staff, rounding: up, per: department}\n",
         ("config-invalid", "quotas.individual.column", 2)),
    ],
)  # fmt: skip
def test_one_route_problem(tmp_path: Path, old: str, new: str, expected) -> None:
    tail = """\
quotas:
  collective: {count: 3, per: office}
  individual: {count: 2, per: department}
ranking:
  collective: [recognised_initiatives]
  individual: [vote_share, recognised_initiatives]
awards:
  - id: giay-khen
    name: Giấy khen
    issuer: Chánh Văn phòng UBND thành phố
    criteria: {collective: [TT1], individual: [CN1]}
  - id: bang-khen
    name: Bằng khen
    issuer: Chủ tịch UBND thành phố
    proposal: true
    criteria: {collective: [TT2], individual: [CN2]}
    builds_on: giay-khen
"""
    path, base = _campaign(tmp_path, tail)
    assert load_config(path)[1] == []  # the file as written is fine
    assert old in tail
    path, base = _campaign(tmp_path / "broken", tail.replace(old, new, 1))
    config, issues = load_config(path)
    assert config is None
    assert [(i.code, i.column, (i.row or 0) - base) for i in issues] == [expected]
    assert issues[0].message.startswith("Tệp cấu hình campaign.yml, dòng ")
