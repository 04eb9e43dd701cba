"""Diacritic-insensitive search for Vietnamese readers on top of Material's lunr search.

Material's search index (``search/search_index.json``) holds, per section of a page, its
``title`` and ``text`` (HTML). lunr does not fold diacritics, so ``nguyen van an`` never finds
``Nguyễn Văn An``. :func:`fold_index` adds two hidden fields to every entry: the folded title
and text (:func:`generator.read.text.fold`: lower case, no tone or vowel marks, ``đ`` → ``d``) and
declares them in the index's ``config.fields`` with the boosts of ``title`` and ``text``;
a nominee's own section gets a document boost.
Material's worker indexes every declared field, but shows only ``title`` and ``text``, so
result previews keep the real Vietnamese. The site's ``thidua-search.js`` folds the reader's
query the same way before it reaches the worker.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.read.text import fold

FOLDED_FIELDS = {"folded_title": "title", "folded_text": "text"}
# A nominee's card on a department page (anchor "p-…", see projection.py): boosted so that a
# name lists the person before pages that merely contain a word of it (Material ranks
# whole pages above sections, and "do*" also matches "đồng", "đợt" …).
PERSON_SECTION = re.compile(r"#p-[a-z0-9-]+$")
PERSON_BOOST = 2.0
_DEFAULT_BOOST = {"title": 1e3, "text": 1.0}
_TAGS = re.compile(r"<[^>]*>")
_MARKUP = re.compile(r"[<>&]")


def fold_html(text: str) -> str:
    """Folded plain text of an HTML fragment; never holds markup (``<``, ``>``, ``&``)."""
    plain = html.unescape(_TAGS.sub(" ", text))
    return fold(_MARKUP.sub(" ", plain))


def fold_index(
    index: dict[str, Any], fold_text: Callable[[str], str] = fold_html
) -> dict[str, Any]:
    """The search index with a folded copy of each entry's title and text (idempotent);
    ``fold_text`` is :func:`fold_html` or one that gives the same (a memo of it)."""
    config = dict(index.get("config") or {})
    fields = dict(config.get("fields") or {})
    for folded, source in FOLDED_FIELDS.items():
        boost = (fields.get(source) or {}).get("boost", _DEFAULT_BOOST[source])
        fields[folded] = {"boost": boost}
    config["fields"] = fields
    docs = []
    for doc in index.get("docs") or []:
        entry = dict(doc)
        for folded, source in FOLDED_FIELDS.items():
            entry[folded] = fold_text(str(doc.get(source) or ""))
        if PERSON_SECTION.search(str(doc.get("location") or "")) and "boost" not in doc:
            entry["boost"] = PERSON_BOOST
        docs.append(entry)
    return {**index, "config": config, "docs": docs}


def fold_index_file(path: Path) -> bool:
    """Rewrite ``search_index.json`` in place with folded fields; False when it is absent."""
    if not path.is_file():
        return False
    index = json.loads(path.read_text(encoding="utf-8"))
    data = json.dumps(fold_index(index), ensure_ascii=False, separators=(",", ":"))
    path.write_text(data, encoding="utf-8")
    return True
