"""A Content-Security-Policy on every page (issue 5, must show 3).

Every built page declares its policy in a ``<meta http-equiv>`` placed before any script:
only the site's own files, the theme's inline scripts by SHA-256 hash, inline style
attributes by hash (never 'unsafe-inline' nor 'unsafe-eval'), no plugins, no foreign base or
form target. Chromium then opens one page of every kind — and runs the search — with zero
violations; a script added to the page at run time is refused, which shows the policy is
really in force.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.publish.checks import CheckFailed, check_built_site
from generator.publish.csp import add_policy, declared_policy, policy, source_hash
from tests.builders.chromium import serve
from tests.safety.browser import WATCH, chromium, in_own_thread
from tests.safety.sites import files_of, sample_site

PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>x</title>
<script>var a = 1;</script>
<script id="__config" type="application/json">{"b": 2}</script>
<script src="assets/x.js"></script>
<style>p { color: red }</style>
</head><body><p style="width: 10%">x</p><div style="width: 10%"></div>
<p style="color: blue">&lt;script&gt;alert(1)&lt;/script&gt;</p></body></html>"""


def directives(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for part in text.split(";"):
        name, *values = part.split()
        out[name] = values
    return out


def test_policy_hashes_exactly_the_inline_code() -> None:
    d = directives(policy(PAGE))
    assert d["default-src"] == ["'self'"]
    assert d["script-src"] == ["'self'", source_hash("var a = 1;")]  # not the JSON block
    assert d["style-src"][0] == "'self'"
    assert source_hash("p { color: red }") in d["style-src"]
    assert "'unsafe-hashes'" in d["style-src"]
    assert source_hash("width: 10%") in d["style-src"]
    assert source_hash("color: blue") in d["style-src"]
    assert len(d["style-src"]) == 5  # self, <style>, unsafe-hashes, 2 distinct attributes
    assert d["object-src"] == ["'none'"] and d["base-uri"] == ["'self'"]
    assert d["form-action"] == ["'none'"] and d["img-src"] == ["'self'", "data:"]
    assert "'unsafe-inline'" not in policy(PAGE) and "'unsafe-eval'" not in policy(PAGE)
    # the well-known example of the CSP spec
    assert source_hash("alert('Hello, world.');") == (
        "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    )


def test_meta_comes_before_every_script_and_only_once() -> None:
    out = add_policy(PAGE)
    meta = out.index('<meta http-equiv="Content-Security-Policy"')
    assert out.index('<meta charset="utf-8">') < meta < out.index("<script")
    assert declared_policy(out) == policy(PAGE)
    with pytest.raises(ValueError):
        add_policy(out)
    with pytest.raises(ValueError):
        add_policy("<p>no head</p>")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_site(tmp_path_factory)


def _inline_scripts(html: str) -> list[str]:
    scripts = re.findall(r"<script(\s[^>]*)?>(.*?)</script>", html, re.S)
    return [body for attrs, body in scripts if "src=" not in attrs and "json" not in attrs]


def test_every_built_page_declares_its_policy(site: Path) -> None:
    html_pages = [p for p in files_of(site) if p.suffix == ".html"]
    assert len(html_pages) > 20
    for path in html_pages:
        html = path.read_text(encoding="utf-8")
        declared = declared_policy(html)
        assert declared is not None, path
        assert html.count("Content-Security-Policy") == 1, path
        head = html[: html.index("</head>")]
        assert head.index("Content-Security-Policy") < head.index("<script"), path
        d = directives(declared)
        for body in _inline_scripts(html):
            assert source_hash(body) in d["script-src"], (path, body[:80])
        assert "'unsafe-inline'" not in declared and "'unsafe-eval'" not in declared, path
    check_built_site(site)  # what `thidua build` checks before publishing


def test_publish_refuses_a_page_without_policy(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<html><head></head></html>", encoding="utf-8")
    with pytest.raises(CheckFailed, match="Content-Security-Policy"):
        check_built_site(tmp_path)


# One page of every kind (SPEC §5), the news and the 404 page.
PAGE_KINDS = (
    "",
    "ke-hoach/",
    "tieu-chi/",
    "tien-do/",
    "ket-qua/tap-the/",
    "ket-qua/ca-nhan/",
    "vinh-danh/",
    "sang-kien/",
    "don-vi/",
    "don-vi/th/",
    "du-lieu-mo/",
    "cap-nhat/",
    "404.html",
)


@pytest.mark.browser
def test_site_works_with_zero_violations_in_chromium(site: Path) -> None:
    in_own_thread(lambda: _browse_every_kind(site))


def _browse_every_kind(site: Path) -> None:
    kinds = list(PAGE_KINDS)
    if (site / "tin-tuc" / "index.html").exists():
        kinds.append("tin-tuc/")
    with serve(site) as base, chromium() as browser:
        page = browser.new_page()
        page.add_init_script(WATCH)
        errors: list[str] = []  # CSP reports and uncaught script errors (not 404s: not ours)
        page.on(
            "console",
            lambda m: (
                errors.append(m.text)
                if m.type == "error" and re.search(r"Content.Security.Policy|Refused to", m.text)
                else None
            ),
        )
        page.on("pageerror", lambda e: errors.append(str(e)))
        for kind in kinds:
            response = page.goto(base + kind)
            assert response is not None and response.ok, kind
            page.wait_for_load_state("load")
            page.wait_for_timeout(50)  # late reports arrive as events
            assert page.evaluate("window.__violations") == [], kind
            assert page.locator("meta[http-equiv='Content-Security-Policy']").count() == 1
        # the search worker loads and answers under the policy
        page.goto(base + "ket-qua/ca-nhan/")
        search = page.locator("input.md-search__input")
        search.click()
        search.press_sequentially("Phong")
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        assert page.locator(".md-search-result__item").count() > 0
        assert page.evaluate("window.__violations") == []
        assert errors == []
        # the policy is in force: a script injected at run time is refused
        page.goto(base)
        page.evaluate(
            """() => { const s = document.createElement('script');
                       s.textContent = 'window.__probe = 1'; document.head.appendChild(s); }"""
        )
        page.wait_for_timeout(100)
        assert page.evaluate("window.__probe === undefined")
        assert any("script-src" in v for v in page.evaluate("window.__violations"))


def test_policy_added_by_the_plugin_except_in_the_live_preview(tmp_path: Path) -> None:
    from types import SimpleNamespace

    from generator.mkdocs_plugin import ThiduaPlugin

    def built_by(command: str) -> Path:
        site = tmp_path / command
        site.mkdir()
        for name in ("index.html", "404.html"):
            (site / name).write_text(PAGE, encoding="utf-8")
        (site / "sitemap.xml").write_text("<urlset/>", encoding="utf-8")
        plugin = ThiduaPlugin()
        plugin.on_startup(command=command, dirty=False)
        config = SimpleNamespace(site_dir=str(site), use_directory_urls=True)
        plugin.on_post_build(config=config)  # type: ignore[arg-type]
        return site

    site = built_by("build")
    assert declared_policy((site / "index.html").read_text(encoding="utf-8")) == policy(PAGE)
    assert declared_policy((site / "404.html").read_text(encoding="utf-8"))  # theme pages too
    assert (site / "sitemap.xml").read_text(encoding="utf-8") == "<urlset/>"
    # `mkdocs serve` injects an inline live-reload script (a new one per request)
    assert (built_by("serve") / "index.html").read_text(encoding="utf-8") == PAGE


def test_form_action_is_none_unless_a_form_needs_more() -> None:
    """Issue 14: ``form-action`` is the comment endpoint's origin, else 'none'; a page with a
    form to one of the site's own pages (the home page's look-up) also allows 'self'."""
    plain = "<html><head><meta charset='utf-8'></head><body><p>x</p></body></html>"
    lookup = plain.replace("<p>x</p>", '<form action="ket-qua/ca-nhan/" method="get"></form>')
    outside = plain.replace("<p>x</p>", '<form action="https://evil.example/x"></form>')
    origin = "https://gopy.example.gov.vn"
    assert directives(policy(plain))["form-action"] == ["'none'"]
    assert directives(policy(outside))["form-action"] == ["'none'"]  # never allowed by itself
    assert directives(policy(lookup))["form-action"] == ["'self'"]
    assert directives(policy(plain, form_action=origin))["form-action"] == [origin]
    assert directives(policy(lookup, form_action=origin))["form-action"] == ["'self'", origin]
    assert directives(policy(outside, form_action=origin))["form-action"] == [origin]


def test_the_passes_give_each_campaign_folder_its_own_form_origin() -> None:
    from generator.publish.passes import Passes

    lone = Passes(form_origins=(("", "https://a.example"),))
    assert lone.form_origin("ket-qua/ca-nhan/index.html") == "https://a.example"
    assert lone.form_origin("index.html") == "https://a.example"
    several = Passes(sections=("x", "y"), form_origins=(("y", "https://b.example:8443"),))
    assert several.form_origin("y/gop-y/index.html") == "https://b.example:8443"
    assert several.form_origin("x/gop-y/index.html") is None
    assert several.form_origin("index.html") is None
