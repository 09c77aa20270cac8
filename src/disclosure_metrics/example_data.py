"""A deterministic example dataset: the annual reports of a fictional county, 2019–2025.

The bundled real sample is a single report, so a year-over-year dashboard has nothing to show
with it. This module invents 示例县 (a county that does not exist) and writes the
政府信息公开工作年度报告 of five of its agencies for 2019–2025 — 34 files in all four input
formats (text, HTML, DOCX, PDF) — from a seed, byte for byte the same every time.

Everything is marked as example data wherever it appears: every agency name starts with
``示例县``, every title ends with ``（示例数据）``, and the first line of every file says
``示例数据，非真实报告`` (generated example data, not a real report). No real place is named.

How it is built: :func:`example_reports` first draws every report's intended content in memory
— the exact printed cells of tables 2, 3 and 4, the narrative paragraphs and the facts they
state — and :func:`generate` then renders each report into its file. Tests compare what the
parser reads back with :func:`example_reports`.

* Agencies: the county government office (50–300 applications a year), 示例县教育局 and
  示例县市场监督管理局 (departments), 示例县青山镇 and 示例县白水乡 (townships, 0–10).
* Years: 2019–2025; 青山镇 published no report for 2022 (:data:`MISSING_REPORTS`), so its 2023
  report has no previous year. 2019–2020 use the GOV2019 template, 2021+ GOV2021, except
  白水乡 2021, which kept the 2019 tables (GOV2019, with the STR-2 warning).
* Numbers evolve smoothly and are consistent: T3-I1, T3-I2, T3-I3 and T4-I1 hold, each year's
  上年结转 equals the previous report's 结转下年度, 现行有效件数 and 上一年项目数量 chain from year
  to year, and the narrative states the table's own numbers — except for the deliberate errors.
* 青山镇 reuses last year's wording every year (a high narrative-reuse rate); 县政府办公室 prints
  zero detail cells of table 3 as blanks (``&nbsp;``), as government sites often do.

Deliberate errors (:data:`DELIBERATE_ERRORS`), one per rule, so that the checks find something:

* ``2020_example_market.pdf`` — T3-I2: （一）予以公开 printed 2 short in the 自然人 and 总计
  columns, so （七）总计 is 2 more than the sum of its outcome rows.
* ``2022_example_education.docx`` — T4-I1: 行政复议 总计 printed 0 over non-zero parts.
* ``2023_example_county_office.pdf`` — TXT-1: section 一 states 5 more applications received
  than table 3 (new plus carried over).
* ``2023_example_market.html`` — T3-X1: 上年结转 (自然人, 总计) is 2 more than the 2022 report's
  结转下年度.
* ``2024_example_education.md`` — FEE-1: one application dropped for an unpaid fee, while
  section 六 reports no fee notice.
* ``2021_example_baishui.txt`` — STR-2: a 2021 report on the 2019 tables (format GOV2019).
* ``2023_example_baishui.txt`` — STR-1: section 五 numbered 六 and section 六 numbered 七.

Example::

    >>> reports = example_reports()
    >>> len(reports), reports[0].file, reports[0].agency
    (34, '2019_example_county_office.html', '示例县人民政府办公室')
    >>> sorted({r.source_format for r in reports})
    ['docx', 'html', 'pdf', 'text']
    >>> reports[0].table3["new_received"]["total"] == example_reports()[0].table3[
    ...     "new_received"]["total"]
    True
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import html
import io
import sys
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from . import templates as tpl

#: The default seed: the same seed always gives byte-identical files.
DEFAULT_SEED = 2024
YEARS = tuple(range(2019, 2026))
#: The marker every agency name carries, and the one every title ends with.
COUNTY = "示例县"
TITLE_MARKER = "（示例数据）"
#: The first line of every file.
DISCLAIMER = (
    "示例数据，非真实报告（generated example data, not a real report）："
    "本文件由 disclosure_metrics.example_data 按固定种子生成，机构、数字和文字均为虚构。"
)

Value = int | float | None
Cells = dict[str, dict[str, Value]]

# Header words of table 3 and the litigation parent of table 4 that templates.yaml does not
# carry as labels (it anchors on the data rows only).
_APPLICANT_HEADER = "申请人情况"
_ORG_HEADER = "法人或其他组织"
_SIX = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org")
# Rows of table 3 printed in full even where blank-for-zero is the agency's style (spec §7.9).
_TOTAL_ROWS = ("new_received", "carried_over", "total_processed", "carry_forward")
# Rows of the GOV2019 item-list blocks (（五）（六）（八）), whose item counts chain year to year.
_ITEM_ROWS = tuple(
    row.key
    for b in tpl.table2_blocks("GOV2019")
    if b.id in ("art20_5", "art20_6", "art20_8")
    for row in b.rows
)


# ---------------------------------------------------------------------------------------------
# Deterministic draws


def _u(seed: int, *key: object) -> float:
    """A number in [0, 1) fixed by the seed and a key, independent of the order of draws.

    >>> _u(2024, "a", 1) == _u(2024, "a", 1), _u(2024, "a", 1) == _u(2024, "a", 2)
    (True, False)
    """
    text = "|".join(str(k) for k in (seed, *key))
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


def _randint(seed: int, low: int, high: int, *key: object) -> int:
    return low + int(_u(seed, *key) * (high - low + 1))


def _smooth(seed: int, base: float, growth: float, year: int, spread: float, *key: object) -> int:
    """A count that grows by ``growth`` a year with a little noise (``spread`` = ±share)."""
    noise = 1 + spread * (2 * _u(seed, *key, year) - 1)
    return max(0, round(base * growth ** (year - YEARS[0]) * noise))


def _apportion(total: int, weights: Sequence[float]) -> list[int]:
    """Integers summing to ``total`` in proportion to ``weights`` (largest remainder).

    >>> _apportion(10, [0.5, 0.3, 0.2]), _apportion(1, [1, 3]), _apportion(0, [1])
    ([5, 3, 2], [0, 1], [0])
    """
    weight_sum = sum(weights)
    if total <= 0 or weight_sum <= 0:
        return [0] * len(weights)
    shares = [total * w / weight_sum for w in weights]
    out = [int(s) for s in shares]
    order = sorted(range(len(weights)), key=lambda i: (-(shares[i] - out[i]), i))
    for i in order[: total - sum(out)]:
        out[i] += 1
    return out


# ---------------------------------------------------------------------------------------------
# The county


@dataclass(frozen=True)
class Channel:
    """A publication channel as the overview names it, with its yearly count."""

    channel: str  # contract §2 channel key
    phrase: str  # the clause, with {n} for the count
    base: float  # count in 2019
    growth: float
    approx: bool = False  # printed as "N余条" (qualifier more_than)
    since: int = YEARS[0]


@dataclass(frozen=True)
class Agency:
    """One reporting body of 示例县 and the parameters its numbers are drawn from."""

    key: str  # file-name slug
    name: str
    self_ref: str  # how its own text names it: 本办, 我局, 我镇 …
    level: str  # county | department | township
    sources: tuple[str, ...]  # source kind per year of YEARS (see _SOURCE_KINDS)
    apps: tuple[float, float]  # new applications in 2019, yearly growth factor
    org_share: float  # share of applications from organisations
    carry_share: float  # share of the caseload carried into the next year
    carried_2019: dict[str, int]  # 上年结转 in the 2019 report, per column
    review: tuple[int, int]  # range of 行政复议 cases a year
    litigation: tuple[int, int]  # range of 行政诉讼 cases a year (direct and after review)
    fee_notices: tuple[int, int]  # range of 信息处理费 notices a year (2021+)
    docs: tuple[int, int, int]  # normative documents: made per year (low, high), stock in 2019
    items: dict[str, tuple[int, float]]  # table 2 row → (items in 2019, decisions in 2019)
    fee_amount: float  # 行政事业性收费 in 万元 (GOV2021 table 2), 2021
    procurement: tuple[int, int]  # 政府集中采购: projects, amount in 元 (2019)
    channels: tuple[Channel, ...]
    states_total: bool  # whether the overview states the total of items published
    hotline: tuple[str, float, float, bool]  # clause with {h} (and {r}), base, growth, all done
    focus: str  # what the overview says the work centred on
    reuse_text: bool = False  # the same wording every year


_SOURCE_KINDS = {
    "text": ("txt", "text", "utf-8"),
    "text_gb18030": ("txt", "text", "gb18030"),
    "markdown": ("md", "text", "utf-8"),
    "html": ("html", "html", "utf-8"),
    "html_blank": ("html", "html", "utf-8"),  # zero detail cells of table 3 as &nbsp;
    "docx": ("docx", "docx", None),
    "pdf": ("pdf", "pdf", None),
}

AGENCIES: tuple[Agency, ...] = (
    Agency(
        key="county_office",
        name=f"{COUNTY}人民政府办公室",
        self_ref="县政府办公室",
        level="county",
        sources=("html_blank",) * 3 + ("pdf", "pdf") + ("html_blank",) * 2,
        apps=(64, 1.17),
        org_share=0.16,
        carry_share=0.05,
        carried_2019={"natural_person": 3, "legal_service": 1},
        review=(1, 6),
        litigation=(0, 3),
        fee_notices=(0, 3),
        docs=(6, 11, 126),
        items={},
        fee_amount=0.0,
        procurement=(4, 1286500),
        channels=(
            Channel("website", "在县政府门户网站发布信息{n}条", 1150, 1.07),
            Channel("wechat_official", "通过“示例县发布”微信公众号推送信息{n}余条", 420, 1.1, True),
            Channel("weibo", "通过“示例县发布”政务微博发布信息{n}余条", 260, 1.03, True),
            Channel("gazette", "在《示例县人民政府公报》刊登政府信息{n}条", 36, 1.04),
            Channel("short_video", "通过“示例县发布”抖音号发布短视频{n}条", 80, 1.25, False, 2022),
        ),
        states_total=True,
        hotline=("全年共受理12345热线诉求{h}件，办结{r}件", 5200, 1.06, False),
        focus="县委、县政府中心工作和全县经济社会发展大局",
    ),
    Agency(
        key="education",
        name=f"{COUNTY}教育局",
        self_ref="我局",
        level="department",
        sources=("docx",) * 4 + ("markdown",) * 2 + ("pdf",),
        apps=(9, 1.10),
        org_share=0.10,
        carry_share=0.06,
        carried_2019={},
        review=(0, 2),
        litigation=(0, 1),
        fee_notices=(0, 1),
        docs=(1, 3, 14),
        items={
            "licensing": (14, 72),
            "other_services": (31, 0),
            "punishment": (12, 2),
            "coercion": (0, 0),
            "fees": (2, 0),
        },
        fee_amount=0.0,
        procurement=(6, 3425000),
        channels=(
            Channel("website", "在县政府门户网站“示例县教育局”栏目发布信息{n}条", 210, 1.05),
            Channel("wechat_official", "通过“示例教育”微信公众号推送信息{n}余条", 380, 1.08, True),
        ),
        states_total=True,
        hotline=("全年共接收12345热线转办涉教诉求{h}件，均已办结", 310, 1.05, True),
        focus="教育改革发展和群众关心的入学、招生、资助等热点",
    ),
    Agency(
        key="market",
        name=f"{COUNTY}市场监督管理局",
        self_ref="我局",
        level="department",
        sources=("pdf",) * 3 + ("html",) * 2 + ("docx",) * 2,
        apps=(18, 1.08),
        org_share=0.22,
        carry_share=0.05,
        carried_2019={"natural_person": 1},
        review=(0, 2),
        litigation=(0, 1),
        fee_notices=(0, 1),
        docs=(1, 2, 9),
        items={
            "licensing": (46, 1150),
            "other_services": (25, 0),
            "punishment": (380, 180),
            "coercion": (22, 28),
            "fees": (3, 0),
        },
        fee_amount=3.26,
        procurement=(3, 986000),
        channels=(
            Channel("website", "在县政府门户网站“市场监管”专栏发布信息{n}条", 240, 1.06),
            Channel("wechat_official", "通过“示例市监”微信公众号发布信息{n}余条", 160, 1.12, True),
        ),
        states_total=False,
        hotline=("全年共受理12345热线转办市场监管类诉求{h}件，办结{r}件", 1450, 1.07, False),
        focus="市场监管重点工作和优化营商环境",
    ),
    Agency(
        key="qingshan",
        name=f"{COUNTY}青山镇人民政府",
        self_ref="我镇",
        level="township",
        sources=("text",) * 7,
        apps=(3, 1.05),
        org_share=0.0,
        carry_share=0.0,
        carried_2019={},
        review=(0, 1),
        litigation=(0, 0),
        fee_notices=(0, 0),
        docs=(0, 0, 0),
        items={
            "licensing": (0, 0),
            "other_services": (0, 0),
            "punishment": (6, 24),
            "coercion": (0, 0),
            "fees": (0, 0),
        },
        fee_amount=0.0,
        procurement=(0, 0),
        channels=(
            Channel("website", "在县政府门户网站青山镇专栏发布信息{n}条", 60, 1.04),
            Channel("wechat_official", "通过“青山之窗”微信公众号推送信息{n}余条", 300, 1.06, True),
            Channel("wechat_group", "通过村民微信群发布各类信息{n}余条", 1200, 1.03, True),
            Channel("offline_board", "在村务公开栏公示信息{n}余条", 80, 1.02, True),
        ),
        states_total=False,
        hotline=("全年共收到12345便民服务热线转办工单{h}件，均已全部办理", 30, 1.08, True),
        focus="乡村振兴和群众关心关切的民生事项",
        reuse_text=True,
    ),
    Agency(
        key="baishui",
        name=f"{COUNTY}白水乡人民政府",
        self_ref="我乡",
        level="township",
        sources=("text_gb18030",) * 5 + ("html",) * 2,
        apps=(1, 1.1),
        org_share=0.0,
        carry_share=0.0,
        carried_2019={},
        review=(0, 0),
        litigation=(0, 0),
        fee_notices=(0, 0),
        docs=(0, 0, 0),
        items={
            "licensing": (0, 0),
            "other_services": (0, 0),
            "punishment": (4, 9),
            "coercion": (0, 0),
            "fees": (0, 0),
        },
        fee_amount=0.0,
        procurement=(0, 0),
        channels=(
            Channel("website", "在县政府门户网站白水乡专栏发布信息{n}条", 40, 1.05),
            Channel("offline_board", "通过乡村两级政务公开栏公示信息{n}余条", 60, 1.03, True),
        ),
        states_total=False,
        hotline=("全年共接到12345热线转办事项{h}件，已全部办结", 12, 1.1, True),
        focus="巩固脱贫攻坚成果和乡村振兴",
    ),
)

#: (agency key, year) pairs with no published report: the previous year is missing for 2023.
MISSING_REPORTS = frozenset({("qingshan", 2022)})
#: (agency key, year) pairs printed on the 2019 tables although the year is 2021 or later.
LATE_GOV2019_REPORTS = frozenset({("baishui", 2021)})


@dataclass(frozen=True)
class DeliberateError:
    """A mistake planted in one report, and the rule of the check catalogue that finds it."""

    file: str
    rule: str
    scope: str  # where the check reports it (a column, a group, a statement …)
    description: str


#: Every deliberate error of the dataset; every other report passes every rule.
DELIBERATE_ERRORS: tuple[DeliberateError, ...] = (
    DeliberateError(
        "2020_example_market.pdf",
        "T3-I2",
        "columns natural_person, total",
        "（一）予以公开 printed 2 short: （七）总计 is 2 more than its outcome rows",
    ),
    DeliberateError(
        "2022_example_education.docx",
        "T4-I1",
        "group review",
        "行政复议 总计 printed 0 over non-zero parts (结果维持 …)",
    ),
    DeliberateError(
        "2023_example_county_office.pdf",
        "TXT-1",
        "applications_received",
        "section 一 states 5 more applications received than table 3 (new + carried over)",
    ),
    DeliberateError(
        "2023_example_market.html",
        "T3-X1",
        "2022→2023 columns natural_person, total",
        "上年结转 is 2 more than the 2022 report's 结转下年度",
    ),
    DeliberateError(
        "2024_example_education.md",
        "FEE-1",
        "other.2",
        "one application dropped for an unpaid fee; section 六 reports no fee notice",
    ),
    DeliberateError(
        "2021_example_baishui.txt",
        "STR-2",
        "format",
        "a 2021 report still printed on the 2019 tables (format GOV2019)",
    ),
    DeliberateError(
        "2023_example_baishui.txt",
        "STR-1",
        "sections",
        "section 五 numbered 六 and section 六 numbered 七",
    ),
)


def _file_name(agency: Agency, year: int) -> str:
    ext = _SOURCE_KINDS[agency.sources[YEARS.index(year)]][0]
    return f"{year}_example_{agency.key}.{ext}"


def _error(agency: Agency, year: int, rule: str) -> bool:
    name = _file_name(agency, year)
    return any(e.file == name and e.rule == rule for e in DELIBERATE_ERRORS)


# ---------------------------------------------------------------------------------------------
# The intended report


@dataclass(frozen=True)
class ExpectedFact:
    """A narrative fact the text states (contract §2), as the extractor should read it."""

    metric: str
    channel: str
    value: int | float
    qualifier: str


@dataclass
class ExampleReport:
    """One report as intended: what is printed, cell by cell and sentence by sentence.

    Cells are the printed values: an ``int``/``float``, or ``None`` for a blank cell.
    """

    file: str
    agency: str
    agency_key: str
    year: int
    format: str  # the format the parser should decide: GOV2019 | GOV2021 | HYBRID
    source_kind: str  # text | text_gb18030 | markdown | html | html_blank | docx | pdf
    title: str
    table2: dict[str, Cells]
    table3: Cells
    table4: Cells
    headings: dict[str, str]  # section key → printed heading
    paragraphs: dict[str, list[str]]  # section key → paragraphs of running text
    facts: list[ExpectedFact]
    errors: tuple[DeliberateError, ...] = ()
    fee_text: str = ""  # section 六's statement on 信息处理费 (2021+)

    @property
    def source_format(self) -> str:
        """The reader that reads the file: text, html, docx or pdf."""
        return _SOURCE_KINDS[self.source_kind][1]

    @property
    def encoding(self) -> str | None:
        return _SOURCE_KINDS[self.source_kind][2]

    @property
    def table_format(self) -> str:
        """The template of the printed tables (HYBRID reports print GOV2019 tables)."""
        return "GOV2021" if self.format == "GOV2021" else "GOV2019"


@dataclass
class _State:
    """What one year hands to the next: carry-over, item lists, document stock."""

    carried: dict[str, int]
    items: dict[str, int]
    published_total: int
    valid: int


# ---------------------------------------------------------------------------------------------
# Table 3 and table 4


_OUTCOME_WEIGHTS: dict[str, dict[str, float]] = {
    "county": {"granted": 40, "partial": 9, "denied.1": 0.3, "denied.2": 0.5, "denied.3": 0.5,
               "denied.4": 2, "denied.5": 1, "denied.6": 2.5, "denied.7": 0.6, "denied.8": 1.2,
               "unable.1": 24, "unable.2": 4, "unable.3": 2, "not_processed.1": 4,
               "not_processed.2": 2.5, "not_processed.3": 0.6, "not_processed.4": 0.4,
               "not_processed.5": 0.6, "other.1": 2.5, "other.2": 0, "other.3": 2},
    "department": {"granted": 50, "partial": 8, "denied.4": 2, "denied.6": 2, "denied.7": 1,
                   "unable.1": 22, "unable.2": 4, "unable.3": 1, "not_processed.1": 4,
                   "not_processed.2": 2, "other.1": 2, "other.3": 2},
    "township": {"granted": 65, "partial": 5, "unable.1": 20, "not_processed.1": 5, "other.3": 3},
}  # fmt: skip
_ORG_WEIGHTS = {"commercial": 0.45, "research": 0.05, "social_welfare": 0.08,
                "legal_service": 0.22, "other_org": 0.20}  # fmt: skip


def _table3(
    seed: int, agency: Agency, year: int, carried: dict[str, int], unpaid: int
) -> tuple[dict[str, dict[str, int]], dict[str, int]]:
    """Table 3 in the GOV2021 rows (other.1–3), and the carry-forward per column."""
    key = (agency.key, year)
    new_total = _smooth(seed, agency.apps[0], agency.apps[1], year, 0.25, "apps", agency.key)
    orgs = min(new_total, round(new_total * agency.org_share * (0.6 + 0.8 * _u(seed, "org", *key))))
    org_weights = [w * (0.5 + _u(seed, "orgw", *key, c)) for c, w in _ORG_WEIGHTS.items()]
    new = dict(zip(_SIX, [new_total - orgs, *_apportion(orgs, org_weights)], strict=True))
    outcome_keys = tpl.outcome_row_keys("GOV2021")
    weights = _OUTCOME_WEIGHTS[agency.level]
    rows: dict[str, dict[str, int]] = {r.key: {} for r in tpl.table3_rows("GOV2021")}
    forward: dict[str, int] = {}
    for col in _SIX:
        caseload = new[col] + carried.get(col, 0)
        share = agency.carry_share * (0.5 + _u(seed, "carry", *key, col))
        forward[col] = min(caseload, round(caseload * share))
        processed = caseload - forward[col]
        forced = {"other.2": min(unpaid, processed)} if col == "natural_person" else {}
        noisy = [
            0.0 if k in forced else weights.get(k, 0) * (0.6 + 0.8 * _u(seed, "out", *key, col, k))
            for k in outcome_keys
        ]
        split = _apportion(processed - sum(forced.values()), noisy)
        rows["new_received"][col] = new[col]
        rows["carried_over"][col] = carried.get(col, 0)
        for k, n in zip(outcome_keys, split, strict=True):
            rows[k][col] = n + forced.get(k, 0)
        rows["total_processed"][col] = processed
        rows["carry_forward"][col] = forward[col]
    for cells in rows.values():
        cells["total"] = sum(cells[c] for c in _SIX)
    return rows, forward


def _as_2019_rows(rows: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """GOV2021 rows folded into GOV2019's single （六）其他处理 row."""
    out: dict[str, dict[str, int]] = {}
    for row in tpl.table3_rows("GOV2019"):
        if row.key == "other":
            out["other"] = {
                c: sum(rows[f"other.{i}"][c] for i in (1, 2, 3)) for c in rows["granted"]
            }
        else:
            out[row.key] = dict(rows[row.key])
    return out


def _group(seed: int, total: int, *key: object) -> dict[str, int]:
    """Table 4 outcomes of ``total`` cases: mostly upheld, now and then corrected or pending."""
    corrected = 1 if total >= 2 and _u(seed, "corr", *key) < 0.4 else 0
    other = 1 if total - corrected >= 2 and _u(seed, "oth", *key) < 0.3 else 0
    pending = 1 if total - corrected - other >= 1 and _u(seed, "pend", *key) < 0.25 else 0
    upheld = total - corrected - other - pending
    return {"upheld": upheld, "corrected": corrected, "other": other, "pending": pending,
            "total": total}  # fmt: skip


def _table4(seed: int, agency: Agency, year: int) -> Cells:
    key = (agency.key, year)
    review = _randint(seed, *agency.review, "review", *key)
    direct = _randint(seed, *agency.litigation, "direct", *key)
    after = min(review, _randint(seed, 0, agency.litigation[1], "after", *key))
    totals = {"review": review, "lit_direct": direct, "lit_after_review": after}
    return {g: dict(_group(seed, totals[g], g, *key)) for g, _label in tpl.table4_groups()}


# ---------------------------------------------------------------------------------------------
# Table 2


def _delta(seed: int, items: int, *key: object) -> int:
    """本年增/减 of an item list: mostly unchanged, sometimes one or two more or fewer."""
    if items == 0:
        return 0
    u = _u(seed, "delta", *key)
    change = -1 if u < 0.15 else 2 if u > 0.9 else 1 if u > 0.75 else 0
    return max(change, -items)


def _table2(seed: int, agency: Agency, year: int, fmt: str, state: _State) -> dict[str, Cells]:
    """Table 2 of ``fmt`` as printed, advancing the document stock and item lists in ``state``."""
    key = (agency.key, year)
    made = _randint(seed, agency.docs[0], agency.docs[1], "docs", *key)
    repealed = min(state.valid + made, _randint(seed, 0, max(0, agency.docs[1] // 3), "rep", *key))

    def decisions(row: str) -> int:
        base = agency.items.get(row, (0, 0))[1]
        return _smooth(seed, base, 1.05, year, 0.2, "dec", agency.key, row) if base else 0

    out: dict[str, Cells] = {}
    if fmt == "GOV2019":
        state.published_total += made
        out["art20_1"] = {
            "rules": {"new_made": 0, "new_published": 0, "total_published": 0},
            "normative_docs": {"new_made": made, "new_published": made,
                               "total_published": state.published_total},
        }  # fmt: skip
        deltas = {row: _delta(seed, n, row, *key) for row, n in state.items.items()}
        for block in tpl.table2_blocks("GOV2019"):
            if block.id in ("art20_1", "art20_9"):
                continue
            out[block.id] = {}
            for row in block.rows:
                cells: dict[str, Value] = {
                    "prev_items": state.items[row.key],
                    "items_delta": deltas[row.key],
                }
                if any(c.key == "decisions" for c in block.columns):
                    cells["decisions"] = decisions(row.key)
                out[block.id][row.key] = cells
        projects, amount = agency.procurement
        if projects:
            projects = max(1, projects + _randint(seed, -1, 2, "proj", *key))
            amount = round(amount * (0.8 + 0.5 * _u(seed, "amount", *key)), -2)
        out["art20_9"] = {"procurement": {"projects": projects, "amount": int(amount)}}
        for row, d in deltas.items():
            state.items[row] += d
    else:
        state.valid = state.valid + made - repealed
        fee: int | float = 0  # printed "0" where nothing was charged
        if agency.fee_amount:
            noise = 0.9 + 0.2 * _u(seed, "fee", *key)
            fee = round(agency.fee_amount * 0.85 ** (year - 2021) * noise, 2)
        out["art20_1"] = {
            "rules": {"made": 0, "repealed": 0, "valid": 0},
            "normative_docs": {"made": made, "repealed": repealed, "valid": state.valid},
        }
        out["art20_5"] = {"licensing": {"decisions": decisions("licensing")}}
        out["art20_6"] = {
            "punishment": {"decisions": decisions("punishment")},
            "coercion": {"decisions": decisions("coercion")},
        }
        out["art20_8"] = {"fees": {"amount": fee}}
        for row in state.items:
            state.items[row] += _delta(seed, state.items[row], row, *key)
    # Block order as in the template, whatever order they were filled in.
    order = [b.id for b in tpl.table2_blocks(fmt)]
    return {b: out[b] for b in order}


# ---------------------------------------------------------------------------------------------
# Narrative


def _pick(seed: int, agency: Agency, year: int, options: Sequence[str], *key: object) -> str:
    """One of ``options``; the same one every year for an agency that reuses its text."""
    when = 0 if agency.reuse_text else year
    return options[int(_u(seed, "pick", agency.key, when, *key) * len(options))]


_INTRO = (
    "{Y}年，{name}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国"
    "政府信息公开条例》，围绕{focus}，持续深化政务公开，不断提升工作透明度和公信力。",
    "{Y}年，在县委、县政府的坚强领导下，{name}严格落实《中华人民共和国政府信息公开条例》和上级"
    "政务公开工作部署，以公开促落实、以公开强监管、以公开优服务，政府信息公开工作取得新进展。",
    "{Y}年，{name}把政务公开作为建设法治政府、服务型政府的重要抓手，围绕{focus}，健全工作"
    "机制，拓展公开渠道，回应社会关切，各项工作有序推进。",
    "{Y}年，{name}全面贯彻落实党中央、国务院关于全面推进政务公开的决策部署，聚焦{focus}，"
    "着力提升公开质量和实效，以高质量公开助力高质量发展。",
    "{Y}年，{name}按照“公开为常态、不公开为例外”的原则，推进决策、执行、管理、服务、结果"
    "公开，围绕{focus}做好信息发布、政策解读和回应关切工作。",
)
_TOPICS = {
    "county": (
        "围绕重点领域信息公开，及时发布财政预决算、重大建设项目、公共资源配置、社会公益事业等"
        "信息，做好行政规范性文件与政策解读同步发布。",
        "聚焦优化营商环境、乡村振兴、民生保障等重点工作，加大政策发布和解读力度，及时回应社会"
        "关切。",
        "做好县政府常务会议、重要政策文件和重大决策事项的发布，组织开展政策解读和政府开放活动。",
    ),
    "department": (
        "重点做好行政许可、行政处罚、“双随机、一公开”抽查结果等监管执法信息公开，推动权力"
        "运行公开透明。",
        "坚持政策发布与解读同步，对与群众切身利益密切相关的政策措施采用图解、问答等形式进行解读。",
        "及时发布部门预决算、权责清单、政务服务事项办事指南等信息，方便企业和群众查询办事。",
    ),
    "township": (
        "重点公开惠农补贴、低保救助、农村危房改造、乡村振兴项目等与群众切身利益相关的信息。",
        "坚持“四议两公开”工作法，村级重大事项决策过程和结果全部公开，接受群众监督。",
        "及时公开防汛抗旱、森林防火、乡村道路建设等群众关注的工作信息，做到应公开尽公开。",
    ),
}
_PROCESS = (
    "严格按照《条例》规定的受理、登记、办理、答复流程办理政府信息公开申请，确保依法依规、"
    "按时答复。",
    "进一步规范依申请公开办理流程，完善登记、审核、答复、归档等环节，答复文书规范性不断提升。",
    "坚持依法依规办理，对复杂申请加强与法律顾问的会商研判，提高答复质量。",
    "落实依申请公开登记、审核、答复全过程留痕管理，加强与申请人的沟通，提升答复的针对性。",
)
_MANAGEMENT = (
    "严格落实政府信息公开保密审查制度，坚持“先审查、后公开”和“一事一审”，确保公开内容准确、规范。",
    "及时更新政府信息公开指南和主动公开目录，做好政府信息的动态调整和规范管理。",
    "建立健全政府信息发布协调机制，对涉及多个部门的信息做好沟通确认，确保发布信息准确一致。",
    "开展行政规范性文件清理工作，对已废止、失效的文件在网站上作出标注，方便公众准确查询。",
)
_PLATFORM = (
    "持续加强政府门户网站信息公开专栏建设，优化栏目设置，提升信息检索和查阅的便捷度。",
    "规范政务新媒体运营管理，严格落实内容发布审核制度，做到有人管、有人审、有人发。",
    "在便民服务场所设置政府信息公开查阅点，配备查阅设备，方便群众现场查阅。",
    "推进政府网站集约化建设，完善站内搜索、无障碍浏览等功能，提升网站服务能力。",
)
_OVERSIGHT = (
    "将政务公开工作纳入年度目标管理考核，明确分管领导和具体工作人员，层层压实工作责任。",
    "组织开展政务公开业务培训，提升工作人员的公开意识和业务能力。",
    "主动接受社会监督，通过意见箱、热线电话等渠道收集群众意见建议，及时改进工作。",
    "定期开展政府网站和政务新媒体自查，对发现的问题建立台账、限期整改。",
)
_PROBLEMS = (
    "政策解读形式还不够丰富，图解、视频等解读方式运用较少",
    "部分栏目信息更新不够及时，日常维护存在滞后现象",
    "工作人员业务能力有待提升，对《条例》的理解把握还不够精准",
    "依申请公开答复文书的规范性还需进一步提高",
    "政务新媒体互动回应的时效性有待加强",
    "基层政务公开标准化规范化建设仍需加强",
)
_MEASURES = (
    "加强业务培训，提升工作人员依法公开的能力和水平",
    "丰富政策解读形式，更多运用图解、短视频等群众喜闻乐见的方式",
    "加强栏目日常巡查维护，确保信息发布及时准确",
    "完善依申请公开办理工作机制，提高答复质量",
    "推进基层政务公开标准化规范化，扩大公开覆盖面",
)
_ORDINALS = "一二三四五六七八九十"


def _channel_counts(seed: int, agency: Agency, year: int) -> list[tuple[Channel, int]]:
    out = []
    for ch in agency.channels:
        if year < ch.since:
            continue
        n = _smooth(seed, ch.base, ch.growth, year - (ch.since - YEARS[0]), 0.1, "ch", agency.key,
                    ch.channel)  # fmt: skip
        if ch.approx:
            n = max(10, n // 10 * 10)
        out.append((ch, n))
    return out


def _applications_text(
    agency: Agency, year: int, t3: Cells, stated_received: int | None, variant: str
) -> tuple[str, list[ExpectedFact]]:
    """The sentence on applications, from table 3 as printed (or a deliberately wrong count)."""
    # Rows 一, 二, （七） and 四 are always printed in full (never blank).
    new, carried, processed, forward = (int(t3[row]["total"] or 0) for row in _TOTAL_ROWS)
    if new == 0 and carried == 0:
        text = f"本年度{agency.self_ref}未收到政府信息公开申请。"
        return text, [ExpectedFact("applications_received", "all", 0, "exact")]
    received = new if stated_received is None else stated_received
    tail = f"，结转下年度{forward}件" if forward else ""
    if carried:
        text = (f"本年度新收政府信息公开申请{received}件，上年结转{carried}件，共办结{processed}件"
                f"{tail}。")  # fmt: skip
    elif variant == "a":
        text = f"全年共收到政府信息公开申请{received}件，办结{processed}件{tail}。"
    else:
        text = f"全年共受理政府信息公开申请{received}件，已依法答复{processed}件{tail}。"
    facts = [
        ExpectedFact("applications_received", "all", received, "exact"),
        ExpectedFact("applications_closed", "all", processed, "exact"),
    ]
    return text, facts


def _disputes_text(t4: Cells) -> str:
    review = t4["review"]["total"]
    litigation = (t4["lit_direct"]["total"] or 0) + (t4["lit_after_review"]["total"] or 0)
    if not review and not litigation:
        return "全年未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。"
    parts = []
    if review:
        parts.append(f"被申请行政复议{review}件")
    if litigation:
        parts.append(f"被提起行政诉讼{litigation}件")
    return "全年因政府信息公开工作" + "，".join(parts) + "。"


def _fees(seed: int, agency: Agency, year: int) -> tuple[int, int, int]:
    """Fee notices issued, notices left unpaid (other.2) and the amount collected (元)."""
    if year < 2021:
        return 0, 0, 0
    notices = _randint(seed, *agency.fee_notices, "notices", agency.key, year)
    unpaid = 1 if notices >= 2 and _u(seed, "unpaid", agency.key, year) < 0.5 else 0
    per_notice = 10 * _randint(seed, 5, 40, "fee_each", agency.key, year)
    return notices, unpaid, (notices - unpaid) * per_notice


def _narrative(
    seed: int,
    agency: Agency,
    year: int,
    t3: Cells,
    t4: Cells,
    fees: tuple[int, int, int],
    stated_received: int | None,
    fee_statement_hidden: bool,
) -> tuple[dict[str, list[str]], list[ExpectedFact], str]:
    """Sections 一, 五 and 六 as paragraphs, the facts they state, and the fee statement."""
    facts: list[ExpectedFact] = []

    def fill(text: str) -> str:
        return text.format(Y=year, name=agency.name, self=agency.self_ref, focus=agency.focus)

    def pick(options: Sequence[str], *key: object) -> str:
        return _pick(seed, agency, year, options, *key)

    # （一）主动公开: per-channel counts, and the stated total for some agencies.
    counts = _channel_counts(seed, agency, year)
    clauses = []
    for ch, n in counts:
        clauses.append(ch.phrase.format(n=n))
        qualifier = "more_than" if ch.approx else "exact"
        facts.append(ExpectedFact("items_published", ch.channel, n, qualifier))
    if agency.states_total:
        exact = sum(n for ch, n in counts if not ch.approx)
        total = exact + sum(n for ch, n in counts if ch.approx) // 4
        channels_text = f"全年主动公开政府信息{total}条，其中" + "，".join(clauses) + "。"
        facts.insert(0, ExpectedFact("items_published", "all", total, "exact"))
    else:
        channels_text = "全年" + "，".join(clauses) + "。"
    proactive = [channels_text, pick(_TOPICS[agency.level], "topic")]

    # （二）依申请公开
    variant = pick(("a", "b"), "apps")
    apps_text, app_facts = _applications_text(agency, year, t3, stated_received, variant)
    facts.extend(app_facts)
    on_request = [pick(_PROCESS, "process") + apps_text]

    # （四）平台建设 with the hotline, （五）监督保障 with disputes (and the art. 50(4) item).
    clause, base, growth, all_done = agency.hotline
    received = _smooth(seed, base, growth, year, 0.08, "hotline", agency.key)
    resolved = received if all_done else received - _randint(seed, 0, 3, "open", agency.key, year)
    hotline = clause.format(h=received, r=resolved) + "。"
    facts.append(ExpectedFact("hotline_received", "hotline", received, "exact"))
    facts.append(ExpectedFact("hotline_resolved", "hotline", resolved, "exact"))
    oversight = pick(_OVERSIGHT, "oversight")
    if agency.level == "county":
        oversight += (
            "将政务公开工作纳入全县目标管理绩效考核，组织开展社会评议，本年度未发生因政府信息"
            "公开工作引起的责任追究情况。"
        )
    overview = [
        fill(pick(_INTRO, "intro")),
        "（一）主动公开",
        *proactive,
        "（二）依申请公开",
        *on_request,
        "（三）政府信息管理",
        pick(_MANAGEMENT, "management"),
        "（四）平台建设",
        pick(_PLATFORM, "platform") + hotline,
        "（五）监督保障",
        oversight + _disputes_text(t4),
    ]

    # 五: two or three problems, three measures; from 2021 also last year's follow-up.
    first = int(_u(seed, "prob", agency.key, 0 if agency.reuse_text else year) * len(_PROBLEMS))
    problems = [_PROBLEMS[(first + k) % len(_PROBLEMS)] for k in range(3 if first % 2 else 2)]
    start = int(_u(seed, "meas", agency.key, 0 if agency.reuse_text else year) * len(_MEASURES))
    measures = [_MEASURES[(start + k) % len(_MEASURES)] for k in range(3)]
    opener = pick(("政府信息公开工作虽然取得了一定成效，但仍存在一些不足：",
                   "政府信息公开工作与上级要求和群众期待相比，还存在一定差距：",
                   "对照《条例》要求，政府信息公开工作仍存在以下问题："), "opener")  # fmt: skip
    section5 = [
        f"{agency.self_ref}{opener}"
        + "；".join(f"{_ORDINALS[k]}是{p}" for k, p in enumerate(problems))
        + "。",
        f"下一步，{agency.self_ref}将重点做好以下工作："
        + "；".join(f"{_ORDINALS[k]}是{m}" for k, m in enumerate(measures))
        + "。",
    ]
    if year >= 2021:
        section5.insert(
            0,
            f"针对上年度报告中提出的问题，{agency.self_ref}通过加强培训、完善制度、"
            "定期巡查等方式推动整改，取得了一定成效。",
        )

    # 六: nothing before 2021; the 信息处理费 statement from 2021.
    notices, _unpaid, collected = fees
    fee_text = ""
    if year < 2021:
        section6 = [pick(("无。", "本年度无其他需要报告的事项。"), "six")]
    else:
        if notices and not fee_statement_hidden:
            fee_text = (f"依据《政府信息公开信息处理费管理办法》，本年度共发出收费通知{notices}件，"
                        f"实际收取信息处理费{collected}元。")  # fmt: skip
            facts.append(ExpectedFact("fee_collected_yuan", "all", collected, "exact"))
        else:
            fee_text = "依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。"
            facts.append(ExpectedFact("fee_collected_yuan", "all", 0, "exact"))
        section6 = [fee_text]
        if agency.level == "county":
            section6.append("本年度县人大代表建议和县政协委员提案办理结果均已按规定在县政府门户"
                            "网站公开。")  # fmt: skip
        section6.append("无其他需要报告的事项。")
    paragraphs = {"overview": overview, "problems": section5, "other_matters": section6}
    return paragraphs, facts, fee_text


def _headings(misnumbered: bool) -> dict[str, str]:
    """The six headings; ``misnumbered`` prints 五 as 六 and 六 as 七 (an inserted section)."""
    out = {}
    for s in tpl.sections():
        heading = s.heading
        if misnumbered and s.no >= 5:
            heading = _ORDINALS[s.no] + heading[1:]
        out[s.key] = heading
    return out


# ---------------------------------------------------------------------------------------------
# Building the dataset


def _blank_zero_details(t3: Cells) -> Cells:
    """Zero cells of table 3's detail rows printed blank, as many government sites do."""
    return {
        row: {c: (None if v == 0 and row not in _TOTAL_ROWS else v) for c, v in cells.items()}
        for row, cells in t3.items()
    }


@cache
def _example_reports(seed: int) -> tuple[ExampleReport, ...]:
    reports: list[ExampleReport] = []
    for agency in AGENCIES:
        state = _State(
            carried=dict(agency.carried_2019),
            items={row: agency.items.get(row, (0, 0))[0] for row in _ITEM_ROWS},
            published_total=agency.docs[2],
            valid=agency.docs[2] // 2,
        )
        for year in YEARS:
            file = _file_name(agency, year)
            late_2019_tables = (agency.key, year) in LATE_GOV2019_REPORTS
            fmt = "GOV2019" if year < 2021 or late_2019_tables else "GOV2021"
            table_fmt = "GOV2021" if fmt == "GOV2021" else "GOV2019"
            if _error(agency, year, "T3-X1"):
                # The report counts two more applications carried over than last year's said.
                state.carried["natural_person"] = state.carried.get("natural_person", 0) + 2
            fees = _fees(seed, agency, year)
            unpaid = fees[1]
            if _error(agency, year, "FEE-1"):
                unpaid = max(unpaid, 1)
            rows, forward = _table3(seed, agency, year, state.carried, unpaid)
            state.carried = forward
            t3: Cells = dict(rows if table_fmt == "GOV2021" else _as_2019_rows(rows))  # type: ignore[arg-type]
            t4 = _table4(seed, agency, year)
            t2 = _table2(seed, agency, year, table_fmt, state)
            if (agency.key, year) in MISSING_REPORTS:
                continue  # the year happened; its report was not published
            errors = tuple(e for e in DELIBERATE_ERRORS if e.file == file)
            t3, t4 = _plant_table_errors(agency, year, t3, t4)
            if _error(agency, year, "FEE-1") and not t3["other.2"]["total"]:
                raise ValueError(f"{file}: no application left to drop for an unpaid fee")
            if agency.sources[YEARS.index(year)] == "html_blank":
                t3 = _blank_zero_details(t3)
            stated = None
            if _error(agency, year, "TXT-1"):
                new, carried = t3["new_received"]["total"], t3["carried_over"]["total"]
                stated = int(new or 0) + int(carried or 0) + 5
            paragraphs, facts, fee_text = _narrative(
                seed, agency, year, t3, t4, fees, stated, _error(agency, year, "FEE-1")
            )
            reports.append(
                ExampleReport(
                    file=file,
                    agency=agency.name,
                    agency_key=agency.key,
                    year=year,
                    format=fmt,
                    source_kind=agency.sources[YEARS.index(year)],
                    title=f"{agency.name}{year}年政府信息公开工作年度报告{TITLE_MARKER}",
                    table2=t2,
                    table3=t3,
                    table4=t4,
                    headings=_headings(_error(agency, year, "STR-1")),
                    paragraphs=paragraphs,
                    facts=facts,
                    errors=errors,
                    fee_text=fee_text,
                )
            )
    return tuple(reports)


def _plant_table_errors(agency: Agency, year: int, t3: Cells, t4: Cells) -> tuple[Cells, Cells]:
    """The deliberate errors that change printed cells (T3-I2, T4-I1)."""
    if _error(agency, year, "T3-I2"):
        t3 = {row: dict(cells) for row, cells in t3.items()}
        # 予以公开 printed 2 short in 自然人 and 总计: the row still adds up (T3-I3), the column
        # no longer does (T3-I2), and new + carried = processed + forward still holds (T3-I1).
        granted = t3["granted"]
        if int(granted["natural_person"] or 0) < 2:
            raise ValueError(f"{_file_name(agency, year)}: too few granted to plant T3-I2")
        granted["natural_person"] = int(granted["natural_person"] or 0) - 2
        granted["total"] = int(granted["total"] or 0) - 2
    if _error(agency, year, "T4-I1"):
        t4 = {group: dict(cells) for group, cells in t4.items()}
        review = t4["review"]
        if not review["total"]:
            review.update({"upheld": 1, "corrected": 1, "other": 0, "pending": 0})
        review["total"] = 0  # the parts are printed, their total is not
    return t3, t4


def example_reports(seed: int = DEFAULT_SEED) -> list[ExampleReport]:
    """Every report of the dataset as intended (cells, text, facts), by agency, then year.

    >>> [r.year for r in example_reports() if r.agency_key == "qingshan"]  # no 2022 report
    [2019, 2020, 2021, 2023, 2024, 2025]
    """
    # Copies: the cached reports must not change when a caller edits what it was given.
    return copy.deepcopy(list(_example_reports(seed)))


# ---------------------------------------------------------------------------------------------
# Layout: a report as blocks, tables as grids with spans


@dataclass(frozen=True)
class GridCell:
    """One printed cell of a table, at its origin, with its spans (as in HTML)."""

    text: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    vertical: bool = False  # a narrow stub printed one character per line (PDF)


@dataclass(frozen=True)
class Grid:
    ncols: int
    rows: tuple[tuple[GridCell, ...], ...]
    widths: tuple[float, ...]  # relative column widths


def _placed(grid: Grid) -> list[tuple[int, int, GridCell]]:
    """Each origin cell with its grid position (HTML's table model)."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(grid.rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            out.append((r, c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
    return out


def _num(value: Value, blank: str = "") -> str:
    if value is None:
        return blank
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _signed(value: Value) -> str:
    # 本年增/减 is printed with its sign, as the Hubei instructions ask (spec §2.3).
    if isinstance(value, int) and value > 0:
        return f"+{value}"
    return _num(value)


def _table2_grid(report: ExampleReport, middle_spans: bool) -> Grid:
    """Table 2 as in the template: a caption row per block, a header row, the data rows.

    GOV2019 is 5 grid columns wide, GOV2021 4; the spare columns go in the middle of the value
    columns (``middle_spans``, as on the 2019 上海 page) or to the label.
    """
    fmt = report.table_format
    ncols = 5 if fmt == "GOV2019" else 4
    label_header = tpl.raw()["table2"]["label_header"]
    rows: list[tuple[GridCell, ...]] = []
    for block in tpl.table2_blocks(fmt):
        n = len(block.columns)
        spare = ncols - 1 - n
        spans, label_span = [1] * n, 1
        if n == 1:
            spans = [ncols - 1]  # a single value column spans the rest of the row
        elif middle_spans:
            for k in range(spare):
                spans[(n // 2 + k) % n] += 1
        else:
            label_span += spare
        rows.append((GridCell(block.caption, colspan=ncols, header=True),))
        headers = [GridCell(c.label, colspan=s, header=True)
                   for c, s in zip(block.columns, spans, strict=True)]  # fmt: skip
        rows.append((GridCell(label_header, colspan=label_span, header=True), *headers))
        for row in block.rows:
            values = report.table2[block.id][row.key]
            texts = []
            for col in block.columns:
                value = values[col.key]
                text = _signed(value) if col.type == "signed_int" else _num(value)
                if (
                    block.id == "art20_9"
                    and col.key == "amount"
                    and report.agency_key == ("county_office")
                ):
                    text += "元"  # the unit written in the cell (spec §2.3)
                texts.append(text)
            cells = [GridCell(t, colspan=s) for t, s in zip(texts, spans, strict=True)]
            rows.append((GridCell(row.label, colspan=label_span), *cells))
    widths = (3.2, 1.6, 1.6, 1.6, 1.6) if ncols == 5 else (3.0, 2.0, 2.0, 2.0)
    return Grid(ncols, tuple(rows), widths)


def _table3_grid(report: ExampleReport, blank: str = "") -> Grid:
    """Table 3 exactly as in the template: 3 stub columns and 7 value columns."""
    rows_t = tpl.table3_rows(report.table_format)
    columns = tpl.table3_columns()
    grid: list[tuple[GridCell, ...]] = [
        (
            GridCell(tpl.raw()["table3"]["note"], rowspan=3, colspan=3, header=True),
            GridCell(_APPLICANT_HEADER, colspan=7, header=True),
        ),
        (
            GridCell(columns[0].label, rowspan=2, header=True),
            GridCell(_ORG_HEADER, colspan=5, header=True),
            GridCell(columns[6].label, rowspan=2, header=True),
        ),
        tuple(GridCell(c.label, header=True) for c in columns[1:6]),
    ]
    outcome_group = next(r.group for r in rows_t if r.key == "granted")
    group_sizes: dict[str, int] = {}
    for row in rows_t:
        if row.group:
            group_sizes[row.group] = group_sizes.get(row.group, 0) + 1
    # 三、本年度办理结果 spans its direct rows and every sub-row of its groups.
    outcome_span = sum(n for g, n in group_sizes.items())
    seen: set[str] = set()
    for row in rows_t:
        cells: list[GridCell] = []
        values = [GridCell(_num(report.table3[row.key][c.key], blank)) for c in columns]
        if row.group is None:
            cells.append(GridCell(row.label, colspan=3))
        else:
            if outcome_group not in seen:
                seen.add(outcome_group)
                cells.append(GridCell(outcome_group, rowspan=outcome_span, vertical=True))
            if row.group == outcome_group:
                cells.append(GridCell(row.label, colspan=2))
            else:
                if row.group not in seen:
                    seen.add(row.group)
                    cells.append(GridCell(row.group, rowspan=group_sizes[row.group], vertical=True))
                cells.append(GridCell(row.label))
        grid.append(tuple(cells + values))
    widths = (0.55, 0.55, 6.2) + (1.1,) * 7
    return Grid(10, tuple(grid), widths)


def _table4_grid(report: ExampleReport) -> Grid:
    """Table 4: 行政复议 (5 columns) and 行政诉讼 (two groups of 5), one row of 15 numbers."""
    groups = tpl.table4_groups()
    columns = tpl.table4_columns()
    litigation = next(g["parent"] for g in tpl.raw()["table4"]["groups"] if g.get("parent"))
    rows: list[tuple[GridCell, ...]] = [
        (GridCell(groups[0][1], colspan=5, header=True),
         GridCell(litigation, colspan=10, header=True)),
        tuple(GridCell(c.label, rowspan=2, header=True) for c in columns)
        + tuple(GridCell(label, colspan=5, header=True) for _key, label in groups[1:]),
        tuple(GridCell(c.label, header=True) for _ in groups[1:] for c in columns),
        tuple(GridCell(_num(report.table4[g][c.key])) for g, _label in groups for c in columns),
    ]  # fmt: skip
    return Grid(15, tuple(rows), (1.0,) * 15)


@dataclass(frozen=True)
class Block:
    """A piece of the report in reading order: title, paragraph, heading, subheading, table."""

    kind: str  # disclaimer | title | p | h | sub | table
    text: str = ""
    grid: Grid | None = None


_SUBHEADING_START = "（"


def _blocks(report: ExampleReport, middle_spans: bool, blank: str = "") -> list[Block]:
    year = report.year
    preamble = (
        "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条规定编制，"
        "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开"
        "行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。本报告所列数据的"
        f"统计期限自{year}年1月1日起至{year}年12月31日止。"
    )
    out = [Block("disclaimer", DISCLAIMER), Block("title", report.title), Block("p", preamble)]
    h = report.headings

    def prose(key: str) -> None:
        for paragraph in report.paragraphs[key]:
            kind = "sub" if paragraph.startswith(_SUBHEADING_START) and len(paragraph) < 12 else "p"
            out.append(Block(kind, paragraph))

    out.append(Block("h", h["overview"]))
    prose("overview")
    out.append(Block("h", h["proactive"]))
    out.append(Block("table", grid=_table2_grid(report, middle_spans)))
    out.append(Block("h", h["applications"]))
    out.append(Block("table", grid=_table3_grid(report, blank)))
    out.append(Block("h", h["disputes"]))
    out.append(Block("table", grid=_table4_grid(report)))
    out.append(Block("h", h["problems"]))
    prose("problems")
    out.append(Block("h", h["other_matters"]))
    prose("other_matters")
    return out


# ---------------------------------------------------------------------------------------------
# Renderers


def _row_cells(grid: Grid) -> list[list[str]]:
    """Each row as a word processor copies it: one cell per merged cell, rowspans left blank."""
    placed = _placed(grid)
    covering: dict[tuple[int, int], tuple[int, int, GridCell]] = {}
    for r, c, cell in placed:
        for dr in range(cell.rowspan):
            for dc in range(cell.colspan):
                covering[(r + dr, c + dc)] = (r, c, cell)
    out = []
    for r in range(len(grid.rows)):
        cells: list[str] = []
        c = 0
        while c < grid.ncols:
            origin = covering.get((r, c))
            if origin is None:
                cells.append("")
                c += 1
                continue
            r0, c0, cell = origin
            cells.append(cell.text if r0 == r else "")
            c = c0 + cell.colspan
        cells.extend([""] * (grid.ncols - len(cells)))  # trailing tabs, as a crawler keeps them
        out.append(cells)
    return out


def _full_grid(grid: Grid) -> list[list[str]]:
    """Every grid position, the text at each merged cell's origin (a converter's pipe table)."""
    rows = [[""] * grid.ncols for _ in grid.rows]
    for r, c, cell in _placed(grid):
        rows[r][c] = cell.text
    return rows


def render_text(report: ExampleReport) -> bytes:
    """Plain text with tab-separated tables (a Word copy or a crawler dump)."""
    lines: list[str] = []
    for block in _blocks(report, middle_spans=False):
        if block.grid is not None:
            lines.extend("\t".join(cells) for cells in _row_cells(block.grid))
            lines.append("")
        else:
            lines.extend([block.text, ""])
    text = "\n".join(lines).rstrip("\n") + "\n"
    return text.encode(report.encoding or "utf-8")


def render_markdown(report: ExampleReport) -> bytes:
    """Converter Markdown: headings with #, tables as pipe tables with spans left blank."""
    lines: list[str] = []
    for block in _blocks(report, middle_spans=False):
        if block.grid is not None:
            rows = _full_grid(block.grid)
            lines.append("| " + " | ".join(rows[0]) + " |")
            lines.append("|" + "---|" * block.grid.ncols)
            lines.extend("| " + " | ".join(cells) + " |" for cells in rows[1:])
        elif block.kind == "disclaimer":
            lines.append(f"> {block.text}")
        elif block.kind == "title":
            lines.append(f"# {block.text}")
        elif block.kind == "h":
            lines.append(f"## {block.text}")
        elif block.kind == "sub":
            lines.append(f"**{block.text}**")
        else:
            lines.append(block.text)
        lines.append("")
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")


def render_html(report: ExampleReport) -> bytes:
    """A government-site page: chrome around an article, tables with rowspan and colspan."""
    blank = "&nbsp;" if report.source_kind == "html_blank" else ""
    esc = html.escape
    body: list[str] = []
    for block in _blocks(report, middle_spans=True):
        if block.grid is not None:
            body.append(_html_table(block.grid, blank))
        elif block.kind == "title":
            body.append(f'<h1 class="article-title">{esc(block.text)}</h1>')
            body.append(f'<div class="article-info">发布机构：{esc(report.agency)}{TITLE_MARKER}'
                        "　来源：示例县人民政府门户网站（示例）</div>")  # fmt: skip
        elif block.kind == "disclaimer":
            continue  # printed as the banner at the top of the page
        elif block.kind == "h":
            body.append(f'<p class="heading"><strong>{esc(block.text)}</strong></p>')
        elif block.kind == "sub":
            body.append(f"<p><strong>{esc(block.text)}</strong></p>")
        else:
            body.append(f'<p style="text-indent:2em">{esc(block.text)}</p>')
    page = (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(report.title)}</title>\n{_SITE_CSS}</head>\n<body>\n"
        f'<div class="example-banner">{esc(DISCLAIMER)}</div>\n'
        f'<header><div class="site-name">{COUNTY}人民政府门户网站（示例）</div>\n'
        '<nav class="menu"><a href="#">首页</a> <a href="#">政务公开</a> '
        '<a href="#">政务服务</a> <a href="#">互动交流</a></nav></header>\n'
        '<div class="position">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报</div>\n'
        '<div class="article">\n' + "\n".join(body) + "\n</div>\n"
        "<footer><p>主办：示例县人民政府办公室（示例）　本站为示例数据，非真实网站</p></footer>\n"
        "</body>\n</html>\n"
    )
    return page.encode("utf-8")


_SITE_CSS = (
    "<style>\nbody{margin:0 auto;max-width:960px;font-family:SimSun,serif;font-size:15px}\n"
    ".example-banner{background:#fff3cd;padding:6px;font-size:13px}\n"
    ".article-title{text-align:center;font-size:22px}.article-info{text-align:center;color:#666}\n"
    "table{border-collapse:collapse;margin:8px auto}td{border:1px solid #333;padding:2px 4px}\n"
    "td p{margin:0}\n</style>\n"
)


def _html_table(grid: Grid, blank: str) -> str:
    out = ['<table border="1" cellspacing="0" cellpadding="3" align="center"><tbody>']
    for row in grid.rows:
        cells = []
        for cell in row:
            attrs = ""
            if cell.rowspan > 1:
                attrs += f' rowspan="{cell.rowspan}"'
            if cell.colspan > 1:
                attrs += f' colspan="{cell.colspan}"'
            text = html.escape(cell.text) if cell.text else blank
            centre = cell.header or cell.vertical or not cell.text or _is_number_text(cell.text)
            align = ' align="center"' if centre else ""
            cells.append(f"<td{attrs}><p{align}>{text}</p></td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


# Fixed package metadata: a DOCX or PDF must not carry the time it was made.
_FIXED_TIME = datetime(2026, 1, 1, 0, 0, 0)
_ZIP_TIME = (2026, 1, 1, 0, 0, 0)
_AUTHOR = "disclosure_metrics.example_data（示例数据）"


def render_docx(report: ExampleReport) -> bytes:
    """A Word document: paragraphs, and tables with merged cells (gridSpan, vMerge)."""
    import docx
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    props = document.core_properties
    props.title = report.title
    props.subject = DISCLAIMER
    props.author = _AUTHOR
    props.last_modified_by = _AUTHOR
    props.comments = DISCLAIMER
    props.created = _FIXED_TIME
    props.modified = _FIXED_TIME
    props.revision = 1
    for block in _blocks(report, middle_spans=True):
        if block.grid is not None:
            _docx_table(document, block.grid, WD_CELL_VERTICAL_ALIGNMENT.CENTER)
            continue
        paragraph = document.add_paragraph()
        run = paragraph.add_run(block.text)
        if block.kind == "title":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run.bold = True
            run.font.size = Pt(16)
        elif block.kind in ("h", "sub"):
            run.bold = True
        elif block.kind == "p":
            paragraph.paragraph_format.first_line_indent = Pt(21)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _docx_table(document: Any, grid: Grid, middle: Any) -> None:
    table = document.add_table(rows=len(grid.rows), cols=grid.ncols)
    table.style = "Table Grid"
    # Cells fetched once (table.cell() rebuilds the whole grid on every call); merging from the
    # last cell backwards only removes cells inside the merged regions, never one still needed.
    cells = [list(row.cells) for row in table.rows]
    for r, c, cell in reversed(_placed(grid)):
        target = cells[r][c]
        target.text = cell.text
        target.vertical_alignment = middle
        if cell.rowspan > 1 or cell.colspan > 1:
            target.merge(cells[r + cell.rowspan - 1][c + cell.colspan - 1])


def _fixed_zip(data: bytes) -> bytes:
    """The same archive with every member's time fixed (zip entries carry the write time)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


_PDF_FONT = "STSong-Light"


def render_pdf(report: ExampleReport) -> bytes:
    """A PDF with a real text layer (reportlab, built-in CID font STSong-Light), tables drawn
    as grids with the row label and its numbers on one baseline, page numbers in the footer."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table

    if _PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(_PDF_FONT))
    body = ParagraphStyle("body", fontName=_PDF_FONT, fontSize=10.5, leading=17,
                          wordWrap="CJK", firstLineIndent=21, spaceAfter=2)  # fmt: skip
    heading = ParagraphStyle("heading", parent=body, fontSize=12, firstLineIndent=0,
                             spaceBefore=6, spaceAfter=4, keepWithNext=1)  # fmt: skip
    sub = ParagraphStyle("sub", parent=body, firstLineIndent=21, keepWithNext=1)
    title = ParagraphStyle("title", parent=body, fontSize=16, leading=24, alignment=TA_CENTER,
                           firstLineIndent=0, spaceAfter=10)  # fmt: skip
    note = ParagraphStyle("note", parent=body, fontSize=8, leading=11, firstLineIndent=0)
    cell = ParagraphStyle("cell", fontName=_PDF_FONT, fontSize=7.5, leading=10, wordWrap="CJK")
    centred = ParagraphStyle("centred", parent=cell, alignment=TA_CENTER)
    vertical = ParagraphStyle("vertical", parent=centred, leading=9)
    width = A4[0] - 2 * 50

    def table(grid: Grid) -> Any:
        placed = _placed(grid)
        data: list[list[Any]] = [[""] * grid.ncols for _ in grid.rows]
        style: list[tuple[Any, ...]] = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("FONT", (0, 0), (-1, -1), _PDF_FONT, 7.5),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        for r, c, gc in placed:
            text = html.escape(gc.text)
            if gc.vertical:
                data[r][c] = Paragraph("<br/>".join(text), vertical)
            else:
                # Numbers as paragraphs of the label's style, so that a one-line label and its
                # numbers share a baseline.
                centre = gc.header or _is_number_text(gc.text)
                data[r][c] = Paragraph(text, centred if centre else cell)
            if gc.rowspan > 1 or gc.colspan > 1:
                style.append(("SPAN", (c, r), (c + gc.colspan - 1, r + gc.rowspan - 1)))
        scale = width / sum(grid.widths)
        return Table(data, colWidths=[w * scale for w in grid.widths], style=style)

    flow: list[Any] = []
    for block in _blocks(report, middle_spans=False):
        if block.grid is not None:
            flow.append(KeepTogether([table(block.grid), Spacer(1, 8)]))
        elif block.kind == "disclaimer":
            flow.append(Paragraph(html.escape(block.text), note))
        elif block.kind == "title":
            flow.append(Paragraph(html.escape(block.text), title))
        elif block.kind == "h":
            flow.append(Paragraph(html.escape(block.text), heading))
        elif block.kind == "sub":
            flow.append(Paragraph(html.escape(block.text), sub))
        else:
            flow.append(Paragraph(html.escape(block.text), body))

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(_PDF_FONT, 9)
        canvas.drawCentredString(A4[0] / 2, 30, f"- {doc.page} -")
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=50,
        rightMargin=50,
        topMargin=60,
        bottomMargin=60,
        title=report.title,
        author=_AUTHOR,
        subject=DISCLAIMER,
        creator="disclosure_metrics.example_data",
        producer="disclosure_metrics.example_data (reportlab)",
        invariant=1,  # fixed creation date and document id
    )
    doc.build(flow, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def _is_number_text(text: str) -> bool:
    return text != "" and text.lstrip("+-").replace(".", "", 1).rstrip("元").isdigit()


_RENDERERS: dict[str, Callable[[ExampleReport], bytes]] = {
    "text": render_text,
    "text_gb18030": render_text,
    "markdown": render_markdown,
    "html": render_html,
    "html_blank": render_html,
    "docx": render_docx,
    "pdf": render_pdf,
}


def render(report: ExampleReport) -> bytes:
    """The bytes of one report file."""
    return _RENDERERS[report.source_kind](report)


def generate(out_dir: str | Path, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write every report of the example county into ``out_dir``; return the paths written.

    The same seed always writes byte-identical files.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     paths = generate(tmp)
    ...     len(paths), sorted({p.suffix for p in paths})
    (34, ['.docx', '.html', '.md', '.pdf', '.txt'])
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for report in example_reports(seed):
        path = out / report.file
        path.write_bytes(render(report))
        paths.append(path)
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m disclosure_metrics.example_data OUT_DIR [--seed N]``."""
    parser = argparse.ArgumentParser(
        prog="python -m disclosure_metrics.example_data",
        description="Write the example dataset of a fictional county "
        "(示例县; 示例数据，非真实报告).",
    )
    parser.add_argument("out_dir", help="folder to write the report files into")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="default %(default)s")
    args = parser.parse_args(argv)
    paths = generate(args.out_dir, args.seed)
    size = 0
    for path in paths:
        size += path.stat().st_size
        print(path)
    print(f"{len(paths)} files, {size} bytes — 示例数据，非真实报告 (generated example data)",
          file=sys.stderr)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
