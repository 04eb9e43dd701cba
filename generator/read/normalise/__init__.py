"""Normalise stage: a raw cell grid becomes typed rows, or located issues.

Finds the header row (the first that holds all required headers, matched without regard to
case, spacing or diacritics; or two header rows whose merged group labels are joined with
the labels below them), maps columns, parses each cell by its kind and reports every problem
at its spreadsheet row and column. A row with an error is rejected, never dropped silently:
it is returned with its reasons. Blank rows (nothing but an `STT` number, or formulas computed
to empty text) are skipped and not counted, as is a row of column numbers "(1) (2) (3) …"
right under the header.

:mod:`.reader` reads a sheet (:func:`~.reader.read_table`) into a :class:`~.table.Table`;
:mod:`.header` finds and maps the header, :mod:`.layout` checks the data area's merged cells,
hidden columns and signature block, :mod:`.kinds` and :mod:`.date_cells` parse cells.
"""
