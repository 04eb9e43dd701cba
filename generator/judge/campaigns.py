"""The campaigns of a repository: every ``site_config/<id>.yml``, checked together.

A repository holds one campaign per file of ``site_config/`` (``contracts/`` holds presets,
not campaigns). Each file is loaded on its own (:func:`~generator.judge.config.load_config`);
then the checks that need them all, each located at file, key and line like any other
problem of a campaign file (``config_errors``):

- the file's stem is its ``id`` (``site_config/vpubnd-cantho-2019.yml`` has
  ``id: vpubnd-cantho-2019``);
- with several campaigns, each has a ``path`` (only a lone campaign may sit at the site's
  root), no two share one, none is a folder the site itself uses at its root;
- with several campaigns, exactly one is ``current: true``.

``--config FILE`` names one campaign file anywhere (tests' fixture projects): it is a
repository of that one campaign, its name free.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.judge.config import Config, load_config
from generator.judge.config_errors import Problem, place_problems
from generator.judge.config_source import SourceError, parse
from generator.read.issues import Issue, sort_issues

CAMPAIGN_DIR = Path("site_config")

# Folders the site itself uses at its root (generated pages, their redirects, the theme's
# assets, the search index, the combined open data): no campaign may take one as its path.
RESERVED_PATHS = frozenset(
    {
        "assets", "search", "tieu-chi", "tien-do", "ket-qua", "vinh-danh", "sang-kien",
        "don-vi", "du-lieu-mo", "cap-nhat", "du-lieu-tong-hop", "tin-tuc", "ke-hoach",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Campaign:
    """One campaign of the repository: its file and its validated config."""

    file: Path
    config: Config

    @property
    def path(self) -> str:
        """Its URL folder, '' for the site's root."""
        return self.config.path or ""


def campaign_files(folder: Path) -> list[Path]:
    """The campaign files of a ``site_config`` folder, in name order (presets excluded)."""
    return sorted(p for p in folder.glob("*.yml") if p.is_file())


def load_campaigns(
    files: Sequence[Path], *, named_by_id: bool = True
) -> tuple[list[Campaign], list[Issue]]:
    """Every campaign file loaded, then checked together; ([], issues) on any problem.

    ``named_by_id``: the repository's own files, whose stem must be their ``id`` (off for a
    single ``--config FILE``)."""
    campaigns: list[Campaign] = []
    issues: list[Issue] = []
    for file in files:
        config, problems = load_config(file)
        issues += problems
        if config is not None:
            campaigns.append(Campaign(file, config))
    if issues:
        return [], issues
    if not campaigns:
        return [], []
    found = sort_issues(repository_problems(campaigns, named_by_id=named_by_id))
    return ([], found) if found else (campaigns, [])


def current_campaign(campaigns: Sequence[Campaign]) -> Campaign:
    """The campaign the site's home shows: the one marked ``current``, else the lone one."""
    marked = [c for c in campaigns if c.config.current]
    return marked[0] if marked else campaigns[0]


def repository_problems(campaigns: Sequence[Campaign], *, named_by_id: bool) -> list[Issue]:
    """The problems only visible with every campaign at hand, each located in its file."""
    located: list[tuple[Campaign, Problem]] = []
    if named_by_id:
        located += [(c, p) for c in campaigns for p in _file_name(c)]
    located += list(_paths(campaigns))
    located += list(_current(campaigns))
    issues: list[Issue] = []
    for campaign, problem in located:
        try:
            source = parse(campaign.file)
        except SourceError:  # pragma: no cover - it was just read
            continue
        issues += place_problems(campaign.file, source, Config, [problem])
    return issues


def _file_name(campaign: Campaign) -> Iterator[Problem]:
    stem, cid = campaign.file.stem, campaign.config.id
    if stem != cid:
        yield Problem(
            "config-campaign-file-name",
            ("id",),
            f"id “{cid}” khác tên tệp “{campaign.file.name}”: mỗi đợt thi đua là tệp "
            f"site_config/<id>.yml (đổi tên tệp thành {cid}.yml hoặc sửa id thành {stem})",
            f"id '{cid}' differs from the file name '{campaign.file.name}': each campaign is "
            f"site_config/<id>.yml (rename the file to {cid}.yml or set id: {stem})",
        )


def _paths(campaigns: Sequence[Campaign]) -> Iterator[tuple[Campaign, Problem]]:
    several = len(campaigns) > 1
    seen: dict[str, Campaign] = {}
    for c in campaigns:
        path = c.config.path
        if path is None:
            if several:
                yield (
                    c,
                    Problem(
                        "config-campaign-path",
                        ("path",),
                        f"kho có {len(campaigns)} đợt thi đua: mỗi đợt cần khóa path (thư mục "
                        "trang của đợt, ví dụ path: vpubnd-2019); chỉ khi kho có một đợt duy nhất "
                        "thì đợt đó mới được đặt ở gốc trang",
                        f"the repository holds {len(campaigns)} campaigns: each needs a path (the "
                        "folder of its pages, e.g. path: vpubnd-2019); only a lone campaign may sit "
                        "at the site's root",
                    ),
                )
            continue
        if path in RESERVED_PATHS:
            yield (
                c,
                Problem(
                    "config-campaign-path",
                    ("path",),
                    f"“{path}” là thư mục trang web dùng ở gốc trang; hãy chọn tên khác "
                    f"(ví dụ kèm năm: {path}-2020)",
                    f"'{path}' is a folder the site uses at its root; choose another name",
                ),
            )
        elif path in seen:
            first = seen[path]
            yield (
                c,
                Problem(
                    "config-campaign-path",
                    ("path",),
                    f"đường dẫn “{path}” đã dùng cho đợt {first.config.id} ({first.file.name}); "
                    "mỗi đợt cần thư mục trang riêng",
                    f"path '{path}' is already used by campaign {first.config.id} "
                    f"({first.file.name}); each campaign needs its own folder",
                ),
            )
        else:
            seen[path] = c


def _current(campaigns: Sequence[Campaign]) -> Iterator[tuple[Campaign, Problem]]:
    if len(campaigns) < 2:
        return
    marked = [c for c in campaigns if c.config.current]
    ids = ", ".join(c.config.id for c in campaigns)
    if not marked:
        yield (
            campaigns[0],
            Problem(
                "config-campaign-current",
                ("current",),
                f"kho có {len(campaigns)} đợt thi đua ({ids}) nhưng không đợt nào có current: "
                "true; cần đúng một đợt hiện tại (trang chủ hiển thị đợt đó)",
                f"the repository holds {len(campaigns)} campaigns ({ids}) but none has current: "
                "true; exactly one must be current (the home page shows it)",
            ),
        )
    for c in marked[1:]:
        first = marked[0]
        yield (
            c,
            Problem(
                "config-campaign-current",
                ("current",),
                f"đợt {first.config.id} ({first.file.name}) đã là đợt hiện tại (current: true); "
                "chỉ một đợt được là đợt hiện tại",
                f"campaign {first.config.id} ({first.file.name}) is already current "
                "(current: true); only one campaign may be current",
            ),
        )
