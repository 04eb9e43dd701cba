"""The criteria page's sentences for award routes, quotas and ranking keys, in Vietnamese.

Without routes there is one pool per kind, worded as the founding page always was; with
routes, one block per award form (its criteria, the form it builds on, its quota, ranking).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.judge.config import Config, Quota, RankKey
from generator.judge.routes import Route, Routes
from generator.read.text import slug

RANK_KEYS = {
    "vote_share": "Tỷ lệ phiếu đồng ý khi họp xét (số phiếu đồng ý / tổng số phiếu): cao hơn "
    "xếp trước",
    "recognised_initiatives": "Số sáng kiến được Hội đồng Sáng kiến công nhận đúng hạn: nhiều "
    "hơn xếp trước",
}
ROUNDING = {
    "down": "làm tròn xuống (ví dụ 2,8 thành 2)",
    "half_up": "làm tròn đến số nguyên gần nhất, từ 0,5 trở lên làm tròn lên (2,5 thành 3; "
    "2,4 thành 2)",
    "up": "làm tròn lên (ví dụ 2,1 thành 3)",
}
WHO = {"collective": "tập thể", "individual": "cá nhân"}


@dataclass(frozen=True)
class Pool:
    """What the page says of one route: its title (empty without routes), the criteria it
    needs, the form it builds on, its quotas and ranking keys."""

    id: str
    title: str
    criteria: dict[str, list[tuple[str, str]]]  # kind → (id, label)
    lower: str
    quotas: list[str]
    min_vote_share: str
    ranking: dict[str, list[str]]
    headings: dict[str, str]


def pools(config: Config) -> list[Pool]:
    """One pool without routes; one per award form with them."""
    return [_pool(config, route) for route in Routes(config).all()]


def _pool(config: Config, route: Route) -> Pool:
    labels = {c.id: c.label for c in (*config.criteria.collective, *config.criteria.individual)}
    criteria = {
        kind: [(cid, labels[cid]) for cid in sorted(ids, key=_criterion_order(config))]
        for kind, ids in (route.criteria or {}).items()
    }
    least = route.quota("individual").min_vote_share
    return Pool(
        slug(route.id),
        route.award.name if route.award is not None else "",
        criteria,
        ", ".join(a.name for a in route.lower),
        [quota_text(config, kind, route.quota(kind)) for kind in ("collective", "individual")],
        min_vote_text(least) if least is not None else "",
        {kind: [key_text(config, kind, k) for k in route.keys(kind)] for kind in WHO},
        {kind: _heading(config, kind, route.quota(kind)) for kind in WHO},
    )


def _criterion_order(config: Config) -> Callable[[str], int]:
    order = {
        c.id: n for n, c in enumerate((*config.criteria.collective, *config.criteria.individual))
    }
    return lambda cid: order.get(cid, len(order))


def _where(config: Config, per: str) -> str:
    if per == "office":
        return f"trong toàn {config.site.office}"
    if per == "unit_kind":
        header = config.data_contract.sheet("units").column("kind").header
        return f"cho mỗi loại đơn vị (cột “{header}” của danh sách đơn vị)"
    return "cho mỗi phòng, bộ phận"


def quota_text(config: Config, kind: str, quota: Quota) -> str:
    """E.g. "2 cá nhân cho mỗi phòng, bộ phận"; "20% số tập thể được đề nghị trong toàn …,
    làm tròn xuống (…), ít nhất 1"."""
    who, where = WHO[kind], _where(config, quota.per)
    if quota.count is not None:
        return f"{quota.count} {who} {where}"
    share = points(quota.share or 0)
    if quota.of == "proposed":
        base = f"số {who} được đề nghị"
    elif quota.of == "units":
        base = "số đơn vị"
    else:
        header = config.data_contract.sheet("units").column(quota.column or "").header
        base = f"tổng “{header}” của các đơn vị"
    text = f"{who.capitalize()}: {share} {base} {where}, {ROUNDING[quota.rounding or 'down']}"
    return text + (f", ít nhất {quota.minimum}" if quota.minimum else "")


def points(value: float) -> str:
    """Percentage points as the site writes a percentage: ``12,5 %``."""
    return f"{value:g}".replace(".", ",") + " %"


def min_vote_text(least: float) -> str:
    return (
        f"Cá nhân chỉ được xếp hạng khi tỷ lệ phiếu đồng ý khi họp xét đạt ít nhất {points(least)}; "
        "thấp hơn thì ghi “Đủ điều kiện, chưa đạt tỷ lệ phiếu tối thiểu” và không xếp hạng."
    )


def key_text(config: Config, kind: str, key: RankKey) -> str:
    """One ranking key in words, with its direction."""
    if key.key is not None:
        return RANK_KEYS[key.key]
    if key.column is not None:
        sheet = config.data_contract.sheet("nominees" if kind == "individual" else "submission")
        more = "cao hơn" if key.descending else "thấp hơn"
        return f"{sheet.column(key.column).header}: {more} xếp trước"
    criterion = next(c for c in getattr(config.criteria, kind) if c.id == key.count)
    more = "nhiều hơn" if key.descending else "ít hơn"
    return f"Số đếm được ở tiêu chí {criterion.id} ({criterion.label}): {more} xếp trước"


def _heading(config: Config, kind: str, quota: Quota) -> str:
    title = WHO[kind].capitalize()
    if quota.per == "department":
        return f"{title} (trong từng phòng, bộ phận)"
    if quota.per == "unit_kind":
        return f"{title} (trong từng loại đơn vị)"
    return title
