"""Command line: `thidua validate | build | templates | explain` (SPEC §6). A thin edge."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from generator.cli.documents import documents
from generator.cli.report import as_github, as_json, as_text, public_text
from generator.judge.config import load_config
from generator.judge.explain import explain as explain_text
from generator.judge.pipeline import Result, run
from generator.publish.builders import BUILDER_ENV, BUILDERS, DEFAULT_BUILDER
from generator.read.issues import has_errors

DEFAULT_CONFIG = Path("site_config/campaign.yml")

config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=DEFAULT_CONFIG,
    show_default=True,
    help="Campaign rules file (YAML).",
)
data_option = click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder of the campaign's spreadsheets [default: the config's data_dir].",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Thi đua CCHC: check campaign spreadsheets and publish the transparency site."""


def _check_config(config_path: Path) -> None:
    if not config_path.is_file():
        raise click.BadParameter(f"no such file: {config_path}", param_hint="--config")


@main.command()
@data_option
@config_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="text for people, json for programs, github for workflow annotations.",
)
def validate(data_dir: Path | None, config_path: Path, fmt: str) -> None:
    """Check the spreadsheets; list every problem with its location. Exit 1 on errors."""
    _check_config(config_path)
    result = run(config_path, data_dir)
    counts, rejected = result.dataset.counts, result.dataset.rejected
    if fmt == "json":
        click.echo(as_json(result.issues, counts, rejected))
    elif fmt == "github":
        prefix = "" if result.data_dir is None else _display(result.data_dir) + "/"
        contract = None if result.config is None else result.config.data_contract
        click.echo(as_github(result.issues, prefix, contract))
    else:
        click.echo(as_text(result.issues, counts, rejected))
    sys.exit(1 if has_errors(result.issues) or result.config is None else 0)


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
    config_path: Path,
    out: Path,
    mkdocs_file: Path,
    builder: str | None,
    offline: bool,
    offline_zip: Path | None,
) -> None:
    """Validate, evaluate and build the site. On any error exit 1, leaving the old site."""
    from generator.publish.build import BuildFailed, build_site
    from generator.site.bundle import make_bundle

    _check_config(config_path)
    bundle = make_bundle(config_path.resolve(), data_dir.resolve() if data_dir else None)
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
def explain(code: str, data_dir: Path | None, config_path: Path) -> None:
    """Why a nominee (Mã CB) or a department (Mã đơn vị) has its status."""
    _check_config(config_path)
    result = run(config_path, data_dir)
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
def templates(out: Path, data_dir: Path | None, config_path: Path) -> None:
    """Blank department workbooks with headers, drop-down lists and instructions."""
    from generator.tools.blank import write_templates

    _check_config(config_path)
    result = run(config_path, data_dir)
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
    units: int, nominees: int, initiatives: int, out: Path, seed: int, config_path: Path
) -> None:
    """Dữ liệu hư cấu để thử / a synthetic campaign (fictional names, every status)."""
    from generator.tools.demo import DemoError, write_demo

    _check_config(config_path)
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


main.add_command(documents)
