"""Metamorphic robustness: real publishing damage must not change what a report says.

Every perturbation of ``tests/perturbations.yaml`` is applied to every dev report that has a
truth file; the perturbed report must give the same cells (or an ambiguous cell whose
candidates hold the value) and the same narrative facts as the original.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from disclosure_metrics import ReportError, parse_file
from disclosure_metrics.numbers import Ambiguous
from disclosure_metrics.parse import Report

from .conftest import CORPUS, load_truth, truth_files

PERTURBATIONS = yaml.safe_load(
    (Path(__file__).parent / "perturbations.yaml").read_text(encoding="utf-8")
)["perturbations"]
TEXT_SUFFIXES = {".txt": "txt", ".html": "html", ".htm": "html"}


def _reports() -> list[str]:
    names = [load_truth(p)["file"] for p in truth_files()]
    return [n for n in names if Path(n).suffix in TEXT_SUFFIXES]


def perturb(text: str, spec: dict[str, Any]) -> str:
    """``text`` with one perturbation of ``perturbations.yaml`` applied.

    >>> perturb("表（一）", {"kind": "translate", "from": "（）", "to": "()"})
    '表(一)'
    """
    kind = spec["kind"]
    if kind == "replace":
        return re.sub(spec["find"], spec["replace"], text)
    if kind == "translate":
        return text.translate(str.maketrans(spec["from"], spec["to"]))
    if kind == "lines":
        chrome = "\n".join(spec["text"])
        return f"{chrome}\n{text}\n{chrome}\n"
    if kind == "script":
        import opencc

        text = opencc.OpenCC("s2t").convert(text)
        for character, sound in spec.get("pinyin", {}).items():
            text = text.replace(character, f"{character}({sound})")
        return text
    raise ValueError(f"unknown perturbation kind {kind!r}")


@cache
def _original(name: str) -> Report:
    return parse_file(CORPUS / "reports" / name)


def _cells(report: Report) -> dict[str, Any]:
    out = {}
    for table in ("table2", "table3", "table4"):
        for block, rows in getattr(report, table).items():
            for row, value in rows.items():
                if isinstance(value, dict):
                    for col, cell in value.items():
                        out[f"{table}.{block}.{row}.{col}"] = cell
                else:
                    out[f"{table}.{block}.{row}"] = value
    return out


def _same_or_ambiguous(got: Any, want: Any) -> bool:
    if isinstance(want, Ambiguous):
        return isinstance(got, Ambiguous) and set(want.candidates) <= set(got.candidates)
    if isinstance(got, Ambiguous):
        return want in got.candidates
    return got == want and type(got) is type(want)


def _assert_says_the_same(report: Report, original: Report) -> None:
    """Same agency, year and format; every cell the same or ambiguous with its value among the
    candidates; the same narrative facts."""
    assert (report.agency, report.year, report.format) == (
        original.agency,
        original.year,
        original.format,
    )
    want, got = _cells(original), _cells(report)
    wrong = [(k, got.get(k), v) for k, v in want.items() if not _same_or_ambiguous(got.get(k), v)]
    assert not wrong, wrong
    assert _facts(report) == _facts(original)


def _facts(report: Report) -> set[tuple[str, str, float, str]]:
    return {(f.metric, f.channel, float(f.value), f.qualifier) for f in report.narrative}


CASES = [
    pytest.param(name, spec, id=f"{spec['id']}-{Path(name).stem}")
    for spec in PERTURBATIONS
    for name in _reports()
    if TEXT_SUFFIXES[Path(name).suffix] in spec.get("formats", ["txt", "html"])
]


@pytest.mark.parametrize(("name", "spec"), CASES)
def test_perturbed_report_says_the_same(name: str, spec: dict[str, Any], tmp_path: Path) -> None:
    source = CORPUS / "reports" / name
    if not source.is_file():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    text = source.read_text(encoding="utf-8")
    changed = perturb(text, spec)
    if changed == text:
        pytest.skip(f"{spec['id']} does not occur in {name}")
    path = tmp_path / name
    path.write_text(changed, encoding="utf-8")
    original = _original(name)
    try:
        report = parse_file(path)
    except ReportError as err:
        pytest.fail(f"{spec['id']}: the perturbed report no longer parses: {err}")
    _assert_says_the_same(report, original)


def test_every_perturbation_applies_to_some_report() -> None:
    if not (CORPUS / "reports").is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    texts = [(CORPUS / "reports" / n).read_text(encoding="utf-8") for n in _reports()]
    idle = [s["id"] for s in PERTURBATIONS if all(perturb(t, s) == t for t in texts)]
    assert not idle, f"perturbations that change no dev report: {idle}"


def _table_cells(line: str) -> list[str] | None:
    """The cells of a tab-separated or Markdown table row, None for any other line."""
    stripped = line.strip()
    if stripped.startswith("|"):
        return [c.strip() for c in stripped.strip("|").split("|")]
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    return None


def _is_separator(cells: list[str]) -> bool:
    """Whether a Markdown row is its table's ``|---|---|`` separator."""
    return any(cells) and all(re.fullmatch(r":?-+:?", c) for c in cells if c)


def _reprinted(name: str, tmp_path: Path, reprint: Callable[[str], str]) -> Report:
    """Dev report ``name`` rewritten by ``reprint``, parsed; skipped without the corpus."""
    source = CORPUS / "reports" / name
    if not source.is_file():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    path = tmp_path / name
    path.write_text(reprint(source.read_text(encoding="utf-8")), encoding="utf-8")
    return parse_file(path)


def one_cell_per_line(text: str, style: str = "plain") -> str:
    """``text`` with its tab and Markdown tables printed one filled cell per line, blank cells
    left out: ``plain``, as ``pdftotext`` without ``-layout`` prints a table; or as crawlers
    write a table whose cells are paragraphs: ``ended``, each cell ended with `` |`` and a
    row's blank cells as one line of bare pipes after it; ``rows-marked``, the same with a bare
    ``|`` opening each row; ``pipe-lines``, each cell followed by a line holding a bare ``|``;
    ``blank-pipes``, every cell on its line in order, a blank one as a bare ``|``;
    ``source-spaces``, as ``rows-marked`` with the page source's whitespace kept around each cell
    (lines of spaces between cells).

    >>> one_cell_per_line("表\\n| 规章 | 13 |  |\\n|---|---|---|\\n其他\\t1")
    '表\\n规章\\n13\\n其他\\n1'
    >>> one_cell_per_line("表\\n| 规章 | 13 |  |\\n|---|---|---|\\n其他\\t1", "ended")
    '表\\n规章 |\\n13 |\\n|\\n其他 |\\n1 |'
    >>> one_cell_per_line("其他\\t1", "rows-marked"), one_cell_per_line("其他\\t1", "pipe-lines")
    ('|\\n其他 |\\n1 |', '其他\\n|\\n1\\n|')
    >>> one_cell_per_line("新收\\t\\t\\t0", "blank-pipes")
    '新收 |\\n|\\n|\\n0 |'
    """
    out = []
    for line in text.split("\n"):
        cells = _table_cells(line)
        if cells is None:
            out.append(line)
            continue
        if _is_separator(cells):
            continue
        filled = [c for c in cells if c]
        if style == "plain":
            out.extend(filled)
        elif style == "blank-pipes":
            out.extend(f"{c} |" if c else "|" for c in cells)
        elif style == "source-spaces":
            out.append("| ")
            for c in filled:
                out.extend([f"       {c}  | ", "      "])
            if len(filled) < len(cells):
                out.append("    " + "|" * (len(cells) - len(filled)))
        elif style == "pipe-lines":
            out.extend(f"{c}\n|" for c in filled)
        else:
            if style == "rows-marked":
                out.append("|")
            out.extend(f"{c} |" for c in filled)
            if len(filled) < len(cells):
                out.append("|" * (len(cells) - len(filled)))
    return "\n".join(out)


@pytest.mark.parametrize("name", ["2020_huianpu.txt", "2025_shuyangxian.txt"])
def test_a_table_printed_one_cell_per_line_says_the_same(name: str, tmp_path: Path) -> None:
    # The sample's own rows lack cells, so some of its values come back ambiguous: each holds
    # the value read from the tab-separated original.
    _assert_says_the_same(_reprinted(name, tmp_path, one_cell_per_line), _original(name))


@pytest.mark.parametrize(
    "style", ["ended", "rows-marked", "pipe-lines", "blank-pipes", "source-spaces"]
)
@pytest.mark.parametrize("name", ["2020_huianpu.txt", "2025_shuyangxian.txt"])
def test_a_table_printed_one_piped_cell_per_line_says_the_same(
    name: str, style: str, tmp_path: Path
) -> None:
    """Crawled pages print a table whose cells are paragraphs one cell per line, each ended
    with a pipe (``规章 |`` / ``0 |``) or followed by one (``规章`` / ``|``). Before, no value
    of such a table was read."""
    _assert_says_the_same(
        _reprinted(name, tmp_path, lambda text: one_cell_per_line(text, style)),
        _original(name),
    )


def bare_pipe_tables(text: str) -> str:
    """``text`` with its tab and Markdown tables written as html2text writes them: cells between
    ``|`` with no outer pipes, a ``---|---`` row under each table's first row.

    >>> bare_pipe_tables("表\\n规章\\t5\\n其他\\t1")
    '表\\n规章 | 5\\n---|---\\n其他 | 1'
    """
    out: list[str] = []
    in_table = False
    for line in text.split("\n"):
        cells = _table_cells(line)
        if cells is None:
            out.append(line)
            in_table = False
            continue
        if not _is_separator(cells):
            out.append(" | ".join(cells))
        if not in_table:
            out.append("|".join("---" for _ in cells))
        in_table = True
    return "\n".join(out)


@pytest.mark.parametrize(
    "name", ["2020_huianpu.txt", "2024_shanghai_kewei.txt", "2025_shuyangxian.txt"]
)
def test_tables_without_outer_pipes_say_the_same(name: str, tmp_path: Path) -> None:
    _assert_says_the_same(_reprinted(name, tmp_path, bare_pipe_tables), _original(name))


def _page_as_text(path: Path, table_lines: Callable[[list[list[Any]]], list[str]]) -> str:
    """The page at ``path`` as text: its running text line by line, and each table's rows as
    ``table_lines`` writes them, then an empty line."""
    from disclosure_metrics.document import TextLine
    from disclosure_metrics.readers import read_document

    lines = []
    for item in read_document(path).items:
        if isinstance(item, TextLine):
            lines.append(item.text)
            continue
        lines.extend(table_lines(item.rows))
        lines.append("")
    return "\n".join(lines)


def padded_pipe_text(path: Path) -> str:
    """The page at ``path`` as trafilatura's text output writes it: running text line by line,
    and each table row as ``| cell | cell |`` with every grid position a cell, those a span
    covers empty (``<td colspan=3>一、本年新收…</td>`` is the label and two empty cells)."""
    return _page_as_text(
        path,
        lambda rows: [
            "| " + " | ".join("" if c.spanned else c.text for c in row) + " |" for row in rows
        ],
    )


def test_a_page_whose_spans_a_converter_padded_says_the_same(tmp_path: Path) -> None:
    """The 2019 上海 page (labels spanning three columns, blank cells) as padded pipe text:
    every cell as the page gives it, or ambiguous with it among the candidates only in a row
    whose last cell is blank (a pad or a blank total: not told apart)."""
    source = CORPUS / "reports" / "2019_shanghai_bgt.html"
    if not source.is_file():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    path = tmp_path / "2019_shanghai_bgt.txt"
    path.write_text(padded_pipe_text(source), encoding="utf-8")
    original, report = parse_file(source), parse_file(path)
    _assert_says_the_same(report, original)
    ambiguous = {k.rsplit(".", 1)[0] for k, v in _cells(report).items() if isinstance(v, Ambiguous)}
    assert ambiguous <= {"table3.granted", "table3.partial"}, ambiguous


def cell_ended_text(path: Path) -> str:
    """The page at ``path`` as trafilatura's text before 2.0 writes it: each row's own cells
    each ended with `` | ``, a blank one as a line break and a bare ``|``, and the positions
    spans cover as bare pipes at the row's end (``规章 | 13 | 13 | 524 | |``)."""

    def table_lines(rows: list[list[Any]]) -> list[str]:
        width = max(len(row) for row in rows)
        lines = []
        for row in rows:
            own = [c.text for c in row if not c.spanned]
            text = f"{own[0]} |"
            for cell in own[1:]:
                text += f" {cell} |" if cell.strip() else "\n|"
            pads = width - len(own)
            lines.append(text + (" " + "|" * pads if pads else ""))
        return lines

    return _page_as_text(path, table_lines)


def blank_opened_text(path: Path) -> str:
    """The page at ``path`` as some crawlers write it: each row's cells ended with `` | ``
    and its blank cells in place; the label a row span covers from above is a blank cell
    that opens the row (``| （二）部分公开 | | 0 |``), the positions a column span covers
    bare pipes at the row's end."""

    def row_line(row: list[Any]) -> str:
        lead = next((k for k, c in enumerate(row) if not c.spanned), len(row))
        own = [c.text for c in row[lead:] if not c.spanned]
        pads = len(row) - lead - len(own)
        text = " | ".join([""] * lead + own) + " |"
        return text.strip() + (" " + "|" * pads if pads else "")

    return _page_as_text(path, lambda rows: [row_line(row) for row in rows])


def test_rows_opened_by_a_blank_spanned_cell_say_the_same(tmp_path: Path) -> None:
    """The 2019 上海 page (rows under 三、本年度办理结果 and （三）不予公开, which span rows)
    written with the spanned labels as blank cells opening the rows: every cell as the page
    gives it. Before, such a row was read as going on from the row above it."""
    source = CORPUS / "reports" / "2019_shanghai_bgt.html"
    if not source.is_file():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    path = tmp_path / "2019_shanghai_bgt.txt"
    path.write_text(blank_opened_text(source), encoding="utf-8")
    _assert_says_the_same(parse_file(path), parse_file(source))


def test_a_page_in_trafilaturas_older_text_says_the_same(tmp_path: Path) -> None:
    """An example page (spans, and a table 4 whose blank cells are left out) as trafilatura
    before 2.0 writes it: every cell as the page gives it. Before, 15 to 55 cells per page
    came back wrong."""
    from disclosure_metrics.example_data import example_reports, render_html

    report = next(r for r in example_reports() if r.file.startswith("2024_example_county"))
    page = tmp_path / "page.html"
    page.write_bytes(render_html(report))
    path = tmp_path / "page.txt"
    path.write_text(cell_ended_text(page), encoding="utf-8")
    original, reprinted = parse_file(page), parse_file(path)
    assert _cells(reprinted) == _cells(original)
    assert _facts(reprinted) == _facts(original)
