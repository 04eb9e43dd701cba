"""The campaign file as YAML text: its values and, for every value, where it is written.

``parse`` reads the file once into the YAML node graph (each node carries its line and column)
and constructs plain values from that same graph, so a pydantic error's ``loc`` can be mapped
back to the line it is about (:meth:`Source.locate`). Dates stay text: YAML's implicit
timestamps are switched off, so ``2019-11-31`` is a string the config refuses with a reason,
never a crash of the loader, and every date is read one way (dd/mm/yyyy).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode


class _Loader(yaml.SafeLoader):
    """SafeLoader without implicit timestamps (a date is the text the file writes)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Place:
    """A position in the file, 1-based as an editor shows it."""

    line: int
    column: int


@dataclass(frozen=True)
class DuplicateKey:
    """A key written twice in one mapping (YAML keeps the last one silently)."""

    path: tuple[int | str, ...]
    place: Place
    first: Place


class SourceError(Exception):
    """The file cannot be read as YAML; ``place`` is where the parser stopped, if known."""

    def __init__(self, problem: str, place: Place | None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.place = place


def _place(node: Node) -> Place:
    return Place(node.start_mark.line + 1, node.start_mark.column + 1)


@dataclass(frozen=True)
class Source:
    """A parsed campaign file: its plain value and its node graph (None for an empty file)."""

    data: Any
    root: Node | None

    def locate(self, loc: Sequence[int | str], *, key: bool = False) -> Place:
        """Where the value at ``loc`` (pydantic's path, branch labels allowed) is written;
        with ``key``, where its key is (an unknown or repeated key).

        A scalar: the value itself. A mapping or list reached by a key: that key's line. A
        list item: the item. A key that is not there (a missing key): its parent, as above.
        Parts that name no key (a discriminated union's tag) are skipped."""
        if self.root is None:
            return Place(1, 1)
        node, holder = self.root, self.root
        for part in loc:
            found = _child(node, part)
            if found is None:
                continue  # a branch label, or the missing key itself: stay on the parent
            holder, node = found
        if (isinstance(node, ScalarNode) and not key) or holder is node:
            return _place(node)
        return _place(holder)

    def duplicate_keys(self) -> list[DuplicateKey]:
        """Every key written a second time in the same mapping, in file order."""
        return [] if self.root is None else _duplicates(self.root, ())


def _child(node: Node, part: int | str) -> tuple[Node, Node] | None:
    """(the node that names ``part`` — its key, or the item —, the value) or None."""
    if isinstance(node, MappingNode):
        for key, value in reversed(node.value):  # the last of a repeated key wins, as in YAML
            if isinstance(key, ScalarNode) and key.value == str(part):
                return key, value
        return None
    if isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        item = node.value[part]
        return item, item
    return None


def _duplicates(node: Node, path: tuple[int | str, ...]) -> list[DuplicateKey]:
    found: list[DuplicateKey] = []
    if isinstance(node, MappingNode):
        seen: dict[str, Place] = {}
        for key, value in node.value:
            name = key.value if isinstance(key, ScalarNode) else ""
            if name in seen:
                found.append(DuplicateKey((*path, name), _place(key), seen[name]))
            seen.setdefault(name, _place(key))
            found += _duplicates(value, (*path, name))
    elif isinstance(node, SequenceNode):
        for n, item in enumerate(node.value):
            found += _duplicates(item, (*path, n))
    return found


def parse(path: Path) -> Source:
    """Read ``path`` as one YAML document; raise :class:`SourceError` with its place."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"cannot read the file: {exc}", None) from exc
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        data = None if root is None else loader.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Place(mark.line + 1, mark.column + 1) if mark is not None else None
        raise SourceError(_yaml_problem(exc), where) from exc
    except yaml.YAMLError as exc:
        raise SourceError(str(exc), None) from exc
    finally:
        loader.dispose()
    return Source(data, root)


def _yaml_problem(exc: yaml.MarkedYAMLError) -> str:
    """The parser's words without its own position lines (the issue carries the place)."""
    context = exc.context
    if context and exc.context_mark is not None:
        context += f" (line {exc.context_mark.line + 1}, column {exc.context_mark.column + 1})"
    return "; ".join(p for p in (context, exc.problem) if p) or "not valid YAML"
