"""Publication history (/cap-nhat/): what each data commit changed for the public.

For each commit that touched the data folder (newest first), the campaign as it stood then
is run through the core and compared with the commit before: nominees added or removed,
statuses changed, Council results arriving. This module is an edge (it asks git); it returns
plain values. Without git history it returns ``None`` and the page says so.
"""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .load import Loader
from .model import STATUS_LABELS, Status
from .pipeline import run

MAX_COMMITS = 60


@dataclass(frozen=True)
class Snapshot:
    ok: bool
    people: dict[str, tuple[str, str, str]]  # staff code → (name, unit, status)
    collectives: dict[str, str]  # unit → status
    council: bool


@dataclass
class Change:
    date: dt.date
    summary: str  # commit subject line
    ok: bool
    lines: list[str] = field(default_factory=list)  # Vietnamese, public facts only


def publication_history(config_path: Path, data_dir: Path) -> list[Change] | None:
    """Changes newest first, or None when the data folder has no git history."""
    commits = _commits(data_dir)
    if not commits:
        return None
    top = _git(data_dir, "rev-parse", "--show-toplevel").strip()
    rel = data_dir.resolve().relative_to(Path(top).resolve()).as_posix()
    snapshots: list[tuple[str, dt.date, str, Snapshot]] = []
    with Loader() as loader, tempfile.TemporaryDirectory() as tmp:
        for sha, date, subject in reversed(commits):
            folder = _extract(Path(top), sha, rel, Path(tmp) / sha)
            snapshots.append((sha, date, subject, _snapshot(config_path, folder, loader)))
    changes = []
    previous = Snapshot(True, {}, {}, False)
    for _, date, subject, snap in snapshots:
        changes.append(Change(date, subject, snap.ok, _diff(previous, snap) if snap.ok else []))
        if snap.ok:
            previous = snap
    return list(reversed(changes))


def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=60, check=False)
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else ""


def _commits(data_dir: Path) -> list[tuple[str, dt.date, str]]:
    if not data_dir.is_dir():
        return []
    out = _git(data_dir, "log", f"-{MAX_COMMITS}", "--format=%H%x09%cs%x09%s", "--", ".")
    commits = []
    for line in out.splitlines():
        sha, date, subject = line.split("\t", 2)
        commits.append((sha, dt.date.fromisoformat(date), subject))
    return commits


def _extract(top: Path, sha: str, rel: str, dest: Path) -> Path:
    archive = subprocess.run(
        ["git", "archive", "--format=tar", sha, "--", rel],
        cwd=top,
        capture_output=True,
        timeout=120,
        check=False,
    ).stdout
    dest.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")
    return dest / rel


def _snapshot(config_path: Path, folder: Path, loader: Loader) -> Snapshot:
    result = run(config_path, folder, loader)
    if not result.ok:
        return Snapshot(False, {}, {}, False)
    names = {n.staff_code: (n.name, n.unit) for n in result.dataset.nominees}
    people = {
        o.key: (*names[o.key], o.status.value) for o in result.outcomes if o.kind == "individual"
    }
    collectives = {o.key: o.status.value for o in result.outcomes if o.kind == "collective"}
    return Snapshot(True, people, collectives, result.dataset.council is not None)


def _label(status: str) -> str:
    return STATUS_LABELS[Status(status)]


def _diff(old: Snapshot, new: Snapshot) -> list[str]:
    lines = []
    if new.council and not old.council:
        lines.append("Có kết quả của Hội đồng Thi đua – Khen thưởng.")
    added = [new.people[k] for k in new.people if k not in old.people]
    removed = [old.people[k] for k in old.people if k not in new.people]
    if added:
        lines.append(f"Thêm {len(added)} cá nhân được đề nghị: {_names(added)}.")
    if removed:
        lines.append(f"Bớt {len(removed)} cá nhân: {_names(removed)}.")
    for key, (name, unit, status) in sorted(new.people.items(), key=lambda kv: kv[1]):
        before = old.people.get(key)
        if before and before[2] != status:
            lines.append(f"{name} ({unit}): {_label(before[2])} → {_label(status)}.")
    for unit, status in sorted(new.collectives.items()):
        before_status = old.collectives.get(unit)
        if before_status is None:
            lines.append(f"Tập thể {unit}: {_label(status)}.")
        elif before_status != status:
            lines.append(f"Tập thể {unit}: {_label(before_status)} → {_label(status)}.")
    return lines or ["Không thay đổi kết quả công bố."]


def _names(people: list[tuple[str, str, str]]) -> str:
    shown = ", ".join(f"{name} ({unit})" for name, unit, _ in people[:10])
    return shown + (f" và {len(people) - 10} người khác" if len(people) > 10 else "")
