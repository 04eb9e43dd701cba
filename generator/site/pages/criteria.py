"""/tieu-chi/: the criteria, quotas, ranking keys, status meanings and the plan's dates,
all from the campaign config."""

from __future__ import annotations

from typing import Any

from generator.judge.config import Config, Criterion
from generator.judge.model import Status
from generator.judge.rules import words_for
from generator.judge.select import campaign_statuses
from generator.site.pages.renderer import PageRenderer
from generator.site.pages.selection_text import pools
from generator.site.pages.timeline import period_note_text, plan_timeline

STATUS_HELP = {
    Status.NOT_ELIGIBLE: "Không đạt ít nhất một tiêu chí (ghi rõ tiêu chí không đạt).",
    Status.LOWER_FORM_ONLY: "Được đề nghị một hình thức cao hơn nhưng chỉ đạt tiêu chí của "
    "hình thức thấp hơn mà hình thức đó dựa vào; không xếp hạng ở hình thức nào, không tự chuyển "
    "sang hình thức thấp hơn: Hội đồng Thi đua – Khen thưởng quyết định.",
    Status.DOSSIER_INCOMPLETE: "Đạt các tiêu chí nhưng hồ sơ còn thiếu thành phần.",
    Status.LATE: "Đạt các tiêu chí, hồ sơ đầy đủ nhưng gửi sau hạn.",
    Status.BELOW_VOTE_SHARE: "Đạt các tiêu chí, hồ sơ đầy đủ, đúng hạn, nhưng tỷ lệ phiếu đồng "
    "ý khi họp xét thấp hơn tỷ lệ tối thiểu của chỉ tiêu; không xếp hạng.",
    Status.ELIGIBLE: "Đạt các tiêu chí, hồ sơ đầy đủ, đúng hạn, nhưng chưa xếp hạng được vì biên "
    "bản họp xét chưa ghi số phiếu (chờ bổ sung số phiếu).",
    Status.WITHIN_QUOTA: "Đủ điều kiện và nằm trong chỉ tiêu theo thứ tự xếp hạng; chờ Hội đồng "
    "quyết định.",
    Status.OVER_QUOTA: "Đủ điều kiện nhưng xếp hạng ngoài chỉ tiêu.",
    Status.TIE: "Bằng điểm nhau tại ngưỡng chỉ tiêu; Hội đồng Thi đua – Khen thưởng quyết định "
    "ai được khen thưởng.",
    Status.NOT_AWARDED: "Hội đồng Thi đua – Khen thưởng đã có kết quả cho nhóm xét chỉ tiêu này "
    "(phòng, bộ phận hoặc toàn Văn phòng) nhưng không chọn tập thể, cá nhân này; kết quả xét "
    "theo tiêu chí vẫn ghi bên cạnh.",
    Status.PROPOSED: "Hội đồng đã đề nghị cấp trên khen thưởng (ví dụ đề nghị Bằng khen, ghi số "
    "văn bản đề nghị); đây là đề nghị, chưa phải quyết định khen thưởng.",
    Status.AWARDED: "Đã có quyết định khen thưởng (ghi hình thức, số và ngày quyết định).",
}
# Shown once on the criteria page: how the Council's results replace provisional statuses.
COUNCIL_RULE = (
    "Khi có kết quả của Hội đồng Thi đua – Khen thưởng, kết quả đó thay cho trạng thái dự kiến: "
    "“Được khen thưởng” chỉ khi đã có quyết định; “Đã được đề nghị …” khi Hội đồng đề nghị cấp "
    "trên khen thưởng; “Hội đồng không đề nghị khen thưởng” cho tập thể, cá nhân trong chỉ tiêu "
    "hoặc đồng hạng mà Hội đồng không chọn, trong nhóm xét chỉ tiêu Hội đồng đã có kết quả. Nhóm "
    "Hội đồng chưa có kết quả giữ trạng thái dự kiến. Kết quả xét theo tiêu chí luôn được ghi bên "
    "cạnh; quyết định khác kết quả xét theo tiêu chí được ghi rõ là khác."
)


def _criteria_rows(config: Config, criteria: list[Criterion], kind: str) -> list[dict[str, Any]]:
    names = {f.id: f.name for f in config.fields}
    words = words_for(config, kind)  # read-only: headers, ratings, deadlines, campaigns
    return [
        {
            "c": c,
            "anchor": c.id.lower(),
            "describe": c.predicate.describe(words),
            "fields": [f"{n}. {names[n]}" if n in names else str(n) for n in c.fields],
        }
        for c in criteria
    ]


def criteria_page(site: PageRenderer, page: str, title: str) -> str:
    """The source of /tieu-chi/."""
    cfg = site.config
    return site.render(
        page,
        "criteria.html",
        title,
        collective=_criteria_rows(cfg, cfg.criteria.collective, "collective"),
        individual=_criteria_rows(cfg, cfg.criteria.individual, "individual"),
        pools=pools(cfg),
        routed=cfg.routed,
        statuses=[(s.value, s.label, STATUS_HELP[s]) for s in campaign_statuses(cfg)],
        council_rule=COUNCIL_RULE,
        timeline=plan_timeline(cfg),
        period_note=period_note_text(cfg),
    )
