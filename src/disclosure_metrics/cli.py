"""The ``disclosure-metrics`` command.

Example::

    disclosure-metrics parse data/raw            # readable tables, one report after another
    disclosure-metrics parse data/raw --json     # one JSON object per line, per report
"""

from __future__ import annotations

import json
import sys
import traceback
from collections.abc import Iterable, Iterator
from pathlib import Path

import click
from tqdm import tqdm

from .errors import ReportError, UnsupportedFormatError
from .parse import Report, parse_file
from .readers import SUPPORTED_SUFFIXES


def expand_inputs(inputs: Iterable[str]) -> Iterator[tuple[Path, str | None]]:
    """Every file named or found under a folder, with a skip reason for files not read.

    Files named explicitly are always tried; inside folders only report suffixes are read and
    the others are listed as skipped, so nothing disappears silently.
    """
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in child.relative_to(path).parts):
                    continue
                if child.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield child, None
                else:
                    yield child, f"not a report file type ({child.suffix or 'no suffix'})"
        else:
            yield path, None


def parse_one(path: Path) -> Report | ReportError:
    """Parse a file, turning every failure into a :class:`ReportError` (the batch goes on)."""
    try:
        return parse_file(path)
    except ReportError as err:
        return err
    except Exception as exc:  # a bug must not stop the batch: report it against the file
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        return ReportError(
            str(path),
            "internal_error",
            f"解析器内部错误：{detail}",
            f"internal parser error: {detail}",
        )


@click.group()
@click.version_option(package_name="disclosure-metrics")
def main() -> None:
    """Parse, check and compare 政府信息公开工作年度报告 (government disclosure annual reports)."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--json", "as_json", is_flag=True, help="One JSON object per report (contract §1 shape)."
)
def parse(inputs: tuple[str, ...], as_json: bool) -> None:
    """Parse report files (text, HTML, PDF, DOCX) or folders of them."""
    files = list(expand_inputs(inputs))
    failed = 0
    for path, skip in tqdm(
        files, desc="parse", unit="file", disable=None if len(files) > 3 else True, file=sys.stderr
    ):
        if skip is not None:
            if as_json:
                click.echo(
                    json.dumps(
                        {"file": path.name, "path": str(path), "skipped": skip}, ensure_ascii=False
                    )
                )
            else:
                click.echo(f"- {path}: 跳过 skipped: {skip}")
            continue
        result = parse_one(path)
        if isinstance(result, Report):
            if as_json:
                click.echo(json.dumps(result.to_json(), ensure_ascii=False))
            else:
                click.echo(format_report_text(result))
                click.echo()
            continue
        legacy = isinstance(result, UnsupportedFormatError)
        failed += 0 if legacy else 1
        if as_json:
            obj = result.to_dict()
            obj["file"] = Path(result.path).name
            obj["path"] = result.path
            click.echo(json.dumps(obj, ensure_ascii=False))
        else:
            mark = "LEGACY" if legacy else "✗"
            click.echo(f"{mark} {result}\n", err=not legacy)
    if failed:
        click.echo(f"{failed} 个文件解析失败 / {failed} file(s) failed", err=True)
        sys.exit(1)


def format_report_text(report: Report) -> str:
    from .render import format_report

    return format_report(report)
