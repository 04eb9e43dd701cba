"""One site for every campaign of a repository (:func:`make_site`).

A lone campaign without ``path`` is the site, exactly as :func:`make_bundle` renders it
(pages at the root). Otherwise each campaign's pages and downloads sit under its ``path``
(``vpubnd-2019/ket-qua/ca-nhan/``), so a link to one stays when another campaign is added,
and the root holds:

- the home page (``index.md``): the current campaign, an archive of the others, the
  combined download;
- at every path a campaign's page has in its own folder (``ket-qua/ca-nhan/``, ...), a
  redirect page to the current campaign's page of that path (or, when the current campaign
  has none, to the first other campaign's that has): a plain page with a meta refresh and a
  visible link (theme template ``redirect.html``), kept out of the search index;
- every download and chart of the current campaign at its campaign-relative path (a file
  cannot redirect on a static host), then the other campaigns' for the paths it lacks;
- the combined open data (:mod:`generator.site.open_data.combined`).

The vendored browser libraries are the site's, at the root, once.
"""

from __future__ import annotations

import dataclasses
import json
import posixpath
import re
from collections.abc import Sequence
from pathlib import Path

from generator.judge.campaigns import Campaign, current_campaign, load_campaigns
from generator.judge.pipeline import Result
from generator.site import vendor
from generator.site.bundle import SiteBundle, make_bundle
from generator.site.open_data.combined import export_combined
from generator.site.pages.home import FIGURE_LABELS
from generator.site.pages.renderer import PageRenderer
from generator.site.views import SiteView

HOME = "index.md"
HOME_TITLE = "Công khai kết quả thi đua, khen thưởng"
REDIRECT_TEMPLATE = "redirect.html"
_ID = re.compile(r'\bid="([A-Za-z0-9_.:-]+)"')


def make_site(
    files: Sequence[Path],
    data_dir: Path | None = None,
    *,
    named_by_id: bool = True,
    with_history: bool = True,
) -> SiteBundle:
    """Load the campaign files, check them together, run each one and put them in one site.

    ``data_dir`` overrides the data folder of a single campaign file; ``named_by_id``: the
    files are a repository's ``site_config/*.yml`` (see :mod:`generator.judge.campaigns`)."""
    campaigns, issues = load_campaigns(files, named_by_id=named_by_id)
    if issues or not campaigns:
        return SiteBundle(Result(None, None, issues=issues))
    if len(campaigns) == 1 and not campaigns[0].path:
        return make_bundle(campaigns[0].file, data_dir, with_history=with_history)
    own_data = data_dir if len(campaigns) == 1 else None
    bundles = [
        make_bundle(c.file, own_data, with_history=with_history, base=f"{c.path}/")
        for c in campaigns
    ]
    return combine(campaigns, bundles)


def combine(campaigns: Sequence[Campaign], bundles: Sequence[SiteBundle]) -> SiteBundle:
    """The site of several campaign bundles (each rendered in its own folder)."""
    current = current_campaign(campaigns)
    first = campaigns.index(current)
    head = bundles[first]
    issues = [i for b in bundles for i in b.issues]
    result = dataclasses.replace(head.result, issues=issues)
    if not all(b.ok for b in bundles) or any(b.view is None for b in bundles):
        bad = next(b for b in bundles if not b.ok)
        return SiteBundle(dataclasses.replace(bad.result, issues=issues))
    order = [first, *(n for n in range(len(campaigns)) if n != first)]
    site = SiteBundle(
        result,
        view=_site_view(head, bundles),
        history=head.history,
        epoch=max((b.epoch for b in bundles if b.epoch is not None), default=None),
        sections=tuple(c.path for c in campaigns),
        form_origins=tuple(o for b in bundles for o in b.form_origins),
    )
    vendored = vendor.site_files()
    site.files.update(vendored)
    for n in order:
        prefix = f"{campaigns[n].path}/"
        bundle = bundles[n]
        site.pages.update({prefix + k: v for k, v in bundle.pages.items()})
        site.files.update({prefix + k: v for k, v in bundle.files.items() if k not in vendored})
        for key, content in bundle.files.items():
            site.files.setdefault(key, content)  # the current campaign's first
        for key in bundle.pages:
            if key != HOME and key not in site.pages:
                others = [b.pages[key] for b in bundles if key in b.pages]
                site.pages[key] = redirect_page(key, campaigns[n], bundle.pages[key], others)
    views = [b.view for b in (bundles[n] for n in order) if b.view is not None]
    combined = export_combined(views, current.config)
    site.files.update(combined)
    assert site.view is not None
    site.pages[HOME] = home_page(site.view, campaigns, bundles, order, combined)
    return site


def _site_view(head: SiteBundle, bundles: Sequence[SiteBundle]) -> SiteView:
    """The current campaign's view, dated by the latest data change of any campaign."""
    assert head.view is not None
    days = [b.view.updated for b in bundles if b.view is not None and b.view.updated]
    return dataclasses.replace(head.view, updated=max(days, default=head.view.updated))


def redirect_page(key: str, target: Campaign, source: str, others: Sequence[str] = ()) -> str:
    """The source of the root page ``key`` leading to ``target``'s page of the same path
    (``source``: that page's own source; ``others``: every campaign's page of that path).
    Its body names the anchors of all of them, so a hand-written link such as the founding
    plan's ``tieu-chi/index.md#ngay-ket-thuc`` still checks in a strict build when the
    current campaign's page lacks that anchor; the template shows none of it (a meta
    refresh drops the fragment anyway)."""
    folder = posixpath.dirname(key)
    destination = f"{target.path}/{folder}/" if folder else f"{target.path}/"
    meta = {
        "template": REDIRECT_TEMPLATE,
        "title": _title(source),
        "redirect": destination,
        "campaign": target.config.campaign.name,
        "search": {"exclude": True},
    }
    lines = [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items()]
    found = (a for text in (source, *others) for a in _ID.findall(text))
    anchors = "".join(f'<span id="{a}"></span>' for a in dict.fromkeys(found))
    body = f"\n<div hidden>{anchors}</div>\n" if anchors else ""
    return "---\n" + "\n".join(lines) + "\n---\n" + body


def _title(source: str) -> str:
    """A generated page's title: its first Markdown heading."""
    for line in source.splitlines():
        if line.startswith("# "):
            return line[2:].strip().replace("\\", "")
    return HOME_TITLE


def home_page(
    view: SiteView,
    campaigns: Sequence[Campaign],
    bundles: Sequence[SiteBundle],
    order: Sequence[int],
    combined: dict[str, bytes],
) -> str:
    """The site's home: the current campaign, the archive of the others, the combined data
    (``view``: the current campaign's, dated by the latest change of any campaign's data)."""
    site = PageRenderer(view, combined)
    entries = [_entry(campaigns[n], bundles[n]) for n in order]
    archive = sorted(entries[1:], key=lambda e: (e["start"], e["id"]), reverse=True)
    downloads = sorted(k for k in combined)
    return site.render(
        HOME,
        "site_home.html",
        HOME_TITLE,
        current=entries[0],
        archive=archive,
        downloads=downloads,
    )


def _entry(campaign: Campaign, bundle: SiteBundle) -> dict[str, object]:
    config, view = campaign.config, bundle.view
    assert view is not None
    return {
        "id": config.id,
        "path": f"{campaign.path}/",
        "name": config.campaign.name,
        "office": config.site.office,
        "description": config.site.description,
        "start": config.period.start,
        "end": config.period.end,
        "phase": view.phase_label,
        "figures": [(FIGURE_LABELS.get(k, k), v) for k, v in view.figures.items()],
    }
