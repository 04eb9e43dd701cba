"""The founding campaign's data contract, as loaded from its config and preset
(`site_config/contracts/cchc-vpubnd-2019.yml`): the sheets tests build workbooks for."""

from __future__ import annotations

from pathlib import Path

from generator.judge.config import load_config
from generator.read.columns import Contract, Kind, Sheet

ROOT = Path(__file__).resolve().parent.parent.parent
CONFIG = ROOT / "site_config" / "campaign.yml"


def founding_contract() -> Contract:
    config, issues = load_config(CONFIG)
    assert config is not None, issues
    return config.data_contract


CONTRACT = founding_contract()
ALL_SHEETS: tuple[Sheet, ...] = CONTRACT.sheets
UNITS, INITIATIVES, DISCIPLINE, SUBMISSION, NOMINEES, COUNCIL = (
    CONTRACT.sheet(i)
    for i in ("units", "initiatives", "discipline", "submission", "nominees", "council")
)
DISCIPLINE_FORMS = DISCIPLINE.column("form").choices
LAYOUT = CONTRACT.layout

__all__ = ["ALL_SHEETS", "CONTRACT", "DISCIPLINE_FORMS", "LAYOUT", "Kind", "Sheet"]
