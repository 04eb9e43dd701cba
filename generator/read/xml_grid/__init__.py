"""Sheet metadata that the cell readers do not give: hidden sheets and rows, merged ranges,
formula cells (with or without a cached value), error cells, and the extent of the data.

The XML of an .xlsx or .ods is parsed here, in the load worker, before calamine sees it:
every XML member must be free of DTDs (entity bombs), the small parts (workbook, rels) are
read with defusedxml, and the big ones (worksheets, content.xml) are streamed through pyexpat
handlers with DTDs and entities refused, so the cost is linear in the size of the XML and
memory stays flat. Data extents beyond the limits of :mod:`generator.read.sniff` are refused
with `file-too-large` *before* calamine allocates a grid for them.

:mod:`.xlsx_workbook` (:func:`~.xlsx_workbook.xlsx_metadata`) and :mod:`.ods`
(:func:`~.ods.ods_metadata`) are the entry points; both fill a :class:`~.sheet_meta.SheetMeta`.
"""
