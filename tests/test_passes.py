"""The post-build passes on a big site: the pages go through two worker processes in chunks,
and what lands on disk is exactly what each page's pure pass gives (the same bytes as one
process would write); a page the passes refuse still fails the whole run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.publish import passes as passes_module
from generator.publish.csp import policy, source_hash
from generator.publish.passes import (
    SEARCH_JS,
    SEARCH_JSON,
    PassError,
    Passes,
    apply_passes,
    page_pass,
)
from generator.site.search_index import fold_index

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Trang {n}</title>
<SCRIPT>var n = {mod};</SCRIPT>
<script
  type="module">import "./x.js";</script>
</head><body><a href="../don-vi/">Đơn vị</a> <a href="./">đây</a>
<p
 style="width: {n}%">Nguyễn Văn An</p><!-- <script>alert(1)</script> style="x" -->
<div title='<script>alert(2)</script>'>x</div><FORM>y</FORM></body></html>"""


def _site(root: Path, count: int) -> dict[str, str]:
    pages = {}
    for n in range(count):
        name = "index.html" if n == 0 else f"trang-{n:03d}/index.html"
        pages[name] = PAGE.replace("{n}", str(n)).replace("{mod}", str(n % 3))
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(pages[name], encoding="utf-8")
    index = {"config": {"fields": {"title": {"boost": 1000.0}}}, "docs": []}
    index["docs"] = [
        {"location": f"trang-{n:03d}/", "title": f"Trang {n}", "text": "<p>Đặng Thị</p>"}
        for n in reversed(range(1, count))
    ]
    (root / "search").mkdir()
    (root / SEARCH_JSON).write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    (root / SEARCH_JS).write_text("var __index = {}", encoding="utf-8")
    return pages


@pytest.mark.parametrize("offline", [False, True])
def test_a_big_site_gets_exactly_each_pages_own_pass(tmp_path: Path, offline: bool) -> None:
    count = passes_module._POOL_PAGES + 7  # enough pages for the two worker processes
    pages = _site(tmp_path, count)
    index = json.loads((tmp_path / SEARCH_JSON).read_text(encoding="utf-8"))
    passes = Passes(offline=offline)
    apply_passes(tmp_path, passes)
    for name, text in pages.items():
        assert (tmp_path / name).read_text(encoding="utf-8") == page_pass(text, name, passes)
    index["docs"] = passes_module.in_page_order(index["docs"])
    data = json.dumps(fold_index(index), ensure_ascii=False, separators=(",", ":"))
    assert (tmp_path / SEARCH_JSON).read_text(encoding="utf-8") == data
    assert (tmp_path / SEARCH_JS).read_text(encoding="utf-8") == "var __index = " + data
    done = (tmp_path / "trang-005/index.html").read_text(encoding="utf-8")
    link = '<a href="../don-vi/index.html">' if offline else '<a href="../don-vi/">'
    assert link in done


def test_a_refused_page_in_a_worker_fails_the_run(tmp_path: Path) -> None:
    _site(tmp_path, passes_module._POOL_PAGES + 1)
    bad = tmp_path / "trang-042/index.html"
    text = bad.read_text(encoding="utf-8")
    meta = '<meta charset="utf-8">'
    policy_tag = '<meta http-equiv="Content-Security-Policy" content="x">'
    bad.write_text(text.replace(meta, meta + policy_tag), encoding="utf-8")
    with pytest.raises(PassError, match=r"trang-042/index\.html"):
        apply_passes(tmp_path, Passes())


def test_the_scan_reads_upper_case_multi_line_and_hidden_code_as_the_browser() -> None:
    text = PAGE.replace("{n}", "7").replace("{mod}", "1")
    found = policy(text)
    script_src = found.split("; ")[1].split()
    assert script_src[2:] == sorted(
        [source_hash("var n = 1;"), source_hash('import "./x.js";')]
    )  # neither the commented-out script nor the one in an attribute value
    style_src = found.split("; ")[2].split()
    assert style_src == ["style-src", "'self'", "'unsafe-hashes'", source_hash("width: 7%")]
    assert found.endswith("form-action 'none'")  # a <FORM> without action posts nowhere
    upper = policy('<html><head></head><body><STYLE>p{}</STYLE><P STYLE="a">x</P></body>')
    assert source_hash("p{}") in upper and source_hash("a") in upper
    own = policy('<body><FORM ACTION="../ket-qua/">x</FORM><form>y</form></body>')
    assert own.endswith("form-action 'self'")


def test_the_forked_workers_freeze_the_heap_they_inherit():
    """The pass workers' and the search indexing workers' collections skip the parent's
    objects (read/gc_pause.inherited_heap_frozen); the parent's own collector is untouched."""
    import gc

    from generator.publish import passes, search_pages

    assert gc.get_freeze_count() == 0
    for pool in (passes.worker_pool(None), search_pages.worker_pool()):
        with pool:
            assert pool.submit(gc.get_freeze_count).result() > 0
    assert gc.get_freeze_count() == 0
