"""Campaign configuration (``site_config/*.yml``): validated up front, unknown keys refused.

Every field carries a description; docs/config.md documents each one (a test checks that).
Dates are written dd/mm/yyyy. ``load_config`` returns the config or a list of issues naming
the file, the line and the dotted key, all collected before stopping (``config_source``
reads the YAML with its lines, ``config_errors`` words pydantic's errors, ``config_checks``
holds the cross-field checks).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    model_validator,
)

from generator.judge.campaign_refs import resolve_references
from generator.judge.comments_config import Comments
from generator.judge.config_awards import Award as Award
from generator.judge.config_awards import Quota as Quota
from generator.judge.config_awards import Quotas, Ranking
from generator.judge.config_awards import RankKey as RankKey
from generator.judge.config_checks import check
from generator.judge.config_errors import Problem, at_keys, from_pydantic, place_problems, to_issue
from generator.judge.config_routes import route_problems
from generator.judge.config_source import SourceError, parse
from generator.judge.contract import Contract, ContractChoice, resolve_contract
from generator.judge.contract.checks import rules_problems
from generator.judge.documents_config import Documents
from generator.judge.rules import (
    AllOfRule,
    AnyOfRule,
    InitiativesRule,
    LookbackRule,
    NoDisciplineRule,
    NotRule,
    Predicate,
    TasksOnTimeRule,
)
from generator.judge.rules.base import Earlier
from generator.judge.rules.checks import predicate_problems
from generator.read.dates import DEFAULT_TIME_ZONE
from generator.read.issues import Issue, sort_issues


def _parse_date(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return dt.datetime.strptime(value.strip(), "%d/%m/%Y").date()
        except ValueError as exc:
            raise ValueError(f"'{value}' is not a real date written dd/mm/yyyy") from exc
    return value


Date = Annotated[dt.date, BeforeValidator(_parse_date)]


def _known_zone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(
            f"'{name}' is not a known time zone (an IANA name such as {DEFAULT_TIME_ZONE})"
        ) from exc
    return name


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SiteSettings(_Strict):
    title: str = Field(description="Site title shown in the header.")
    office: str = Field(description="Name of the office running the campaign.")
    description: str = Field(
        description="One-paragraph description for the home page and metadata."
    )
    sample_data: bool = Field(
        False, description="True when the data is fictional; every page says so."
    )
    licence: str = Field(description="Licence of the open data.")
    licence_url: str = Field(description="Address of the licence text.")
    summary_above: int = Field(
        500,
        ge=1,
        description="Rows one overview page may list: above, the overview pages summarise "
        "and link to the department pages, which carry the rows.",
    )


class CampaignIdentity(_Strict):
    name: str = Field(description="Full name of the campaign.")
    issuer: str = Field(description="Body that issued the plan.")
    document: str = Field(description="Title of the plan.")
    document_number: str = Field(description="Number of the plan, e.g. 01/KH-VPUB.")
    document_date: Date = Field(description="Issue date of the plan.")
    legal_basis: list[str] = Field(
        default_factory=list, description="Documents the plan builds on."
    )
    plan_page: str = Field(
        "",
        description="Site path of the hand-written page summarising this plan (e.g. "
        "'ke-hoach/'); the campaign's home links it only when set.",
    )
    time_zone: Annotated[str, AfterValidator(_known_zone)] = Field(
        DEFAULT_TIME_ZONE,
        description="Time zone of the office (IANA name): the published date of the data's "
        "last change is the day there.",
    )


class Period(_Strict):
    start: Date = Field(description="First day of the campaign period.")
    end_as_written: str = Field(description="End date as the plan writes it (may be impossible).")
    end: Date = Field(description="End date applied by the generator.")
    note: str = Field("", description="Public explanation when the applied date differs.")


class Deadline(_Strict):
    id: str = Field(description="Identifier used by rules, e.g. 'dossier'.")
    label: str = Field(description="What must happen by this date (Vietnamese).")
    date: Date = Field(description="The deadline.")
    as_written: str = Field("", description="The plan's own wording, when it is not a date.")


class EmulationField(_Strict):
    id: int = Field(description="Number of the field of emulation (1–4).")
    name: str = Field(description="Name of the field.")
    register_value: str = Field(
        description="Value of the initiative register's field column (key `field`)."
    )
    description: str = Field(description="What the field covers.")


class Criterion(_Strict):
    id: str = Field(pattern=r"^(TT|CN)\d+$", description="Identifier: TT1… or CN1….")
    label: str = Field(description="Short label shown in table headers.")
    meaning: str = Field(description="The plan's meaning, in the project's own words.")
    fields: list[int] = Field(
        default_factory=list, description="Fields of emulation it belongs to."
    )
    sensitive: bool = Field(False, description="Public pages show only met / not met.")
    predicate: Predicate = Field(description="The test, from the predicate vocabulary.")


class Criteria(_Strict):
    collective: list[Criterion] = Field(description="Criteria for departments (TT…).")
    individual: list[Criterion] = Field(description="Criteria for individuals (CN…).")

    @model_validator(mode="after")
    def _individual_only(self) -> Criteria:
        misplaced = [n for n, c in enumerate(self.collective) if _individual_only(c.predicate)]
        if misplaced:
            raise at_keys(
                *(
                    (
                        ("collective", n, "predicate"),
                        f"criterion {self.collective[n].id}: a department has no tasks, "
                        "discipline record or authorship (all_tasks_on_time, no_discipline, "
                        "scope: author)",
                    )
                    for n in misplaced
                )
            )
        return self


def _individual_only(rule: object) -> bool:
    """True when a predicate (or a part of it) can only be tested on a person."""
    if isinstance(rule, AllOfRule | AnyOfRule):
        return any(_individual_only(part) for part in rule.parts)
    if isinstance(rule, NotRule):
        return _individual_only(rule.part)
    if isinstance(rule, LookbackRule):
        return rule.condition is not None and _individual_only(rule.condition)
    if isinstance(rule, InitiativesRule):
        return rule.scope == "author"
    return isinstance(rule, TasksOnTimeRule | NoDisciplineRule)


class DossierItem(_Strict):
    id: str = Field(description="Identifier of the item.")
    label: str = Field(description="What the item is (Vietnamese).")
    column: str | None = Field(None, description="Key of the yes/no column that records it.")
    columns: list[str] = Field(
        default_factory=list, description="Keys of columns that must be filled."
    )


class Dossier(_Strict):
    deadline: str = Field(description="Id of the deadline for sending dossiers.")
    collective: list[DossierItem] = Field(description="Items of a department's own dossier.")
    individual: list[DossierItem] = Field(description="Items of each nominee's dossier.")
    department: list[DossierItem] = Field(description="Items every proposal of a department needs.")
    bang_khen_extra: str = Field("", description="Extra item for a Bằng khen proposal.")


class Config(_Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+$", description="Campaign id; also the data folder name.")
    data_dir: str = Field(description="Folder of the spreadsheets, relative to the repository.")
    path: str | None = Field(
        None,
        pattern=r"^[a-z0-9-]+$",
        description="URL folder of this campaign's pages and downloads (e.g. vpubnd-2019), so "
        "its links stay when another campaign is added. Absent: the site's root, allowed only "
        "when the repository holds this one campaign.",
    )
    current: bool = Field(
        False,
        description="True on exactly one campaign of a repository with several: the site's "
        "home page shows it, today's root paths lead to its pages, its site settings are the "
        "site's.",
    )
    site: SiteSettings = Field(description="Site settings.")
    campaign: CampaignIdentity = Field(description="Identity of the campaign plan.")
    period: Period = Field(description="Campaign period.")
    deadlines: list[Deadline] = Field(description="Deadlines of the campaign.")
    fields: list[EmulationField] = Field(description="The fields of emulation.")
    criteria: Criteria = Field(description="Criteria for collectives and individuals.")
    dossier: Dossier = Field(description="Dossier requirements.")
    quotas: Quotas = Field(description="Quotas (of every form without its own `quota`).")
    ranking: Ranking = Field(description="Ranking keys (of every form without its own `ranking`).")
    awards: list[Award] = Field(description="Award forms.")
    contract: ContractChoice = Field(
        description="The data contract: a preset (site_config/contracts/) and additions."
    )
    previous: str | None = Field(
        None,
        pattern=r"^[a-z0-9-]+$",
        description="Id of the campaign before this one in the same series "
        "(site_config/<id>.yml): what look-backs with `previous: N` follow.",
    )
    documents: Documents | None = Field(
        None, description="The staff documents of `thidua documents` (absent: not produced)."
    )
    comments: Comments | None = Field(
        None,
        description="The public comment window (góp ý) on the proposals (absent: none).",
    )
    _data_contract: Contract | None = PrivateAttr(None)
    # The earlier campaigns the rules read (id → (file, config)) and the previous chain
    # as far as the rules need it (set by ``load_config``).
    _campaigns: dict[str, tuple[Path, Config]] = PrivateAttr(default_factory=dict)
    _chain: tuple[str, ...] = PrivateAttr(())

    @property
    def routed(self) -> bool:
        """True when the awards declare routes (each form its own criteria, quota, ranking)."""
        return any(a.routed for a in self.awards)

    @property
    def data_contract(self) -> Contract:
        """The resolved data contract (set by ``load_config``)."""
        # Read from pydantic's store of private attributes: through the model's __getattr__
        # a read costs ~4 µs, and the judge and the projection ask for it per row.
        contract: Contract | None = (self.__pydantic_private__ or {}).get("_data_contract")
        if contract is None:
            raise RuntimeError("the config's contract was not resolved (use load_config)")
        return contract

    @property
    def earlier_campaigns(self) -> dict[str, Path]:
        """The files of the earlier campaigns the rules read, by id."""
        return {cid: file for cid, (file, _) in self._campaigns.items()}

    @property
    def campaign_names(self) -> dict[str, str]:
        """The names of the earlier campaigns the rules read, by id."""
        return {cid: cfg.campaign.name for cid, (_, cfg) in self._campaigns.items()}

    @property
    def previous_chain(self) -> tuple[str, ...]:
        """The ids of the campaigns before this one (nearest first), as far as needed."""
        return self._chain

    def deadline(self, deadline_id: str) -> dt.date:
        return next(d.date for d in self.deadlines if d.id == deadline_id)

    def proposed_award(self, form: str) -> Award | None:
        """The award a Council proposal's form names ('Đề nghị Bằng khen': the award named
        'Bằng khen', ``proposal: true``), or None when ``form`` is not a proposal."""
        return next((a for a in self.awards if a.proposal and form == f"Đề nghị {a.name}"), None)

    def proposal_deadline(self, form: str) -> dt.date | None:
        """The deadline for sending on a Council proposal whose form is ``form``, or None
        when it is no proposal or its award names no ``deadline``."""
        award = self.proposed_award(form)
        return self.deadline(award.deadline) if award is not None and award.deadline else None

    @property
    def dossier_deadline(self) -> dt.date:
        return self.deadline(self.dossier.deadline)

    def award_of(self, form: str) -> Award | None:
        """The award form a Council's ``Hình thức`` names ("Giấy khen", "Đề nghị Bằng khen")."""
        name = form.removeprefix("Đề nghị ").strip()
        return next((a for a in self.awards if a.name == name), None)


def load_config(path: Path, stack: tuple[Path, ...] = ()) -> tuple[Config | None, list[Issue]]:
    """Read and validate a campaign file. Every problem (pydantic's and the cross-field
    checks of :mod:`config_checks`) is an issue naming the file, the line and column, and the
    dotted key, all collected at once; the config is None when there is any. The earlier
    campaigns the rules read are loaded too (``stack``: the files loading this one, to
    refuse a circle)."""
    try:
        source = parse(path)
    except SourceError as exc:
        return None, [
            to_issue(
                path, "", exc.place, "config-unreadable",
                f"không đọc được YAML: {exc.problem}", f"cannot read YAML: {exc.problem}",
            )
        ]  # fmt: skip
    config: Config | None = None
    found = []
    try:
        config = Config.model_validate(source.data)
    except ValidationError as exc:
        found = [from_pydantic(Config, e) for e in exc.errors()]
    found += check(source)
    issues = sort_issues(place_problems(path, source, Config, found))
    if issues or config is None:
        return None, issues
    contract, problems = resolve_contract(path, config.contract)
    if contract is None:
        return None, problems
    config._data_contract = contract
    refs = resolve_references(path, config, load_config, stack)
    config._campaigns, config._chain = refs.campaigns, refs.chain
    against_contract = [
        Problem("config-invalid", _loc(key), problem, problem)
        for key, problem in rules_problems(config)
    ] + route_problems(config)
    others = {
        cid: Earlier(cfg.data_contract, frozenset(d.id for d in cfg.deadlines))
        for cid, (_, cfg) in refs.campaigns.items()
    }
    against_contract += predicate_problems(config, others, refs.chain) + refs.problems
    issues = sort_issues(place_problems(path, source, Config, against_contract))
    return (None, issues) if issues else (config, [])


def _loc(dotted_key: str) -> tuple[int | str, ...]:
    return tuple(int(p) if p.isdigit() else p for p in dotted_key.split("."))
