"""The options that choose a campaign (`--config FILE`, `--campaign ID`, `--data DIR`) and
how a command finds the campaign file they name: shared by every command."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.report import as_text
from generator.judge.campaigns import CAMPAIGN_DIR, campaign_files, current_campaign, load_campaigns

config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="One campaign file (YAML), any name [default: the campaigns of site_config/].",
)
campaign_option = click.option(
    "--campaign",
    "campaign_id",
    default=None,
    help="The campaign site_config/ID.yml [default: every campaign for validate, else the "
    "current one].",
)
data_option = click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Folder of the campaign's spreadsheets [default: the config's data_dir].",
)


def check_config(config_path: Path) -> None:
    if not config_path.is_file():
        raise click.BadParameter(f"no such file: {config_path}", param_hint="--config")


def repository() -> list[Path]:
    files = campaign_files(CAMPAIGN_DIR)
    if not files:
        raise click.UsageError(f"no campaign file in {CAMPAIGN_DIR}/ (site_config/<id>.yml)")
    return files


def lone_campaign(option: str) -> Path:
    """The repository's only campaign file (``--data`` names the data of one campaign)."""
    files = repository()
    if len(files) > 1:
        raise click.UsageError(f"--data needs the one campaign it belongs to ({option})")
    return files[0]


def chosen_campaign(config_path: Path | None, campaign_id: str | None) -> Path | None:
    """The one campaign file named by --config or --campaign, or None (the repository)."""
    if config_path is not None and campaign_id is not None:
        raise click.UsageError("--config and --campaign name a campaign each: give one")
    if config_path is not None:
        check_config(config_path)
        return config_path
    if campaign_id is None:
        return None
    files = repository()
    chosen = next((f for f in files if f.stem == campaign_id), None)
    if chosen is None:
        known = ", ".join(f.stem for f in files)
        raise click.BadParameter(
            f"no campaign '{campaign_id}' in {CAMPAIGN_DIR}/ (campaigns: {known})",
            param_hint="--campaign",
        )
    return chosen


def one_campaign(config_path: Path | None, campaign_id: str | None) -> Path | None:
    """The campaign file explain and templates work on: the one named, else the current
    campaign of the repository; None (after printing why) when the repository is not valid."""
    chosen = chosen_campaign(config_path, campaign_id)
    if chosen is not None:
        return chosen
    campaigns, issues = load_campaigns(repository())
    if issues:
        click.echo(as_text(issues, []), err=True)
        return None
    return current_campaign(campaigns).file
