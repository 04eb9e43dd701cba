"""`thidua new-campaign`: a new campaign file and its data folder, never over anything.

From the blank skeleton (:mod:`.skeleton`, a preset of ``site_config/contracts/``) or
copied from an existing campaign (``--from``; the text moved by :mod:`.move`, line for line
and comments kept: the id, data folder, dates, the years of its own wording, its references
to earlier campaigns and the series keys ``path``, ``current``, ``previous`` changed). The
data folder gets a blank workbook for every register of the contract (the units register
filled from the copied campaign), an empty department folder and a README saying what to do
next. The new file must load: otherwise nothing is kept.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from generator.judge.config import Config, load_config
from generator.judge.contract import ContractChoice, resolve_contract
from generator.judge.model import Unit
from generator.read.columns import Contract
from generator.read.issues import Issue
from generator.read.text import slug
from generator.tools.blank import write_registers
from generator.tools.move import Move, impossible, moved_text
from generator.tools.skeleton import DATA_README, SKELETON

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_ID = 60


class ScaffoldError(Exception):
    """The campaign cannot be scaffolded; ``issues`` are config problems behind it."""

    def __init__(self, message: str, issues: list[Issue] | None = None) -> None:
        super().__init__(message)
        self.issues = issues or []


@dataclass
class Scaffold:
    """What was written, and what a person must still look at."""

    config: Path
    data_dir: Path
    written: list[Path] = field(default_factory=list)
    review: list[str] = field(default_factory=list)


def check_id(campaign_id: str) -> None:
    """Refuse an id that cannot be a file stem, a data folder and a URL folder."""
    if not ID.match(campaign_id) or len(campaign_id) > MAX_ID:
        raise ScaffoldError(
            f"Mã phong trào “{campaign_id}” không hợp lệ: chỉ dùng chữ thường không dấu, chữ số "
            f"và dấu gạch nối, tối đa {MAX_ID} ký tự (ví dụ cantho-2021). "
            f"(Invalid campaign id '{campaign_id}': lowercase letters, digits and hyphens.)"
        )


def year_of(campaign_id: str) -> int | None:
    """The year an id ends with (``cantho-2021`` → 2021), if any."""
    found = re.search(r"(?:^|-)((?:19|20)\d\d)$", campaign_id)
    return int(found.group(1)) if found else None


def new_campaign(
    root: Path,
    campaign_id: str,
    source_id: str | None = None,
    preset: str | None = None,
    year: int | None = None,
) -> Scaffold:
    """Write ``site_config/<id>.yml`` and ``data/<id>/`` under the repository ``root``."""
    check_id(campaign_id)
    site_config = root / "site_config"
    target = Scaffold(site_config / f"{campaign_id}.yml", root / "data" / campaign_id)
    for path in (target.config, target.data_dir):
        if path.exists():
            raise ScaffoldError(
                f"Đã có {_rel(path, root)}: không ghi đè. (Refusing to overwrite {path}.)"
            )
    year = year or year_of(campaign_id)
    units: list[Unit] = []
    if source_id is not None:
        text, units, target.review = _copied(site_config, source_id, campaign_id, year)
    else:
        text = _skeleton(site_config, campaign_id, preset, year)
        target.review = _current_note()
    target.config.write_text(text, encoding="utf-8")
    config, issues = load_config(target.config)
    if config is None:
        target.config.unlink()
        raise ScaffoldError("Tệp cấu hình mới không hợp lệ; không ghi gì.", issues)
    try:
        target.written = [target.config, *_data_folder(config, target.data_dir, units)]
    except OSError as exc:
        target.config.unlink()
        shutil.rmtree(target.data_dir, ignore_errors=True)
        raise ScaffoldError(f"Không ghi được thư mục dữ liệu: {exc}") from exc
    return target


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


# --------------------------------------------------------------------------- skeleton
def _skeleton(site_config: Path, campaign_id: str, preset: str | None, year: int | None) -> str:
    if year is None:
        raise ScaffoldError(
            f"Không biết năm của phong trào “{campaign_id}”: hãy đặt mã kết thúc bằng năm "
            "(ví dụ …-2021) hoặc ghi --year. (Give a year: an id ending in -YYYY or --year.)"
        )
    name = preset or _only_preset(site_config)
    contract = _contract(site_config, name)
    keys = Config.model_fields
    extra = "".join(
        line
        for key, line in (
            ("path", f"path: {campaign_id}  # the URL folder of this campaign's pages\n"),
            ("current", "current: false  # true on the one campaign the home page shows\n"),
        )
        if key in keys
    )
    return SKELETON.format(
        id=campaign_id,
        year=year,
        preset=name,
        extra_keys=extra,
        fields=_fields(contract),
        awards=_awards(contract),
    )


def _only_preset(site_config: Path) -> str:
    names = sorted(p.stem for p in (site_config / "contracts").glob("*.yml"))
    if len(names) != 1:
        listed = ", ".join(names) or "không có"
        raise ScaffoldError(
            f"Hãy chọn bộ mẫu dữ liệu bằng --preset (có: {listed}). "
            f"(Choose a preset with --preset: {listed}.)"
        )
    return names[0]


def _contract(site_config: Path, preset: str) -> Contract:
    path = site_config / "new-campaign.yml"  # only names the folder the presets are in
    try:
        choice = ContractChoice(preset=preset)
    except ValueError as exc:
        raise ScaffoldError(f"Tên bộ mẫu dữ liệu “{preset}” không hợp lệ.") from exc
    contract, issues = resolve_contract(path, choice)
    if contract is None:
        raise ScaffoldError(f"Không dùng được bộ mẫu dữ liệu “{preset}”.", issues)
    return contract


def _fields(contract: Contract) -> str:
    values = contract.sheet("initiatives").column("field").choices
    return "".join(
        f"  - id: {n}\n    name: {v}\n    register_value: {_quoted(v)}\n"
        f"    description: Nội dung của lĩnh vực (sửa lại).\n"
        for n, v in enumerate(values, start=1)
    )


def _awards(contract: Contract) -> str:
    council = contract.sheet("council").column("form").choices
    lines = []
    for form in contract.sheet("nominees").column("proposal").choices:
        proposal = f"Đề nghị {form}" in council
        lines.append(
            f"  - id: {slug(form)}\n    name: {form}\n    issuer: Người có thẩm quyền khen thưởng "
            f"(sửa lại)\n"
            + ("    proposal: true  # the office only proposes it\n" if proposal else "")
        )
    return "".join(lines)


def _quoted(value: str) -> str:
    return yaml.safe_dump(value, allow_unicode=True, width=1000).removesuffix("\n...\n").strip()


# --------------------------------------------------------------------------- --from
def _copied(
    site_config: Path, source_id: str, campaign_id: str, year: int | None
) -> tuple[str, list[Unit], list[str]]:
    check_id(source_id)
    source = site_config / f"{source_id}.yml"
    if not source.is_file():
        raise ScaffoldError(
            f"Không có phong trào “{source_id}” (không tìm thấy site_config/{source_id}.yml)."
        )
    config, issues = load_config(source)
    if config is None:
        raise ScaffoldError(f"Tệp cấu hình {source.name} còn lỗi; hãy sửa trước.", issues)
    move = Move(
        source_id,
        campaign_id,
        0 if year is None else year - config.period.start.year,
        config.period.end,
        frozenset(p.stem for p in site_config.glob("*.yml")),
    )
    text, review = moved_text(source.read_text(encoding="utf-8"), move)
    text = _series_keys(text, config, campaign_id, source_id, move.shift)
    if config.campaign.plan_page:  # the source's plan page is not the copy's
        text = re.sub(r"^  plan_page:.*\n", "", text, count=1, flags=re.MULTILINE)
        review.append("campaign.plan_page: đã xóa (trang kế hoạch của bản cũ)")
    return text, _units(source), [*_review(config, move.shift), *review, *_current_note()]


def _units(source: Path) -> list[Unit]:
    from generator.judge.pipeline import run

    return list(run(source).dataset.units)


def _review(config: Config, shift: int) -> list[str]:
    notes = [
        "campaign.document_number: số kế hoạch mới",
        "campaign.legal_basis: các văn bản căn cứ (giữ nguyên như bản cũ)",
    ]
    if config.period.note and impossible(config.period.end_as_written):
        notes.append("period.note: đã xóa ghi chú về ngày kết thúc của bản cũ")
    if shift == 0:
        notes.append("các ngày tháng: giữ nguyên như bản cũ (cùng năm)")
    return notes


def _series_keys(text: str, config: Config, campaign_id: str, source_id: str, shift: int) -> str:
    """The series keys the copy lacks, when the config knows them: its own ``path`` (two
    campaigns cannot share the site's root) and, copied from an earlier year, ``previous``
    naming the source (a key the source had was moved by the edits)."""
    known = Config.model_fields
    lines = []
    if "path" in known and getattr(config, "path", None) is None:
        lines.append(f"path: {campaign_id}  # the URL folder of this campaign's pages\n")
    if "previous" in known and shift > 0 and getattr(config, "previous", None) is None:
        lines.append(f"previous: {source_id}  # the campaign before this one in the series\n")
    found = re.search(r"^data_dir:.*\n", text, flags=re.MULTILINE)
    at = found.end() if found else 0
    return text[:at] + "".join(lines) + text[at:]


def _current_note() -> list[str]:
    """A repository of several campaigns shows one on its home page: say which is it."""
    if "current" not in Config.model_fields:
        return []
    return ["current: phong trào mới chưa là phong trào hiện hành; khi công bố, đặt "
            "current: true ở tệp này và bỏ ở phong trào cũ"]  # fmt: skip


# --------------------------------------------------------------------------- data folder
def _data_folder(config: Config, data_dir: Path, units: list[Unit]) -> list[Path]:
    layout = config.data_contract.layout
    written = write_registers(config, data_dir, units)
    folder = data_dir / layout.department_folder
    folder.mkdir(parents=True, exist_ok=True)
    keep = folder / "README.md"  # a folder git keeps; Markdown is never read as data
    keep.write_text(
        "Hồ sơ đề nghị của các đơn vị: mỗi đơn vị một tệp `<Mã đơn vị>.xlsx`.\n"
        "(One workbook per unit, named after its code.)\n",
        encoding="utf-8",
    )
    readme = data_dir / "README.md"
    units_stem = next(stem for stem, sheet, _ in layout.registers if sheet.id == "units")
    readme.write_text(
        DATA_README.format(
            id=config.id,
            registers=", ".join(f"`{p.name}`" for p in written),
            units=units_stem,
            folder=layout.department_folder,
        ),
        encoding="utf-8",
    )
    return [*written, keep, readme]
