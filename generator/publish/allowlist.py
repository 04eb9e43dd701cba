"""What may be published: every file of the built site must match one rule of this list.

The site is made of pages, the theme's assets and the open data; nothing else. mkdocs copies
every non-dot file of the content folder into the site (FIELD-NOTES), so a spreadsheet or an
export dropped under ``content/`` by mistake would be published as is. Two checks use the
list: the mkdocs plugin refuses such a file before anything is written (``on_files``), and
``thidua build`` checks the finished staging folder before it replaces the published site.

Paths are site paths (POSIX, relative to the site root, as mkdocs' ``File.dest_uri``).
Matching is case-insensitive on the extension only; folders are matched exactly.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.documents import names as documents

# Raw data and office documents: never published, wherever they sit in the content folder.
DATA_EXTENSIONS = frozenset(
    {
        ".xlsx", ".xlsm", ".xlsb", ".xls", ".xltx", ".ods", ".fods", ".csv", ".tsv",
        ".json", ".jsonl", ".xml", ".yml", ".yaml", ".sqlite", ".db", ".parquet",
        ".doc", ".docx", ".odt", ".pdf", ".zip", ".7z", ".rar", ".gz", ".tar", ".bak",
    }
)  # fmt: skip

IMAGE_EXTENSIONS = frozenset({".png", ".ico", ".svg", ".jpg", ".jpeg", ".webp", ".gif"})
FONT_EXTENSIONS = frozenset({".woff", ".woff2"})


@dataclass(frozen=True)
class Rule:
    """Files ending in one of ``extensions`` in the folder ``under`` ("" = anywhere), in its
    subfolders too when ``nested``."""

    extensions: frozenset[str]
    under: str = ""
    names: frozenset[str] = frozenset()  # exact site paths instead of a folder
    why: str = ""
    nested: bool = True
    root_only: bool = False  # not inside a campaign's folder (search, feeds, sitemap)

    def matches(self, path: str) -> bool:
        if self.names:
            return path in self.names
        if self.under:
            if not path.startswith(self.under + "/"):
                return False
            if not self.nested and "/" in path[len(self.under) + 1 :]:
                return False
        return _extension(path) in self.extensions


RULES: tuple[Rule, ...] = (
    Rule(frozenset({".html"}), why="pages"),
    Rule(frozenset({".css", ".js", ".map"}), "assets", why="theme and site scripts, styles"),
    Rule(IMAGE_EXTENSIONS, "assets", why="theme and content images"),
    Rule(FONT_EXTENSIONS, "assets", why="theme fonts"),
    # search_index.js: the offline build inlines the index as a script (file:// can't fetch)
    Rule(
        frozenset({".json", ".js"}), "search", why="the search index", nested=False, root_only=True
    ),
    Rule(frozenset({".csv", ".json", ".xlsx"}), "du-lieu-mo", why="open data", nested=False),
    Rule(frozenset(), names=frozenset({"du-lieu-mo/SHA256SUMS"}), why="checksums"),
    Rule(
        frozenset({".csv", ".json", ".xlsx"}),
        "du-lieu-tong-hop",
        why="open data of every campaign, combined",
        nested=False,
        root_only=True,
    ),
    Rule(
        frozenset(),
        names=frozenset({"du-lieu-tong-hop/SHA256SUMS"}),
        why="checksums",
        root_only=True,
    ),
    Rule(
        frozenset(),
        names=frozenset({"sitemap.xml", "sitemap.xml.gz"}),
        why="sitemap",
        root_only=True,
    ),
    Rule(frozenset({".xml"}), "tin-tuc", why="news feed (RSS)", root_only=True),
    Rule(
        frozenset(),
        names=frozenset({"feed.xml", "rss.xml", "robots.txt"}),
        why="feeds",
        root_only=True,
    ),
)


def _extension(path: str) -> str:
    return posixpath.splitext(path)[1].lower()


def is_staff_document(path: str) -> bool:
    """A staff document of ``thidua documents`` (its folder, or a file named like one):
    never published, whatever folder it lands in (an .xlsx under du-lieu-mo/ included)."""
    parts = path.split("/")
    return documents.FOLDER in parts[:-1] or parts[-1].startswith(documents.PREFIX)


def is_allowed(path: str, sections: Iterable[str] = ()) -> bool:
    """True when the site path may be published. Inside a campaign's folder (one of
    ``sections``, a site with several campaigns) the rules that are not the root's alone
    apply to the path within it."""
    if is_staff_document(path):
        return False
    first, _, rest = path.partition("/")
    if rest and first in sections:
        return any(rule.matches(rest) for rule in RULES if not rule.root_only)
    return any(rule.matches(path) for rule in RULES)


def disallowed(paths: Iterable[str], sections: Iterable[str] = ()) -> list[str]:
    """The site paths that no rule allows, sorted."""
    folders = frozenset(sections)
    return sorted(p for p in paths if not is_allowed(p, folders))


def is_raw_data(path: str) -> bool:
    """A spreadsheet, data export or office document (never a page source of the site)."""
    return _extension(path) in DATA_EXTENSIONS


def site_files(root: Path) -> list[str]:
    """Every file under a built site, as site paths (symlinks count as files, and are not
    followed), sorted: what ``root.rglob("*")`` finds that is a file or a symlink, one
    ``scandir`` a folder (rglob's pure-Python walk took most of a second at scale)."""
    found: list[str] = []
    _scan(os.fspath(root), "", found)
    return sorted(found)


def _scan(folder: str, prefix: str, found: list[str]) -> None:
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_symlink() or entry.is_file():
                found.append(prefix + entry.name)
            elif entry.is_dir():
                _scan(entry.path, f"{prefix}{entry.name}/", found)
