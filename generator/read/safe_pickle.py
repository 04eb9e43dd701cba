"""Unpickling with an allow-list: what a loader worker replies and what the parse cache holds.

A worker reply comes from a process that parsed a hostile file, and a cache entry from a
folder anyone with the checkout can write: neither may name any class outside the types a
reply holds. Anything else is an :class:`pickle.UnpicklingError`, never an import.
"""

from __future__ import annotations

import io
import pickle
from typing import Any

_DATES = {
    ("datetime", "datetime"),
    ("datetime", "date"),
    ("datetime", "time"),
    ("datetime", "timedelta"),
    ("datetime", "timezone"),
}
_CONTAINERS = {("builtins", "frozenset"), ("builtins", "set")}
_ISSUE = {("generator.read.issues", "Issue")}
_TABLES = {("generator.read.normalise.table", "Table"), ("generator.read.normalise.table", "Row")}
_RAW = {("generator.read.raw", "RawWorkbook"), ("generator.read.raw", "RawSheet")}

# A worker's reply: a raw workbook (``Loader.read``) or normalised tables (``read_sources``).
REPLY_TYPES: frozenset[tuple[str, str]] = frozenset(_DATES | _CONTAINERS | _ISSUE | _TABLES | _RAW)
# A parse cache entry: normalised tables and issues only.
CACHE_TYPES: frozenset[tuple[str, str]] = frozenset(_DATES | _CONTAINERS | _ISSUE | _TABLES)


class SafeUnpickler(pickle.Unpickler):
    """Unpickle only the (module, name) pairs of ``allowed``."""

    def __init__(self, data: bytes, allowed: frozenset[tuple[str, str]]) -> None:
        super().__init__(io.BytesIO(data))
        self._allowed = allowed

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in self._allowed:
            raise pickle.UnpicklingError(f"unexpected type: {module}.{name}")
        return super().find_class(module, name)


def loads(data: bytes, allowed: frozenset[tuple[str, str]]) -> Any:
    """``pickle.loads`` restricted to ``allowed`` types."""
    return SafeUnpickler(data, allowed).load()
