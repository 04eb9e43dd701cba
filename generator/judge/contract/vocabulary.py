"""Words the sheets share: the closed lists of discipline forms, award proposals and
initiative fields, and what a missing column read only for cross-checking changes."""

from __future__ import annotations

DISCIPLINE_FORMS = (
    "Khiển trách",
    "Cảnh cáo",
    "Hạ bậc lương",
    "Giáng chức",
    "Cách chức",
    "Buộc thôi việc",
)
INITIATIVE_FIELDS = ("Cải cách TTHC", "Ứng dụng CNTT", "Kỷ luật, kỷ cương", "Chất lượng phục vụ")


PROPOSALS = ("Giấy khen", "Bằng khen")


# What a missing column changes when it is only read to cross-check other columns.
NOT_USED = (
    "cột chỉ dùng để đối chiếu, không dùng cho tiêu chí nào; kết quả không thay đổi",
    "the column is only for cross-checking and feeds no rule; results do not change",
)
