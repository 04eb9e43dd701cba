"""The one issue a contract's configuration can raise: ``config-invalid``, naming the file
(campaign or preset) and the dotted key, worded as the campaign file's errors are."""

from __future__ import annotations

from pathlib import Path

from generator.read.issues import Issue


def contract_issue(path: Path, key: str, problem: str) -> Issue:
    """A configuration error naming the file (campaign or preset) and the dotted key."""
    where = f"{path.name}: {key}" if key else path.name
    return Issue(
        code="config-invalid",
        severity="error",
        file=str(path),
        column=key or None,
        message=f"Cấu hình {where}: {problem}",
        message_en=f"Config {where}: {problem}",
    )
