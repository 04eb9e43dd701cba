"""The read-only context a predicate says itself with (``describe(words)``): column headers
from the contract, rating labels, deadline labels, register and campaign names.

The criteria page builds one per kind of subject with :func:`words_for`; a predicate never
names a header, a rating or a campaign the config did not give it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from generator.read.columns import Column, Contract, Kind, Rating

if TYPE_CHECKING:  # the config imports the rules; only its type is needed here
    from generator.judge.config import Config


@dataclass(frozen=True)
class Words:
    """Columns (header, kind) by sheet id and key, ratings (best first), deadline labels by
    id, sheet names by id, campaign names by id, the ``previous`` chain, and the subjects'
    sheet."""

    columns: Mapping[str, Mapping[str, Column]] = field(default_factory=dict)
    sheet: str = "nominees"
    ratings: tuple[Rating, ...] = ()
    deadlines: Mapping[str, str] = field(default_factory=dict)
    sheet_names: Mapping[str, str] = field(default_factory=dict)
    campaigns: Mapping[str, str] = field(default_factory=dict)
    chain: tuple[str, ...] = ()

    def header(self, key: str, sheet: str | None = None) -> str:
        """The header of a column (of the subjects' sheet unless ``sheet``), else the key."""
        col = self.columns.get(sheet or self.sheet, {}).get(key)
        return col.header if col is not None else key

    def kind(self, key: str, sheet: str | None = None) -> Kind:
        """The kind of a column (text when it is not declared)."""
        col = self.columns.get(sheet or self.sheet, {}).get(key)
        return col.kind if col is not None else Kind.TEXT

    def rating(self, code: str) -> str:
        """The label of a rating code, else the code."""
        return next((label for c, label in self.ratings if c == code), code)

    def campaign(self, campaign_id: str) -> str:
        """A campaign's name and id, e.g. “Thi đua 2019” (cantho-2019)."""
        name = self.campaigns.get(campaign_id)
        return f"“{name}” ({campaign_id})" if name else campaign_id

    def register(self, sheet_id: str) -> str:
        """A register's sheet name as the workbook writes it, else its id."""
        return self.sheet_names.get(sheet_id, sheet_id)

    def for_sheet(self, sheet: str) -> Words:
        """The same words for subjects of another sheet."""
        return replace(self, sheet=sheet)


def contract_words(contract: Contract, sheet: str) -> Words:
    """The words a contract gives: headers, sheet names, ratings."""
    return Words(
        columns={s.id: {c.key: c for c in s.columns} for s in contract.sheets},
        sheet=sheet,
        ratings=contract.ratings,
        sheet_names={s.id: s.name for s in contract.sheets},
    )


def words_for(config: Config, kind: str) -> Words:
    """The words of a campaign for its ``kind`` of subjects ("individual", "collective")."""
    sheet = "nominees" if kind == "individual" else "submission"
    return replace(
        contract_words(config.data_contract, sheet),
        deadlines={d.id: d.label for d in config.deadlines},
        campaigns=config.campaign_names,
        chain=config.previous_chain,
    )
