"""The catalogue of issue codes: each code's severity and a fixed short description.

A CI annotation may be public, so it never carries an issue's own message (which quotes
cell values); it carries the description of its code from here instead. A description is a
constant: no cell value, no header text, no staff code. ``docs/issue-codes.md`` documents the
same codes with the same severities (a test checks both ways).
"""

from __future__ import annotations

from generator.read.issues import Severity

CATALOGUE: dict[str, tuple[Severity, str]] = {
    # files and folders
    # the campaign file (site_config/*.yml)
    "config-unreadable": ("error", "Tệp cấu hình đợt thi đua không đọc được (lỗi cú pháp YAML)."),
    "config-unknown-key": ("error", "Tệp cấu hình có khóa không được phép ở vị trí này."),
    "config-missing-key": ("error", "Tệp cấu hình thiếu một khóa bắt buộc."),
    "config-duplicate-key": ("error", "Tệp cấu hình viết một khóa hai lần."),
    "config-invalid": ("error", "Tệp cấu hình có giá trị sai kiểu hoặc không được phép."),
    "config-date-impossible": ("error", "Tệp cấu hình ghi một ngày không có trong lịch."),
    "config-date-order": ("error", "Tệp cấu hình ghi ngày kết thúc trước ngày bắt đầu."),
    "config-comment-window-order": (
        "error",
        "Thời gian nhận góp ý có ngày cuối trước ngày đầu.",
    ),
    "config-comment-endpoint": ("error", "Địa chỉ nhận góp ý trực tuyến không phải HTTPS."),
    "config-unknown-reference": (
        "error",
        "Tệp cấu hình nhắc đến một hạn, cột, sổ hoặc đợt thi đua không có.",
    ),
    "config-duplicate-id": ("error", "Tệp cấu hình dùng một mã (id) hai lần."),
    "config-quota-impossible": ("error", "Tệp cấu hình đặt chỉ tiêu không bao giờ đạt được."),
    "config-kind-mismatch": (
        "error",
        "Tệp cấu hình dùng một phép so sánh không hợp với loại giá trị của cột.",
    ),
    "config-lookback-too-far": (
        "error",
        "Tệp cấu hình đối chiếu nhiều đợt trước hơn số đợt có trong chuỗi previous.",
    ),
    "config-campaign-cycle": ("error", "Các đợt thi đua đối chiếu nhau vòng tròn."),
    "config-campaign-invalid": ("error", "Tệp cấu hình của một đợt được đối chiếu còn lỗi."),
    "config-campaign-file-name": ("error", "Tên tệp cấu hình khác mã (id) của đợt thi đua."),
    "config-campaign-path": (
        "error",
        "Đường dẫn (path) của đợt thi đua thiếu, trùng với đợt khác hoặc trùng thư mục của trang.",
    ),
    "config-campaign-current": (
        "error",
        "Kho có nhiều đợt thi đua nhưng không có đúng một đợt hiện tại (current: true).",
    ),
    "data-dir-missing": ("error", "Không có thư mục dữ liệu."),
    "file-missing": ("error", "Thiếu một tệp bắt buộc."),
    "file-ambiguous": (
        "error",
        "Có nhiều tệp cho cùng một sổ hoặc một đơn vị; chỉ tệp đầu được đọc.",
    ),
    "file-unexpected": ("warning", "Tệp không thuộc mẫu dữ liệu; không được đọc."),
    "file-unreadable": ("error", "Tệp bị hỏng hoặc không đọc được."),
    "file-encrypted": ("error", "Tệp có đặt mật khẩu."),
    "file-xls-unsupported": ("error", "Tệp Excel 97-2003 (.xls); hãy lưu lại thành .xlsx."),
    "file-format-mismatch": ("error", "Nội dung tệp không đúng với phần mở rộng của tên tệp."),
    "file-too-large": ("error", "Tệp hoặc vùng dữ liệu vượt quá giới hạn cho phép."),
    "file-resource-limit": ("error", "Đọc tệp vượt quá giới hạn bộ nhớ."),
    "file-timeout": ("error", "Đọc tệp quá thời gian cho phép."),
    "csv-encoding": ("error", "Tệp CSV không lưu bằng bảng mã UTF-8."),
    "sheet-missing": ("error", "Thiếu trang tính bắt buộc (hoặc trang tính đang bị ẩn)."),
    # headers
    "header-missing": ("error", "Thiếu cột bắt buộc; trang tính không được đọc."),
    "header-optional-missing": (
        "warning",
        "Thiếu một cột không bắt buộc; giá trị của cột để trống ở mọi dòng.",
    ),
    "header-unknown": ("warning", "Cột không thuộc mẫu; dữ liệu của cột không được dùng."),
    "header-duplicate": ("error", "Một cột xuất hiện hai lần; chỉ cột đầu được đọc."),
    # cells and rows
    "merged-cells": ("error", "Ô gộp trong vùng dữ liệu."),
    "column-hidden": ("error", "Cột thuộc mẫu đang bị ẩn."),
    "row-hidden": ("error", "Dòng đang bị ẩn hoặc bị lọc."),
    "rows-footer": ("warning", "Các dòng dưới bảng được coi là phần ký tên, ghi chú."),
    "formula-cached": ("warning", "Ô chứa công thức; dùng giá trị đã tính lưu trong tệp."),
    "formula-no-value": ("error", "Ô chứa công thức nhưng tệp không lưu giá trị đã tính."),
    "text-legacy-encoding": ("error", "Văn bản gõ bằng bảng mã cũ (TCVN3 hoặc VNI)."),
    "text-invisible-characters": ("warning", "Ô có ký tự vô hình (đã được bỏ khi đọc)."),
    "value-missing": ("error", "Thiếu giá trị bắt buộc."),
    "value-not-integer": ("error", "Cột cần một số nguyên."),
    "value-not-number": ("error", "Cột cần một số."),
    "value-not-percent": ("error", "Cột cần một tỷ lệ phần trăm."),
    "value-percent-range": ("error", "Tỷ lệ phần trăm nằm ngoài khoảng cho phép."),
    "value-negative": ("error", "Số không được âm."),
    "value-not-allowed": ("error", "Giá trị không thuộc danh sách cho phép của cột."),
    "date-invalid": ("error", "Không phải ngày theo dạng dd/mm/yyyy."),
    "date-ambiguous": ("error", "Ngày không theo dạng dd/mm/yyyy, có thể hiểu nhiều cách."),
    "date-impossible": ("error", "Ngày không có trong lịch."),
    "date-serial": ("warning", "Ô chứa số thay vì ngày; đã đọc như số ngày theo lịch Excel."),
    "row-duplicate": ("error", "Dòng lặp lại y hệt một dòng trước đó."),
    # cross-checks
    "duplicate-key": ("error", "Mã trùng với một dòng khác."),
    "unit-unknown": ("error", "Mã đơn vị (hoặc tên tệp) không có trong danh sách đơn vị."),
    "unit-mismatch": ("error", "Mã đơn vị không khớp với tệp hoặc với đơn vị của cá nhân."),
    "submission-missing-row": ("error", "Trang tính Tập thể chưa có dòng dữ liệu."),
    "submission-extra-row": ("error", "Trang tính Tập thể có nhiều hơn một dòng dữ liệu."),
    "tasks-inconsistent": ("error", "Số nhiệm vụ đúng hạn lớn hơn số nhiệm vụ được giao."),
    "votes-inconsistent": ("error", "Số phiếu đồng ý lớn hơn tổng số phiếu."),
    "votes-missing": ("warning", "Chưa có số phiếu họp xét; không xếp hạng được theo chỉ tiêu."),
    "date-order": ("error", "Ngày hết hiệu lực trước ngày quyết định."),
    "author-ambiguous": ("error", "Tên tác giả sáng kiến trùng với nhiều cá nhân được đề nghị."),
    "discipline-inconsistent": ("warning", "Bản tự khai không khớp với sổ theo dõi kỷ luật."),
    "council-unknown-nominee": ("error", "Quyết định của Hội đồng cho người không được đề nghị."),
    "council-unknown-unit": ("error", "Quyết định của Hội đồng cho đơn vị không có hồ sơ tập thể."),
    "council-late": ("warning", "Đề nghị Bằng khen gửi thành phố sau hạn."),
    "council-differs": ("warning", "Quyết định của Hội đồng khác với kết quả xét tiêu chí."),
    "lookback-data-errors": (
        "warning",
        "Dữ liệu của một đợt được đối chiếu có lỗi; các dòng bị loại không được tính.",
    ),
    "award-lower-form": (
        "warning",
        "Được đề nghị hình thức cao hơn nhưng chỉ đạt tiêu chí của hình thức thấp hơn.",
    ),
    "council-duplicate": ("error", "Hội đồng có hai dòng kết quả cho cùng một đối tượng."),
    "comment-window-after-council": (
        "error",
        "Hội đồng họp trước khi hết thời gian nhận góp ý.",
    ),
    "comment-unknown-subject": (
        "error",
        "Sổ góp ý ghi một đối tượng không có trong danh sách đề nghị.",
    ),
    "comment-outside-window": ("warning", "Góp ý được nhận ngoài thời gian nhận góp ý."),
    "comment-no-window": ("warning", "Có sổ góp ý nhưng không khai báo thời gian nhận góp ý."),
}

UNKNOWN = "Có vấn đề trong dữ liệu."
DETAILS = (
    "Chi tiết không in ra nhật ký CI công khai: hãy chạy `thidua validate` trên máy nội bộ. "
    "(Details: run `thidua validate` locally.)"
)


def describe(code: str) -> str:
    """The fixed public description of a code (a generic one for a code not catalogued)."""
    entry = CATALOGUE.get(code)
    return UNKNOWN if entry is None else entry[1]
