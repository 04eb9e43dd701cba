"""The shape of an open-data table: its fields, its records and its flat columns."""

from __future__ import annotations

from dataclasses import dataclass

Record = dict[str, object]


@dataclass(frozen=True)
class Field:
    """A column of a table, as the Data Package describes it."""

    name: str
    type: str  # Frictionless type: string, integer, number, boolean, date, object
    title: str
    description: str
    enum: tuple[str, ...] = ()  # the only values allowed (Table Schema constraint)


@dataclass(frozen=True)
class Table:
    """A public table: its fields in order and one record per row."""

    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    records: list[Record]
    primary_key: str | None = None  # a field unique in the table


def flat_columns(table: Table) -> list[tuple[str, Field, str | None]]:
    """Flat columns: (name, field, criterion id) — an object field becomes one column per key."""
    columns: list[tuple[str, Field, str | None]] = []
    for f in table.fields:
        if f.type != "object":
            columns.append((f.name, f, None))
        elif table.records:
            keys = table.records[0][f.name]
            columns += [(f"{f.name}_{k}", f, str(k)) for k in keys]  # type: ignore[attr-defined]
    return columns


def flat_names(table: Table) -> list[str]:
    """The header row of the CSV and XLSX sheet: the flat column names."""
    return [name for name, _, _ in flat_columns(table)]
