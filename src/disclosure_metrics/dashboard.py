"""Figures and tables of the dashboards: plain functions from a corpus to a plotly figure or HTML.

The notebooks in ``analysis/`` only call these. Every piece of report text that reaches a page
(agency names, evidence, check messages) is escaped by :func:`table` or :func:`html.escape`.

Numbers compared across years are over the same agencies (a balanced panel per pair of years,
:func:`disclosure_metrics.corpus.balanced_panel`), and say how many. A rate resting on a
denominator under 30 (``small_sample``) is drawn hollow and greyed, never ranked or coloured as
good or bad; where there is nothing to draw, a function returns a sentence saying so instead of
an empty chart.

Example::

    >>> import disclosure_metrics as dm
    >>> corpus = dm.load("data/raw", progress=False)
    >>> print(flow_figure(corpus, 2020))  # the sample township received no application
    <p class="dm-empty">2020 年未收到申请 No applications in 2020.</p>
    >>> disputes_figure(corpus, 2020).startswith('<p class="dm-empty">')
    True
    >>> fmt(147.0, "件"), fmt(0.6483, "ratio"), fmt(None, "件")
    ('147', '64.8%', '—')
"""

from __future__ import annotations

import difflib
import fnmatch
import hashlib
import html
import itertools
import re
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.io._base_renderers import MimetypeRenderer

from . import indicators as ind
from . import templates as tpl
from .agencies import likely_same
from .attention import RED, attention
from .corpus import Corpus, balanced_panel, rollup

SITE_RENDERER = "disclosure_site"
# Every generated example agency carries this word (示例 = example) in its name.
EXAMPLE_MARKER = "示例"
# The class of the page title that page_header prints (Quarto prints its own instead).
TITLE_CLASS = "dm-title"


class HtmlBlock(str):
    """HTML that notebooks display as HTML (Jupyter calls ``_repr_html_``)."""

    def _repr_html_(self) -> str:
        return str(self)


Figure = go.Figure | HtmlBlock  # a chart, or a sentence saying why there is none

KEY_INDICATORS = (
    "items_published.all",
    "hotline.resolution_rate",
    "apps.new",
    "apps.release_rate_all",
    "review.total",
    "litigation.total",
)
# Shown on an agency's page, year by year.
AGENCY_INDICATORS = (
    *KEY_INDICATORS,
    "hotline.received",
    "apps.carried_over",
    "apps.processed",
    "apps.carry_forward",
    "apps.clearance_rate",
    "apps.natural_person_share",
    "review.correction_rate",
    "litigation.correction_rate",
    "narrative.reuse_vs_prev_year",
)
OUTCOME_GROUPS = (
    ("granted", "予以公开 granted"),
    ("partial", "部分公开 partial"),
    ("denied.*", "不予公开 denied"),
    ("unable.*", "无法提供 unable"),
    ("not_processed.*", "不予处理 not processed"),
    ("other*", "其他处理 other"),
)
STATUS_LABELS = {
    "pass": "通过 pass",
    "fail": "未通过 fail",
    "warn": "警告 warn",
    "not_assessable": "无法判断 not assessable",
    "ok": "正常 ok",
    "small_sample": "样本小 small sample",
    "zero_denominator": "分母为零 zero denominator",
    "not_comparable": "口径不同 not comparable",
    "missing": "缺失 missing",
    "missing_previous": "上年缺失 no previous year",
    "zero_previous": "上年为零 previous zero",
    RED: "红 red",
    "yellow": "黄 yellow",
}
METRIC_LABELS = {
    "items_published": "主动公开 items published",
    "hotline_received": "热线受理 hotline received",
    "hotline_resolved": "热线办结 hotline resolved",
    "applications_received": "收到申请 applications received",
    "applications_closed": "办结申请 applications closed",
    "fee_collected_yuan": "收费 fees (元)",
    "open_day_events": "开放日 open days",
}
# Statuses of values that are shown but are not findings (greyed, never ranked or coloured).
NOT_FINDINGS = frozenset({ind.SMALL_SAMPLE, "zero_denominator", "not_comparable"})
_COLORS = {"pass": "#2e7d32", "fail": "#c62828", "warn": "#ef6c00", "not_assessable": "#757575"}
_SMALL_NOTE = (
    "灰色斜体：样本小（分母不足 30），仅供参考 "
    "Grey italics: small sample (denominator under 30), not a finding."
)


# ---------------------------------------------------------------------------------------------
# Rendering


class SiteRenderer(MimetypeRenderer):
    """Every figure as ``text/html`` (a div and a ``Plotly.newPlot`` call, no plotly.js) plus
    the plotly JSON for JupyterLab. The site loads plotly.js once per page from a local file.
    """

    def to_mimebundle(self, fig_dict: dict[str, Any]) -> dict[str, Any]:
        fig = go.Figure(fig_dict)
        div = pio.to_html(fig, include_plotlyjs=False, full_html=False, config={"responsive": True})
        return {"text/html": div, "application/vnd.plotly.v1+json": fig.to_plotly_json()}


def use_site_renderer() -> None:
    """Make the site renderer the default for this process (notebooks call it first)."""
    pio.renderers[SITE_RENDERER] = SiteRenderer()
    pio.renderers.default = SITE_RENDERER


# ---------------------------------------------------------------------------------------------
# Formatting and tables


def _missing(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def fmt(value: Any, unit: str = "") -> str:
    """A number as a reader wants it: integers without ``.0``, shares in % with one decimal,
    a blank as ``—``."""
    if _missing(value):
        return "—"
    if unit == "ratio":
        return f"{float(value) * 100:.1f}%"
    number = float(value)
    return f"{number:,.0f}" if number.is_integer() else f"{number:,.2f}"


def fmt_change(diff: Any, unit: str, share: bool) -> str:
    """A change with its sign: percentage points for shares, integers for counts."""
    if _missing(diff):
        return "—"
    if share:
        pp = float(diff) * 100
        return f"{0.0 if abs(pp) < 0.05 else pp:+.1f} pp"
    number = float(diff)
    return f"{number:+,.0f}" if number.is_integer() else f"{number:+,.2f}"


def _cell(value: Any) -> str:
    if isinstance(value, HtmlBlock):
        return str(value)
    if _missing(value):
        return "—"
    if isinstance(value, float) and value.is_integer():
        return f"{value:.0f}"
    return html.escape(str(value))


def table(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[tuple[str, str]],
    row_class: Sequence[str] | None = None,
    wide: Sequence[str] = (),
    nowrap: Sequence[str] = (),
) -> HtmlBlock:
    """An HTML table in a scrolling box: ``columns`` are (key, bilingual header); values are
    escaped (an :class:`HtmlBlock` is inserted as it is), blanks shown as ``—``. Columns in
    ``wide`` (long text) get room; those in ``nowrap`` (codes, years) never break.

    >>> html_ = table([{"a": 1.0, "b": None}], [("a", "甲 A"), ("b", "乙 B")])
    >>> "<th>甲 A</th>" in html_, "<td>1</td><td>—</td>" in html_
    (True, True)
    """

    def cls(key: str) -> str:
        names = ["dm-wide"] * (key in wide) + ["dm-nowrap"] * (key in nowrap)
        return f' class="{" ".join(names)}"' if names else ""

    head = "".join(f"<th{cls(k)}>{html.escape(h)}</th>" for k, h in columns)
    body = []
    for i, row in enumerate(rows):
        tr = f' class="{row_class[i]}"' if row_class and row_class[i] else ""
        cells = "".join(f"<td{cls(k)}>{_cell(row.get(k))}</td>" for k, _h in columns)
        body.append(f"<tr{tr}>{cells}</tr>")
    return HtmlBlock(
        '<div class="dm-scroll"><table class="dm-table">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def _empty(text: str) -> HtmlBlock:
    return HtmlBlock(f'<p class="dm-empty">{html.escape(text)}</p>')


def _status(value: str) -> HtmlBlock:
    label = STATUS_LABELS.get(value, value)
    return HtmlBlock(f'<span class="dm-status dm-{html.escape(value)}">{html.escape(label)}</span>')


def _small(text: str, small: bool) -> Any:
    if not small:
        return text
    return HtmlBlock(
        f'<span class="dm-small" title="样本小 small sample">{html.escape(text)}</span>'
    )


NO_REPORTS = (
    "没有可用的报告：输入为空，或所有文件都未能解析（见数据页）。 "
    "No usable report: the input is empty, or no file could be parsed (see the Data page)."
)


def has_reports(corpus: Corpus) -> bool:
    """True when at least one report was parsed."""
    return bool((corpus.reports.status == "parsed").any()) if not corpus.reports.empty else False


# ---------------------------------------------------------------------------------------------
# Agency pages and links


def agency_page_name(key: str) -> str:
    """The page of an agency: a stable name from its key (agency names are not URL-safe).

    >>> agency_page_name("平潭综合实验区")
    'agency-e1bbe4abed'
    """
    return "agency-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def agency_pages(corpus: Corpus, limit: int | None = None) -> dict[str, str]:
    """agency_key → page file of the agencies that get a page: all (``limit`` None or < 0),
    none (0), or the ``limit`` agencies with the most new applications over all years."""
    keys = corpus.reports.loc[corpus.reports.status == "parsed", "agency_key"].dropna().unique()
    if limit is not None and limit >= 0:
        apps = corpus.indicators[corpus.indicators.indicator == "apps.new"]
        volume = apps.groupby("agency_key").value.sum(min_count=1).fillna(0)
        ranked = sorted(keys, key=lambda k: (-float(volume.get(k, 0)), str(k)))
        keys = ranked[:limit]
    return {str(k): f"{agency_page_name(str(k))}.html" for k in sorted(keys)}


def agency_link(agency: Any, key: Any, pages: Mapping[str, str] | None) -> Any:
    """The agency's name, linked to its page when it has one."""
    if _missing(agency):
        return None
    if not pages or _missing(key) or str(key) not in pages:
        return str(agency)
    href = html.escape(pages[str(key)])
    return HtmlBlock(f'<a href="{href}">{html.escape(str(agency))}</a>')


def _agency_name(corpus: Corpus, key: str) -> str:
    names = corpus.reports.loc[corpus.reports.agency_key == key, "agency"].dropna()
    return str(names.iloc[-1]) if not names.empty else key


def _agency_names(reports: pd.DataFrame) -> pd.Series:
    """Each agency key's name, as :func:`_agency_name` gives it, for every key at once."""
    named = reports.dropna(subset=["agency_key", "agency"])
    return named.groupby("agency_key").agency.last()


# ---------------------------------------------------------------------------------------------
# Numbers across agencies


def totals(corpus: Corpus, years: Sequence[int] | None = None) -> pd.DataFrame:
    """Every indicator summed over all agencies per year (rates recomputed from the sums)."""
    out = corpus.rollup("all")
    if years is not None:
        out = out[out.year.isin(list(years))]
    return out


def _total(table_: pd.DataFrame, indicator: str, year: int) -> pd.Series | None:
    rows = table_[(table_.indicator == indicator) & (table_.year == year)]
    return None if rows.empty else rows.iloc[0]


def matched_totals(corpus: Corpus, indicators: Sequence[str], year: int) -> pd.DataFrame:
    """Totals of ``year - 1`` and ``year`` over the agencies that have both years."""
    data = corpus.indicators[corpus.indicators.indicator.isin(list(indicators))]
    return rollup(balanced_panel(data, [year - 1, year]), corpus.reports, "all")


def _change_text(corpus: Corpus, indicator: str, year: int, unit: str) -> str:
    matched = matched_totals(corpus, [indicator], year)
    cur, prev = _total(matched, indicator, year), _total(matched, indicator, year - 1)
    if cur is None or prev is None or _missing(cur.value) or _missing(prev.value):
        return "上年无可比数据 no comparable previous value"
    same = f"vs {year - 1}, {int(cur.agencies)} 个相同机关 same agencies"
    if ind.SMALL_SAMPLE in (cur.status, prev.status):
        return f"样本小，不作比较 small sample, not compared ({same})"
    diff = cur.value - prev.value
    change = fmt_change(diff, unit, unit == "ratio")
    if unit != "ratio" and prev.value:
        change += f" ({diff / prev.value:+.1%})"
    return f"{change} {same}"


def value_boxes(corpus: Corpus, year: int) -> HtmlBlock:
    """HTML cards: the year's key totals, each with its change over the same agencies."""
    table_ = totals(corpus, [year])
    catalogue = ind.by_id()
    cards = []
    boxes = [
        ("items_published.all", "主动公开信息 items published"),
        ("hotline.resolution_rate", "热线办结率 hotline resolution"),
        ("apps.new", "新收申请 new applications"),
        ("apps.release_rate_all", "公开率 release rate"),
    ]
    for indicator, label in boxes:
        unit = catalogue[indicator].unit
        cur = _total(table_, indicator, year)
        value = None if cur is None else cur.value
        note = "" if cur is None else f"{int(cur.agencies)} 个机关 agencies"
        small = cur is not None and cur.status == ind.SMALL_SAMPLE
        if small:
            note += f"；样本小 small sample (n={fmt(cur.denominator)})"
        change = _change_text(corpus, indicator, year, unit)
        cards.append(_card(label, fmt(value, unit), change, note, muted=small))
    dispute_ids = ("review.total", "litigation.total")
    matched = matched_totals(corpus, dispute_ids, year)
    before, now = (_sum_of(matched, dispute_ids, y) for y in (year - 1, year))
    change = "上年无可比数据 no comparable previous value"
    if before is not None and now is not None:
        change = f"{fmt_change(now - before, '件', False)} vs {year - 1} (same agencies)"
    total_now = _sum_of(table_, dispute_ids, year)
    cards.append(_card("复议诉讼 reviews + lawsuits", fmt(total_now, "件"), change, ""))
    checks = corpus.checks[corpus.checks.year == year]
    fails, warns = (int((checks.status == s).sum()) for s in ("fail", "warn"))
    reports = checks[checks.status.isin(["fail", "warn"])].report.nunique()
    cards.append(
        _card(
            "未通过 / 警告 fails / warnings",
            f"{fails} / {warns}",
            "见下方清单 listed below",
            f"{reports} 份报告 reports",
            alert=fails > 0,
        )
    )
    return HtmlBlock('<div class="dm-boxes">' + "".join(cards) + "</div>")


def _sum_of(table_: pd.DataFrame, indicators: Sequence[str], year: int) -> float | None:
    rows = [_total(table_, i, year) for i in indicators]
    if any(r is None or _missing(r.value) for r in rows):
        return None
    return float(sum(r.value for r in rows))  # type: ignore[union-attr]


def _card(
    label: str, value: str, change: str, note: str, alert: bool = False, muted: bool = False
) -> str:
    cls = "dm-box" + (" dm-alert" if alert else "") + (" dm-muted" if muted else "")
    return (
        f'<div class="{cls}"><div class="dm-box-label">{html.escape(label)}</div>'
        f'<div class="dm-box-value">{html.escape(value)}</div>'
        f'<div class="dm-box-change">{html.escape(change)}</div>'
        f'<div class="dm-box-note">{html.escape(note)}</div></div>'
    )


# ---------------------------------------------------------------------------------------------
# Figures of one year


def _layout(fig: go.Figure, title: str, height: int = 380, ratio: bool = False) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "font": {"size": 15}},
        height=height,
        margin={"l": 60, "r": 20, "t": 50, "b": 40},
        template="plotly_white",
        # At the figure's foot, under the tick labels however many lines they take when tilted
        # in a narrow window (a legend placed by the plot's height covered them).
        legend={"orientation": "h", "yref": "container", "y": 0.01, "yanchor": "bottom",
                "x": 0, "xanchor": "left"},
    )  # fmt: skip
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(rangemode="tozero")
    if ratio:
        fig.update_yaxes(tickformat=".0%")
    return fig


def _channel_label(indicator: str, names: Mapping[str, str]) -> str:
    return names[indicator].replace("主动公开信息条数", "").strip("（）")


def channel_figure(corpus: Corpus, year: int) -> Figure:
    """Items published per channel in two years, each channel over the agencies that state it
    in both years (n on each label)."""
    data = corpus.indicators
    data = data[
        data.indicator.str.startswith("items_published.")
        & (data.indicator != "items_published.all")
    ]
    panel = balanced_panel(data, [year - 1, year])
    if panel.empty:
        return _empty(
            f"{year - 1} 与 {year} 年没有同一机关同时列出的渠道条数，无法比较 "
            f"No agency states per-channel counts in both {year - 1} and {year}."
        )
    names = {i.id: i.name_zh for i in ind.catalogue()}
    sums = panel.groupby(["indicator", "year"]).value.sum()
    agencies = panel.groupby("indicator").agency_key.nunique()
    order = sorted(agencies.index, key=lambda i: -float(sums.get((i, year), 0)))
    labels = [f"{_channel_label(i, names)} (n={agencies[i]})" for i in order]
    fig = go.Figure()
    for y, color in _year_colors(year).items():
        fig.add_bar(
            name=str(y), marker_color=color, x=labels, y=[float(sums.get((i, y), 0)) for i in order]
        )
    fig.update_layout(barmode="group", yaxis_title="条 items")
    return _layout(
        fig,
        f"各渠道发布信息（同一批机关）Items per channel, same agencies, {year - 1}–{year}",
    )


def _cells(corpus: Corpus, table_: str, column: str = "total") -> pd.DataFrame:
    cells = corpus.cells
    return cells[(cells.table == table_) & (cells.column == column)]


def _cell_sum(part: pd.DataFrame, row: str) -> float:
    keep = [fnmatch.fnmatchcase(str(r), row) for r in part.row]
    return float(part.loc[keep, "value"].fillna(0).sum())


def flow_figure(corpus: Corpus, year: int, agency_key: str | None = None) -> Figure:
    """The application flow: new and carried over → outcomes → carried forward (Sankey)."""
    cells = _cells(corpus, "table3")
    cells = cells[cells.year == year]
    if agency_key is not None:
        cells = cells[cells.agency_key == agency_key]
    if cells.empty:
        return _empty(f"{year} 年无表三数据 No table 3 for {year}.")
    new, carried = _cell_sum(cells, "new_received"), _cell_sum(cells, "carried_over")
    forward = _cell_sum(cells, "carry_forward")
    outcomes = [(label, _cell_sum(cells, key)) for key, label in OUTCOME_GROUPS]
    if new + carried == 0:
        return _empty(f"{year} 年未收到申请 No applications in {year}.")
    labels = ["本年新收 new", "上年结转 carried over", "本年办理 handled"]
    labels += [label for label, _v in outcomes] + ["结转下年度 carried forward"]
    handled = 2
    source = [0, 1] + [handled] * (len(outcomes) + 1)
    target = [handled, handled, *range(3, 3 + len(outcomes) + 1)]
    value = [new, carried] + [v for _l, v in outcomes] + [forward]
    fig = go.Figure(
        go.Sankey(
            node={"label": labels, "pad": 18, "thickness": 16},
            link={"source": source, "target": target, "value": value},
        )
    )
    return _layout(fig, f"申请办理流向 Application flow, {year}（件 applications）", height=420)


def _year_colors(year: int) -> dict[int, str]:
    return {year - 1: "#9fb7cf", year: "#1f6fb2"}


def mix_figure(corpus: Corpus, year: int) -> Figure:
    """Outcome mix and applicant mix in two years, over the agencies with table 3 in both."""
    from plotly.subplots import make_subplots

    cells = _cells(corpus, "table3")
    both = cells.groupby("agency_key").year.agg(lambda ys: {year - 1, year} <= set(ys))
    same = set(both[both].index)
    cells = cells[cells.agency_key.isin(same)]
    if not same:
        return _empty(
            f"没有机关同时有 {year - 1} 与 {year} 年表三 No agency has table 3 in both "
            f"{year - 1} and {year}: nothing to compare."
        )
    fig = make_subplots(rows=1, cols=2, subplot_titles=("办理结果 outcomes", "申请人 applicants"))
    columns = [c for c in tpl.table3_columns() if c.key != "total"]
    drawn = False
    for y, color in _year_colors(year).items():
        part = cells[cells.year == y]
        handled = sum(_cell_sum(part, key) for key, _l in OUTCOME_GROUPS)
        new = _cell_sum(part, "new_received")
        style = {"marker_color": color, "legendgroup": str(y), "name": str(y)}
        if handled:
            shares = [_cell_sum(part, key) / handled for key, _l in OUTCOME_GROUPS]
            fig.add_bar(x=[label for _k, label in OUTCOME_GROUPS], y=shares, row=1, col=1, **style)
            drawn = True
        if new:
            everyone = corpus.cells[
                corpus.cells.agency_key.isin(same)
                & (corpus.cells.table == "table3")
                & (corpus.cells.year == y)
            ]
            shares = [
                _cell_sum(everyone[everyone.column == c.key], "new_received") / new for c in columns
            ]
            fig.add_bar(
                x=[c.bilingual for c in columns],
                y=shares,
                row=1,
                col=2,
                showlegend=not handled,
                **style,
            )
            drawn = True
    if not drawn:
        return _empty(f"{year - 1}–{year} 年没有申请 No applications in {year - 1}–{year}.")
    fig.update_layout(barmode="group")
    return _layout(
        fig,
        f"结果与申请人构成（{len(same)} 个相同机关）Outcome and applicant mix, "
        f"{len(same)} same agencies, {year - 1}–{year}",
        height=420,
        ratio=True,
    )


def disputes_figure(corpus: Corpus, year: int) -> Figure:
    """Review and litigation outcomes of the year (stacked by result)."""
    groups = tpl.table4_group_names()
    cells = corpus.cells[(corpus.cells.table == "table4") & (corpus.cells.year == year)]
    if cells.empty:
        return _empty(f"{year} 年无表四数据 No table 4 for {year}.")
    fig = go.Figure()
    for col in tpl.table4_columns():
        if col.key == "total":
            continue
        part = cells[cells.column == col.key]
        fig.add_bar(
            name=col.bilingual,
            x=list(groups.values()),
            y=[_cell_sum(part, key) for key in groups],
        )
    if all(sum(v or 0 for v in t.y) == 0 for t in fig.data):
        return _empty(f"{year} 年无行政复议、行政诉讼 No reviews or lawsuits in {year}.")
    fig.update_layout(barmode="stack", yaxis_title="件 cases")
    return _layout(fig, f"行政复议、行政诉讼结果 Review and litigation outcomes, {year}")


# ---------------------------------------------------------------------------------------------
# Figures across years


def trend_figure(corpus: Corpus, indicator: str) -> Figure:
    """One indicator per agency over the years, and its total over the same agencies for each
    pair of consecutive years (a segment per pair, n = agencies in both years).

    A value resting on a small sample is drawn as a hollow marker.
    """
    spec = ind.by_id()[indicator]
    data = corpus.indicators[corpus.indicators.indicator == indicator].dropna(subset=["value"])
    if data.empty:
        return _empty(f"没有机关报告{spec.name_zh} No agency reports {spec.name_en}.")
    colors = agency_colors(corpus)
    names = _agency_names(corpus.reports)
    fig = go.Figure()
    # One line per agency key: an agency named two ways over the years (made one by an alias)
    # is one line, under the name its latest report gives.
    for key, part in data.sort_values("year").groupby("agency_key", sort=True):
        agency = names.get(key, key)
        small = part.status == ind.SMALL_SAMPLE
        fig.add_scatter(
            x=list(part.year),
            y=list(part.value),
            mode="lines+markers",
            name=str(agency),
            line={"color": colors.get(str(key)), "width": 1.5},
            marker={"symbol": ["circle-open" if s else "circle" for s in small], "size": 8},
            customdata=[STATUS_LABELS[ind.SMALL_SAMPLE] if s else "" for s in small],
            hovertemplate="%{x}: %{y}<br>%{customdata}<extra>"
            + html.escape(str(agency))
            + "</extra>",
        )
    years = sorted(int(y) for y in data.year.unique())
    shown = False
    for prev, year in itertools.pairwise(years):
        if year != prev + 1:
            continue
        matched = rollup(balanced_panel(data, [prev, year]), corpus.reports, "all")
        a, b = _total(matched, indicator, prev), _total(matched, indicator, year)
        if a is None or b is None or _missing(a.value) or _missing(b.value) or a.agencies < 2:
            continue
        small = ind.SMALL_SAMPLE in (a.status, b.status)
        fig.add_scatter(
            x=[prev, year],
            y=[a.value, b.value],
            mode="lines+markers",
            name="合计（两年都报告的机关）total, same agencies in both years",
            legendgroup="matched",
            showlegend=not shown,
            line={"color": "#222", "width": 3, "dash": "dot" if small else "solid"},
            marker={"symbol": "circle-open" if small else "circle", "size": 9},
            hovertemplate=f"{prev}→{year}: %{{y}}<br>n={int(b.agencies)} 个相同机关 same agencies"
            "<extra></extra>",
        )
        shown = True
    fig.update_xaxes(dtick=1)
    return _layout(fig, f"{spec.name_zh} {spec.name_en}", ratio=spec.unit == "ratio")


def agency_colors(corpus: Corpus) -> dict[str, str]:
    """One colour per agency (by its key), the same in every chart of the site."""
    import plotly.express as px

    palette = px.colors.qualitative.D3 + px.colors.qualitative.Set2
    keys = sorted(str(a) for a in corpus.reports.agency_key.dropna().unique())
    return {k: palette[i % len(palette)] for i, k in enumerate(keys)}


def checks_figure(corpus: Corpus) -> Figure:
    """Fails and warnings per rule (passes and not-assessable results are counted in the title:
    drawn beside them, they would hide the few that matter)."""
    checks = corpus.checks
    if checks.empty:
        return _empty("没有校验结果 No check results.")
    bad = checks[checks.status.isin(["fail", "warn"])]
    passed = int((checks.status == "pass").sum())
    unknown = int((checks.status == "not_assessable").sum())
    title = (
        f"未通过与警告 Fails and warnings by rule（另有 {passed} 项通过 passed，"
        f"{unknown} 项无法判断 not assessable）"
    )
    if bad.empty:
        return _empty(f"所有可判断的校验均通过 Every assessable check passed ({passed}).")
    counts = bad.groupby(["rule", "status"]).size().reset_index(name="n")
    fig = go.Figure()
    for status in ("fail", "warn"):
        part = counts[counts.status == status]
        fig.add_bar(
            name=STATUS_LABELS[status],
            x=list(part.rule),
            y=list(part.n),
            marker_color=_COLORS[status],
        )
    fig.update_layout(barmode="stack", yaxis_title="项 results")
    fig.update_yaxes(dtick=1)
    return _layout(fig, title)


# ---------------------------------------------------------------------------------------------
# Tables


def _worst(statuses: pd.Series) -> str:
    for status in ("fail", "warn", "not_assessable"):
        if (statuses == status).any():
            return status
    return "pass"


def _indicator_header(indicator: str) -> str:
    spec = ind.by_id()[indicator]
    return f"{spec.name_zh} {spec.name_en}"


def _indicator_cell(row: Any, unit: str) -> Any:
    return _small(fmt(row.value, unit), row.status == ind.SMALL_SAMPLE)


def agency_table(corpus: Corpus, year: int, pages: Mapping[str, str] | None = None) -> HtmlBlock:
    """Every agency of the year with its key indicators and its check status."""
    data = corpus.indicators[
        (corpus.indicators.year == year) & corpus.indicators.indicator.isin(KEY_INDICATORS)
    ]
    if data.empty:
        return _empty(f"{year} 年无报告 No report for {year}.")
    specs = ind.by_id()
    status = corpus.checks[corpus.checks.year == year].groupby("report").status.agg(_worst)
    rows = []
    for (report, agency, key, form), part in data.groupby(
        ["report", "agency", "agency_key", "format"], sort=True
    ):
        row: dict[str, Any] = {
            "agency": agency_link(agency, key, pages),
            "format": form,
            "checks": _status(str(status.get(report, "pass"))),
        }
        for r in part.itertuples(index=False):
            row[r.indicator] = _indicator_cell(r, specs[r.indicator].unit)
        rows.append(row)
    columns = [("agency", "机关 agency"), ("format", "格式 template")]
    columns += [(i, _indicator_header(i)) for i in KEY_INDICATORS]
    columns.append(("checks", "校验 checks"))
    return HtmlBlock(table(rows, columns) + f'<p class="dm-note">{html.escape(_SMALL_NOTE)}</p>')


def agencies_table(corpus: Corpus, pages: Mapping[str, str] | None = None) -> HtmlBlock:
    """Every agency of the corpus: its years, reports and latest new applications."""
    reports = corpus.reports[corpus.reports.status == "parsed"].dropna(subset=["agency_key"])
    if reports.empty:
        return _empty(NO_REPORTS)
    apps = corpus.indicators[corpus.indicators.indicator == "apps.new"]
    flags = attention(corpus)
    rows = []
    for key, part in reports.groupby("agency_key", sort=True):
        years = sorted(int(y) for y in part.year.dropna())
        latest = apps[(apps.agency_key == key) & (apps.year == max(years))] if years else apps[:0]
        mine = flags[flags.agency_key == key]
        rows.append(
            {
                "agency": agency_link(part.agency.iloc[-1], key, pages),
                "years": ", ".join(str(y) for y in years),
                "reports": len(part),
                "apps": latest.value.iloc[0] if not latest.empty else None,
                "red": int((mine.level == RED).sum()),
                "yellow": int((mine.level != RED).sum()),
            }
        )
    columns = [
        ("agency", "机关 agency"),
        ("years", "年度 years"),
        ("reports", "报告数 reports"),
        ("apps", "最近一年新收申请 new applications, latest year"),
        ("red", "红色提示 red flags"),
        ("yellow", "黄色提示 yellow flags"),
    ]
    return table(rows, columns)


def _check_rows(checks: pd.DataFrame, pages: Mapping[str, str] | None, corpus: Corpus) -> list:
    keys = corpus.reports.set_index("report").agency_key.to_dict()
    rows = []
    for c in checks.itertuples(index=False):
        rows.append(
            {
                "report": c.report,
                "agency": agency_link(c.agency, keys.get(c.report), pages),
                "year": c.year,
                "rule": c.rule,
                "status": _status(str(c.status)),
                "scope": c.scope,
                "left": fmt(c.left),
                "right": fmt(c.right),
                "difference": fmt(c.difference),
                "cells": _short_cells(c.cells),
                "message": c.message,
            }
        )
    return rows


_CHECK_COLUMNS = [
    ("agency", "机关 agency"),
    ("year", "年度 year"),
    ("rule", "规则 rule"),
    ("status", "结果 result"),
    ("scope", "范围 scope"),
    ("left", "左边 left"),
    ("right", "右边 right"),
    ("difference", "差额 difference"),
    ("cells", "单元格 cells"),
    ("message", "说明 message"),
    ("report", "报告 report"),
]


_CHECK_LAYOUT: dict[str, Any] = {
    "wide": ("message", "cells"),
    "nowrap": ("year", "rule", "status", "left", "right", "difference"),
}


def _by_severity(checks: pd.DataFrame) -> pd.DataFrame:
    rank = {("fail", "hard"): 0, ("fail", "soft"): 1, ("warn", "hard"): 2, ("warn", "soft"): 3}
    order = [rank.get((s, v), 4) for s, v in zip(checks.status, checks.severity, strict=True)]
    return (
        checks.assign(_rank=order)
        .sort_values(["_rank", "year", "report", "rule"])
        .drop(columns="_rank")
    )


def failed_checks_table(
    corpus: Corpus,
    year: int | None = None,
    statuses: Sequence[str] = ("fail", "warn"),
    pages: Mapping[str, str] | None = None,
) -> HtmlBlock:
    """Fails, then warnings, with their evidence (cells, left, right, difference, message)."""
    checks = corpus.checks
    if year is not None:
        checks = checks[checks.year == year]
    checks = _by_severity(checks[checks.status.isin(list(statuses))])
    if checks.empty:
        return _empty("无 none.")
    return table(_check_rows(checks, pages, corpus), _CHECK_COLUMNS, **_CHECK_LAYOUT)


def _short_cells(cells: Any, shown: int = 3) -> Any:
    """The first cells of a long evidence list (the full list is in checks.csv)."""
    if _missing(cells):
        return None
    parts = str(cells).split(";")
    more = f" … (+{len(parts) - shown})" if len(parts) > shown else ""
    return "; ".join(parts[:shown]) + more


_BLANK = re.compile(r"not assessable: (\S+) is blank")


def not_assessable_table(corpus: Corpus) -> HtmlBlock:
    """Identities that could not be judged, summarised per report and rule by their cause:
    which cells were blank."""
    checks = corpus.checks[corpus.checks.status == "not_assessable"]
    if checks.empty:
        return _empty("无 none.")
    rows = []
    for (report, agency, year, rule), part in checks.groupby(
        ["report", "agency", "year", "rule"], sort=True, dropna=False
    ):
        blanks = sorted({m.group(1) for m in map(_BLANK.search, part.message.astype(str)) if m})
        shown = "; ".join(blanks[:4]) + (f" … (+{len(blanks) - 4})" if len(blanks) > 4 else "")
        rows.append(
            {
                "agency": agency,
                "year": year,
                "rule": rule,
                "n": len(part),
                "blank": shown or "—",
                "report": report,
            }
        )
    columns = [
        ("agency", "机关 agency"),
        ("year", "年度 year"),
        ("rule", "规则 rule"),
        ("n", "无法判断的项 results not assessable"),
        ("blank", "空白单元格 blank cells"),
        ("report", "报告 report"),
    ]
    return table(rows, columns)


def same_agency_table(corpus: Corpus) -> HtmlBlock:
    """Agencies that read as one office named with and without its place
    (:func:`agencies.likely_same`): their years are compared only once an alias makes them one,
    and the table gives the alias line to add."""
    reports = corpus.reports[corpus.reports.status == "parsed"]
    names = _agency_names(reports)
    years = (
        reports.dropna(subset=["agency_key"])
        .groupby("agency_key")
        .year.agg(lambda y: _year_list(y.dropna()))
    )
    pairs = likely_same(names.index)
    if not pairs:
        return _empty("无 none.")
    rows = [
        {
            "shorter": names[short],
            "shorter_years": years[short],
            "longer": names[long],
            "longer_years": years[long],
            "alias": f"{names[short]},{names[long]}",
        }
        for short, long in pairs
    ]
    columns = [
        ("shorter", "机关 agency"),
        ("shorter_years", "年度 years"),
        ("longer", "可能同为 possibly the same as"),
        ("longer_years", "年度 years"),
        ("alias", "别名行 alias line (alias,agency)"),
    ]
    return table(rows, columns, nowrap=("alias",))


def _year_list(years: pd.Series) -> str:
    return ", ".join(str(int(y)) for y in sorted(set(years)))


def yoy_table(
    corpus: Corpus, year: int | None = None, pages: Mapping[str, str] | None = None
) -> HtmlBlock:
    """Year-over-year changes of the key indicators of every agency (latest year by default).

    Each row compares one agency with itself; a change resting on a small sample is greyed and
    its status says so.
    """
    yoy = corpus.yoy()
    if yoy.empty:
        return _empty("无 none.")
    year = year or int(yoy.year.max())
    part = yoy[(yoy.year == year) & yoy.indicator.isin(KEY_INDICATORS) & yoy.prev_year.notna()]
    if part.empty:
        return _empty(
            f"{year} 年没有可与上年比较的机关 No agency of {year} can be compared with {year - 1}."
        )
    specs = ind.by_id()
    rows, classes = [], []
    for r in part.sort_values(["agency", "indicator"]).itertuples(index=False):
        spec = specs[r.indicator]
        share = spec.unit == "ratio"
        rows.append(
            {
                "agency": agency_link(r.agency, r.agency_key, pages),
                "indicator": f"{spec.name_zh} {spec.name_en}",
                "prev": fmt(r.prev_value, spec.unit),
                "value": fmt(r.value, spec.unit),
                "change": fmt_change(r.abs_change, spec.unit, share),
                "relative": "—" if _missing(r.rel_change) else f"{r.rel_change:+.1%}",
                "status": _status(str(r.status)),
            }
        )
        classes.append("dm-small" if r.status in NOT_FINDINGS else "")
    columns = [
        ("agency", "机关 agency"),
        ("indicator", "指标 indicator"),
        ("prev", f"{year - 1}"),
        ("value", f"{year}"),
        ("change", "变化 change"),
        ("relative", "变化率 relative"),
        ("status", "状态 status"),
    ]
    return table(rows, columns, classes)


def catalogue_table() -> HtmlBlock:
    """The indicator catalogue for the methods page."""
    rows = [
        {
            "id": i.id,
            "name": f"{i.name_zh} {i.name_en}",
            "formula": i.formula,
            "unit": "比例 share" if i.unit == "ratio" else i.unit,
            "caveat": i.caveat,
        }
        for i in ind.catalogue()
    ]
    columns = [
        ("id", "标识 id"),
        ("name", "名称 name"),
        ("formula", "计算方法 formula"),
        ("unit", "单位 unit"),
        ("caveat", "注意 caveat"),
    ]
    return table(rows, columns)


def rules_table() -> HtmlBlock:
    """The check catalogue for the methods page."""
    rows = [
        {
            "rule": r.id,
            "severity": "硬性 hard" if r.severity == "hard" else "提示 soft",
            "text": f"{r.message_zh} / {r.message_en}",
        }
        for r in tpl.rules()
    ]
    columns = [
        ("rule", "规则 rule"),
        ("severity", "级别 severity"),
        ("text", "内容 what it checks"),
    ]
    return table(rows, columns)


def is_example(corpus: Corpus, agency: str | None = None, year: int | None = None) -> bool:
    """True when any report is generated example data (its agency carries the marker); with
    ``agency`` (an agency_key) or ``year``, any of the reports a page of it shows."""
    reports = corpus.reports
    if agency is not None:
        reports = reports[reports.agency_key == agency]
    if year is not None:
        reports = reports[reports.year == year]
    agencies = reports.agency.dropna()
    return bool(agencies.str.contains(EXAMPLE_MARKER, regex=False).any())


def page_header(
    corpus: Corpus, title: str, agency: str | None = None, year: int | None = None
) -> HtmlBlock:
    """The page title, a banner when the page shows generated example data (of ``agency``'s
    reports, or ``year``'s, when given), and a notice when there is no usable report at all."""
    parts = [f'<h1 class="{TITLE_CLASS}">{html.escape(title)}</h1>']
    if is_example(corpus, agency, year):
        parts.append(
            '<div class="dm-banner">示例数据：本页含程序生成的示例报告，并非真实报告。'
            " Example data: this page includes generated example reports, not real ones.</div>"
        )
    if not has_reports(corpus):
        parts.append(f'<div class="dm-banner dm-warning">{html.escape(NO_REPORTS)}</div>')
    return HtmlBlock("".join(parts))


def source_text(source_format: object, ocr_pages: object, ocr_confidence: object) -> str:
    """What a report was read from, with the pages OCR read and its mean confidence.

    >>> source_text("pdf-ocr", "3, 4", 0.91)
    'pdf-ocr（OCR 第 3, 4 页，置信度 0.91）'
    >>> source_text("html", None, None), source_text(None, None, None)
    ('html', '')
    """
    if not isinstance(source_format, str):
        return ""
    if not isinstance(ocr_pages, str) or not ocr_pages:
        return source_format
    confidence = f"，置信度 {ocr_confidence:.2f}" if isinstance(ocr_confidence, float | int) else ""
    return f"{source_format}（OCR 第 {ocr_pages} 页{confidence}）"


def exports_table(
    corpus: Corpus, prefix: str = "data/", pages: Mapping[str, str] | None = None
) -> HtmlBlock:
    """Links to every exported file, and the status of every input report."""
    from .export import SHEET_NAMES, WORKBOOK

    links = [f'<li><a href="{html.escape(prefix + WORKBOOK)}">{WORKBOOK}</a>（Excel / WPS）</li>']
    for name in SHEET_NAMES:
        files = " · ".join(
            f'<a href="{html.escape(prefix + name + ext)}">{ext[1:]}</a>'
            for ext in (".csv", ".parquet")
        )
        links.append(f"<li>{html.escape(SHEET_NAMES[name])}: {files}</li>")
    rows = [
        {
            "report": r.report,
            "agency": agency_link(r.agency, r.agency_key, pages),
            "year": r.year,
            "format": r.format,
            "source": source_text(r.source_format, r.ocr_pages, r.ocr_confidence),
            "status": r.status,
            "error": r.error,
            "note": r.note,
        }
        for r in corpus.reports.itertuples(index=False)
    ]
    columns = [
        ("report", "报告 report"),
        ("agency", "机关 agency"),
        ("year", "年度 year"),
        ("format", "格式 template"),
        ("source", "文件类型 source"),
        ("status", "状态 status"),
        ("error", "错误 error"),
        ("note", "说明 note"),
    ]
    return HtmlBlock("<ul>" + "".join(links) + "</ul>" + table(rows, columns))


# ---------------------------------------------------------------------------------------------
# The attention list


def attention_table(
    corpus: Corpus, year: int | None = None, pages: Mapping[str, str] | None = None
) -> HtmlBlock:
    """Agencies with red and yellow flags, most severe first, each flag linked to its evidence
    (a section of the agency's page, or the quality page when the agency has no page)."""
    flags = attention(corpus)
    if year is not None:
        flags = flags[flags.year == year]
    if flags.empty:
        return _empty("没有需要关注的事项 Nothing to flag.")
    parts = []
    for y, part in flags.groupby("year", sort=False):
        rows, classes = [], []
        for f in part.itertuples(index=False):
            page = (pages or {}).get(f.agency_key)
            href = f"{page}#{f.anchor}" if page else "quality.html"
            rows.append(
                {
                    "agency": agency_link(f.agency, f.agency_key, pages),
                    "level": _status(f.level),
                    "label": f.label,
                    "detail": f.detail,
                    "evidence": HtmlBlock(f'<a href="{html.escape(href)}">证据 evidence</a>'),
                }
            )
            classes.append(f"dm-flag-{f.level}")
        columns = [
            ("agency", "机关 agency"),
            ("level", "级别 level"),
            ("label", "事项 flag"),
            ("detail", "详情 detail"),
            ("evidence", "证据 evidence"),
        ]
        heading = f'<h2 id="year-{int(y)}">{int(y)} 年度 Year {int(y)}</h2>' if year is None else ""
        parts.append(heading + table(rows, columns, classes))
    return HtmlBlock("".join(parts))


# ---------------------------------------------------------------------------------------------
# One agency


def agency_title(corpus: Corpus, key: str) -> str:
    """The title of an agency's page: its name."""
    return f"{_agency_name(corpus, key)} · 机关 Agency"


def agency_indicators_table(corpus: Corpus, key: str) -> HtmlBlock:
    """The agency's indicators year by year, with the change of the latest year."""
    data = corpus.indicators[
        (corpus.indicators.agency_key == key) & corpus.indicators.indicator.isin(AGENCY_INDICATORS)
    ]
    if data.empty:
        return _empty("无指标 No indicators.")
    years = sorted(int(y) for y in data.year.dropna().unique())
    specs = ind.by_id()
    yoy = corpus.yoy()
    yoy = yoy[(yoy.agency_key == key) & (yoy.year == years[-1])].set_index("indicator")
    rows = []
    for indicator in AGENCY_INDICATORS:
        part = data[data.indicator == indicator].set_index("year")
        if part.value.isna().all():
            continue
        unit = specs[indicator].unit
        row: dict[str, Any] = {"indicator": _indicator_header(indicator)}
        for y in years:
            row[str(y)] = _indicator_cell(part.loc[y], unit) if y in part.index else None
        if indicator in yoy.index:
            change = yoy.loc[indicator]
            text = fmt_change(change.abs_change, unit, unit == "ratio")
            row["change"] = _small(text, change.status in NOT_FINDINGS) if text != "—" else None
        rows.append(row)
    columns = [("indicator", "指标 indicator"), *[(str(y), str(y)) for y in years]]
    columns.append(
        ("change", f"变化 change {years[-1] - 1}→{years[-1]}" if len(years) > 1 else "变化 change")
    )
    return HtmlBlock(table(rows, columns) + f'<p class="dm-note">{html.escape(_SMALL_NOTE)}</p>')


def agency_flow_figure(corpus: Corpus, key: str) -> Figure:
    """The agency's applications year by year: outcomes stacked, new and carried forward as
    lines."""
    cells = _cells(corpus, "table3")
    cells = cells[cells.agency_key == key]
    if cells.empty:
        return _empty("无表三数据 No table 3.")
    years = sorted(int(y) for y in cells.year.dropna().unique())
    fig = go.Figure()
    for row, label in OUTCOME_GROUPS:
        fig.add_bar(name=label, x=years, y=[_cell_sum(cells[cells.year == y], row) for y in years])
    for row, label, color in (
        ("new_received", "本年新收 new", "#222"),
        ("carry_forward", "结转下年度 carried forward", "#c62828"),
    ):
        fig.add_scatter(
            name=label,
            x=years,
            y=[_cell_sum(cells[cells.year == y], row) for y in years],
            mode="lines+markers",
            line={"color": color},
        )
    fig.update_layout(barmode="stack", yaxis_title="件 applications")
    fig.update_xaxes(dtick=1)
    return _layout(fig, "申请办理 Applications and their outcomes, by year", height=420)


def agency_disputes_table(corpus: Corpus, key: str) -> HtmlBlock:
    """Table 4 of every year: reviews and lawsuits by result."""
    cells = corpus.cells[(corpus.cells.table == "table4") & (corpus.cells.agency_key == key)]
    if cells.empty:
        return _empty("无表四数据 No table 4.")
    rows = []
    labels = tpl.table4_group_names()
    order = {key: n for n, key in enumerate(labels)}  # the template's order, not the keys'
    for (year, _n, group), part in cells.assign(order=cells.row.map(order)).groupby(
        ["year", "order", "row"], sort=True
    ):
        row = {"year": year, "group": labels.get(str(group), group)}
        row.update({str(c): v for c, v in zip(part.column, part.value, strict=True)})
        rows.append(row)
    columns = [("year", "年度 year"), ("group", "类别 kind")]
    columns += [(c.key, c.bilingual) for c in tpl.table4_columns()]
    return table(rows, columns)


def agency_checks_table(
    corpus: Corpus, key: str, pages: Mapping[str, str] | None = None
) -> HtmlBlock:
    """Every check result of the agency's reports: fails and warnings with their evidence, then
    the not assessable ones, and the number that passed per year."""
    reports = set(corpus.reports.loc[corpus.reports.agency_key == key, "report"])
    checks = corpus.checks[corpus.checks.report.isin(reports)]
    if checks.empty:
        return _empty("无校验结果 No check results.")
    shown = _by_severity(checks[checks.status.isin(["fail", "warn", "not_assessable"])])
    passed = checks[checks.status == "pass"].groupby("year").size()
    summary = "；".join(f"{int(y)}: {n}" for y, n in passed.items())
    note = f'<p class="dm-note">通过的校验 checks passed — {html.escape(summary or "0")}</p>'
    if shown.empty:
        return HtmlBlock(_empty("所有校验均通过 Every check passed.") + note)
    return HtmlBlock(
        table(_check_rows(shown, pages, corpus), _CHECK_COLUMNS, **_CHECK_LAYOUT) + note
    )


def agency_facts_table(corpus: Corpus, key: str) -> HtmlBlock:
    """The narrative facts of the agency's reports, with the sentence each was read from."""
    facts = corpus.facts[corpus.facts.agency_key == key].sort_values(["year", "metric"])
    if facts.empty:
        return _empty("正文中未读到数字 No numbers read from the prose.")
    rows = [
        {
            "year": f.year,
            "metric": METRIC_LABELS.get(str(f.metric), f.metric),
            "channel": f.channel,
            "value": f"{fmt(f.value)} {f.unit or ''}".strip(),
            "qualifier": f.qualifier,
            "evidence": f.evidence,
        }
        for f in facts.itertuples(index=False)
    ]
    columns = [
        ("year", "年度 year"),
        ("metric", "事项 metric"),
        ("channel", "渠道 channel"),
        ("value", "数值 value"),
        ("qualifier", "限定 qualifier"),
        ("evidence", "原文 evidence"),
    ]
    return table(rows, columns)


_SENTENCE_END = re.compile(r"(?<=[。！？；!?;])|\n+")


def sentences(text: str) -> list[str]:
    """The sentences of a section, whitespace removed, empty ones dropped.

    >>> sentences("一、总体情况\\n我局全年发布信息 10 条。 回应关切3次；")
    ['一、总体情况', '我局全年发布信息10条。', '回应关切3次；']
    """
    parts = (re.sub(r"\s+", "", p) for p in _SENTENCE_END.split(text or ""))
    return [p for p in parts if p]


def text_changes(previous: str, current: str) -> tuple[list[str], list[str]]:
    """(added, dropped) sentences of a section between two years, in their order.

    >>> text_changes("甲。乙。丙。", "甲。丙。丁。")
    (['丁。'], ['乙。'])
    """
    before, after = sentences(previous), sentences(current)
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    added, dropped = [], []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op in ("replace", "delete"):
            dropped += before[a0:a1]
        if op in ("replace", "insert"):
            added += after[b0:b1]
    return added, dropped


def text_comparison(corpus: Corpus, key: str) -> HtmlBlock:
    """Section 一 compared with the year before: the reuse share, what was added, what dropped."""
    texts = corpus.texts[(corpus.texts.agency_key == key) & (corpus.texts.section == "overview")]
    by_year = {
        int(r.year): str(r.text) for r in texts.itertuples(index=False) if not _missing(r.year)
    }
    reuse = corpus.indicators[
        (corpus.indicators.agency_key == key)
        & (corpus.indicators.indicator == "narrative.reuse_vs_prev_year")
    ].set_index("year")
    parts = []
    for year in sorted(by_year, reverse=True):
        if year - 1 not in by_year:
            continue
        added, dropped = text_changes(by_year[year - 1], by_year[year])
        share = reuse.value.get(year) if year in reuse.index else None
        reused = fmt(share, "ratio")
        parts.append(
            f'<div class="dm-textdiff"><h3>{year - 1} → {year}</h3>'
            f"<p>与上年相同的文字 text repeated from {year - 1} (一, 五): <b>{reused}</b>；"
            f"新增 {len(added)} 句 sentences added，删去 {len(dropped)} 句 dropped。</p>"
            + _sentence_list("新增 Added", added, "dm-added")
            + _sentence_list("删去 Dropped", dropped, "dm-dropped")
            + "</div>"
        )
    if not parts:
        return _empty(
            "没有连续两年的第一部分文字可比较 No two consecutive years of section 一 to compare."
        )
    return HtmlBlock("".join(parts))


def _sentence_list(title: str, items: Sequence[str], cls: str) -> str:
    if not items:
        return ""
    lis = "".join(f"<li>{html.escape(s)}</li>" for s in items)
    return (
        f'<details class="{cls}"><summary>{html.escape(title)} ({len(items)})</summary>'
        f"<ul>{lis}</ul></details>"
    )
