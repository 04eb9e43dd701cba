"""The campaign file's selection models: quotas, ranking keys and award forms with their routes.

Shapes only (each model checks what it can alone); what needs the whole file or the data
contract (criteria ids, ``builds_on`` chains, ranking columns, a quota that can never be met)
is checked by :mod:`config_routes`. Every field is documented in docs/config.md and in the
staff guide (content/huong-dan/chi-tieu.md); tests check both.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from generator.judge.config_errors import at_keys

Per = Literal["office", "department", "unit_kind"]
NAMED_KEYS = ("vote_share", "recognised_initiatives")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Quota(_Strict):
    count: int | None = Field(
        None, ge=1, description="How many candidates are within quota (or give `share`)."
    )
    share: float | None = Field(
        None,
        gt=0,
        le=100,
        description="Instead of `count`: the quota as a percentage (points, `20` = 20 %) of "
        "`of`, rounded by `rounding`, at least `minimum`.",
    )
    of: Literal["proposed", "units", "staff"] | None = Field(
        None,
        description="With `share`: what the share is of: `proposed` (the candidates proposed "
        "for the form in the group), `units` (units of the register in the group), `staff` "
        "(the sum of the units register's `column` over the group's units).",
    )
    column: str | None = Field(
        None,
        description="With `of: staff` only (and then required): key of the units register's "
        "numeric column holding each unit's staff count.",
    )
    rounding: Literal["down", "half_up", "up"] | None = Field(
        None,
        description="With `share` (and then required): how a fractional quota is rounded: "
        "`down` (2.8 → 2), `half_up` (2.5 → 3, 2.4 → 2), `up` (2.1 → 3).",
    )
    minimum: int = Field(
        0, ge=0, description="With `share`: the quota is never below this number (default 0)."
    )
    per: Per = Field(
        description="Where the quota applies: `office` (one pool), `department` (each unit "
        "its own), `unit_kind` (one pool per `kind` of the units register)."
    )
    min_vote_share: float | None = Field(
        None,
        gt=0,
        le=100,
        description="Individuals only: least vote share (percentage points, `70` = 70 %) to be "
        "ranked; below it the status is `below-vote-share`.",
    )

    @model_validator(mode="after")
    def _one_shape(self) -> Quota:
        if (self.count is None) == (self.share is None):
            raise at_keys(((), "write either count or share (exactly one)"))
        problems: list[tuple[tuple[int | str, ...], str]] = []
        if self.count is not None:
            problems += [
                ((key,), f"{key} goes with share, not with count")
                for key in ("of", "column", "rounding")
                if getattr(self, key) is not None
            ]
            if "minimum" in self.model_fields_set:
                problems.append((("minimum",), "minimum goes with share, not with count"))
        else:
            problems += [
                ((key,), f"a share quota needs {key}")
                for key in ("of", "rounding")
                if getattr(self, key) is None
            ]
            if (self.of == "staff") != (self.column is not None):
                problems.append(
                    (("column",), "column (the units' staff count) goes with of: staff, only")
                )
        if problems:
            raise at_keys(*problems)
        return self


class Quotas(_Strict):
    collective: Quota = Field(description="Quota for departments.")
    individual: Quota = Field(description="Quota for individuals.")

    @field_validator("collective")
    @classmethod
    def _votes_for_individuals(cls, quota: Quota) -> Quota:
        if quota.min_vote_share is not None:  # a field's check: reported beside the others
            raise at_keys(
                (
                    ("min_vote_share",),
                    "min_vote_share applies to individuals only (departments have no vote count)",
                )
            )
        return quota


def _named_key(value: Any) -> Any:
    """Today's ranking keys are written as plain names: ``vote_share`` is ``{key: vote_share}``."""
    if isinstance(value, str):
        if value not in NAMED_KEYS:
            raise ValueError(
                f"no ranking key '{value}'; the named keys: {', '.join(NAMED_KEYS)} (or write "
                "{column: <key>, direction: desc | asc} or {count: <criterion id>, direction})"
            )
        return {"key": value}
    return value


class RankKey(_Strict):
    key: Literal["vote_share", "recognised_initiatives"] | None = Field(
        None,
        description="A named key, written alone as a plain name (`vote_share`, "
        "`recognised_initiatives`): always descending.",
    )
    column: str | None = Field(
        None,
        description="Key of a numeric column (integer, number, percent; required) of the "
        "subject's sheet: a core column or one the campaign declares.",
    )
    count: str | None = Field(
        None,
        description="Id of a criterion of the same kind whose predicate counts "
        "(`recognised_initiatives`, `count_rows`): ranks by the number it counted.",
    )
    direction: Literal["desc", "asc"] | None = Field(
        None,
        description="With `column` or `count` (and then required): `desc` (more ranks "
        "first) or `asc` (less ranks first).",
    )

    @model_validator(mode="after")
    def _one_source(self) -> RankKey:
        given = [k for k in ("key", "column", "count") if getattr(self, k) is not None]
        if len(given) != 1:
            raise at_keys(((), "a ranking key is one of: a named key, column or count"))
        if self.key is not None and self.direction is not None:
            raise at_keys((("direction",), f"{self.key} always ranks descending"))
        if self.key is None and self.direction is None:
            raise at_keys((("direction",), "write the direction: desc or asc"))
        return self

    @property
    def descending(self) -> bool:
        return self.direction != "asc"


Key = Annotated[RankKey, BeforeValidator(_named_key)]


class Ranking(_Strict):
    collective: list[Key] = Field(
        description="Ranking keys for departments, in order (a later key only breaks ties)."
    )
    individual: list[Key] = Field(
        description="Ranking keys for individuals, in order (a later key only breaks ties)."
    )

    @field_validator("collective")
    @classmethod
    def _collective_keys(cls, keys: list[RankKey]) -> list[RankKey]:
        named = [k.key for k in keys]
        if "vote_share" in named:
            raise at_keys(
                (
                    (named.index("vote_share"),),
                    "vote_share ranks individuals only (departments have no vote count)",
                )
            )
        return keys


class RouteCriteria(_Strict):
    collective: list[str] = Field(
        default_factory=list, description="Ids of collective criteria (TT…) of this form."
    )
    individual: list[str] = Field(
        default_factory=list, description="Ids of individual criteria (CN…) of this form."
    )


class Award(_Strict):
    id: str = Field(description="Identifier of the award form.")
    name: str = Field(
        description="Name of the award form: one the spreadsheets can write (the values of "
        "the nominees' proposal column)."
    )
    issuer: str = Field(description="Who grants it.")
    proposal: bool = Field(
        False,
        description="True when the office only proposes it to the city: exactly for the form "
        "the Council file writes as 'Đề nghị <name>'.",
    )
    deadline: str = Field(
        "",
        description="Only with proposal: true. Id of the deadline by which the Council sends "
        "these proposals on to the issuer; a later sending date (key `sent_to_city`) in the "
        "Council file is a council-late warning. Empty: sending dates are not checked.",
    )
    criteria: RouteCriteria | None = Field(
        None,
        description="The form's route: ids of the top-level criteria a subject proposed for "
        "it must meet (besides those of `builds_on`). Declared on one award, a route is "
        "declared on every award (criteria or builds_on).",
    )
    builds_on: str | None = Field(
        None,
        description="Id of a lower award whose criteria (recursively) this form adds to its "
        "own; a nominee meeting only those is `lower-form-only`.",
    )
    quota: Quotas | None = Field(
        None, description="The form's own quotas (absent: the top-level `quotas`)."
    )
    ranking: Ranking | None = Field(
        None, description="The form's own ranking keys (absent: the top-level `ranking`)."
    )

    @model_validator(mode="after")
    def _deadline_with_proposal(self) -> Award:
        if self.deadline and not self.proposal:
            raise at_keys(
                (
                    ("deadline",),
                    "deadline applies to an award the office only proposes (proposal: true)",
                )
            )
        return self

    @property
    def routed(self) -> bool:
        """True when the award declares a route (its own criteria or a lower form)."""
        return self.criteria is not None or self.builds_on is not None
