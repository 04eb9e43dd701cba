"""The earlier campaigns a campaign's rules read: look-backs (``lookback``), counts across
campaigns (``count_rows.campaigns``) and the ``previous`` chain.

Campaign ``X`` is ``site_config/X.yml`` next to this campaign's file. Each one referenced is
loaded (its file only: no spreadsheet is read here) and must load without problems; the
chain ``previous → previous → …`` is followed as far as a ``previous: N`` needs. Every
problem is a :class:`Problem` at the key that names the campaign: a missing file
(``config-unknown-reference``), campaigns that look back in a circle
(``config-campaign-cycle``), a campaign whose own file has errors (``config-campaign-invalid``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.judge.config_errors import Loc, Problem
from generator.judge.config_source import SourceError, parse
from generator.judge.rules import AllOfRule, AnyOfRule, CountRowsRule, LookbackRule, NotRule
from generator.read.issues import Issue

if TYPE_CHECKING:  # the config module calls this one; only its type is needed here
    from generator.judge.config import Config

Load = Callable[[Path, tuple[Path, ...]], "tuple[Config | None, list[Issue]]"]
CYCLE = "config-campaign-cycle"


def campaign_file(config_path: Path, campaign_id: str) -> Path:
    """Where campaign ``campaign_id`` is: ``<id>.yml`` next to ``config_path``."""
    return config_path.parent / f"{campaign_id}.yml"


@dataclass
class References:
    """The earlier campaigns loaded (id → (file, config)), the ``previous`` chain as far as
    it was needed (ids, nearest first), and the problems found."""

    campaigns: dict[str, tuple[Path, Config]] = field(default_factory=dict)
    chain: tuple[str, ...] = ()
    problems: list[Problem] = field(default_factory=list)


def _walk(rule: object, loc: Loc) -> Iterator[tuple[object, Loc]]:
    yield rule, loc
    if isinstance(rule, AllOfRule | AnyOfRule):
        for n, part in enumerate(rule.parts):
            yield from _walk(part, (*loc, "parts", n))
    elif isinstance(rule, NotRule):
        yield from _walk(rule.part, (*loc, "part"))


def named_campaigns(config: Config) -> tuple[list[tuple[str, Loc]], int, list[Loc]]:
    """Every campaign id the rules name with its key, the longest ``previous: N``, and the
    keys of each ``previous: N``."""
    named: list[tuple[str, Loc]] = []
    need, previous_keys = 0, []
    for part in ("collective", "individual"):
        for n, criterion in enumerate(getattr(config.criteria, part)):
            for rule, loc in _walk(criterion.predicate, ("criteria", part, n, "predicate")):
                if isinstance(rule, LookbackRule | CountRowsRule):
                    named += [(c, (*loc, "campaigns", m)) for m, c in enumerate(rule.campaigns)]
                if isinstance(rule, LookbackRule) and rule.previous is not None:
                    need = max(need, rule.previous)
                    previous_keys.append((*loc, "previous"))
    return named, need, previous_keys


def resolve_references(
    path: Path, config: Config, load: Load, stack: tuple[Path, ...]
) -> References:
    """Load every earlier campaign ``config`` (read from ``path``) refers to."""
    refs = References()
    here = path.resolve()
    outer = (*stack, here)
    named, need, _ = named_campaigns(config)
    previous: str | None = config.previous
    if previous is not None:
        refs.problems += _previous_problems(path, config.id, previous)
    chain: list[str] = []
    current, holder = previous, config
    while current is not None and len(chain) < need and not refs.problems:
        loaded = _load_one(path, current, ("previous",), load, outer, refs)
        if loaded is None or current in chain or current == config.id:
            break
        chain.append(current)
        holder = loaded
        current = holder.previous
    refs.chain = tuple(chain)
    for campaign_id, loc in named:
        if campaign_id == config.id:
            refs.problems.append(_cycle(loc, [config.id, config.id]))
        elif campaign_id not in refs.campaigns:
            _load_one(path, campaign_id, loc, load, outer, refs)
    return refs


def _load_one(
    path: Path, campaign_id: str, loc: Loc, load: Load, outer: tuple[Path, ...], refs: References
) -> Config | None:
    if campaign_id in refs.campaigns:
        return refs.campaigns[campaign_id][1]
    file = campaign_file(path, campaign_id)
    if not file.is_file():
        refs.problems.append(_missing(loc, campaign_id, file))
        return None
    if file.resolve() in outer:
        refs.problems.append(_cycle(loc, [p.stem for p in outer] + [campaign_id]))
        return None
    loaded, issues = load(file, outer)
    if loaded is None:
        cycle = any(i.code == CYCLE for i in issues)
        refs.problems.append(
            _cycle(loc, [path.stem, campaign_id, "…"])
            if cycle
            else _invalid(loc, campaign_id, issues)
        )
        return None
    refs.campaigns[campaign_id] = (file, loaded)
    return loaded


def _previous_problems(path: Path, own_id: str, previous: str) -> list[Problem]:
    """The top-level ``previous``: an existing campaign file, and no circle in the chain
    (followed through each file's own ``previous`` key)."""
    if previous == own_id:
        return [_cycle(("previous",), [own_id, own_id])]
    if not campaign_file(path, previous).is_file():
        return [_missing(("previous",), previous, campaign_file(path, previous))]
    seen, current = [own_id], _previous_of(campaign_file(path, previous))
    seen.append(previous)
    while current is not None:
        if current in seen:
            return [_cycle(("previous",), [*seen, current])]
        seen.append(current)
        current = _previous_of(campaign_file(path, current))
    return []


def _previous_of(file: Path) -> str | None:
    """The ``previous`` key of a campaign file, read loosely (None when absent or unreadable)."""
    if not file.is_file():
        return None
    try:
        data: Any = parse(file).data
    except SourceError:
        return None
    value = data.get("previous") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def _missing(loc: Loc, campaign_id: str, file: Path) -> Problem:
    where = f"{file.parent.name}/{file.name}"
    return Problem(
        "config-unknown-reference",
        loc,
        f"không có đợt thi đua “{campaign_id}”: không có tệp {where}",
        f"no campaign '{campaign_id}': there is no file {where}",
    )


def _cycle(loc: Loc, ids: list[str]) -> Problem:
    circle = " → ".join(ids)
    return Problem(
        CYCLE,
        loc,
        f"các đợt thi đua đối chiếu vòng tròn ({circle}): một đợt chỉ đối chiếu các đợt trước nó",
        f"campaigns refer to each other in a circle ({circle}): a campaign reads earlier ones only",
    )


def _invalid(loc: Loc, campaign_id: str, issues: list[Issue]) -> Problem:
    first = issues[0].message if issues else ""
    return Problem(
        "config-campaign-invalid",
        loc,
        f"tệp cấu hình của đợt “{campaign_id}” có {len(issues)} lỗi (hãy sửa trước): {first}",
        f"the config of campaign '{campaign_id}' has {len(issues)} problem(s) (fix them first): "
        + (issues[0].message_en if issues else ""),
    )
