"""The theme's own words (mkdocs-material) are correct Vietnamese on every built page.

Material's vi.html is partly English ("Initializing search") and partly wrong ("Trở lại mục
lục" for "back to top", "tài liệu" for search results); overrides/partials/languages/vi.html
replaces it. These tests list every text key of the installed Material's English strings,
require a Vietnamese one for each, and read what the built pages actually ship: the
translations Material embeds for its scripts (the ``__config`` JSON) and the words of its
rendered partials (skip link, back-to-top button, search box, labels).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import material
import pytest

ROOT = Path(__file__).resolve().parents[1]
MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
OVERRIDE = ROOT / "overrides" / "partials" / "languages" / "vi.html"
# Settings, not words: left to Material's fallback (search must work as before).
CONFIG_KEYS = {
    "language",
    "direction",
    "search.config.lang",
    "search.config.pipeline",
    "search.config.separator",
}
# Wrong or misleading Vietnamese of Material's vi.html, as the issue found them.
KNOWN_WRONG = {
    "Trở lại mục lục",
    "Initializing search",
    "tài liệu liên quan",
    "từ khác trong trang",
    "Bỏ qua",
    "Không",
}
_PAIR = re.compile(r'^\s*"([^"]+)":\s*"((?:[^"\\]|\\.)*)"', re.M)


def strings(path: Path) -> dict[str, str]:
    """key → text of one of Material's generated language files."""
    return {k: json.loads(f'"{v}"') for k, v in _PAIR.findall(path.read_text(encoding="utf-8"))}


ENGLISH = strings(MATERIAL_LANGUAGES / "en.html")
OURS = strings(OVERRIDE)
TEXT_KEYS = sorted(set(ENGLISH) - CONFIG_KEYS)


def wrong(text: str) -> str | None:
    """Why ``text`` may not be shipped, or None."""
    if text in ENGLISH.values() and text not in OURS.values():
        return "English"
    for bad in KNOWN_WRONG:
        if text == bad or (len(bad) > 6 and bad in text):
            return f"known wrong ({bad})"
    return None


@pytest.mark.parametrize("key", TEXT_KEYS)
def test_every_theme_string_has_our_vietnamese(key: str) -> None:
    assert key in OURS, f"{key} falls back to English “{ENGLISH[key]}”"
    assert OURS[key] != ENGLISH[key], key
    assert wrong(OURS[key]) is None, (key, OURS[key])
    assert not re.search(r"\b(search|document|page|results?|top|skip)\b", OURS[key], re.I)


def test_the_override_keeps_the_settings_material_needs() -> None:
    assert OURS["language"] == "vi" and OURS["search.config.lang"] == "vi"
    assert not set(OURS) & (CONFIG_KEYS - {"language", "search.config.lang"})
    assert not set(OURS) - set(ENGLISH), "keys Material does not know"


class _Words(HTMLParser):
    """Theme text of a page: text and labels outside the page content, and the __config."""

    ATTRS = ("aria-label", "title", "placeholder", "alt")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.content_depth = 0
        self.config = ""
        self.in_config = False
        self.words: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script":
            self.in_config = a.get("id") == "__config"
        if self.content_depth:
            if tag not in ("br", "img", "input", "meta", "link", "hr"):
                self.content_depth += 1
            return
        if tag == "article":
            self.content_depth = 1
            return
        self.words += [v for k, v in attrs if k in self.ATTRS and v]

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_config = False
        if self.content_depth:
            self.content_depth -= 1

    def handle_data(self, data: str) -> None:
        if self.in_config:
            self.config += data
        elif not self.content_depth and data.strip():
            self.words.append(" ".join(data.split()))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


def test_built_pages_ship_only_our_theme_words(built: Path) -> None:
    pages = sorted(built.rglob("*.html"))
    assert len(pages) > 20
    shipped: set[str] = set()
    for path in pages:
        parser = _Words()
        html = path.read_text(encoding="utf-8")
        parser.feed(html)
        if 'http-equiv="refresh"' in html:  # a root page leading to a campaign's: no theme
            shipped.update(parser.words)
            continue
        translations = json.loads(parser.config)["translations"]
        assert translations, path
        for key, text in translations.items():
            assert text == OURS[key], (path, key, text)
        shipped.update(translations.values())
        shipped.update(parser.words)
    problems = sorted({(w, why) for w in shipped if (why := wrong(w))})
    assert not problems, problems
    for key in ("action.skip", "top", "search.result.initializer", "search.placeholder"):
        assert OURS[key] in shipped, key
