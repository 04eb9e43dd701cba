"""The founding campaign's data contract, as loaded from its config and preset
(`site_config/contracts/cchc-vpubnd-2019.yml`): the sheets tests build workbooks for."""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path

from generator.judge.config import load_config
from generator.read.columns import Contract, Kind, Sheet

ROOT = Path(__file__).resolve().parent.parent.parent
CONFIG = ROOT / "site_config" / "vpubnd-cantho-2019.yml"


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

__all__ = ["ALL_SHEETS", "CONTRACT", "DISCIPLINE_FORMS", "LAYOUT", "SOLO_CONFIG", "Kind", "Sheet"]


# --- projects to build -------------------------------------------------------------------

SAMPLE_DATA = ROOT / "data" / "vpubnd-cantho-2019"


def _write_once(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` unless it already holds it (atomic: parallel workers)."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)
    return path


def without_path(text: str) -> str:
    """The founding campaign's text without its ``path`` (pages at the site's root)."""
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith("path:")]
    return "".join(lines)


def solo_config() -> Path:
    """The founding campaign alone, without ``path``: the founding site as it always was,
    pages at the root (its URLs and golden files hold). A file beside a copy of the presets,
    in a folder named by the digest of the text and of this checkout's path (the same file
    for every test and worker of one checkout; another checkout's link never points here);
    its ``data_dir`` is the repository's, reached through a link to ``data/``."""
    text = without_path(CONFIG.read_text(encoding="utf-8"))
    digest = hashlib.sha256(f"{ROOT}\0{text}".encode()).hexdigest()[:12]
    folder = Path(tempfile.gettempdir()) / f"thidua-solo-{digest}"
    for preset in sorted((CONFIG.parent / "contracts").glob("*.yml")):
        _write_once(folder / "site_config" / "contracts" / preset.name, preset.read_text("utf-8"))
    data = folder / "data"
    if not data.exists():
        with contextlib.suppress(FileExistsError):
            data.symlink_to(ROOT / "data", target_is_directory=True)
    return _write_once(folder / "site_config" / CONFIG.name, text)


SOLO_CONFIG = solo_config()
