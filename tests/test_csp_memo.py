"""The policy memo (publish/csp_memo.py): a page that is last build's but for the data's date
gets last build's policy, with exactly the bytes a full parse gives; anything else is parsed.

Real pages come from the sample campaign's built site with their policy taken out again
(the builder's output, before the passes)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.publish import csp, csp_memo
from generator.publish import passes as passes_module
from generator.publish.build_memo import PageMemo
from generator.publish.passes import Passes, apply_passes
from tests.safety.sites import sample_site

_META = re.compile(r'\n    <meta http-equiv="Content-Security-Policy" content="[^"]*">')
OPEN = '<p class="thidua-updated" data-search-exclude>Dữ liệu cập nhật lần cuối: '
_PARAGRAPH_DATE = re.compile(re.escape(OPEN) + r'<time datetime="([0-9-]+)">([0-9/]+)</time>\.</p>')
DATED = OPEN + '<time datetime="2026-12-03">03/12/2026</time>.</p>'
UNDATED = OPEN + "chưa rõ.</p>"


def _dated(day: int, month: int, year: int) -> str:
    iso, shown = f"{year:04d}-{month:02d}-{day:02d}", f"{day:02d}/{month:02d}/{year:04d}"
    return f'{OPEN}<time datetime="{iso}">{shown}</time>.</p>'


# --- the proof's premise: read in pieces at rest = read whole, on any page -------------------

_BITS = [
    "x", " ", "\n", "<", ">", "&", "&amp;", "&#", "&#x4", "&lt", ";", '"', "'", "=", "/",
    "<p>", "</p>", "<div>", "</div>", '<div title="', "<div title='", "<a href=x ", "<br/>",
    "<script>", "</script>", "<SCRIPT type=module>", '<script type="application/json">',
    "<script src=a.js>", "<style>", "</style>", "</ style>", "<!--", "-->", "<!", "<?", "</",
    "<![CDATA[", "]]>", "<!doctype html>", '<p style="color: red">', "<b style='x'/>",
    '<form action="ket-qua/">', "<form action=//x>", "</form>", "a{b}", "var a = 1;",
]  # fmt: skip
_TEXT = st.lists(st.sampled_from(_BITS), max_size=14).map("".join)
_DATES = st.builds(_dated, st.integers(1, 28), st.integers(1, 12), st.integers(1000, 9999))
_PARAGRAPH = st.one_of(st.just(UNDATED), _DATES)


@settings(max_examples=600, deadline=None)
@given(_TEXT, _PARAGRAPH, _TEXT, st.sampled_from([None, "https://gop-y.example.vn"]))
def test_pieces_at_rest_read_as_the_whole_page(before, paragraph, after, origin):
    found = csp_memo.in_pieces((before, paragraph, after), origin)
    whole = csp.policy(before + paragraph + after, form_action=origin)
    assert found is None or found == whole


@settings(max_examples=600, deadline=None)
@given(_TEXT, _PARAGRAPH, _PARAGRAPH, _TEXT)
def test_a_kept_policy_is_right_for_any_other_date(before, first, second, after):
    memo = PageMemo(None, csp_memo.MEMO_NAME, "test")
    for paragraph in (first, second, first):
        page = before + paragraph + after
        assert csp_memo.policy(page, form_action=None, memo=memo) == csp.policy(page)


PLANTED = [
    "<script>var a = '{p}';</script>",  # inside a script: the date is script text
    '<div title="{p}">x</div>',  # inside an attribute value
    "<!-- {p} -->",  # inside a comment
    "<style>p::after {{ content: '{p}' }}</style>",
    "<div style=\"x\" title='{p}'>x</div>",
]


@pytest.mark.parametrize("where", PLANTED)
def test_a_date_paragraph_planted_inside_code_never_gives_a_wrong_policy(where):
    memo = PageMemo(None, csp_memo.MEMO_NAME, "test")
    page = '<html><head><meta charset="utf-8"></head><body>' + where + "</body></html>"
    for paragraph in (DATED, UNDATED, _dated(1, 2, 2030), DATED):
        text = page.format(p=paragraph)
        parts = csp_memo.split_date(text)
        assert parts is not None  # found, and strict enough to fullmatch
        assert csp_memo.in_pieces(parts, None) is None  # not at rest: never stored
        assert csp_memo.policy(text, form_action=None, memo=memo) == csp.policy(text)
    assert memo.stats.stored == 0


def test_only_the_templates_exact_paragraph_is_cut_out():
    for fake in [
        DATED.replace("2026-12-03", "2026-12-03&quot;"),
        DATED.replace("03/12/2026", "03/12/2026<b>"),
        DATED.replace("03/12/2026", "٠٣/١٢/٢٠٢٦"),  # digits, but not ASCII ones
        UNDATED.replace("chưa rõ", "chưa rõ'"),
        DATED.replace("<time ", '<time style="x" '),
        DATED.replace(".</p>", ".</p >"),
    ]:
        assert csp_memo.split_date(f"a{fake}b") is None, fake
    assert csp_memo.split_date(f"a{DATED}b") == ("a", DATED, "b")
    assert csp_memo.split_date(f"a{UNDATED}b{DATED}") is None  # two: keyed by the whole page


# --- real pages: the sample site before its policy pass ---------------------------------------


@pytest.fixture(scope="module")
def raw_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site's files, its pages without their policy (as the builder wrote them)."""
    built = sample_site(tmp_path_factory)
    raw = tmp_path_factory.mktemp("csp-memo") / "raw"
    shutil.copytree(built, raw)
    for page in raw.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        page.write_text(_META.sub("", text, count=1), encoding="utf-8")
    return raw


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _shown_date(site: Path) -> tuple[str, str]:
    """The date the site's pages show: ISO, and as the reader sees it."""
    found = _PARAGRAPH_DATE.search((site / "index.html").read_text(encoding="utf-8"))
    assert found is not None
    return found.group(1), found.group(2)


def _copy(raw: Path, to: Path, *, date: str | None = None, copies: int = 0) -> Path:
    """A copy of the raw site with ``copies`` more copies of its pages (a site for the pool),
    the data's date everywhere changed to ``date`` (ISO; "": the date paragraphs only, to the
    unknown date's form)."""
    shutil.copytree(raw, to)
    pages = sorted(to.rglob("*.html"))
    for n in range(copies):
        for page in pages:
            twin = to / f"ban-{n}" / page.relative_to(to)
            twin.parent.mkdir(parents=True, exist_ok=True)
            text = page.read_text(encoding="utf-8")  # its own page, not last one's bytes
            twin.write_text(text.replace("</body>", f"<!-- ban {n} --></body>"), "utf-8")
    if date is None:
        return to
    iso, shown = _shown_date(raw)
    new_shown = "/".join(reversed(date.split("-")))
    for page in to.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if date:
            text = text.replace(iso, date).replace(shown, new_shown)
        else:
            text = _PARAGRAPH_DATE.sub(UNDATED, text)
        page.write_text(text, encoding="utf-8")
    return to


def _inert_pages(site: Path, date: str) -> int:
    """The pages of ``site`` whose text outside the date paragraph never shows ``date``."""
    count = 0
    for page in site.rglob("*.html"):
        parts = csp_memo.split_date(page.read_text(encoding="utf-8"))
        count += parts is not None and date not in parts[0] + parts[2]
    return count


@pytest.mark.parametrize("copies", [0, 2])  # in this process; in the two workers
def test_a_second_pass_with_another_date_hits_and_gives_the_same_bytes(
    raw_site, tmp_path, monkeypatch, copies
):
    monkeypatch.setenv("THIDUA_CACHE_DIR", str(tmp_path / "cache"))
    first = _copy(raw_site, tmp_path / "first", copies=copies)
    pages = len(list(first.rglob("*.html")))
    assert (pages >= passes_module._POOL_PAGES) == (copies > 0)
    cold = apply_passes(first, Passes())
    assert cold is not None and (cold.hits, cold.misses) == (0, pages)
    assert cold.stored == pages  # no page of the sample plants its date anywhere odd
    shutil.copytree(tmp_path / "cache", tmp_path / "cold")
    shown = _shown_date(raw_site)[1]
    for date in ("2031-07-09", ""):
        again = _copy(raw_site, tmp_path / f"again{date}", date=date, copies=copies)
        plain = _copy(raw_site, tmp_path / f"plain{date}", date=date, copies=copies)
        shutil.rmtree(tmp_path / "cache")  # the cold pass's memo (a pass keeps only its own)
        shutil.copytree(tmp_path / "cold", tmp_path / "cache")
        # a new date: the pages that show it only in their date paragraph (not the theme's
        # pages, nor the home page); only the paragraphs changed: every page
        expected = _inert_pages(first, shown) if date else pages
        assert expected > pages // 2, (expected, pages)
        warm = apply_passes(again, Passes())
        assert warm is not None and (warm.hits, warm.misses) == (expected, pages - expected)
        monkeypatch.setenv("THIDUA_NO_CACHE", "1")
        assert apply_passes(plain, Passes()) is None
        monkeypatch.delenv("THIDUA_NO_CACHE")
        got, want = _files(again), _files(plain)
        assert sorted(got) == sorted(want)
        assert [name for name in got if got[name] != want[name]] == []


def test_a_page_changed_anywhere_else_misses(raw_site, tmp_path, monkeypatch):
    monkeypatch.setenv("THIDUA_CACHE_DIR", str(tmp_path / "cache"))
    first = _copy(raw_site, tmp_path / "first")
    apply_passes(first, Passes())
    again = _copy(raw_site, tmp_path / "again", date="2031-07-09")
    page = again / "don-vi" / "kt" / "index.html"
    text = page.read_text(encoding="utf-8")
    assert csp_memo.split_date(text) is not None
    page.write_text(text.replace("</body>", '<p style="color: red">x</p></body>'), "utf-8")
    warm = apply_passes(again, Passes())
    pages = len(list(again.rglob("*.html")))
    expected = _inert_pages(first, _shown_date(raw_site)[1]) - 1  # not that page
    assert warm is not None and (warm.hits, warm.misses) == (expected, pages - expected)
    assert csp.source_hash("color: red") in page.read_text(encoding="utf-8")


def _memo_file(cache: Path) -> Path:
    return cache / "build" / f"{csp_memo.MEMO_NAME}.json"


@pytest.mark.parametrize("damage", ["garbage", "truncated", "tampered", "foreign"])
def test_a_bad_memo_file_is_ignored_and_replaced(raw_site, tmp_path, monkeypatch, damage):
    cache = tmp_path / "cache"
    monkeypatch.setenv("THIDUA_CACHE_DIR", str(cache))
    apply_passes(_copy(raw_site, tmp_path / "first"), Passes())
    memo = _memo_file(cache)
    data = memo.read_bytes()
    head, _, payload = data.partition(b"\n")
    entries = json.loads(payload)
    if damage == "garbage":
        data = b"\x00not a memo"
    elif damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "tampered":  # a policy changed, the checksum left as it was
        key = sorted(entries)[0]
        entries[key] = "default-src *"
        data = head + b"\n" + json.dumps(entries, ensure_ascii=False, sort_keys=True).encode()
    else:  # another version's file, checksum and all
        foreign = PageMemo(memo, csp_memo.MEMO_NAME, "another version")
        for key in entries:
            foreign.put(key, "default-src *")
        foreign.save()
        data = memo.read_bytes()
    memo.write_bytes(data)
    again = _copy(raw_site, tmp_path / "again", date="2031-07-09")
    plain = _copy(raw_site, tmp_path / "plain", date="2031-07-09")
    stats = apply_passes(again, Passes())
    assert stats is not None and stats.rejected and stats.hits == 0
    monkeypatch.setenv("THIDUA_NO_CACHE", "1")
    apply_passes(plain, Passes())
    assert _files(again) == _files(plain)
    assert "default-src *" not in memo.read_text(encoding="utf-8")
    assert PageMemo.open(csp_memo.MEMO_NAME, csp_memo.memo_version(), cache).stats.rejected is False


def test_no_cache_writes_no_memo(raw_site, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("THIDUA_CACHE_DIR", str(cache))
    monkeypatch.setenv("THIDUA_NO_CACHE", "1")
    assert apply_passes(_copy(raw_site, tmp_path / "site"), Passes()) is None
    assert not cache.exists()


def test_a_memo_that_cannot_be_written_never_fails_the_build(raw_site, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("THIDUA_CACHE_DIR", str(blocker))  # its build/ folder cannot be made
    site = _copy(raw_site, tmp_path / "site")
    stats = apply_passes(site, Passes())
    assert stats is not None and stats.stored > 0 and not _memo_file(blocker).exists()
    assert all(csp.declared_policy(p.read_text(encoding="utf-8")) for p in site.rglob("*.html"))
