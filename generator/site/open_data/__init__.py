"""Open data (SPEC §5): the downloads of /du-lieu-mo/, made from the public views only.

:mod:`.export` assembles them; :mod:`.tables` (with :mod:`.fields`) says what each table holds,
:mod:`.writers` writes CSV, JSON and XLSX, :mod:`.datapackage` describes the files and
:mod:`.checksums` lists their SHA-256.
"""
