"""File-level problems of the load stage, as :class:`Issue` records (Vietnamese + English).

Shared by the parent (:mod:`generator.read.load`, which reports timeouts and dead workers) and the
worker (:mod:`generator.read.worker`, which reports everything it can see in the file).
Every message names the file; ``message_en`` carries the technical detail.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.read.issues import Issue

# What a file's content looks like, for `file-format-mismatch` (Vietnamese, English).
LOOKS_LIKE: dict[str, tuple[str, str]] = {
    "xlsx": ("bảng tính Excel (.xlsx)", "an Excel workbook (.xlsx)"),
    "xlsb": ("bảng tính Excel nhị phân (.xlsb)", "an Excel binary workbook (.xlsb)"),
    "ods": ("bảng tính OpenDocument (.ods)", "an OpenDocument spreadsheet (.ods)"),
    "xls": ("bảng tính Excel 97–2003 (.xls)", "a legacy Excel 97-2003 workbook (.xls)"),
    "docx": ("văn bản Word (.docx)", "a Word document (.docx)"),
    "pptx": ("bản trình chiếu PowerPoint (.pptx)", "a PowerPoint presentation (.pptx)"),
    "odf": (
        "tài liệu OpenDocument không phải bảng tính",
        "an OpenDocument file that is not a spreadsheet",
    ),
    "zip": ("một tệp nén .zip", "a zip archive"),
    "ole2": (
        "tài liệu Office 97–2003 không phải bảng tính",
        "an Office 97-2003 document that is not a workbook",
    ),
    "pdf": ("tệp PDF", "a PDF document"),
    "html": ("trang web HTML", "an HTML page"),
    "xml2003": ("bảng tính Excel 2003 XML", "an Excel 2003 XML spreadsheet"),
    "xml": ("tệp XML", "an XML file"),
    "csv": ("văn bản CSV", "CSV text"),
    "text": ("văn bản thuần", "plain text"),
    "binary": ("dữ liệu nhị phân không rõ loại", "unknown binary data"),
}


@dataclass
class LoadRefused(Exception):
    """Raised inside the worker to stop reading a file and report one issue."""

    issue: Issue


def _issue(
    code: str,
    rel: str,
    vi: str,
    en: str,
    *,
    sheet: str | None = None,
    row: int | None = None,
    value: str | None = None,
) -> Issue:
    return Issue(
        code=code,
        severity="error",
        message=vi,
        message_en=en,
        file=rel,
        sheet=sheet,
        row=row,
        value=value,
    )


def encrypted(rel: str) -> Issue:
    """The file is password-protected."""
    return _issue(
        "file-encrypted",
        rel,
        f"Tệp {rel} được đặt mật khẩu (mã hoá) nên không đọc được: hãy gỡ mật khẩu "
        "(Excel: Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hoá bằng mật khẩu, để trống), "
        "lưu lại rồi nộp lại.",
        f"{rel} is password-protected (encrypted) and cannot be read: remove the password, "
        "save and submit it again.",
    )


def xls_unsupported(rel: str) -> Issue:
    """Legacy BIFF workbook."""
    return _issue(
        "file-xls-unsupported",
        rel,
        f"Tệp {rel} là bảng tính Excel 97–2003 (.xls) kiểu cũ, không được hỗ trợ: hãy mở "
        "bằng Excel và chọn Lưu thành › Sổ làm việc Excel (.xlsx).",
        f"{rel} is a legacy Excel 97-2003 (.xls, BIFF) workbook, which is not supported: "
        "open it in Excel and save it as an Excel Workbook (.xlsx).",
    )


def format_mismatch(rel: str, ext: str, looks: str) -> Issue:
    """The content is not what the extension says."""
    vi, en = LOOKS_LIKE.get(looks, LOOKS_LIKE["binary"])
    return _issue(
        "file-format-mismatch",
        rel,
        f"Tệp {rel} có đuôi {ext} nhưng nội dung là {vi}: hãy mở tệp và lưu lại đúng "
        f"định dạng {ext} (không chỉ đổi tên đuôi tệp).",
        f"{rel} has the extension {ext} but its content is {en}: open it and save it in the "
        f"{ext} format (renaming is not enough).",
        value=looks,
    )


def unreadable(rel: str, detail: str, sheet: str | None = None) -> Issue:
    """Generic parse failure; ``detail`` is the library's (English) message."""
    return _issue(
        "file-unreadable",
        rel,
        f"Không đọc được tệp {rel}: tệp bị hỏng hoặc không đúng định dạng. Hãy mở bằng "
        "Excel hoặc LibreOffice, lưu lại rồi nộp lại.",
        f"Cannot read {rel}: {detail}",
        sheet=sheet,
    )


def too_large(rel: str, what_vi: str, what_en: str, sheet: str | None = None) -> Issue:
    """Declared size beyond the limits, detected before reading."""
    return _issue(
        "file-too-large",
        rel,
        f"Tệp {rel} quá lớn để đọc: {what_vi}. Hãy xoá các dòng, cột thừa (kể cả ô chỉ có "
        "định dạng) ở cuối trang tính rồi lưu lại.",
        f"{rel} is too large to read: {what_en}. Delete the unused rows and columns "
        "(including cells that only carry formatting) and save it again.",
        sheet=sheet,
    )


def resource_limit(rel: str, memory_mb: int, detail: str) -> Issue:
    """The worker ran out of memory or died while reading the file."""
    return _issue(
        "file-resource-limit",
        rel,
        f"Đọc tệp {rel} vượt quá giới hạn bộ nhớ ({memory_mb} MB) hoặc làm trình đọc dừng "
        "đột ngột: tệp có thể bị hỏng hoặc khai báo vùng dữ liệu quá lớn. Hãy mở bằng Excel "
        "hoặc LibreOffice, xoá vùng thừa, lưu lại rồi nộp lại.",
        f"Reading {rel} exceeded the memory limit ({memory_mb} MB) or crashed the reader: {detail}",
    )


def timeout(rel: str, seconds: float) -> Issue:
    """The worker did not finish the file in time."""
    return _issue(
        "file-timeout",
        rel,
        f"Đọc tệp {rel} quá thời gian cho phép ({seconds:g} giây) nên đã bị dừng: tệp có thể "
        "quá lớn hoặc bị hỏng.",
        f"Reading {rel} took longer than the time limit ({seconds:g} s) and was stopped.",
    )


def csv_encoding(rel: str, row: int, guess: str | None) -> Issue:
    """A CSV file that is not UTF-8."""
    guess_vi = f" Có vẻ tệp được lưu theo bảng mã {guess}." if guess else ""
    guess_en = f" It looks like {guess}." if guess else ""
    return _issue(
        "csv-encoding",
        rel,
        f"Tệp {rel} không phải văn bản UTF-8 (ký tự lỗi đầu tiên ở dòng {row}).{guess_vi} "
        "Hãy lưu lại bằng Excel với kiểu 'CSV UTF-8 (Comma delimited) (*.csv)'.",
        f"{rel} is not valid UTF-8 (first bad byte on line {row}).{guess_en} Save it again "
        "as 'CSV UTF-8 (Comma delimited)'.",
        row=row,
    )
