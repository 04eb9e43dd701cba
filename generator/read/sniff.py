"""What is this file really? Magic bytes, zip members, encryption and zip-bomb checks.

Runs inside the load worker, before any spreadsheet library touches the file. Everything
here reads a bounded number of bytes.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from generator.read import messages as msg

MiB = 1024 * 1024

# Limits of what a submitted spreadsheet may declare (far above any real submission).
MAX_FILE_BYTES = 100 * MiB  # size on disk of a workbook
MAX_CSV_BYTES = 20 * MiB  # size on disk of a CSV file
MAX_UNCOMPRESSED_BYTES = 200 * MiB  # sum of the uncompressed sizes of all zip members
MAX_RATIO = 100  # uncompressed / compressed size of one zip member ...
RATIO_MIN_BYTES = 1 * MiB  # ... checked for members at least this large
MAX_MEMBERS = 10_000  # zip members
MAX_ROWS = 100_000  # last row holding data
MAX_COLS = 1_024  # last column holding data (AMJ, LibreOffice's classic limit)
MAX_DIMENSION_COLS = 16_383  # a declared <dimension> reaching XFD is refused
MAX_CELLS = 1_000_000  # rows x columns of the grid a sheet needs (fits in 512 MB, 10 s)

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


@dataclass(frozen=True)
class Sniffed:
    """The kind of content found: 'zip', 'ole2', 'pdf', 'html', 'xml', 'xml2003', 'csv',
    'text', 'binary' or 'empty'."""

    kind: str
    size: int


def sniff(path: Path) -> Sniffed:
    """Classify a file by its first bytes."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        head = fh.read(8192)
    return Sniffed(_kind_of(head), size)


def _kind_of(head: bytes) -> str:
    if not head:
        return "empty"
    if head.startswith(OLE2_MAGIC):
        return "ole2"
    if head.startswith(ZIP_MAGICS):
        return "zip"
    if head.startswith(b"%PDF"):
        return "pdf"
    text = _as_text(head)
    if text is None:
        return "binary"
    return _text_kind(text)


def _as_text(head: bytes) -> str | None:
    """Decode a prefix as text if it plausibly is text (UTF-8, UTF-16 or a legacy 8-bit)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="replace")
    if b"\x00" in head:
        return None
    text = (
        head.decode("utf-8", errors="ignore")
        if _mostly_utf8(head)
        else head.decode("cp1252", "replace")
    )
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
    return None if controls > len(text) // 20 else text


def _mostly_utf8(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut by the 8 KiB window is still UTF-8.
        return exc.start >= len(head) - 3
    return True


def _text_kind(text: str) -> str:
    low = text.lstrip("\ufeff \t\r\n").lower()
    if low.startswith(("<!doctype html", "<html")) or "<table" in low[:2048]:
        return "html"
    if low.startswith("<?xml") or low.startswith("<"):
        if "urn:schemas-microsoft-com:office:spreadsheet" in low:
            return "xml2003"
        return "html" if "<html" in low[:2048] else "xml"
    return "csv" if any(sep in text for sep in ",;\t") else "text"


# --------------------------------------------------------------------------- zip


def zip_kind(zf: zipfile.ZipFile) -> str:
    """What a zip archive holds: 'xlsx', 'xlsb', 'ods', 'docx', 'pptx', 'odf' or 'zip'."""
    names = set(zf.namelist())
    if "mimetype" in names:
        mime = _read_small(zf, "mimetype", 200).strip()
        return "ods" if mime == ODS_MIMETYPE else "odf"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if "content.xml" in names and "META-INF/manifest.xml" in names:
        return "ods"  # an ODS without its (optional) mimetype member
    if "word/document.xml" in names:
        return "docx"
    if any(n.startswith("ppt/") for n in names):
        return "pptx"
    return "zip"


def _read_small(zf: zipfile.ZipFile, name: str, limit: int) -> bytes:
    with zf.open(name) as fh:
        return fh.read(limit)


def check_zip_bomb(
    zf: zipfile.ZipFile,
    rel: str,
    *,
    max_total: int = MAX_UNCOMPRESSED_BYTES,
    max_ratio: int = MAX_RATIO,
) -> None:
    """Refuse archives whose declared sizes are beyond the limits (before decompressing)."""
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise msg.LoadRefused(
            msg.too_large(
                rel,
                f"tệp nén chứa {len(infos)} thành phần",
                f"the archive has {len(infos)} members",
            )
        )
    total = sum(i.file_size for i in infos)
    if total > max_total:
        raise msg.LoadRefused(
            msg.too_large(
                rel,
                f"dữ liệu giải nén {total // MiB} MB, vượt giới hạn {max_total // MiB} MB",
                f"{total // MiB} MB uncompressed, above the {max_total // MiB} MB limit",
            )
        )
    for info in infos:
        if info.file_size >= min(RATIO_MIN_BYTES, max_total) and (
            info.file_size > max_ratio * max(info.compress_size, 1)
        ):
            ratio = info.file_size // max(info.compress_size, 1)
            raise msg.LoadRefused(
                msg.too_large(
                    rel,
                    f"thành phần {info.filename} nén với tỉ lệ {ratio}:1 (nghi là bom nén)",
                    f"member {info.filename} has a compression ratio of {ratio}:1 (zip bomb?)",
                )
            )


def ods_is_encrypted(zf: zipfile.ZipFile) -> bool:
    """An ODS saved with a password lists encryption data in its manifest."""
    try:
        manifest = _read_small(zf, "META-INF/manifest.xml", 1 * MiB)
    except KeyError:
        return False
    return b"encryption-data" in manifest


# --------------------------------------------------------------------------- OLE2


def ole2_kind(path: Path) -> str:
    """What an OLE2 compound file holds: 'encrypted', 'xls' or 'ole2' (something else)."""
    if _msoffcrypto_encrypted(path):
        return "encrypted"
    streams = _ole2_streams(path)
    if {"encryptioninfo", "encryptedpackage"} <= streams:
        return "encrypted"
    if streams & {"workbook", "book"}:
        return "xls"
    return "ole2"


def _msoffcrypto_encrypted(path: Path) -> bool:
    import msoffcrypto

    try:
        with path.open("rb") as fh:
            return bool(msoffcrypto.OfficeFile(fh).is_encrypted())
    except Exception:  # not an Office file msoffcrypto knows: decide from the streams
        return False


def _ole2_streams(path: Path) -> set[str]:
    import olefile  # type: ignore[import-untyped]

    try:
        with olefile.OleFileIO(str(path)) as ole:
            return {"/".join(entry).lower() for entry in ole.listdir()}
    except Exception:
        return set()


def open_zip(path: Path, rel: str) -> zipfile.ZipFile:
    """Open a zip archive, turning a broken one into `file-unreadable`."""
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise msg.LoadRefused(msg.unreadable(rel, f"broken zip container ({exc})")) from exc
