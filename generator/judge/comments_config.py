"""The public comment window (góp ý) of a campaign file: the optional ``comments`` section.

During a published window anyone may comment on a proposed collective or individual: by
e-mail (a ``mailto:`` link on each row), by post or by hand (a printable form), or through
an HTML form posting to an HTTPS endpoint the office runs. The window is either written as
``start`` and ``end``, or as a number of ``working_days`` counted from the day after
``after`` (Saturdays, Sundays and the declared ``holidays`` skipped).

Checks decidable from the file alone (:func:`window_problems`, on the plain YAML values,
located at the exact key): an end before the start (``config-comment-window-order``), an
endpoint that is not HTTPS (``config-comment-endpoint``; a loopback ``http://127.0.0.1`` or
``http://localhost`` address is accepted, as browsers treat it as secure, so that staff and
tests can try a form locally). A window that ends after the Council's meeting is known only
from the Council's file: ``judge/validate/comment_checks.py`` reports it there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from generator.judge.config_errors import Problem, at_keys

# The register of received comments (an internal sheet of the data contract).
REGISTER_SHEET = "comments"
_LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


def _parse_date(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return dt.datetime.strptime(value.strip(), "%d/%m/%Y").date()
        except ValueError as exc:
            raise ValueError(f"'{value}' is not a real date written dd/mm/yyyy") from exc
    return value


Date = Annotated[dt.date, BeforeValidator(_parse_date)]


class Comments(BaseModel):
    """The comment window and where comments go."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: Date | None = Field(
        None, description="First day comments are accepted (with `end`; or use `after`)."
    )
    end: Date | None = Field(None, description="Last day comments are accepted (with `start`).")
    after: Date | None = Field(
        None,
        description="With `working_days`: the window opens on the first working day after "
        "this date (e.g. the dossier deadline).",
    )
    working_days: int | None = Field(
        None,
        ge=1,
        le=60,
        description="With `after`: how many working days the window lasts (Saturdays, "
        "Sundays and `holidays` skipped).",
    )
    holidays: list[Date] = Field(
        default_factory=list,
        description="Public holidays (dd/mm/yyyy) that are not working days when the window "
        "is counted in working days.",
    )
    address: str = Field(
        min_length=1, description="The office's postal address for comments sent by post."
    )
    email: str = Field(
        pattern=r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$",
        description="The office's e-mail address that the rows' comment links write to.",
    )
    endpoint: str | None = Field(
        None,
        description="Optional HTTPS address of a form handler the office runs; the comment "
        "page then carries an HTML form posting there (and only there: the pages' "
        "Content-Security-Policy `form-action` is its origin).",
    )

    @model_validator(mode="after")
    def _one_way(self) -> Comments:
        dates = self.start is not None or self.end is not None
        counted = self.after is not None or self.working_days is not None
        if dates and counted:
            raise at_keys(((), "write either start and end, or after and working_days"))
        if counted and (self.after is None or self.working_days is None):
            missing = "after" if self.after is None else "working_days"
            raise at_keys(((), f"working days need both after and working_days ({missing})"))
        if not counted and (self.start is None or self.end is None):
            raise at_keys(((), "the window needs start and end (or after and working_days)"))
        return self

    @property
    def window(self) -> tuple[dt.date, dt.date]:
        """First and last day comments are accepted."""
        if self.after is not None and self.working_days is not None:
            days = working_days_after(self.after, self.working_days, frozenset(self.holidays))
            return days[0], days[-1]
        assert self.start is not None and self.end is not None  # checked by _one_way
        return self.start, self.end

    @property
    def form_origin(self) -> str | None:
        """The endpoint's origin (``https://host[:port]``), or None without an endpoint."""
        return origin(self.endpoint) if self.endpoint else None


def working_days_after(after: dt.date, count: int, holidays: frozenset[dt.date]) -> list[dt.date]:
    """The ``count`` working days following ``after`` (Monday to Friday, not a holiday)."""
    days: list[dt.date] = []
    day = after
    while len(days) < count:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in holidays:
            days.append(day)
    return days


def origin(url: str) -> str:
    """``scheme://host[:port]`` of an absolute URL (lower case, as browsers compare it)."""
    parts = urlsplit(url.strip())
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def endpoint_problem(url: str) -> str | None:
    """Why an endpoint is refused (English), or None for an HTTPS (or loopback) address."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
        _ = parts.port  # raises on a port that is no number
    except ValueError:
        return f"'{url}' is not an address"
    if not host or parts.username or parts.password:
        return f"'{url}' is not an absolute address with a host (and no user name)"
    if parts.scheme == "https" or (parts.scheme == "http" and host in _LOOPBACK):
        return None
    return f"'{url}' is not HTTPS (only a loopback address may use http, for local tests)"


def window_problems(data: dict[str, Any]) -> Iterator[Problem]:
    """The ``comments`` section's problems decidable on plain values (for config_checks)."""
    section = data.get("comments")
    if not isinstance(section, dict):
        return
    start, end = _date(section.get("start")), _date(section.get("end"))
    if start is not None and end is not None and end < start:
        yield Problem(
            "config-comment-window-order",
            ("comments", "end"),
            f"ngày cuối nhận góp ý {end:%d/%m/%Y} trước ngày đầu {start:%d/%m/%Y} (comments.start)",
            f"the window's end {end:%d/%m/%Y} is before its start {start:%d/%m/%Y} "
            "(comments.start)",
        )
    url = section.get("endpoint")
    if isinstance(url, str) and (why := endpoint_problem(url)) is not None:
        yield Problem(
            "config-comment-endpoint",
            ("comments", "endpoint"),
            f"địa chỉ nhận góp ý phải là HTTPS: {why}",
            f"the comment endpoint must be HTTPS: {why}",
        )


def _date(value: Any) -> dt.date | None:
    try:
        parsed = _parse_date(value)
    except ValueError:
        return None  # pydantic says why
    return parsed if isinstance(parsed, dt.date) else None
