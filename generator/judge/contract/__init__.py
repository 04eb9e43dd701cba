"""The data contract as configuration: a preset file (``site_config/contracts/``) declares
the sheets, columns and file layout; a campaign names its preset and may add columns.

One declaration serves the reader (header matching, parsing), the validator (required,
unique), the templates command (drop-down lists) and the data dictionary of the open data.
:mod:`.spec` is the file format, :mod:`.resolve` builds the ``read.columns`` declarations.
"""

from __future__ import annotations

from generator.judge.contract.resolve import load_preset, preset_path, resolve_contract
from generator.judge.contract.spec import ContractChoice, PresetSpec
from generator.read.columns import Column, Contract, FileLayout, Kind, Sheet

__all__ = [
    "Column",
    "Contract",
    "ContractChoice",
    "FileLayout",
    "Kind",
    "PresetSpec",
    "Sheet",
    "load_preset",
    "preset_path",
    "resolve_contract",
]
