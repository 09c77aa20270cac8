"""The ``disclosure-metrics`` command.

Example::

    disclosure-metrics parse data/raw            # readable tables, one report after another
    disclosure-metrics parse data/raw --json     # one JSON object per line, per report
"""

from __future__ import annotations

import csv
import dataclasses
import errno
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from .agencies import read_aliases, read_unit_tree
from .checks import CheckResult, run_checks, summary_status
from .distributed import run_files
from .errors import InputError, ReportError, SiteError, UnsupportedFormatError
from .inputs import InputFile, find_inputs, safe_text
from .parse import Report
from .readers import OCR_MODES

Outcome = Report | ReportError | str  # a report, its error, or why the file was skipped


def parse_inputs(
    inputs: Iterable[str],
    desc: str = "parse",
    jobs: int | None = None,
    executor: str = "local",
    scheduler: str | None = None,
    ocr: str = "auto",
) -> list[tuple[InputFile, Outcome]]:
    """Parse every input in parallel with a progress bar; every file comes back with its outcome.

    A missing path, or no file at all, is an :class:`InputError` (exit 2) before any parsing.
    """
    entries = find_inputs(inputs)
    require_inputs(entries, inputs)
    to_parse = [e.path for e in entries if e.readable]
    results = iter(
        run_files(
            executor,
            to_parse,
            jobs=jobs,
            progress=len(to_parse) > 3,
            desc=desc,
            scheduler=scheduler,
            ocr=ocr,
        )
    )
    out: list[tuple[InputFile, Outcome]] = []
    for entry in entries:
        if entry.skip is not None:
            out.append((entry, entry.skip))
        elif entry.error is not None:
            out.append((entry, entry.error))
        else:
            result = next(results)
            if result.notice:
                click.echo(f"! {entry.report}: {result.notice}", err=True)
            out.append((entry, result.report if result.report is not None else result.error))  # type: ignore[arg-type]
    return out


def require_inputs(entries: list[InputFile], inputs: Iterable[str]) -> None:
    """No file to read at all is a usage error: nothing would be produced."""
    if any(e.readable or e.error is not None for e in entries):
        return
    given = ", ".join(safe_text(str(i)) for i in inputs)
    for entry in entries:
        click.echo(f"- {entry.report}: 跳过 skipped: {entry.skip}", err=True)
    if not entries:
        raise InputError(f"没有找到任何文件：{given}", f"no files found in {given}")
    raise InputError(
        f"没有可读取的报告文件：{given}（{len(entries)} 个文件均被跳过）",
        f"no report file to read in {given} ({len(entries)} file(s), all skipped)",
    )


def outcome_status(outcome: Outcome) -> str:
    """parsed, failed or skipped (a LEGACY report is skipped: read, but not parsed)."""
    if isinstance(outcome, Report):
        return "parsed"
    if isinstance(outcome, str | UnsupportedFormatError):
        return "skipped"
    return "failed"


def summary_line(statuses: Iterable[str]) -> str:
    """The one line every command ends with; duplicates only when there are some.

    >>> summary_line(["parsed", "failed", "skipped", "legacy", "duplicate"])
    '1 parsed, 1 failed, 2 skipped, 1 duplicate'
    """
    counts = {"parsed": 0, "failed": 0, "skipped": 0, "duplicate": 0}
    for status in statuses:
        counts["skipped" if status == "legacy" else status] += 1
    line = f"{counts['parsed']} parsed, {counts['failed']} failed, {counts['skipped']} skipped"
    return line + (f", {counts['duplicate']} duplicate" if counts["duplicate"] else "")


def _json_line(obj: dict) -> str:
    # A file name that is not UTF-8 must not make the line invalid UTF-8.
    return safe_text(json.dumps(obj, ensure_ascii=False))


JOBS = click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes for parsing [default: all cores].",
)
EXECUTOR = click.option(
    "--executor",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where files are parsed: processes here, or a Dask cluster.",
)
OCR = click.option(
    "--ocr",
    type=click.Choice(OCR_MODES),
    default="auto",
    show_default=True,
    help="OCR for scans and pictures (PDF pages without a text layer, images, tables pasted as"
    " pictures in web pages and Word files): only where there is no text, always, or never.",
)
ALIASES = click.option(
    "--aliases",
    type=click.Path(exists=True, dir_okay=False),
    help="Agency alias CSV (alias,agency).",
)
UNITS = click.option(
    "--units",
    type=click.Path(exists=True, dir_okay=False),
    help="Unit tree CSV (unit,parent) for HIER-1: a parent's cells = the sum of its children's.",
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


class Commands(click.Group):
    """The command group: usage errors and stopped commands end in a bilingual message (exit 2
    for usage), never a traceback."""

    def main(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        kwargs["standalone_mode"] = False
        try:
            return super().main(*args, **kwargs)
        except click.exceptions.Abort:
            click.echo("✗ 已中止 / aborted", err=True)
            sys.exit(1)
        except click.ClickException as exc:
            if isinstance(exc, click.UsageError) and not _has_chinese(exc.message):
                exc.message = f"用法错误 / usage error: {exc.message}"
            exc.show()
            sys.exit(exc.exit_code)
        except (InputError, SiteError) as exc:
            click.echo(f"✗ {exc}", err=True)
            sys.exit(exc.exit_code)
        except OSError as exc:
            if exc.errno not in _WRITE_ERRORS:
                raise
            where = safe_text(str(exc.filename or "?"))
            click.echo(
                f"✗ 无法写入 {where}：{exc.strerror} / cannot write {where}: {exc.strerror}",
                err=True,
            )
            sys.exit(1)


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


# Errors of the place written to, not of the program: a message, not a traceback.
_WRITE_ERRORS = (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM)


def _years_option(_ctx: click.Context, _param: click.Parameter, value: str | None) -> Any:
    from .site import parse_years

    try:
        return parse_years(value)
    except ValueError as exc:
        raise click.BadParameter(
            f"年份应为 2019-2025 或 2020,2022 / years must look like 2019-2025 or 2020,2022 ({exc})"
        ) from None


@click.group(cls=Commands)
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
@OCR
@EXECUTOR
@SCHEDULER
def parse(
    inputs: tuple[str, ...],
    as_json: bool,
    jobs: int | None,
    executor: str,
    scheduler: str | None,
    explain_facts: bool = False,
    ocr: str = "auto",
) -> None:
    """Parse report files (text, HTML, PDF and scans, images, DOCX; .doc/.wps/.rtf with
    LibreOffice) or folders of them."""
    _check_executor(executor, scheduler)
    outcomes = parse_inputs(inputs, jobs=jobs, executor=executor, scheduler=scheduler, ocr=ocr)
    for entry, result in outcomes:
        where = {"report": entry.report, "file": safe_text(entry.path.name)}
        where["path"] = safe_text(str(entry.path))
        if isinstance(result, str):
            if as_json:
                click.echo(_json_line({**where, "status": "skipped", "skipped": result}))
            else:
                click.echo(f"- {entry.report}: 跳过 skipped: {result}")
            continue
        if isinstance(result, Report):
            readings = _explained(result) if explain_facts else None
            if as_json:
                obj = {**result.to_json(), **where, "status": "parsed"}
                if readings is not None:
                    obj["facts_explained"] = [dataclasses.asdict(r) for r in readings]
                click.echo(_json_line(obj))
            else:
                click.echo(format_report_text(result, entry.report))
                for reading in readings or ():
                    click.echo(f"  {reading}")
                click.echo()
            continue
        legacy = isinstance(result, UnsupportedFormatError)
        if as_json:
            obj = {**result.to_dict(), **where, "status": "skipped" if legacy else "failed"}
            click.echo(_json_line(obj))
        else:
            mark = "LEGACY" if legacy else "✗"
            message = f"{result.code}: {result.message_zh} / {result.message_en}"
            click.echo(f"{mark} {entry.report}: {message}\n", err=not legacy)
    statuses = [outcome_status(o) for _e, o in outcomes]
    click.echo(summary_line(statuses), err=True)
    if "failed" in statuses:
        sys.exit(1)


def _explained(report: Report) -> list:
    from .narrative import explain_facts

    return explain_facts(report.section_text, report.year, agency=report.agency)


def format_report_text(report: Report, name: str | None = None) -> str:
    from .render import format_report

    return format_report(report, name)


_SHOWN_PER_RULE = 6
_STATUS_MARK = {"pass": "✓", "fail": "✗", "warn": "!", "not_assessable": "?"}
_CSV_FIELDS = [
    "report",
    "file",
    "path",
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


def _parse_failure(entry: InputFile, outcome: ReportError | str) -> CheckResult:
    """A file that could not be checked, as a result row, so that the output lists it."""
    if isinstance(outcome, str):
        status, message = "not_assessable", f"skipped: {outcome}"
    else:
        legacy = isinstance(outcome, UnsupportedFormatError)
        status = "not_assessable" if legacy else "fail"
        message = f"{outcome.code}: {outcome.message_zh} / {outcome.message_en}"
    details = getattr(outcome, "details", {})
    return CheckResult(
        file=safe_text(entry.path.name),
        agency=details.get("agency"),
        year=details.get("year"),
        rule="PARSE",
        status=status,
        scope="file",
        severity="hard",
        message=message,
        path=safe_text(str(entry.path)),
    )


def _tally(results: Iterable[CheckResult]) -> str:
    counts: dict[str, int] = {}
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
    return " · ".join(f"{k} {v}" for k, v in sorted(counts.items()))


def _print_grouped(results: list[CheckResult], report_ids: dict[str, str]) -> None:
    """Results grouped by report (its path under the input: same-named files stay apart),
    then by rule; passing places are counted, not listed."""
    by_file: dict[str, list[CheckResult]] = {}
    for r in results:
        by_file.setdefault(report_ids.get(r.path, r.path or r.file), []).append(r)
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
@UNITS
@ALIASES
@JOBS
@OCR
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
    ocr: str = "auto",
) -> None:
    """Check reports against every rule of the template (identities, years, text, structure)."""
    _check_executor(executor, scheduler)
    outcomes = parse_inputs(
        inputs, desc="check", jobs=jobs, executor=executor, scheduler=scheduler, ocr=ocr
    )
    reports = [o for _e, o in outcomes if isinstance(o, Report)]
    alias_map = read_aliases(aliases) if aliases else None
    unit_tree = read_unit_tree(units) if units else None
    report_ids = {safe_text(str(e.path)): e.report for e, _o in outcomes}
    report_ids.update({o.path: e.report for e, o in outcomes if isinstance(o, Report)})
    results = [_parse_failure(e, o) for e, o in outcomes if not isinstance(o, Report)]
    results += run_checks(reports, blank_as_zero=blank_as_zero, units=unit_tree, aliases=alias_map)
    order = {e.report: i for i, (e, _o) in enumerate(outcomes)}
    results.sort(key=lambda r: order.get(report_ids.get(r.path, ""), len(order)))
    if as_json:
        for r in results:
            click.echo(_json_line(_result_json(r, report_ids)))
    else:
        _print_grouped(results, report_ids)
    if csv_path:
        write_results_csv(results, csv_path, report_ids)
    statuses = [outcome_status(o) for _e, o in outcomes]
    click.echo(summary_line(statuses), err=True)
    rules_failed = any(r.status == "fail" and r.rule != "PARSE" for r in results)
    if "failed" in statuses or (rules_failed and not no_fail):
        sys.exit(1)


def _result_json(result: CheckResult, report_ids: dict[str, str]) -> dict[str, Any]:
    """A result as ``check --json`` prints it: with the report's id and path."""
    obj = result.to_json()
    return {"report": report_ids.get(result.path, result.path), **obj, "path": result.path}


def write_results_csv(
    results: list[CheckResult], path: str, report_ids: dict[str, str] | None = None
) -> None:
    """Every result as a CSV row (cells joined by ``;``), formula-safe, written atomically."""
    from .export import atomic_write, formula_safe

    def write(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=_CSV_FIELDS)
            writer.writeheader()
            for r in results:
                row = _result_json(r, report_ids or {})
                row["cells"] = ";".join(r.cells)
                writer.writerow({k: formula_safe(row.get(k)) for k in _CSV_FIELDS})

    atomic_write(Path(path), write)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Folder to write."
)
@ALIASES
@UNITS
@click.option("--blank-as-zero", is_flag=True, help="Read blank cells as 0 in the checks.")
@JOBS
@OCR
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
    ocr: str = "auto",
) -> None:
    """Write every corpus table (and the indicator catalogue) as CSV, Parquet and XLSX.

    The tables are also written as a Parquet dataset partitioned by year, in ``OUT/dataset``.
    """
    from .corpus import load

    _check_executor(executor, scheduler)
    require_inputs(find_inputs(inputs), inputs)
    corpus = load(
        list(inputs),
        aliases=aliases,
        units=units,
        blank_as_zero=blank_as_zero,
        jobs=jobs,
        executor=executor,
        scheduler=scheduler,
        ocr=ocr,
    )
    written = corpus.export(out_dir, dataset=True)
    for kind, paths in written.items():
        click.echo(f"{kind}: {', '.join(p.name for p in paths)}")
    click.echo(f"→ {Path(out_dir).resolve()}")
    _end_of_run(corpus.reports)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="The dataset folder to write (replaced whole when the run ends).",
)
@click.option("--blank-as-zero", is_flag=True, help="Read blank cells as 0 in the checks.")
@click.option(
    "--chunk",
    type=click.IntRange(min=1),
    default=200,
    show_default=True,
    help="Files per task.",
)
@ALIASES
@UNITS
@JOBS
@OCR
@EXECUTOR
@SCHEDULER
def national(
    inputs: tuple[str, ...],
    out_dir: str,
    blank_as_zero: bool,
    chunk: int,
    aliases: str | None,
    units: str | None,
    jobs: int | None,
    executor: str,
    scheduler: str | None,
    ocr: str = "auto",
) -> None:
    """Stream a national crawl into a Parquet dataset partitioned by year.

    The workers (processes here, or a Dask cluster's) parse, check and compute indicators and
    write the dataset themselves, then run the cross-year rules and the reuse rate agency by
    agency (and HIER-1 by family with ``--units``); this process never holds the corpus. Two
    different files for one agency and year are both failed, as in ``export``. Read the result with
    ``disclosure_metrics.load(OUT)`` or ``dataset.read_dataset``; ``OUT/reports`` lists every
    input with its status.
    """
    from .batch import stream

    _check_executor(executor, scheduler)
    require_inputs(find_inputs(inputs), inputs)
    result = stream(
        list(inputs),
        out_dir,
        jobs=jobs,
        chunk=chunk,
        blank_as_zero=blank_as_zero,
        progress=True,
        executor=executor,
        scheduler=scheduler,
        ocr=ocr,
        aliases=aliases,
        units=units,
    )
    for table, rows in sorted(result.rows_written.items()):
        click.echo(f"{table}: {rows:,} rows")
    click.echo(f"→ {result.dataset}")
    _end_of_run(result.reports)


def _end_of_run(reports: Any) -> None:
    """A run's last words: the inputs not read, the summary line, and exit code 1 when a file
    failed (the others were read all the same)."""
    _list_unread(reports)
    _list_likely_same(reports)
    statuses = list(reports.status)
    click.echo(summary_line(statuses), err=True)
    if "failed" in statuses:
        sys.exit(1)


def _list_likely_same(reports: Any) -> None:
    """One line per pair of agencies that read as one office named with and without its place:
    their years are compared only once an alias (``--aliases``) makes them one."""
    from .agencies import likely_same

    if "agency_key" not in reports or "agency" not in reports:
        return
    named = reports.dropna(subset=["agency_key", "agency"])
    names = dict(zip(named.agency_key, named.agency, strict=True))
    for short, long in likely_same(names):
        click.echo(
            f"≈ {names[short]} / {names[long]}: 可能是同一机关，在 --aliases 的别名表中加一行 "
            f"possibly one agency; to compare their years add the alias line "
            f"{names[short]},{names[long]} to a CSV given with --aliases",
            err=True,
        )


def _list_unread(reports: Any) -> None:
    """One line per input that was not read as a report, with its reason."""
    for row in reports.itertuples(index=False):
        if row.status == "failed":
            click.echo(f"✗ {row.report}: {row.error}", err=True)
        elif row.status in ("skipped", "legacy"):
            reason = row.note if row.status == "skipped" else row.error
            click.echo(f"- {row.report}: 跳过 skipped: {reason}", err=True)


@main.command()
@click.option(
    "--data", "data", multiple=True, help="Report folder(s) [default: data/raw and data/example]."
)
@click.option(
    "--years",
    default=None,
    callback=_years_option,
    help="Years to build, e.g. 2019-2025 or 2020,2022 [default: all].",
)
@click.option(
    "--renderer",
    type=click.Choice(["auto", "quarto", "nbconvert"]),
    default="auto",
    show_default=True,
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Pages executed in parallel [default: all cores].",
)
@click.option("--out", default="_site", show_default=True, type=click.Path(file_okay=False))
@click.option(
    "--agency-pages",
    default=None,
    help="Agencies with a page of their own: all, none, or N (the N with the most applications)"
    " [default: site.AGENCY_PAGES, 50].",
)
@ALIASES
@UNITS
@OCR
@EXECUTOR
@SCHEDULER
def build(
    data: tuple[str, ...],
    years: list[int] | None,
    renderer: str,
    jobs: int | None,
    out: str,
    agency_pages: str | None,
    aliases: str | None,
    units: str | None,
    executor: str,
    scheduler: str | None,
    ocr: str = "auto",
) -> None:
    """Build the dashboards site: load, check, indicators, exports, papermill per year, render."""
    from .site import build as build_site
    from .site import choose_renderer

    _check_executor(executor, scheduler)
    choose_renderer(renderer)  # --renderer quarto without Quarto: said first, before any input
    folders = list(data) or [d for d in ("data/raw", "data/example") if Path(d).is_dir()]
    if not folders:
        raise InputError(
            "没有输入：请用 --data 指定报告文件夹",
            "no input: give report folders with --data (data/raw and data/example are absent)",
        )
    require_inputs(find_inputs(folders), folders)
    result = build_site(
        folders,
        out=out,
        years=years,
        renderer=renderer,
        jobs=jobs,
        executor=executor,
        scheduler=scheduler,
        ocr=ocr,
        aliases=aliases,
        units=units,
        **({} if agency_pages is None else {"agency_pages": _agency_pages(agency_pages)}),
    )
    for notice in result.notices:
        click.echo(f"! {notice}", err=True)
    if result.unchanged:
        click.echo("nothing changed since the last build (inputs, code, notebooks, options)")
    else:
        for page in result.pages:
            mark = "✓" if page.ok else "✗"
            error = "" if page.ok else f": {page.error}"
            click.echo(f"{mark} {page.name} ({page.seconds:.1f} s){error}")
    click.echo(
        f"{result.renderer}: {len(result.pages) - len(result.failed)} page(s) → "
        f"{Path(out).resolve() / 'index.html'}"
    )
    if result.renderer == "quarto":
        click.echo(f"查看 view: disclosure-metrics serve {out}")
    reports = Path(out) / "data" / "reports.csv"
    if reports.is_file() and not result.unchanged:
        from .export import read_table

        listed = read_table(reports)
        _list_unread(listed)
        _list_likely_same(listed)
    click.echo(summary_line(result.inputs), err=True)
    if result.failed or "failed" in result.inputs:
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
