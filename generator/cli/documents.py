"""`thidua documents`: the staff's internal documents, written outside the site. A thin edge."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.cli.choice import campaign_option, config_option, data_option, one_campaign
from generator.cli.report import as_text
from generator.documents import names
from generator.documents.bundle import DocumentsError, render
from generator.documents.certificates import DoesNotFit
from generator.documents.fonts import FontMissing
from generator.judge.pipeline import run


@click.command()
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=names.DEFAULT_OUT,
    show_default=True,
    help="Folder for the documents (outside the site; ignored by git, never published).",
)
@data_option
@config_option
@campaign_option
def documents(
    out: Path, data_dir: Path | None, config_path: Path | None, campaign_id: str | None
) -> None:
    """Council list (.xlsx), draft decision and Tờ trình (.docx), certificates (.pdf)."""
    chosen = one_campaign(config_path, campaign_id)
    if chosen is None:
        sys.exit(1)
    result = run(chosen, data_dir)
    if not result.ok:
        click.echo(as_text(result.issues, result.dataset.counts), err=True)
        click.echo("Không tạo hồ sơ: dữ liệu hoặc cấu hình còn lỗi.", err=True)
        sys.exit(1)
    try:
        files = render(result)
    except (DocumentsError, DoesNotFit, FontMissing) as exc:
        click.echo(f"Không tạo hồ sơ: {exc}", err=True)
        sys.exit(1)
    out.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (out / name).write_bytes(data)
        click.echo(str(out / name))
    click.echo(f"Đã ghi {len(files)} tệp hồ sơ nội bộ vào {out}/ (không công bố).")
