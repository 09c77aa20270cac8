"""The ``disclosure-metrics`` command.

Example::

    disclosure-metrics parse data/raw            # readable tables, one report after another
    disclosure-metrics parse data/raw --json     # one JSON object per line, per report
"""

from __future__ import annotations

import csv
import dataclasses
import json
import sys
from collections.abc import Iterable
from pathlib import Path

import click

from .agencies import read_aliases, read_unit_tree
from .checks import CheckResult, run_checks, summary_status
from .errors import ReportError, UnsupportedFormatError
from .ingest import ingest
from .parse import Report
from .readers import expand_inputs

Outcome = Report | ReportError | str  # a report, its error, or why the file was skipped


def parse_inputs(
    inputs: Iterable[str],
    desc: str = "parse",
    jobs: int | None = None,
    executor: str = "local",
    scheduler: str | None = None,
) -> list[tuple[Path, Outcome]]:
    """Parse every input in parallel with a progress bar; every file comes back with its outcome."""
    files = list(expand_inputs(inputs))
    to_parse = [p for p, skip in files if skip is None]
    results = iter(
        ingest(
            to_parse,
            jobs=jobs,
            progress=len(to_parse) > 3,
            desc=desc,
            executor=executor,
            scheduler=scheduler,
        )
    )
    out: list[tuple[Path, Outcome]] = []
    for path, skip in files:
        if skip is not None:
            out.append((path, skip))
            continue
        result = next(results)
        out.append((path, result.report if result.report is not None else result.error))  # type: ignore[arg-type]
    return out


JOBS = click.option(
    "--jobs", type=int, default=None, help="Processes for parsing [default: all cores]."
)
EXECUTOR = click.option(
    "--executor",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where files are parsed: processes here, or a Dask cluster.",
)
SCHEDULER = click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="Dask scheduler, e.g. tcp://host:8786 [default: start a local cluster of --jobs].",
)


def _check_executor(executor: str, scheduler: str | None) -> None:
    """A scheduler address only means something to the Dask executor."""
    if scheduler and executor != "dask":
        raise click.UsageError("--scheduler needs --executor dask")


@click.group()
@click.version_option(package_name="disclosure-metrics")
def main() -> None:
    """Parse, check and compare 政府信息公开工作年度报告 (government disclosure annual reports)."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--json", "as_json", is_flag=True, help="One JSON object per report (contract §1 shape)."
)
@click.option(
    "--explain-facts",
    is_flag=True,
    help="Also print every number of the prose with the reason it was taken or left.",
)
@JOBS
@EXECUTOR
@SCHEDULER
def parse(
    inputs: tuple[str, ...],
    as_json: bool,
    jobs: int | None,
    executor: str,
    scheduler: str | None,
    explain_facts: bool = False,
) -> None:
    """Parse report files (text, HTML, PDF, DOCX) or folders of them."""
    _check_executor(executor, scheduler)
    failed = 0
    for path, result in parse_inputs(inputs, jobs=jobs, executor=executor, scheduler=scheduler):
        if isinstance(result, str):
            skipped = {"file": path.name, "path": str(path), "skipped": result}
            if as_json:
                click.echo(json.dumps(skipped, ensure_ascii=False))
            else:
                click.echo(f"- {path}: 跳过 skipped: {result}")
            continue
        if isinstance(result, Report):
            readings = _explained(result) if explain_facts else None
            if as_json:
                obj = result.to_json()
                if readings is not None:
                    obj["facts_explained"] = [dataclasses.asdict(r) for r in readings]
                click.echo(json.dumps(obj, ensure_ascii=False))
            else:
                click.echo(format_report_text(result))
                for reading in readings or ():
                    click.echo(f"  {reading}")
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


def _explained(report: Report) -> list:
    from .narrative import explain_facts

    return explain_facts(report.section_text, report.year, agency=report.agency)


def format_report_text(report: Report) -> str:
    from .render import format_report

    return format_report(report)


_SHOWN_PER_RULE = 6
_STATUS_MARK = {"pass": "✓", "fail": "✗", "warn": "!", "not_assessable": "?"}
_CSV_FIELDS = [
    "file",
    "agency",
    "year",
    "rule",
    "status",
    "severity",
    "scope",
    "left",
    "right",
    "difference",
    "cells",
    "assumption",
    "message",
]


def _parse_failure(path: Path, outcome: ReportError | str) -> CheckResult:
    """A file that could not be checked, as a result row, so that the output lists it."""
    if isinstance(outcome, str):
        status, message = "not_assessable", f"skipped: {outcome}"
    else:
        legacy = isinstance(outcome, UnsupportedFormatError)
        status = "not_assessable" if legacy else "fail"
        message = f"{outcome.message_zh} / {outcome.message_en}"
    details = getattr(outcome, "details", {})
    return CheckResult(
        file=path.name,
        agency=details.get("agency"),
        year=details.get("year"),
        rule="PARSE",
        status=status,
        scope="file",
        severity="hard",
        message=message,
    )


def _tally(results: Iterable[CheckResult]) -> str:
    counts: dict[str, int] = {}
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
    return " · ".join(f"{k} {v}" for k, v in sorted(counts.items()))


def _print_grouped(results: list[CheckResult]) -> None:
    """Results grouped by report, then by rule; passing places are counted, not listed."""
    by_file: dict[str, list[CheckResult]] = {}
    for r in results:
        by_file.setdefault(r.file, []).append(r)
    for file, items in by_file.items():
        click.echo(f"{file}  {items[0].agency or '?'}  {items[0].year or '?'}")
        by_rule: dict[str, list[CheckResult]] = {}
        for r in items:
            by_rule.setdefault(r.rule, []).append(r)
        for rule, rs in by_rule.items():
            click.echo(f"  {summary_status(rs):<14} {rule:<7} {_tally(rs)}")
            flagged = [r for r in rs if r.status != "pass"]
            if flagged:
                click.echo(f"      {flagged[0].message.split(' — ')[0]}")
            for r in flagged[:_SHOWN_PER_RULE]:
                diff = "" if r.difference is None else f" (diff {r.difference:g})"
                click.echo(f"      {_STATUS_MARK[r.status]} {r.scope}: {r.detail}{diff}")
            if len(flagged) > _SHOWN_PER_RULE:
                click.echo(f"      … {len(flagged) - _SHOWN_PER_RULE} more (use --json or --csv)")
        click.echo()
    click.echo(f"{len(by_file)} report(s): {_tally(results)}")


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per result.")
@click.option(
    "--csv",
    "csv_path",
    type=click.Path(dir_okay=False),
    help="Also write every result to this CSV.",
)
@click.option(
    "--blank-as-zero",
    is_flag=True,
    help="Read blank cells as 0 (stated in every result it affects).",
)
@click.option("--no-fail", is_flag=True, help="Exit 0 even when a hard rule fails.")
@click.option(
    "--units",
    type=click.Path(exists=True, dir_okay=False),
    help="Unit tree CSV (unit,parent) for HIER-1.",
)
@click.option(
    "--aliases",
    type=click.Path(exists=True, dir_okay=False),
    help="Agency alias CSV (alias,agency).",
)
@JOBS
@EXECUTOR
@SCHEDULER
def check(
    inputs: tuple[str, ...],
    as_json: bool,
    csv_path: str | None,
    blank_as_zero: bool,
    no_fail: bool,
    units: str | None,
    aliases: str | None,
    jobs: int | None,
    executor: str,
    scheduler: str | None,
) -> None:
    """Check reports against every rule of the template (identities, years, text, structure)."""
    _check_executor(executor, scheduler)
    outcomes = parse_inputs(inputs, desc="check", jobs=jobs, executor=executor, scheduler=scheduler)
    reports = [o for _p, o in outcomes if isinstance(o, Report)]
    alias_map = read_aliases(aliases) if aliases else None
    unit_tree = read_unit_tree(units) if units else None
    results = [_parse_failure(p, o) for p, o in outcomes if not isinstance(o, Report)]
    results += run_checks(reports, blank_as_zero=blank_as_zero, units=unit_tree, aliases=alias_map)
    order = {p.name: i for i, (p, _o) in enumerate(outcomes)}
    results.sort(key=lambda r: order.get(r.file, len(order)))
    if as_json:
        for r in results:
            click.echo(json.dumps(r.to_json(), ensure_ascii=False))
    else:
        _print_grouped(results)
    if csv_path:
        write_results_csv(results, csv_path)
    if any(r.status == "fail" for r in results) and not no_fail:
        sys.exit(1)


def write_results_csv(results: list[CheckResult], path: str) -> None:
    """Every result as a CSV row (cells joined by ``;``), written atomically."""
    target = Path(path)
    tmp = target.with_name(target.name + ".tmp")
    with open(tmp, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=_CSV_FIELDS)
        writer.writeheader()
        for r in results:
            row = r.to_json()
            row["cells"] = ";".join(r.cells)
            writer.writerow({k: row.get(k) for k in _CSV_FIELDS})
    tmp.replace(target)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Folder to write."
)
@click.option(
    "--aliases",
    type=click.Path(exists=True, dir_okay=False),
    help="Agency alias CSV (alias,agency).",
)
@click.option(
    "--units", type=click.Path(exists=True, dir_okay=False), help="Unit tree CSV (unit,parent)."
)
@click.option("--blank-as-zero", is_flag=True, help="Read blank cells as 0 in the checks.")
@JOBS
@EXECUTOR
@SCHEDULER
def export(
    inputs: tuple[str, ...],
    out_dir: str,
    aliases: str | None,
    units: str | None,
    blank_as_zero: bool,
    jobs: int | None,
    executor: str,
    scheduler: str | None,
) -> None:
    """Write every corpus table (and the indicator catalogue) as CSV, Parquet and XLSX.

    The tables are also written as a Parquet dataset partitioned by year, in ``OUT/dataset``.
    """
    from .corpus import load
    from .dataset import write_dataset

    _check_executor(executor, scheduler)
    corpus = load(
        list(inputs),
        aliases=aliases,
        units=units,
        blank_as_zero=blank_as_zero,
        jobs=jobs,
        executor=executor,
        scheduler=scheduler,
    )
    written = corpus.export(out_dir)
    written["dataset"] = [write_dataset(corpus, Path(out_dir) / "dataset")]
    counts = corpus.reports.status.value_counts().to_dict()
    click.echo("reports: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    for kind, paths in written.items():
        click.echo(f"{kind}: {', '.join(p.name for p in paths)}")
    click.echo(f"→ {Path(out_dir).resolve()}")
    for row in corpus.reports.itertuples(index=False):
        if row.status == "failed":
            click.echo(f"✗ {row.report}: {row.error}", err=True)


@main.command()
@click.option(
    "--data", "data", multiple=True, help="Report folder(s) [default: data/raw and data/example]."
)
@click.option(
    "--years", default=None, help="Years to build, e.g. 2019-2025 or 2020,2022 [default: all]."
)
@click.option(
    "--renderer",
    type=click.Choice(["auto", "quarto", "nbconvert"]),
    default="auto",
    show_default=True,
)
@click.option(
    "--jobs", type=int, default=None, help="Pages executed in parallel [default: all cores]."
)
@click.option("--out", default="_site", show_default=True, type=click.Path(file_okay=False))
@click.option(
    "--agency-pages",
    default=None,
    help="Agencies with a page of their own: all, none, or N (the N with the most applications)"
    " [default: site.AGENCY_PAGES, 50].",
)
@EXECUTOR
@SCHEDULER
def build(
    data: tuple[str, ...],
    years: str | None,
    renderer: str,
    jobs: int | None,
    out: str,
    agency_pages: str | None,
    executor: str,
    scheduler: str | None,
) -> None:
    """Build the dashboards site: load, check, indicators, exports, papermill per year, render."""
    from .site import SiteError, parse_years
    from .site import build as build_site

    _check_executor(executor, scheduler)
    folders = list(data) or [d for d in ("data/raw", "data/example") if Path(d).is_dir()]
    try:
        result = build_site(
            folders,
            out=out,
            years=parse_years(years),
            renderer=renderer,
            jobs=jobs,
            executor=executor,
            scheduler=scheduler,
            **({} if agency_pages is None else {"agency_pages": _agency_pages(agency_pages)}),
        )
    except SiteError as exc:
        click.echo(f"✗ {exc}", err=True)
        sys.exit(exc.exit_code)
    for notice in result.notices:
        click.echo(f"! {notice}", err=True)
    if result.unchanged:
        click.echo("nothing changed since the last build (inputs, code, notebooks, options)")
    for page in result.pages:
        mark = "✓" if page.ok else "✗"
        click.echo(
            f"{mark} {page.name} ({page.seconds:.1f} s){'' if page.ok else ': ' + str(page.error)}"
        )
    click.echo(
        f"{result.renderer}: {len(result.pages) - len(result.failed)} page(s) → "
        f"{Path(out).resolve() / 'index.html'}"
    )
    if result.renderer == "quarto":
        click.echo(f"查看 view: disclosure-metrics serve {out}")
    if result.failed:
        sys.exit(1)


def _agency_pages(text: str) -> int | None:
    """``all`` → None (every agency), ``none`` → 0, ``N`` → N."""
    value = text.strip().lower()
    if value == "all":
        return None
    if value == "none":
        return 0
    if value.isdigit():
        return int(value)
    raise click.BadParameter(
        f"{text!r}: 应为 all、none 或一个数 / expected all, none or a number",
        param_hint="--agency-pages",
    )


@main.command()
@click.argument("directory", default="_site", type=click.Path(file_okay=False))
@click.option("--port", default=8000, show_default=True, help="Port on 127.0.0.1 (0: any free).")
def serve(directory: str, port: int) -> None:
    """Serve a built site on 127.0.0.1 only (Quarto's pages need http, not file://)."""
    from .serve import site_server, site_url

    if not (Path(directory) / "index.html").is_file():
        click.echo(
            f"✗ {directory}: 没有 index.html，请先运行 build / no index.html here: run build first",
            err=True,
        )
        sys.exit(2)
    try:
        server = site_server(directory, port)
    except OSError as exc:
        click.echo(f"✗ 无法在端口 {port} 上提供服务 / cannot serve on port {port}: {exc}", err=True)
        sys.exit(2)
    click.echo(f"{site_url(server)}  (Ctrl-C 停止 to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
