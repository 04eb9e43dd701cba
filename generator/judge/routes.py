"""Award routes: which criteria, quota and ranking apply to a subject, from its proposed form.

Without routes (no award declares ``criteria`` or ``builds_on``) there is one route: every
criterion of the kind, the top-level ``quotas`` and ``ranking``. With routes, the subject's
proposal (an award's name) picks the award; its criteria are its own plus, recursively,
those of the award it ``builds_on``; its quota and ranking are its own or the top level's.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.judge.config import Config
from generator.judge.config_awards import Award, Quota, Quotas, Ranking, RankKey

KINDS = ("collective", "individual")


@dataclass(frozen=True)
class Route:
    """One award form's route (``award`` None: the campaign declares no routes)."""

    award: Award | None
    criteria: dict[str, frozenset[str]] | None  # kind → criterion ids; None: every criterion
    lower: tuple[Award, ...]  # the forms it builds on, nearest first
    quotas: Quotas
    ranking: Ranking

    @property
    def id(self) -> str:
        return self.award.id if self.award is not None else ""

    def quota(self, kind: str) -> Quota:
        q: Quota = getattr(self.quotas, kind)
        return q

    def keys(self, kind: str) -> list[RankKey]:
        keys: list[RankKey] = getattr(self.ranking, kind)
        return keys


class Routes:
    """Every route of a campaign, looked up by a subject's proposal."""

    def __init__(self, config: Config) -> None:
        self._default = Route(None, None, (), config.quotas, config.ranking)
        self._by_name: dict[str, Route] = {}
        self._by_id: dict[str, Route] = {}
        if config.routed:
            by_id = {a.id: a for a in config.awards}
            for award in config.awards:
                route = Route(
                    award,
                    {kind: _criteria(by_id, award, kind) for kind in KINDS},
                    _lower(by_id, award),
                    award.quota or config.quotas,
                    award.ranking or config.ranking,
                )
                self._by_name[award.name] = route
                self._by_id[award.id] = route

    def of(self, proposal: str | None) -> Route:
        """The route of a subject proposed for ``proposal`` (the default without routes;
        load_config makes sure every proposal value names an award when there are routes)."""
        return self._by_name.get(proposal or "", self._default)

    def by_id(self, award_id: str) -> Route:
        return self._by_id[award_id]

    def all(self) -> list[Route]:
        return list(self._by_id.values()) or [self._default]


def _lower(by_id: dict[str, Award], award: Award) -> tuple[Award, ...]:
    chain: list[Award] = []
    current = by_id.get(award.builds_on or "")
    while current is not None and current not in chain and current is not award:
        chain.append(current)
        current = by_id.get(current.builds_on or "")
    return tuple(chain)


def _criteria(by_id: dict[str, Award], award: Award, kind: str) -> frozenset[str]:
    ids: set[str] = set()
    for form in (award, *_lower(by_id, award)):
        ids.update(getattr(form.criteria, kind, None) or [])
    return frozenset(ids)
