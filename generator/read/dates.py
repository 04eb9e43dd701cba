"""When the data last changed: one instant, read as one day in the campaign's time zone.

Nothing here reads the clock. The instant is ``SOURCE_DATE_EPOCH`` when set, else the
committer time of the last git commit touching the data folder, else unknown. The day is
that instant in the campaign's time zone (``campaign.time_zone``), so neither the host's
``TZ`` nor the committer's own zone changes a published date.

The builder (mkdocs: sitemap ``lastmod``, the gzip header of ``sitemap.xml.gz``, the
templates' build date) reads ``SOURCE_DATE_EPOCH`` as UTC. :class:`BuilderClock` sets it,
for one build, to 00:00 UTC of that same day, so mkdocs writes the same calendar day as the
pages; with no known day it is 0 (1970-01-01), a fixed date rather than today's.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh"
UNKNOWN_BUILDER_EPOCH = 0
_ENV = "SOURCE_DATE_EPOCH"


def source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` as set by the caller (not by :class:`BuilderClock`), if any."""
    epoch = os.environ.get(_ENV, "").strip()
    return int(epoch) if epoch.isdigit() else None


def data_epoch(data_dir: Path) -> int | None:
    """Instant of the data's last change (seconds since 1970): ``SOURCE_DATE_EPOCH``, else
    the committer time of the last git commit touching the data folder, else None."""
    epoch = source_date_epoch()
    if epoch is not None:
        return epoch
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", "."],
            cwd=data_dir,
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return int(out) if out.isdigit() else None


def day_of(epoch: int, time_zone: str = DEFAULT_TIME_ZONE) -> dt.date:
    """The calendar day of an instant in the campaign's time zone."""
    return dt.datetime.fromtimestamp(epoch, ZoneInfo(time_zone)).date()


def local_day(epoch: int | None, time_zone: str = DEFAULT_TIME_ZONE) -> dt.date | None:
    """:func:`day_of`, with an unknown instant giving an unknown day."""
    return None if epoch is None else day_of(epoch, time_zone)


def data_updated(data_dir: Path, time_zone: str = DEFAULT_TIME_ZONE) -> dt.date | None:
    """Day of the data's last change in the campaign's time zone, or None when unknown."""
    return local_day(data_epoch(data_dir), time_zone)


def builder_epoch(day: dt.date | None) -> int:
    """What the builder gets as ``SOURCE_DATE_EPOCH``: 00:00 UTC of ``day`` (mkdocs reads
    the variable as UTC, so it writes ``day``), or a fixed 0 when the day is unknown."""
    if day is None:
        return UNKNOWN_BUILDER_EPOCH
    return calendar.timegm(day.timetuple())


class BuilderClock:
    """Sets ``SOURCE_DATE_EPOCH`` for one build and puts back what was there before.

    ``set`` at the start of a build, ``restore`` at its end (on success and on error), so a
    value set for one build (``mkdocs serve`` rebuilds in the same process) never becomes
    the "data date" of the next one. ``restore`` is idempotent.
    """

    def __init__(self) -> None:
        self._saved: tuple[str | None] | None = None  # (previous value,) while set

    def set(self, epoch: int) -> None:
        self.restore()
        self._saved = (os.environ.get(_ENV),)
        os.environ[_ENV] = str(epoch)

    def restore(self) -> None:
        if self._saved is None:
            return
        (previous,) = self._saved
        self._saved = None
        if previous is None:
            os.environ.pop(_ENV, None)
        else:
            os.environ[_ENV] = previous
