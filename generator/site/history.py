"""Publication history (/cap-nhat/): what each data commit changed for the public.

For each commit that touched the data folder, the campaign as it stood then is run through
the core. The page has one entry per day (newest first): the state at the end of the day
compared with the state before it — nominees added or removed, statuses changed, Council
results arriving. Days whose commits changed nothing the public sees are only counted. This module is an edge (it asks git); it returns
plain values. Without git history it returns ``None`` and the page says so.

Only public facts leave this module: names of nominees, names of departments and status
labels. Staff codes are used as keys and never returned; commit messages are typed freely by
staff and may name anything, so they are kept (``Change.summary``) but never published.

Cost: one run of the core per distinct state of the data folder (measured: 61 commits of the
sample campaign, each a distinct state, in 6–10 s on 2 cores — 0.1–0.16 s each, spreadsheets
read by one shared worker), at most
``MAX_COMMITS`` commits plus one older commit as the baseline when there are more. States are
cached in the process by (git tree id of the data folder, campaign file), so ``mkdocs serve``
pays it once. A historical commit that cannot be read or fails validation is shown as "not
published", never as a failure of today's build.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.judge.model import STATUS_LABELS, Status
from generator.judge.pipeline import run
from generator.read.dates import DEFAULT_TIME_ZONE, day_of
from generator.read.load import Loader
from generator.read.text import collation_key, person_sort_key

MAX_COMMITS = 60
NAMES_SHOWN = 10


@dataclass(frozen=True)
class Snapshot:
    ok: bool
    people: dict[str, tuple[str, str, str]]  # staff code → (name, unit name, status)
    collectives: dict[str, tuple[str, str]]  # unit code → (unit name, status)
    council: bool


EMPTY = Snapshot(True, {}, {}, False)
_CACHE: dict[tuple[str, str], Snapshot] = {}  # (data tree id, campaign file digest) → state


@dataclass
class Change:
    date: dt.date
    summary: str  # commit subject line: internal, never published
    ok: bool
    lines: list[str] = field(default_factory=list)  # Vietnamese, public facts only


@dataclass
class History:
    changes: list[Change]  # newest first, one per day
    complete: bool  # False: older commits exist (or the clone is shallow) and are not shown
    unchanged: int = 0  # days with data commits that changed nothing public (not listed)


@dataclass(frozen=True)
class _Commit:
    date: dt.date
    subject: str
    snap: Snapshot
    before: Snapshot | None  # the last published state before this commit


def publication_history(
    config_path: Path, data_dir: Path, time_zone: str = DEFAULT_TIME_ZONE
) -> History | None:
    """Changes newest first, or None when the data folder has no git history. Each change
    is dated by its commit's instant in the campaign's ``time_zone``."""
    try:
        commits = _commits(data_dir, MAX_COMMITS + 1, time_zone)
        if not commits:
            return None
        top = Path(_git(data_dir, "rev-parse", "--show-toplevel").strip())
        rel = data_dir.resolve().relative_to(top.resolve()).as_posix()
        shallow = _git(data_dir, "rev-parse", "--is-shallow-repository").strip() == "true"
    except (OSError, ValueError, subprocess.SubprocessError):
        return None
    complete = len(commits) <= MAX_COMMITS and not shallow
    baseline: Snapshot | None = EMPTY if complete else None
    shown = commits[:MAX_COMMITS]
    oldest_first = list(reversed(commits))
    trees = _trees(top, [sha for sha, _, _ in oldest_first], rel)
    config_digest = _digest(config_path)
    commits_shown: list[_Commit] = []
    with Loader() as loader, tempfile.TemporaryDirectory() as tmp:
        for n, (sha, date, subject) in enumerate(oldest_first):
            key = (trees.get(sha, sha), config_digest)
            snap = _CACHE.get(key)
            if snap is None:
                snap = _snapshot(config_path, Path(top), sha, rel, Path(tmp) / str(n), loader)
                _CACHE[key] = snap
            if (sha, date, subject) in shown:
                commits_shown.append(_Commit(date, subject, snap, baseline))
            if snap.ok:
                baseline = snap
    changes, unchanged = _by_day(commits_shown)
    return History(list(reversed(changes)), complete, unchanged)


def _by_day(commits: list[_Commit]) -> tuple[list[Change], int]:
    """One change per day (oldest first): the day's last published state against the state
    before its first commit; a day that published nothing new is only counted. A day whose
    every commit failed is listed as not published."""
    changes: list[Change] = []
    unchanged = 0
    for date, group in itertools.groupby(commits, key=lambda c: c.date):
        day = list(group)
        published = [c for c in day if c.snap.ok]
        if not published:
            changes.append(Change(date, day[-1].subject, False))
            continue
        lines = _diff(day[0].before, published[-1].snap)
        if lines:
            changes.append(Change(date, day[-1].subject, True, lines))
        else:
            unchanged += 1
    return changes, unchanged


def _trees(top: Path, shas: list[str], rel: str) -> dict[str, str]:
    """Git tree id of the data folder at each commit (same id: same data, same snapshot)."""
    out = _git(top, "rev-parse", *(f"{sha}:{rel}" for sha in shas)).split()
    return dict(zip(shas, out, strict=True)) if len(out) == len(shas) else {}


def _digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=60, check=False)
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else ""


def _commits(data_dir: Path, limit: int, time_zone: str) -> list[tuple[str, dt.date, str]]:
    if not data_dir.is_dir():
        return []
    out = _git(data_dir, "log", f"-{limit}", "--format=%H%x09%ct%x09%s", "--", ".")
    commits = []
    for line in out.splitlines():
        sha, epoch, subject = line.split("\t", 2)
        commits.append((sha, day_of(int(epoch), time_zone), subject))
    return commits


def _extract(top: Path, sha: str, rel: str, dest: Path) -> Path:
    archive = subprocess.run(
        ["git", "archive", "--format=tar", sha, "--", rel],
        cwd=top,
        capture_output=True,
        timeout=120,
        check=True,
    ).stdout
    dest.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")
    return dest / rel


def _snapshot(
    config_path: Path, top: Path, sha: str, rel: str, dest: Path, loader: Loader
) -> Snapshot:
    """The public outcome of the campaign at one commit (not ok when it can't be built)."""
    try:
        result = run(config_path, _extract(top, sha, rel, dest), loader)
    except Exception:  # an old commit must never break today's publication
        return Snapshot(False, {}, {}, False)
    if not result.ok:
        return Snapshot(False, {}, {}, False)
    units = {u.code: u.name for u in result.dataset.units}
    names = {n.staff_code: (n.name, units.get(n.unit, n.unit)) for n in result.dataset.nominees}
    people = {
        o.key: (*names[o.key], o.status.value) for o in result.outcomes if o.kind == "individual"
    }
    collectives = {
        o.key: (units.get(o.key, o.key), o.status.value)
        for o in result.outcomes
        if o.kind == "collective"
    }
    return Snapshot(True, people, collectives, result.dataset.council is not None)


def _label(status: str) -> str:
    return STATUS_LABELS[Status(status)]


def _person_order(item: tuple[str, tuple[str, str, str]]) -> tuple[object, ...]:
    code, (name, unit, _) = item
    return (collation_key(unit), person_sort_key(name), code)


def _diff(old: Snapshot | None, new: Snapshot) -> list[str]:
    """What changed for the public between two snapshots (``old`` None: unknown baseline,
    the state is described instead)."""
    if old is None:
        return _state(new, "Tình trạng dữ liệu khi đó")
    if not old.people and not old.collectives and (new.people or new.collectives):
        return _state(new, "Công bố lần đầu")
    lines = []
    if new.council and not old.council:
        lines.append("Có kết quả của Hội đồng Thi đua – Khen thưởng.")
    elif old.council and not new.council:
        lines.append("Rút kết quả của Hội đồng Thi đua – Khen thưởng.")
    added = [v for k, v in sorted(new.people.items(), key=_person_order) if k not in old.people]
    removed = [v for k, v in sorted(old.people.items(), key=_person_order) if k not in new.people]
    if added:
        lines.append(f"Thêm {len(added)} cá nhân được đề nghị: {_names(added)}.")
    if removed:
        lines.append(f"Bớt {len(removed)} cá nhân được đề nghị: {_names(removed)}.")
    for key, (name, unit, status) in sorted(new.people.items(), key=_person_order):
        before = old.people.get(key)
        if before and before[2] != status:
            lines.append(f"{name} ({unit}): {_label(before[2])} → {_label(status)}.")
    for code, (unit, status) in sorted(new.collectives.items(), key=_unit_order):
        previous = old.collectives.get(code)
        if previous is None:
            lines.append(f"Tập thể {unit}: đề nghị mới, {_label(status)}.")
        elif previous[1] != status:
            lines.append(f"Tập thể {unit}: {_label(previous[1])} → {_label(status)}.")
    for code, (unit, _) in sorted(old.collectives.items(), key=_unit_order):
        if code not in new.collectives:
            lines.append(f"Tập thể {unit}: rút đề nghị.")
    return lines


def _unit_order(item: tuple[str, tuple[str, str]]) -> tuple[object, ...]:
    code, (unit, _) = item
    return (collation_key(unit), code)


def _state(snap: Snapshot, lead: str) -> list[str]:
    lines = [f"{lead}: {len(snap.people)} cá nhân và {len(snap.collectives)} tập thể được đề nghị."]
    if snap.council:
        lines.append("Đã có kết quả của Hội đồng Thi đua – Khen thưởng.")
    return lines


def _names(people: list[tuple[str, str, str]]) -> str:
    shown = ", ".join(f"{name} ({unit})" for name, unit, _ in people[:NAMES_SHOWN])
    more = len(people) - NAMES_SHOWN
    return shown + (f" và {more} người khác" if more > 0 else "")
