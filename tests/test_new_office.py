"""A new office's campaign configured from the staff guide: a staff count on the units
register for a quota ``of: staff`` needs a preset of its own, and the guide's recipe works."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from generator.judge.config import load_config

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "site_config" / "vpubnd-cantho-2019.yml"
PRESET = ROOT / "site_config" / "contracts" / "cchc-vpubnd-2019.yml"
GUIDE = ROOT / "content" / "huong-dan" / "chi-tieu.md"
FOUNDING_QUOTAS = (
    "quotas:\n  collective: {count: 3, per: office}\n  individual: {count: 2, per: department}\n"
)
STAFF_QUOTA = (
    "quotas:\n  collective: {count: 3, per: office}\n"
    "  individual: {share: 15, of: staff, column: staff_count, rounding: down, minimum: 1,"
    " per: department, min_vote_share: 70}\n"
)


def _campaign(tmp_path: Path, contract: str) -> Path:
    """The founding rules with ``contract`` and a staff-share quota, next to its presets."""
    text = CONFIG.read_text(encoding="utf-8")
    start = text.index("contract:\n")
    end = text.index("\n\n", start)
    text = text[:start] + contract + text[end:]
    assert FOUNDING_QUOTAS in text
    folder = tmp_path / "site_config"
    shutil.copytree(PRESET.parent, folder / "contracts")
    (folder / "campaign.yml").write_text(text.replace(FOUNDING_QUOTAS, STAFF_QUOTA), "utf-8")
    return folder / "campaign.yml"


def _guide_units_column() -> str:
    """The preset fragment (a yml block) the guide adds to the units sheet of a preset."""
    text = GUIDE.read_text(encoding="utf-8")
    blocks = re.findall(r"```yml\n(.*?)```", text, flags=re.S)
    return next(b for b in blocks if "key: staff_count" in b)


def test_a_units_column_in_the_campaign_says_how_to_add_it(tmp_path: Path) -> None:
    contract = (
        "contract:\n  preset: cchc-vpubnd-2019\n  columns:\n    units:\n"
        "      - {key: staff_count, header: Số cán bộ, kind: integer, required: true}"
    )
    config, issues = load_config(_campaign(tmp_path, contract))
    assert config is None
    assert [(i.code, i.column) for i in issues] == [("config-invalid", "contract.columns.units")]
    assert "site_config/contracts/" in issues[0].message
    assert "contract.preset" in issues[0].message


def test_the_guides_own_preset_recipe_gives_a_valid_staff_quota(tmp_path: Path) -> None:
    path = _campaign(tmp_path, "contract:\n  preset: cchc-ninhkieu")
    text = PRESET.read_text(encoding="utf-8").replace(
        "id: cchc-vpubnd-2019\n", "id: cchc-ninhkieu\n", 1
    )
    anchor = "      en: units are listed by name instead of their set order\n"
    assert anchor in text
    text = text.replace(anchor, anchor + _guide_units_column(), 1)
    (path.parent / "contracts" / "cchc-ninhkieu.yml").write_text(text, encoding="utf-8")
    config, issues = load_config(path)
    assert issues == []
    assert config is not None
