"""Command line: `thidua validate | build | templates | explain | demo-data | new-campaign |
documents`
(SPEC §6). A thin edge."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from generator.cli.choice import (
    campaign_option,
    check_config,
    chosen_campaign,
    config_option,
    data_option,
    lone_campaign,
    one_campaign,
    repository,
)
from generator.cli.documents import documents
from generator.cli.report import as_github, as_json, as_text, public_text
from generator.judge.campaigns import CAMPAIGN_DIR, load_campaigns
from generator.judge.config import load_config
from generator.judge.explain import explain as explain_text
from generator.judge.pipeline import Result, run
from generator.publish.builders import BUILDER_ENV, BUILDERS, DEFAULT_BUILDER
from generator.read.issues import has_errors

# The founding campaign: the data contract `demo-data` writes by default.
FOUNDING_CONFIG = CAMPAIGN_DIR / "vpubnd-cantho-2019.yml"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Thi đua CCHC: check campaign spreadsheets and publish the transparency site."""


@main.command()
@data_option
@config_option
@campaign_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="text for people, json for programs, github for workflow annotations.",
)
def validate(
    data_dir: Path | None, config_path: Path | None, campaign_id: str | None, fmt: str
) -> None:
    """Check the spreadsheets; list every problem with its location. Exit 1 on errors.

    Without --config or --campaign: every campaign of the repository, checked together
    first (file names, paths, the current campaign), then each one's data."""
    chosen = chosen_campaign(config_path, campaign_id)
    if chosen is None and data_dir is not None:
        chosen = lone_campaign("--campaign ID")
    if chosen is None:
        files = repository()
        campaigns, issues = load_campaigns(files)
        if issues:
            click.echo(_report(Result(None, None, issues=issues), fmt))
            sys.exit(1)
        if len(campaigns) > 1:
            results = [(c.config.id, run(c.file)) for c in campaigns]
            click.echo(_reports(results, fmt))
            sys.exit(1 if any(not r.ok for _, r in results) else 0)
        chosen = campaigns[0].file
    result = run(chosen, data_dir)
    click.echo(_report(result, fmt))
    sys.exit(1 if has_errors(result.issues) or result.config is None else 0)


def _report(result: Result, fmt: str) -> str:
    counts, rejected = result.dataset.counts, result.dataset.rejected
    if fmt == "json":
        return as_json(result.issues, counts, rejected)
    if fmt == "github":
        prefix = "" if result.data_dir is None else _display(result.data_dir) + "/"
        contract = None if result.config is None else result.config.data_contract
        return as_github(result.issues, prefix, contract)
    return as_text(result.issues, counts, rejected)


def _reports(results: list[tuple[str, Result]], fmt: str) -> str:
    """Several campaigns' reports: JSON ``{"campaigns": [{"id", ...one report}]}``, GitHub
    annotations one after the other, text under a heading per campaign."""
    if fmt == "json":
        items = [{"id": cid, **json.loads(_report(r, fmt))} for cid, r in results]
        return json.dumps({"campaigns": items}, ensure_ascii=False, indent=2)
    if fmt == "github":
        return "\n".join(t for t in (_report(r, fmt) for _, r in results) if t)
    return "\n\n".join(f"== Đợt thi đua {cid} ==\n{_report(r, fmt)}" for cid, r in results)


def _refusal(config_bad: bool) -> str:
    if config_bad:  # load_config stops the core before any spreadsheet is opened
        return (
            "Không xây dựng trang: tệp cấu hình còn lỗi, chưa đọc tệp dữ liệu nào; trang cũ "
            "được giữ nguyên. (Not built: the config has errors; no data file was read.)"
        )
    return "Không xây dựng trang: dữ liệu còn lỗi; trang cũ được giữ nguyên."


def in_ci() -> bool:
    """True under a CI runner (``CI`` set to anything but empty, 0, false, no, off)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no", "off", "n")


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


@main.command()
@data_option
@config_option
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("site"),
    show_default=True,
    help="Folder the site is published to (replaced in one step).",
)
@click.option(
    "--mkdocs-file",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=Path("mkdocs.yml"),
    show_default=True,
    help="The mkdocs configuration.",
)
@click.option(
    "--builder",
    type=click.Choice(sorted(BUILDERS)),
    default=None,
    help=f"The static-site builder [default: ${BUILDER_ENV}, else {DEFAULT_BUILDER}].",
)
@click.option(
    "--offline",
    is_flag=True,
    help="Also write the offline bundle: a zip of the site that opens from disk "
    "(index.html), search included.",
)
@click.option(
    "--offline-zip",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Where --offline writes the zip [default: <out>-offline.zip beside --out].",
)
def build(
    data_dir: Path | None,
    config_path: Path | None,
    out: Path,
    mkdocs_file: Path,
    builder: str | None,
    offline: bool,
    offline_zip: Path | None,
) -> None:
    """Validate, evaluate and build the site of every campaign of site_config/ (or of the
    one --config FILE). On any error exit 1, leaving the old site."""
    from generator.publish.build import BuildFailed, build_site
    from generator.site.campaigns import make_site

    data = data_dir.resolve() if data_dir else None
    if config_path is not None:
        check_config(config_path)
        bundle = make_site([config_path.resolve()], data, named_by_id=False)
    else:
        files = [lone_campaign("--config FILE")] if data is not None else repository()
        bundle = make_site([f.resolve() for f in files], data)
    if not bundle.ok:
        if in_ci():  # a CI log may be public: only what an annotation may carry
            config = bundle.result.config
            contract = None if config is None else config.data_contract
            lines = [public_text(i, contract) for i in bundle.issues if i.is_error]
            click.echo("\n".join(lines), err=True)
        else:
            click.echo(as_text(bundle.issues, bundle.result.dataset.counts), err=True)
        click.echo(_refusal(bundle.result.config is None), err=True)
        sys.exit(1)
    try:
        build_site(bundle, mkdocs_file.resolve(), out, builder=builder)
    except BuildFailed as exc:
        click.echo(f"build failed: {exc}", err=True)
        click.echo("Không xây dựng trang; trang cũ được giữ nguyên.", err=True)
        sys.exit(1)
    click.echo(f"Đã xây dựng trang tại {out}/ (site built in {out}/).")
    if offline or offline_zip is not None:
        from generator.publish.offline import build_offline, default_zip_path

        target = offline_zip or default_zip_path(out)
        try:
            build_offline(bundle, mkdocs_file.resolve(), target, builder=builder)
        except BuildFailed as exc:
            click.echo(f"offline build failed: {exc}", err=True)
            sys.exit(1)
        click.echo(f"Bản ngoại tuyến: {target} (offline bundle: unzip, open index.html).")


@main.command()
@click.argument("code")
@data_option
@config_option
@campaign_option
def explain(
    code: str, data_dir: Path | None, config_path: Path | None, campaign_id: str | None
) -> None:
    """Why a nominee (Mã CB) or a department (Mã đơn vị) has its status."""
    chosen = one_campaign(config_path, campaign_id)
    if chosen is None:
        sys.exit(1)
    result = run(chosen, data_dir)
    if result.config is None:
        click.echo(as_text(result.issues, []), err=True)
        sys.exit(1)
    text = _explain(result, code)
    if text is None:
        click.echo(f"Không tìm thấy cá nhân hay đơn vị có mã “{code}”.", err=True)
        sys.exit(1)
    click.echo(text)


def _explain(result: Result, code: str) -> str | None:
    if result.config is None:
        return None
    return explain_text(result.config, result.dataset, result.outcomes, code)


@main.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="Folder to write the blank workbooks to.",
)
@data_option
@config_option
@campaign_option
def templates(
    out: Path, data_dir: Path | None, config_path: Path | None, campaign_id: str | None
) -> None:
    """Blank department workbooks with headers, drop-down lists and instructions."""
    from generator.tools.blank import write_templates

    chosen = one_campaign(config_path, campaign_id)
    if chosen is None:
        sys.exit(1)
    result = run(chosen, data_dir)
    if result.config is None:
        click.echo(as_text(result.issues, []), err=True)
        sys.exit(1)
    if not result.dataset.units:
        click.echo(as_text(result.issues, result.dataset.counts), err=True)
        click.echo("Không đọc được danh sách đơn vị (don-vi).", err=True)
        sys.exit(1)
    written = write_templates(result.dataset.units, result.config, out)
    for path in written:
        click.echo(str(path))


@main.command("demo-data")
@click.option("--units", type=int, required=True, help="Số đơn vị / number of departments.")
@click.option("--nominees", type=int, required=True, help="Số cá nhân / number of nominees.")
@click.option(
    "--initiatives", type=int, required=True, help="Số sáng kiến / number of initiatives."
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="Thư mục ghi dữ liệu / folder to write the campaign's workbooks to.",
)
@click.option("--seed", type=int, default=1, show_default=True, help="Random seed.")
@config_option
def demo_data(
    units: int, nominees: int, initiatives: int, out: Path, seed: int, config_path: Path | None
) -> None:
    """Dữ liệu hư cấu để thử / a synthetic campaign (fictional names, every status)."""
    from generator.tools.demo import DemoError, write_demo

    config_path = config_path or FOUNDING_CONFIG
    check_config(config_path)
    config, problems = load_config(config_path)
    if config is None:
        click.echo(as_text(problems, []), err=True)
        sys.exit(2)
    sizes = {"units": units, "nominees": nominees, "initiatives": initiatives}
    try:
        write_demo(out, config.data_contract, **sizes, seed=seed)
    except DemoError as exc:
        click.echo(f"Không tạo được dữ liệu: {exc}", err=True)
        sys.exit(2)
    click.echo(f"Đã ghi dữ liệu hư cấu vào {out}/ (synthetic campaign written to {out}/).")


@main.command("new-campaign")
@click.argument("campaign_id", metavar="ID")
@click.option(
    "--from",
    "source_id",
    default=None,
    help="Id of an existing campaign to copy (site_config/<ID>.yml): its text and comments "
    "kept, with the id, data folder, dates and years moved to the new campaign.",
)
@click.option(
    "--preset",
    default=None,
    help="Without --from: the data contract preset (site_config/contracts/<NAME>.yml) "
    "[default: the only one there].",
)
@click.option(
    "--year",
    type=click.IntRange(1900, 2099),
    default=None,
    help="The campaign's year [default: the year the id ends with, e.g. cantho-2021].",
)
@click.option(
    "--root",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=Path("."),
    show_default=True,
    help="The repository (holding site_config/ and data/).",
)
def new_campaign(
    campaign_id: str, source_id: str | None, preset: str | None, year: int | None, root: Path
) -> None:
    """Scaffold site_config/<ID>.yml (commented) and data/<ID>/ (blank registers)."""
    from generator.tools.scaffold import ScaffoldError
    from generator.tools.scaffold import new_campaign as scaffold

    try:
        done = scaffold(root, campaign_id, source_id, preset, year)
    except ScaffoldError as exc:
        if exc.issues:
            click.echo(as_text(exc.issues, []), err=True)
        click.echo(str(exc), err=True)
        sys.exit(1)
    for path in done.written:
        click.echo(_display(path))
    click.echo(f"Đã tạo phong trào {campaign_id} (campaign scaffolded).")
    if done.review:
        click.echo("Hãy xem lại trong tệp cấu hình / review in the config:")
        for note in done.review:
            click.echo(f"  - {note}")
    click.echo(f"Tiếp theo: thidua validate --config {_display(done.config)}")


main.add_command(documents)
