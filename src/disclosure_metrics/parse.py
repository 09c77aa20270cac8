"""Parse one report file into exact cells: the public entry point of the parser.

Example::

    >>> report = parse_file("data/raw/2020_huianpu.txt")
    >>> report.agency, report.year, report.format
    ('盐池县惠安堡镇人民政府', 2020, 'GOV2019')
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import templates as tpl
from .document import Document
from .errors import ReportError, UnsupportedFormatError
from .metadata import (
    contact_agency,
    names_the_contact_whole,
    names_the_whole_area,
    opening_agency_year,
    title_agency_year,
)
from .narrative import Fact, extract_facts
from .normalize import looks_traditional, simplifying_config
from .numbers import Ambiguous
from .ocr_review import review_cells
from .readers import read_document
from .readers.ocr import mean_confidence
from .sections import DOCUMENT_START, SectionHit, find_sections, verbatim_section_texts
from .tables import (
    Line,
    TableResult,
    build_lines,
    cut,
    find,
    find_any,
    join_cell_lines,
    read_table2,
    read_table3,
    read_table4,
)
from .tables import table2_format as detect_table2_format
from .tables import table3_variant as detect_table3_variant

_CAPTION = re.compile(tpl.raw()["table2"]["caption_anchor"])
_T3_START = tuple(re.compile(a) for a in tpl.raw()["table3"]["start_anchors"])
_T4_START = tuple(re.compile(a) for a in tpl.raw()["table4"]["start_anchors"])
_CARRY_FORWARD = next(r for r in tpl.all_table3_rows() if r.key == "carry_forward").anchors
_SECTION5 = next(s for s in tpl.sections() if s.no == 5).anchors
#: Fewer located table 3 rows than this and the file has no table 3 at all.
MIN_TABLE3_ROWS = 3
#: The first report year of the national templates; earlier reports are LEGACY.
FIRST_TEMPLATE_YEAR = 2019


@dataclass
class Report:
    """One parsed report: metadata, format, and the cells of tables 2, 3 and 4."""

    path: str
    agency: str | None
    year: int | None
    format: str
    table2: dict[str, Any]
    table3: dict[str, Any]
    table4: dict[str, Any]
    title: str | None = None
    source_format: str = "text"
    sha256: str = ""
    table2_format: str | None = None
    sections: list[SectionHit] = field(default_factory=list)
    section_text: dict[str, str] = field(default_factory=dict)  # verbatim text per section key
    warnings: list[str] = field(default_factory=list)
    narrative: list[Fact] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)  # pages read by OCR (1-based)
    ocr_confidence: float | None = None  # mean confidence of the value tokens OCR read

    @property
    def file(self) -> str:
        return Path(self.path).name

    def ambiguous_cells(self) -> list[str]:
        """Dotted paths (``table2.art20_1.rules.made``) of every ambiguous cell."""
        out = []
        for table in ("table2", "table3", "table4"):
            for path, value in _walk(getattr(self, table), table):
                if isinstance(value, Ambiguous):
                    out.append(path)
        return out

    def to_json(self) -> dict[str, Any]:
        """The contract shape (spec/contract.md §1), as ``parse --json`` prints it."""
        return {
            "file": self.file,
            "path": self.path,
            "agency": self.agency,
            "year": self.year,
            "format": self.format,
            "table2": _jsonable(self.table2),
            "table3": _jsonable(self.table3),
            "table4": _jsonable(self.table4),
            "title": self.title,
            "source_format": self.source_format,
            "sha256": self.sha256,
            "sections": [
                {"no": s.no, "key": s.key, "heading": s.heading, "printed_number": s.printed_number}
                for s in self.sections
            ],
            "ambiguous": self.ambiguous_cells(),
            "warnings": self.warnings,
            "narrative": [f.to_json() for f in self.narrative],
            "ocr_pages": self.ocr_pages,
            "ocr_confidence": self.ocr_confidence,
        }


def _walk(node: Any, prefix: str):  # type: ignore[no-untyped-def]
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, f"{prefix}.{key}")
    else:
        yield prefix, node


def _jsonable(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _jsonable(v) for k, v in node.items()}
    if isinstance(node, Ambiguous):
        return node.to_json()
    return node


def decide_format(table2_fmt: str | None, variant: str, year: int | None) -> str:
    """The report's format from its labels (spec §5); the year only flags 2019 tables used late.

    >>> decide_format("GOV2021", "split_other", 2022)
    'GOV2021'
    >>> decide_format("GOV2021", "single_other", 2023)
    'HYBRID'
    >>> decide_format("GOV2019", "single_other", 2022)
    'GOV2019'
    """
    t3 = "GOV2021" if variant == "split_other" else "GOV2019"
    t2 = table2_fmt or t3
    if t2 != t3:
        return "HYBRID"
    # 2019 tables in a 2021-or-later report are still the 2019 template (STR-2 warns): HYBRID
    # is the 2021 table 2 over a single （六） row.
    return t2


def _regions(
    lines: list[Line], section_hits: list[SectionHit] | None = None
) -> tuple[list[Line] | None, list[Line] | None, list[Line] | None]:
    t2_start = find(lines, _CAPTION, joined=True)
    # Table 3 opens after section 三's heading when it is found: section 一's prose may state
    # the same words first (本年度新收政府信息公开申请104件), and a converter may print table 2's
    # caption split over cells, so that no caption shows where the tables begin.
    heading3 = next((h.end for h in section_hits or () if h.no == 3), None)
    t3_start = find_any(lines, _T3_START, heading3) if heading3 is not None else None
    if t3_start is None:
        t3_start = find_any(lines, _T3_START, t2_start or (0, 0))
    if t3_start is None:
        t3_start = find_any(lines, _T3_START)
    if t3_start is None:
        t2 = cut(lines, t2_start, None) if t2_start else None
        return t2, None, None
    if t2_start is not None and t2_start > t3_start:
        t2_start = None
    t2 = cut(lines, t2_start, t3_start) if t2_start is not None else None
    carry = find_any(lines, _CARRY_FORWARD, t3_start)
    t4_start = find_any(lines, _T4_START, carry or t3_start)
    # Table 3 ends where the heading of section 四 starts, its ordinal included: a crawled page
    # can print it glued to the table's last values (``0 0 0 0 0 0 0 4、政府信息公开行政复议…``).
    t3_end = next(
        (
            h.pos
            for h in section_hits or ()
            if h.no == 4 and (carry or t3_start) < h.pos and (t4_start is None or h.pos <= t4_start)
        ),
        t4_start,
    )
    t3 = cut(lines, t3_start, t3_end)
    if t4_start is None:
        return t2, t3, None
    # Table 4 ends where the heading of section 五 starts, ordinal and lead words included: a
    # crawled page can print the table's last values on the heading's line
    # (``0 0 … 0五、政府信息公开工作存在的主要问题…``).
    t4_end = next(
        (h.pos for h in section_hits or () if h.no == 5 and h.pos > t4_start),
        find_any(lines, _SECTION5, t4_start),
    )
    return t2, t3, cut(lines, t4_start, t4_end)


def _legacy_or_missing(
    path: str,
    lines: list[Line],
    agency: str | None,
    year: int | None,
    has_table2: bool,
    attachments: list[str] | None = None,
    title: str | None = None,
) -> ReportError:
    text = "\n".join(line.text for line in lines)
    legacy_hits = sum(1 for p in tpl.markers("LEGACY") if p.search(text))
    if not has_table2 and (legacy_hits >= 2 or (year is not None and year < FIRST_TEMPLATE_YEAR)):
        return UnsupportedFormatError(
            path,
            "legacy_format",
            f"{year or '2019年以前'}年度报告使用 2019 年以前的统计表格式（LEGACY），"
            "本工具不解析，未生成任何数据",
            f"the {year or 'pre-2019'} report uses the pre-2019 statistics table (LEGACY); "
            "it is not parsed and no values are produced",
            agency=agency,
            year=year,
            format="LEGACY",
        )
    # A web page that links to files: the report is probably one of them (附件).
    shown = "、".join(attachments[:3]) + ("…" if len(attachments or ()) > 3 else "")
    hint = (
        (f"；页面链接了附件（{shown}），报告可能在附件中", f"; the page links to {shown}: the "
         "report is probably in that file")
        if attachments
        else ("", "")
    )  # fmt: skip
    if has_table2:
        return ReportError(
            path,
            "table3_missing",
            f"找不到表三（收到和处理政府信息公开申请情况）{hint[0]}",
            f"table 3 (applications received and processed) was not found{hint[1]}",
        )
    if title is not None:
        # A report by its title whose tables are not in the text (a crawler that kept only the
        # page's head, tables published as pictures with OCR off): a report, its tables missing.
        return ReportError(
            path,
            "table3_missing",
            f"标题为“{title}”，但找不到表二和表三{hint[0]}",
            f"the title reads “{title}”, but neither table 2 nor table 3 was found{hint[1]}",
        )
    return ReportError(
        path,
        "not_a_report",
        f"不是政府信息公开工作年度报告：找不到标题、表二和表三{hint[0]}",
        "not a government information disclosure annual report: no title, table 2 or table 3 "
        f"found{hint[1]}",
    )


def _stated_titles(doc: Document) -> list[tuple[str, str, tuple[str, ...]]]:
    """Where a file names its report apart from its text, most trusted first, and what each
    may give: (where, the title stated there, the fields it may give).

    A web page's ``<title>`` is written by its site from the report's title. The file's name is
    how an office that collects its units' reports names them (某某镇2023年政府信息公开工作年度报告
    .docx). A PDF's or Word file's Title property comes last and gives the agency only: a report
    made from last year's file keeps last year's title there.

    >>> page = Document("p.html", "html", stated_title="某县2023年政府信息公开工作年度报告")
    >>> [(where, fields) for where, _title, fields in _stated_titles(page)]
    [("the page's <title>", ('agency', 'year')), ("the file's name", ('agency', 'year'))]
    """
    both = ("agency", "year")
    titles: list[tuple[str, str, tuple[str, ...]]] = []
    is_page = doc.source_format.startswith("html")
    if is_page and doc.stated_title:
        titles.append(("the page's <title>", doc.stated_title, both))
    titles.append(("the file's name", Path(doc.path).stem, both))
    if not is_page and doc.stated_title:
        titles.append(("the file's Title property", doc.stated_title, ("agency",)))
    return titles


def parse_document(doc: Document, sha256: str = "") -> Report:
    """Parse a document already read into lines and tables."""
    # The first lines hold the title and tell the script; the rest is never joined for them.
    raw_lines = doc.text_lines(limit=200)
    head = "\n".join(raw_lines)
    traditional = looks_traditional(head)
    script = simplifying_config(head) if traditional else "tw2sp"
    lines = build_lines(doc, traditional, script)
    if traditional:
        from .normalize import to_simplified

        raw_lines = [to_simplified(x, script) for x in raw_lines[:60]]
    title, agency, year = title_agency_year(raw_lines)
    # A title that names no agency (or no year): the file may name them apart from its text.
    named_elsewhere: dict[str, list[str]] = {}  # where -> what was read there
    for where, stated, fields in _stated_titles(doc):
        if agency is not None and year is not None:
            break
        stated_title, stated_agency, stated_year = title_agency_year([stated])
        if stated_title is None:
            continue
        if agency is None and stated_agency and "agency" in fields:
            agency = stated_agency
            named_elsewhere.setdefault(where, []).append("agency")
        if year is None and stated_year and "year" in fields:
            year = stated_year
            named_elsewhere.setdefault(where, []).append("year")
    contact = None
    if agency is None:
        # Last: the office the preamble gives for questions (请与某某办公室联系).
        agency = contact = contact_agency(raw_lines)
        if agency is not None:
            named_elsewhere["the office to contact (请与…联系)"] = ["agency"]
    if agency is None or year is None or contact is not None:
        # A page that lost its title: the year and the body its first paragraph opens with;
        # a place as a whole there (2024年，洮北区坚持…) over its office to contact.
        opening_agency, opening_year = opening_agency_year(raw_lines)
        where = "the first paragraph's opening (2025年，某某街道…)"
        if names_the_whole_area(opening_agency, contact) or names_the_contact_whole(
            opening_agency, contact
        ):
            agency = opening_agency
            del named_elsewhere["the office to contact (请与…联系)"]
            named_elsewhere.setdefault(where, []).append("agency")
        if agency is None and opening_agency is not None:
            agency = opening_agency
            named_elsewhere.setdefault(where, []).append("agency")
        if year is None and opening_year is not None:
            year = opening_year
            named_elsewhere.setdefault(where, []).append("year")
    section_hits = find_sections(lines)
    t2_lines, t3_lines, t4_lines = _regions(lines, section_hits)
    if t2_lines:
        t2_lines = join_cell_lines(t2_lines, tpl.table2_width())
    if t3_lines:
        t3_lines = join_cell_lines(t3_lines, len(tpl.table3_columns()))
    if t4_lines:
        t4_lines = join_cell_lines(t4_lines, tpl.table4_width(), labelled=False)

    variant = detect_table3_variant(t3_lines) if t3_lines else "single_other"
    t3 = read_table3(t3_lines, variant) if t3_lines else TableResult(cells={})
    if t3.located < MIN_TABLE3_ROWS:
        raise _legacy_or_missing(
            doc.path, lines, agency, year, t2_lines is not None, doc.attachments, title
        )
    t2_fmt = detect_table2_format(t2_lines) if t2_lines else None
    fmt = decide_format(t2_fmt, variant, year)
    t2_key_fmt = t2_fmt or ("GOV2021" if variant == "split_other" else "GOV2019")
    t2 = read_table2(t2_lines, t2_key_fmt) if t2_lines else None
    t4 = read_table4(t4_lines) if t4_lines else read_table4([])
    warnings: list[str] = list(doc.warnings)
    if traditional:
        warnings.append("traditional characters converted to simplified before matching labels")
    if t2 is None:
        warnings.append("table 2 not found")
    else:
        warnings.extend(t2.warnings)
    warnings.extend(t3.warnings)
    warnings.extend(t4.warnings)
    for where, named in named_elsewhere.items():
        warnings.append(f"{' and '.join(named)} read from {where}")
    if agency is None:
        warnings.append("agency not found in the title")
    if year is None:
        warnings.append("report year not found in the title or preamble")
    if doc.ocr_lines:
        warnings.extend(review_cells(t3.cells, t4.cells, doc.ocr_lines, variant))
    section_text, section_mapped = verbatim_section_texts(lines, section_hits)
    # Section 一's heading not found (a heading of the report's own, or none at all): the
    # narrative reads the running text before the first heading found too, not nothing.
    prose, prose_mapped = (
        (section_text, section_mapped)
        if any(hit.key == "overview" for hit in section_hits)
        else verbatim_section_texts(lines, [DOCUMENT_START, *section_hits])
    )
    return Report(
        path=doc.path,
        agency=agency,
        year=year,
        format=fmt,
        table2=t2.cells if t2 else {},
        table3=t3.cells,
        table4=t4.cells,
        title=title,
        source_format=doc.source_format,
        sha256=sha256,
        table2_format=t2_fmt,
        sections=section_hits,
        section_text=section_text,
        warnings=warnings,
        narrative=extract_facts(prose, year, agency=agency, mapped=prose_mapped),
        ocr_pages=doc.ocr_pages,
        ocr_confidence=mean_confidence(doc.ocr_lines),
    )


def parse_file(path: str | Path, ocr: str = "auto", jobs: int = 1) -> Report:
    """Read and parse one report file; raises :class:`ReportError` naming the file on bad input.

    ``ocr``: ``auto`` (pages without a text layer), ``always`` or ``never``; ``jobs``: processes
    a scan's pages are spread over.
    """
    path = Path(path)
    data = path.read_bytes() if path.is_file() else None
    doc = read_document(path, data, ocr=ocr, jobs=jobs)
    digest = hashlib.sha256(data).hexdigest() if data is not None else ""
    return parse_document(doc, digest)
