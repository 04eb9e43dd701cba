"""Browser libraries the site serves from itself, vendored from npm (no CDN, no Node at build).

``package.json`` / ``package-lock.json`` at the repository root pin the versions (written by
``npm install --save-exact``). ``python -m generator.site.vendor`` refreshes the copies under
``generator/assets/vendor/``: for each package it fetches the locked tarball with ``npm pack``,
checks the tarball against the lock file's ``integrity`` (sha512), extracts the files listed
in :data:`FILES` and records their SHA-256 in ``manifest.json``. The tests check the copies
against that manifest, the manifest against the lock file, and (when ``node_modules/`` is
there) the copies against the installed packages. Building the site only reads the copies.
"""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path, PurePosixPath
from typing import Any

VENDOR_DIR = Path(__file__).parent / "assets" / "vendor"
MANIFEST = VENDOR_DIR / "manifest.json"
SITE_PREFIX = "assets/vendor"  # where the copies are published in the site
LICENCE_NAMES = frozenset({"LICENSE", "LICENCE"})

# package → {file in the package → file under generator/assets/vendor/}
FILES: dict[str, dict[str, str]] = {
    "tablesort": {
        "dist/tablesort.min.js": "tablesort/tablesort.min.js",
        "dist/sorts/tablesort.number.min.js": "tablesort/tablesort.number.min.js",
        "LICENCE": "tablesort/LICENCE",
    },
}


def manifest() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(MANIFEST.read_text(encoding="utf-8"))
    return data


def site_files() -> dict[str, bytes]:
    """The vendored scripts as site paths → bytes (``assets/vendor/tablesort/…``).

    Only scripts are published (the site's allow-list has no place for a bare LICENSE
    file); each one starts with its package's licence as a preserved ``/*! … */`` comment,
    followed by the package's file unchanged.
    """
    files = manifest()["files"]
    licences = {
        info["package"]: (VENDOR_DIR / name).read_text(encoding="utf-8")
        for name, info in files.items()
        if PurePosixPath(name).name in LICENCE_NAMES
    }
    out: dict[str, bytes] = {}
    for name in sorted(files):
        if PurePosixPath(name).name in LICENCE_NAMES:
            continue
        info = files[name]
        notice = licences.get(info["package"], "").replace("*/", "* /").strip()
        header = f"/*! {info['package']} {info['version']} — {info['source']}\n\n{notice}\n*/\n"
        out[f"{SITE_PREFIX}/{name}"] = header.encode("utf-8") + (VENDOR_DIR / name).read_bytes()
    return out


def locked_versions(root: Path) -> dict[str, tuple[str, str]]:
    """package → (version, integrity) from ``package-lock.json``."""
    lock = json.loads((root / "package-lock.json").read_text(encoding="utf-8"))
    return {
        name: (lock["packages"][f"node_modules/{name}"]["version"],
               lock["packages"][f"node_modules/{name}"]["integrity"])
        for name in FILES
    }  # fmt: skip


def sri_sha512(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def refresh(root: Path) -> dict[str, object]:  # pragma: no cover - needs npm and the registry
    """Fetch the locked tarballs, verify them, extract the files, write the manifest."""
    files: dict[str, dict[str, str]] = {}
    packages: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (version, integrity) in locked_versions(root).items():
            out = subprocess.run(
                ["npm", "pack", f"{name}@{version}", "--json", "--pack-destination", tmp],
                cwd=root, capture_output=True, text=True, check=True,
            ).stdout  # fmt: skip
            tarball = Path(tmp) / json.loads(out)[0]["filename"]
            data = tarball.read_bytes()
            if sri_sha512(data) != integrity:
                raise SystemExit(f"{name}@{version}: tarball does not match package-lock.json")
            packages[name] = {"version": version, "integrity": integrity}
            with tarfile.open(tarball) as tar:
                for source, target in FILES[name].items():
                    member = tar.extractfile(f"package/{source}")
                    if member is None:
                        raise SystemExit(f"{name}: no file {source}")
                    content = member.read()
                    (VENDOR_DIR / target).parent.mkdir(parents=True, exist_ok=True)
                    (VENDOR_DIR / target).write_bytes(content)
                    files[target] = {
                        "package": name,
                        "version": version,
                        "source": source,
                        "sha256": hashlib.sha256(content).hexdigest(),
                    }
    manifest: dict[str, object] = {"packages": packages, "files": files}
    MANIFEST.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return manifest


if __name__ == "__main__":  # pragma: no cover
    refresh(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd())
    print(f"vendored files refreshed in {VENDOR_DIR}")
