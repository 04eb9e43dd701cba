"""Where the documents go and what they are called.

The folder is outside the site and ignored by git; every file name starts with
:data:`PREFIX`, so the publish allow-list (:mod:`generator.publish.allowlist`) refuses any of
them wherever they turn up, even under a folder whose other files may be published.
"""

from __future__ import annotations

from pathlib import Path

DEFAULT_OUT = Path("build/ho-so")
FOLDER = "ho-so"  # the default folder's own name: refused by the allow-list anywhere
PREFIX = "ho-so-noi-bo-"

COUNCIL_LIST = f"{PREFIX}danh-sach-hoi-dong.xlsx"
DECISION = f"{PREFIX}du-thao-quyet-dinh.docx"
PROPOSAL = f"{PREFIX}du-thao-to-trinh.docx"
CERTIFICATES = f"{PREFIX}giay-khen.pdf"

ALL = (COUNCIL_LIST, DECISION, PROPOSAL, CERTIFICATES)
