"""Build a site the way CI does (``thidua build`` in a subprocess) and read every byte of it.

``published_texts`` yields the text of every built file, looking inside compressed and
zipped files: ``.gz`` decompressed, each XML part of ``.xlsx`` unzipped, JSON re-serialised
without ``\\u`` escapes and HTML with its character references decoded — so a value can't
hide from a search behind an encoding.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import io
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path

from tests.builders.founding import SOLO_CONFIG

ROOT = Path(__file__).resolve().parents[2]
CONFIG = SOLO_CONFIG  # the founding campaign alone, pages at the root
SAMPLE = ROOT / "data" / "vpubnd-cantho-2019"
THIDUA = [sys.executable, "-m", "generator"]


def thidua_build(
    data: Path,
    out: Path,
    *,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    mkdocs_file: Path | None = None,
    timeout: float = 300,
    config: Path = CONFIG,
) -> subprocess.CompletedProcess[str]:
    """``thidua build --data DATA --out OUT`` in a subprocess (the CI command)."""
    base = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    run_env = {**base, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    run_env["PYTHONPATH"] = str(ROOT)
    args = [
        *THIDUA,
        "build",
        "--data",
        str(data),
        "--config",
        str(config),
        "--out",
        str(out),
        "--mkdocs-file",
        str(mkdocs_file or ROOT / "mkdocs.yml"),
    ]
    return subprocess.run(
        args,
        cwd=cwd or ROOT,
        env=run_env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def project_copy(tmp: Path) -> Path:
    """mkdocs.yml over a copy of content/ in ``tmp`` (the theme overrides stay in place), for
    tests that add a hand-written file; returns the copied mkdocs.yml."""
    import shutil

    shutil.copytree(ROOT / "content", tmp / "content")
    conf = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    conf = conf.replace("docs_dir: content", f"docs_dir: {tmp / 'content'}")
    conf = conf.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    yml = tmp / "mkdocs.yml"
    yml.write_text(conf, encoding="utf-8")
    return yml


def build_ok(data: Path, out: Path, **kwargs: object) -> Path:
    proc = thidua_build(data, out, **kwargs)  # type: ignore[arg-type]
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out


def files_of(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def tree_hash(root: Path) -> dict[str, str]:
    """Site path → SHA-256 of every file (and '<dir>' for folders)."""
    out: dict[str, str] = {}
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        out[rel] = hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "<dir>"
    return out


def _decoded(name: str, data: bytes) -> Iterator[tuple[str, str]]:
    text = data.decode("utf-8", errors="replace")
    yield name, text
    if name.endswith(".json"):
        yield name + " (json)", _json_text(text)
    if name.endswith((".html", ".xml", ".rels")) or ".xlsx:" in name:
        yield name + " (unescaped)", html.unescape(text)


def _json_text(text: str) -> str:
    """JSON without \\u escapes (mkdocs writes the search index ASCII-only)."""
    try:
        return json.dumps(json.loads(text), ensure_ascii=False)
    except ValueError:
        return text


def published_texts(root: Path) -> Iterator[tuple[str, str]]:
    """(label, text) for every file of a built site, looking inside .gz and .xlsx files."""
    for path in files_of(root):
        name = path.relative_to(root).as_posix()
        data = path.read_bytes()
        if name.endswith(".gz"):
            yield from _decoded(name.removesuffix(".gz"), gzip.decompress(data))
        elif name.endswith(".xlsx"):
            with zipfile.ZipFile(io.BytesIO(data)) as book:
                for part in book.namelist():
                    yield from _decoded(f"{name}:{part}", book.read(part))
        else:
            yield from _decoded(name, data)


_BUILT: dict[str, Path] = {}


def sample_site(tmp_path_factory: object) -> Path:
    """The sample campaign built once per test session by ``thidua build`` (shared)."""
    if "sample" not in _BUILT:
        out = tmp_path_factory.mktemp("sample-site") / "site"  # type: ignore[attr-defined]
        _BUILT["sample"] = build_ok(SAMPLE, out)
    return _BUILT["sample"]
