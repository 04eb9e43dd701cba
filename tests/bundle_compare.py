"""Prove a change to the site stage keeps every output byte: dump the bundle (every page
source and file) of the sample campaign alone and of the repository's three-campaign site,
with this checkout's code or an earlier commit's, and compare two dumps.

Run by hand (not a test module)::

    python -m tests.bundle_compare dump OUT            # this checkout's code
    python -m tests.bundle_compare dump-rev REV OUT    # the code of commit REV (git archive),
                                                       # on this checkout's config and data
    python -m tests.bundle_compare diff A B            # exit 1 on any difference

Both runs use this checkout's ``site_config/`` and ``data/`` and ``SOURCE_DATE_EPOCH`` =
01/01/2020, so only the code differs; the publication history runs (git) as a build does.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EPOCH = "1577836800"


def dump(out: Path, root: Path = ROOT) -> None:
    """Write every page and file of both sites under ``out`` (``solo/``, ``site/``)."""
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    from generator.site.bundle import make_bundle
    from generator.site.campaigns import make_site

    configs = sorted((root / "site_config").glob("*.yml"))
    sites = {
        "solo": make_bundle(root / "site_config" / "vpubnd-cantho-2019.yml"),
        "site": make_site(configs),
    }
    for name, bundle in sites.items():
        assert bundle.ok, [i.code for i in bundle.issues]
        for path, text in bundle.pages.items():
            _write(out / name / "pages" / path, text.encode("utf-8"))
        for path, data in bundle.files.items():
            _write(out / name / "files" / path, data)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def dump_rev(rev: str, out: Path) -> None:
    """Dump with the code of ``rev`` (its generator/ only) on this checkout's inputs."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", rev, "generator"],
            check=True,
            capture_output=True,
        ).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        code = (
            "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
            "import generator; assert generator.__file__.startswith(sys.argv[1]);"
            f"sys.path.insert(1, {str(ROOT)!r});"
            "from tests.bundle_compare import dump; dump(Path(sys.argv[2]), Path(sys.argv[3]))"
        )
        subprocess.run([sys.executable, "-c", code, tmp, str(out), str(ROOT)], check=True)


def digests(top: Path) -> dict[str, str]:
    """Relative path → SHA-256 of every file under ``top``."""
    return {
        str(p.relative_to(top)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(top.rglob("*"))
        if p.is_file()
    }


def diff(a: Path, b: Path) -> int:
    """Print the paths that differ between two dumps; 0 when none does."""
    da, db = digests(a), digests(b)
    bad = sorted(p for p in da.keys() | db.keys() if da.get(p) != db.get(p))
    for p in bad:
        print("differs:" if p in da and p in db else "only in one:", p)
    print(f"{len(da)} files vs {len(db)} files, {len(bad)} differ")
    return 1 if bad else 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["dump"]:
        dump(Path(argv[1]))
    elif argv[:1] == ["dump-rev"]:
        dump_rev(argv[1], Path(argv[2]))
    elif argv[:1] == ["diff"]:
        return diff(Path(argv[1]), Path(argv[2]))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
