"""Sentences the documents build from the campaign's own data (never typed again): the
campaign's plan as a legal basis, and the Council's minutes behind the listed subjects."""

from __future__ import annotations

from generator.documents.entries import Entry
from generator.judge.config import Config


def plan_basis(config: Config) -> str:
    c = config.campaign
    return f"{c.document} số {c.document_number} ngày {c.document_date:%d/%m/%Y} của {c.issuer}"


def council_minutes(entries: list[Entry]) -> list[str]:
    """'Biên bản họp số … ngày … của Hội đồng Thi đua – Khen thưởng', once per minutes."""
    found = sorted(
        {
            (e.outcome.council.minutes_no, e.outcome.council.meeting_date)
            for e in entries
            if e.outcome.council is not None and e.outcome.council.minutes_no
        },
        key=lambda m: (m[1] is None, m[1], m[0]),
    )
    lines = []
    for number, day in found:
        when = f" ngày {day:%d/%m/%Y}" if day else ""
        lines.append(f"Biên bản họp số {number}{when} của Hội đồng Thi đua – Khen thưởng")
    return lines
