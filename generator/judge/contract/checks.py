"""What a campaign's rules name must exist in its contract: the dossier's columns, and the
award forms the spreadsheets can write (checked once the contract is resolved)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the config imports this module; only its types are needed here
    from generator.judge.config import Award, Config


def rules_problems(config: Config) -> list[tuple[str, str]]:
    """What the rules name must exist in the contract: dossier columns, award forms."""
    sheets = config.data_contract.sheet
    problems = []
    unknown = [
        f"{part}: {key}"
        for part, sheet in (
            ("collective", "submission"),
            ("department", "submission"),
            ("individual", "nominees"),
        )
        for item in getattr(config.dossier, part)
        for key in [*([item.column] if item.column else []), *item.columns]
        if not sheets(sheet).has(key)
    ]
    if unknown:
        problems.append(
            ("dossier", f"unknown column key(s) in dossier items: {'; '.join(unknown)}")
        )
    forms = sheets("nominees").column("proposal").choices
    council = sheets("council").column("form").choices
    for n, award in enumerate(config.awards):
        key, problem = _award_problem(award, forms, council)
        if problem:
            problems.append((f"awards.{n}.{key}", problem))
    return problems


def _award_problem(
    award: Award, forms: tuple[str, ...], council: tuple[str, ...]
) -> tuple[str, str]:
    """The contract fixes the forms: the nominees' proposal column holds one of ``forms``,
    and the Council file writes a proposal as 'Đề nghị <name>' (one of ``council``).
    Returns (the award's key at fault, the problem), or ("", "")."""
    if award.name not in forms:
        listed = ", ".join(forms)
        return "name", f"name '{award.name}' is not a form the spreadsheets can write ({listed})"
    proposed = f"Đề nghị {award.name}" in council
    if award.proposal != proposed:
        return "proposal", f"proposal must be {str(proposed).lower()} for '{award.name}': the " + (
            f"Council file records it as a proposal ('Đề nghị {award.name}')"
            if proposed
            else "Council file records it as a decision"
        )
    return "", ""
