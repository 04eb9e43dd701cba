"""Moving a campaign file to another campaign as text: every line and comment kept, with
the id, data folder, dates (by whole years; 29/02 becomes 28/02), the years in the campaign's
own wording, its references to earlier campaigns and the series keys changed.

Edits are spans of the YAML node graph (each scalar knows where it is written), applied from
the end of the file, so nothing outside them moves; a folded text stays folded.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")
DATE_KEYS = {
    ("campaign", "document_date"),
    ("period", "start"),
    ("period", "end"),
    ("deadlines", "*", "date"),
}
# Free text whose years are the campaign's own: they move with it. Documents it cites
# (legal_basis), the contract and the rules' values stay as written.
TEXT_KEYS = (
    ("site",),
    ("campaign", "name"),
    ("campaign", "document"),
    ("deadlines",),
    ("criteria",),
)
KEEP_KEYS = (("criteria", "*", "*", "predicate"),)


@dataclass(frozen=True)
class Move:
    """From which campaign to which: ``shift`` years later, with the source's applied end
    date, and the ids of the repository's campaigns (a reference must name one)."""

    source_id: str
    campaign_id: str
    shift: int
    end: dt.date
    campaigns: frozenset[str]


def moved_text(text: str, move: Move) -> tuple[str, list[str]]:
    """The source campaign file's text with every edit of :func:`_edits` applied, and the
    notes for a person (references to earlier campaigns that could not move)."""
    review: list[str] = []
    for start, end, new in sorted(_edits(text, move, review), reverse=True):
        old = text[start:end]
        tail = old[len(old.rstrip()) :]  # a block scalar's span ends with its line breaks
        text = text[:start] + new + tail + text[end:]
    return text, review


def _edits(text: str, move: Move, review: list[str]) -> Iterator[tuple[int, int, str]]:
    root = yaml.compose(text, Loader=_Loader)
    shift, end_impossible = move.shift, False
    for path, node in _scalars(root, ()):
        span = node.start_mark.index, node.end_mark.index
        if path == ("id",):
            yield (*span, move.campaign_id)
        elif path == ("data_dir",):
            yield (*span, f"data/{move.campaign_id}")
        elif path == ("path",):
            moved = _move_years(node.value, shift)
            yield (*span, moved if moved != node.value else move.campaign_id)
        elif path == ("current",):
            yield (*span, "false")
        elif path == ("previous",):
            yield (*span, move.source_id)
        elif _matches(path, DATE_KEYS):
            yield (*span, _move_date(node.value, shift))
        elif path == ("period", "end_as_written"):
            end_impossible = impossible(node.value)
            written = move.end if end_impossible else _parse(node.value)
            yield (*span, f"{shifted(written, shift):%d/%m/%Y}")
        elif path == ("period", "note") and end_impossible:
            yield (*span, '""')  # it explained the old plan's impossible end date
        elif _is_reference(path) and shift:
            yield from _reference(node, span, move, review, ".".join(path))
        elif (_under(path, TEXT_KEYS) or path == ("period", "note")) and not _under(
            path, KEEP_KEYS
        ):
            raw = text[span[0] : span[1]].rstrip()  # years move in the text as written
            if shift and _move_years(raw, shift) != raw:
                yield (span[0], span[0] + len(raw), _move_years(raw, shift))


def _is_reference(path: tuple[str, ...]) -> bool:
    """A campaign named inside a rule (a look-back's or a count's ``campaigns`` list)."""
    return _under(path, KEEP_KEYS) and len(path) >= 2 and path[-2] == "campaigns"


def _reference(
    node: ScalarNode, span: tuple[int, int], move: Move, review: list[str], key: str
) -> Iterator[tuple[int, int, str]]:
    """Last year's rule reading the year before reads this campaign's year before: the
    campaign id's year moves, when the repository holds that campaign."""
    moved = _move_years(node.value, move.shift)
    known = move.campaigns | {move.campaign_id}
    if moved != node.value and moved in known:
        yield (*span, moved)
    else:
        review.append(f"{key}: “{node.value}” giữ nguyên (không có phong trào “{moved}”)")


def impossible(text: str) -> bool:
    try:
        _parse(text)
    except ValueError:
        return True
    return False


def _parse(text: str) -> dt.date:
    return dt.datetime.strptime(text.strip(), "%d/%m/%Y").date()


class _Loader(yaml.SafeLoader):
    """No implicit timestamps, as the config reader (dates stay text)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _scalars(
    node: Node | None, path: tuple[str, ...]
) -> Iterator[tuple[tuple[str, ...], ScalarNode]]:
    if isinstance(node, ScalarNode):
        yield path, node
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            yield from _scalars(value, (*path, str(key.value)))
    elif isinstance(node, SequenceNode):
        for n, item in enumerate(node.value):
            yield from _scalars(item, (*path, str(n)))


def _matches(path: tuple[str, ...], patterns: set[tuple[str, ...]]) -> bool:
    return any(
        len(p) == len(path) and all(a in ("*", b) for a, b in zip(p, path, strict=True))
        for p in patterns
    )


def _under(path: tuple[str, ...], prefixes: tuple[tuple[str, ...], ...]) -> bool:
    return any(
        len(path) >= len(p) and all(a in ("*", b) for a, b in zip(p, path, strict=False))
        for p in prefixes
    )


def shifted(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` later; 29/02 becomes 28/02 in a year without it."""
    target = day.year + years
    last = calendar.monthrange(target, day.month)[1]
    return day.replace(year=target, day=min(day.day, last))


def _move_date(text: str, years: int) -> str:
    return f"{shifted(_parse(text), years):%d/%m/%Y}"


def _move_years(text: str, years: int) -> str:
    return YEAR.sub(lambda m: str(int(m.group(0)) + years), text)
