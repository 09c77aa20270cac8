"""Figures and tables of the dashboards: plain functions from a corpus to a plotly figure or HTML.

The notebooks in ``analysis/`` only call these. Every piece of report text that reaches a page
(agency names, evidence, check messages) goes through :func:`html.escape` or pandas' escaping.

Example::

    >>> import disclosure_metrics as dm
    >>> corpus = dm.load("data/raw", progress=False)
    >>> fig = flow_figure(corpus, 2020)
    >>> fig.data[0].type
    'sankey'
"""

from __future__ import annotations

import fnmatch
import html
from collections.abc import Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.io._base_renderers import MimetypeRenderer

from . import indicators as ind
from . import templates as tpl
from .corpus import Corpus

SITE_RENDERER = "disclosure_site"
# Every generated example agency carries this word (示例 = example) in its name.
EXAMPLE_MARKER = "示例"


class HtmlBlock(str):
    """HTML that notebooks display as HTML (Jupyter calls ``_repr_html_``)."""

    def _repr_html_(self) -> str:
        return str(self)


KEY_INDICATORS = (
    "items_published.all",
    "hotline.resolution_rate",
    "apps.new",
    "apps.release_rate_all",
    "review.total",
    "litigation.total",
)
OUTCOME_GROUPS = (
    ("granted", "予以公开 granted"),
    ("partial", "部分公开 partial"),
    ("denied.*", "不予公开 denied"),
    ("unable.*", "无法提供 unable"),
    ("not_processed.*", "不予处理 not processed"),
    ("other*", "其他处理 other"),
)
# The class of the page title that page_header prints (Quarto prints its own instead).
TITLE_CLASS = "dm-title"
_COLORS = {"pass": "#2e7d32", "fail": "#c62828", "warn": "#ef6c00", "not_assessable": "#757575"}


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
# Numbers across agencies


def totals(corpus: Corpus, years: Sequence[int] | None = None) -> pd.DataFrame:
    """Every indicator summed over all agencies per year (rates recomputed from the sums)."""
    out = corpus.rollup("all")
    if years is not None:
        out = out[out.year.isin(list(years))]
    return out


def _total(table: pd.DataFrame, indicator: str, year: int) -> pd.Series | None:
    rows = table[(table.indicator == indicator) & (table.year == year)]
    return None if rows.empty else rows.iloc[0]


def _fmt(value: Any, unit: str) -> str:
    if value is None or pd.isna(value):
        return "—"
    if unit == "ratio":
        return f"{value * 100:.1f}%"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def matched_totals(corpus: Corpus, indicators: Sequence[str], year: int) -> pd.DataFrame:
    """Totals of ``year`` and ``year - 1`` over the agencies that have both years.

    A change of a total is only meaningful between the same agencies: an office that reported
    in one year only would otherwise show up as growth or decline.
    """
    data = corpus.indicators[corpus.indicators.indicator.isin(list(indicators))]
    data = data[data.year.isin([year - 1, year]) & data.value.notna()]
    both = data.groupby(["indicator", "agency_key"]).year.nunique()
    keep = set(both[both == 2].index)
    data = data[[(i, k) in keep for i, k in zip(data.indicator, data.agency_key, strict=True)]]
    from .corpus import rollup

    return rollup(data, corpus.reports, "all")


def _change_text(corpus: Corpus, indicator: str, year: int, unit: str) -> str:
    matched = matched_totals(corpus, [indicator], year)
    cur, prev = _total(matched, indicator, year), _total(matched, indicator, year - 1)
    if cur is None or prev is None or pd.isna(cur.value) or pd.isna(prev.value):
        return "上年无可比数据 no comparable previous value"
    diff = cur.value - prev.value
    same = f"vs {year - 1}, {int(cur.agencies)} 个相同机关 same agencies"
    if unit == "ratio":
        return f"{_no_minus_zero(diff * 100):+.1f} 个百分点 pp {same}"
    if prev.value == 0:
        return f"{diff:+,.0f} {same}"
    return f"{diff:+,.0f} ({diff / prev.value:+.1%}) {same}"


def value_boxes(corpus: Corpus, year: int) -> HtmlBlock:
    """HTML cards: the year's key totals with their change against the previous year."""
    table = totals(corpus, [year])
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
        cur = _total(table, indicator, year)
        value = None if cur is None else cur.value
        note = "" if cur is None else f"{int(cur.agencies)} 个机关 agencies"
        cards.append(
            _card(label, _fmt(value, unit), _change_text(corpus, indicator, year, unit), note)
        )
    dispute_ids = ("review.total", "litigation.total")
    matched = matched_totals(corpus, dispute_ids, year)
    before, now = (_sum_of(matched, dispute_ids, y) for y in (year - 1, year))
    change = "上年无可比数据 no comparable previous value"
    if before is not None and now is not None:
        change = f"{now - before:+,.0f} vs {year - 1} (same agencies)"
    total_now = _sum_of(table, dispute_ids, year)
    cards.append(_card("复议诉讼 reviews + lawsuits", _fmt(total_now, "件"), change, ""))
    failed = corpus.checks[(corpus.checks.year == year) & (corpus.checks.status == "fail")]
    failed_prev = corpus.checks[(corpus.checks.year == year - 1) & (corpus.checks.status == "fail")]
    cards.append(
        _card(
            "未通过校验 failed checks",
            f"{len(failed)}",
            f"{len(failed) - len(failed_prev):+d} vs {year - 1}",
            f"{failed.report.nunique()} 份报告 reports",
            alert=len(failed) > 0,
        )
    )
    return HtmlBlock('<div class="dm-boxes">' + "".join(cards) + "</div>")


def _sum_of(table: pd.DataFrame, indicators: Sequence[str], year: int) -> float | None:
    rows = [_total(table, i, year) for i in indicators]
    if any(r is None or pd.isna(r.value) for r in rows):
        return None
    return float(sum(r.value for r in rows))  # type: ignore[union-attr]


def _card(label: str, value: str, change: str, note: str, alert: bool = False) -> str:
    cls = "dm-box dm-alert" if alert else "dm-box"
    return (
        f'<div class="{cls}"><div class="dm-box-label">{html.escape(label)}</div>'
        f'<div class="dm-box-value">{html.escape(value)}</div>'
        f'<div class="dm-box-change">{html.escape(change)}</div>'
        f'<div class="dm-box-note">{html.escape(note)}</div></div>'
    )


# ---------------------------------------------------------------------------------------------
# Figures of one year


def _layout(fig: go.Figure, title: str, height: int = 380) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "font": {"size": 15}},
        height=height,
        margin={"l": 50, "r": 20, "t": 50, "b": 50},
        template="plotly_white",
        legend={"orientation": "h", "y": -0.2},
    )
    return fig


def channel_figure(corpus: Corpus, year: int) -> go.Figure:
    """Items published per channel, this year against last year, summed over agencies."""
    table = totals(corpus, [year - 1, year])
    rows = table[
        table.indicator.str.startswith("items_published.")
        & (table.indicator != "items_published.all")
    ]
    names = {i.id: i.name_zh for i in ind.catalogue()}
    fig = go.Figure()
    colors = _year_colors(year)
    for y in (year - 1, year):
        part = rows[(rows.year == y) & rows.value.notna()]
        fig.add_bar(
            name=str(y),
            marker_color=colors[y],
            x=[names[i].replace("主动公开信息条数", "").strip("（）") for i in part.indicator],
            y=list(part.value),
        )
    fig.update_layout(barmode="group", yaxis_title="条 items", showlegend=True)
    if not fig.data or all(len(t.x) == 0 for t in fig.data):
        _no_data(fig, "正文未列各渠道条数 The texts state no per-channel counts")
    return _layout(fig, f"各渠道发布信息 Items per channel, {year - 1}–{year}")


def _cell_sum(corpus: Corpus, year: int, table: str, row: str, column: str = "total") -> float:
    cells = corpus.cells
    part = cells[(cells.year == year) & (cells.table == table) & (cells.column == column)]
    if part.empty:
        return 0.0
    keep = [fnmatch.fnmatchcase(str(r), row) for r in part.row]
    return float(part.loc[keep, "value"].fillna(0).sum())


def flow_figure(corpus: Corpus, year: int) -> go.Figure:
    """The application flow: new and carried over → outcomes → carried forward (Sankey)."""
    new = _cell_sum(corpus, year, "table3", "new_received")
    carried = _cell_sum(corpus, year, "table3", "carried_over")
    forward = _cell_sum(corpus, year, "table3", "carry_forward")
    outcomes = [(label, _cell_sum(corpus, year, "table3", key)) for key, label in OUTCOME_GROUPS]
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


def mix_figure(corpus: Corpus, year: int) -> go.Figure:
    """Outcome mix and applicant mix, this year against last year (shares)."""
    from plotly.subplots import make_subplots

    fig = make_subplots(rows=1, cols=2, subplot_titles=("办理结果 outcomes", "申请人 applicants"))
    columns = [c for c in tpl.table3_columns() if c.key != "total"]
    colors = _year_colors(year)
    for y in (year - 1, year):
        handled = sum(_cell_sum(corpus, y, "table3", key) for key, _l in OUTCOME_GROUPS)
        new = _cell_sum(corpus, y, "table3", "new_received")
        style = {"marker_color": colors[y], "legendgroup": str(y), "name": str(y)}
        if handled:
            shares = [_cell_sum(corpus, y, "table3", key) / handled for key, _l in OUTCOME_GROUPS]
            fig.add_bar(x=[label for _k, label in OUTCOME_GROUPS], y=shares, row=1, col=1, **style)
        if new:
            shares = [_cell_sum(corpus, y, "table3", "new_received", c.key) / new for c in columns]
            fig.add_bar(
                x=[c.label for c in columns],
                y=shares,
                row=1,
                col=2,
                showlegend=not handled,
                **style,
            )
    fig.update_yaxes(tickformat=".0%")
    fig.update_layout(barmode="group")
    return _layout(
        fig, f"结果与申请人构成 Outcome and applicant mix, {year - 1}–{year}", height=420
    )


def disputes_figure(corpus: Corpus, year: int) -> go.Figure:
    """Review and litigation outcomes of the year (stacked by result)."""
    groups = tpl.table4_groups()
    fig = go.Figure()
    for col in tpl.table4_columns():
        if col.key == "total":
            continue
        fig.add_bar(
            name=col.label,
            x=[label for _k, label in groups],
            y=[_cell_sum(corpus, year, "table4", key, col.key) for key, _l in groups],
        )
    fig.update_layout(barmode="stack", yaxis_title="件 cases")
    if all(sum(v or 0 for v in t.y) == 0 for t in fig.data):
        _no_data(fig, "本年度无行政复议、行政诉讼 No reviews or lawsuits this year")
    return _layout(fig, f"行政复议、行政诉讼结果 Review and litigation outcomes, {year}")


def _no_data(fig: go.Figure, text: str) -> None:
    fig.add_annotation(
        text=text, showarrow=False, xref="paper", yref="paper", x=0.5, y=0.5, font={"size": 14}
    )


# ---------------------------------------------------------------------------------------------
# Figures across years


def trend_figure(corpus: Corpus, indicator: str) -> go.Figure:
    """One indicator per agency over the years, with the total of all agencies."""
    spec = ind.by_id()[indicator]
    data = corpus.indicators[corpus.indicators.indicator == indicator].dropna(subset=["value"])
    colors = agency_colors(corpus)
    fig = go.Figure()
    for agency, part in data.sort_values("year").groupby("agency", sort=True):
        fig.add_scatter(
            x=list(part.year),
            y=list(part.value),
            mode="lines+markers",
            name=str(agency),
            line={"color": colors.get(str(agency))},
        )
    total = totals(corpus)
    total = total[(total.indicator == indicator) & total.value.notna()].sort_values("year")
    if not total.empty:
        fig.add_scatter(
            x=list(total.year),
            y=list(total.value),
            mode="lines+markers",
            name="合计 all agencies that reported",
            line={"width": 4, "color": "#222"},
        )
    if spec.unit == "ratio":
        fig.update_yaxes(tickformat=".0%")
    fig.update_xaxes(dtick=1)
    return _layout(fig, f"{spec.name_zh} {spec.name_en}")


def agency_colors(corpus: Corpus) -> dict[str, str]:
    """One colour per agency, the same in every chart of the site."""
    import plotly.express as px

    palette = px.colors.qualitative.D3 + px.colors.qualitative.Set2
    agencies = sorted(str(a) for a in corpus.reports.agency.dropna().unique())
    return {a: palette[i % len(palette)] for i, a in enumerate(agencies)}


def checks_figure(corpus: Corpus) -> go.Figure:
    """Check results per rule, stacked by status."""
    counts = corpus.checks.groupby(["rule", "status"]).size().reset_index(name="n")
    fig = go.Figure()
    for status, color in _COLORS.items():
        part = counts[counts.status == status]
        fig.add_bar(name=status, x=list(part.rule), y=list(part.n), marker_color=color)
    fig.update_layout(barmode="stack", yaxis_title="results")
    return _layout(fig, "校验结果 Check results by rule")


# ---------------------------------------------------------------------------------------------
# Tables (HTML, escaped)


def _html_table(df: pd.DataFrame, classes: str = "dm-table") -> HtmlBlock:
    # In a scrolling box of its own: a wide table never widens the page.
    table = df.to_html(index=False, escape=True, na_rep="—", classes=classes, border=0)
    return HtmlBlock(f'<div class="dm-scroll">{table}</div>')


def agency_table(corpus: Corpus, year: int) -> HtmlBlock:
    """Every agency of the year with its key indicators and its check status."""
    data = corpus.indicators[
        (corpus.indicators.year == year) & corpus.indicators.indicator.isin(KEY_INDICATORS)
    ]
    if data.empty:
        return HtmlBlock("<p>本年度无报告 No report for this year.</p>")
    wide = data.pivot_table(
        index=["report", "agency"], columns="indicator", values="value", aggfunc="first"
    )
    wide = wide.reindex(columns=[i for i in KEY_INDICATORS if i in wide.columns]).reset_index()
    wide.columns.name = None
    status = corpus.checks[corpus.checks.year == year].groupby("report").status.agg(_worst)
    wide["checks"] = wide.report.map(status).fillna("—")
    formats = corpus.reports.set_index("report")["format"]
    wide.insert(2, "format", wide.report.map(formats))
    for col in KEY_INDICATORS:
        if col in wide.columns:
            unit = ind.by_id()[col].unit
            wide[col] = wide[col].map(lambda v, unit=unit: _fmt(v, unit))
    names = {i.id: f"{i.name_zh}" for i in ind.catalogue()}
    wide = wide.rename(
        columns={
            **names,
            "report": "报告 report",
            "agency": "机关 agency",
            "format": "格式",
            "checks": "校验 checks",
        }
    )
    return _html_table(wide)


def _worst(statuses: pd.Series) -> str:
    for status in ("fail", "warn", "not_assessable"):
        if (statuses == status).any():
            return status
    return "pass"


def failed_checks_table(
    corpus: Corpus, year: int | None = None, statuses: Sequence[str] = ("fail", "warn")
) -> str:
    """Check results with their evidence (cells, left, right, difference, message)."""
    checks = corpus.checks
    if year is not None:
        checks = checks[checks.year == year]
    checks = checks[checks.status.isin(list(statuses))]
    if checks.empty:
        return HtmlBlock("<p>无 None.</p>")
    columns = ["report", "agency", "rule", "status", "scope", "left", "right", "difference"]
    view = checks[[*columns, "cells", "message"]]
    view = view.assign(cells=view.cells.map(_short_cells))
    return _html_table(view)


def _short_cells(cells: Any, shown: int = 3) -> Any:
    """The first cells of a long evidence list (the full list is in checks.csv)."""
    if cells is None or cells is pd.NA:
        return cells
    parts = str(cells).split(";")
    more = f" … (+{len(parts) - shown})" if len(parts) > shown else ""
    return "; ".join(parts[:shown]) + more


def yoy_table(corpus: Corpus, year: int | None = None) -> HtmlBlock:
    """Year-over-year changes of the key indicators for every agency (latest year by default)."""
    yoy = corpus.yoy()
    if yoy.empty:
        return HtmlBlock("<p>无 None.</p>")
    year = year or int(yoy.year.max())
    part = yoy[(yoy.year == year) & yoy.indicator.isin(KEY_INDICATORS)]
    specs = ind.by_id()
    rows = []
    for r in part.itertuples(index=False):
        spec = specs[r.indicator]
        share = spec.kind == "rate"
        change = r.change_pp if share else r.abs_change
        rows.append(
            {
                "机关 agency": r.agency,
                "指标 indicator": f"{spec.name_zh} {spec.name_en}",
                f"{year - 1}": _fmt(r.prev_value, spec.unit),
                f"{year}": _fmt(r.value, spec.unit),
                "变化 change": "—"
                if pd.isna(change)
                else f"{_no_minus_zero(change):+,.1f}" + (" pp" if share else ""),
                "变化率 relative": "—" if pd.isna(r.rel_change) else f"{r.rel_change:+.1%}",
                "状态 status": r.status,
            }
        )
    return _html_table(pd.DataFrame(rows))


def _no_minus_zero(value: float) -> float:
    return 0.0 if abs(value) < 0.05 else value


def catalogue_table() -> HtmlBlock:
    """The indicator catalogue for the methods page."""
    from .corpus import catalogue_frame

    return _html_table(catalogue_frame())


def is_example(corpus: Corpus) -> bool:
    """True when any report is generated example data (its agency carries the marker)."""
    agencies = corpus.reports.agency.dropna()
    return bool(agencies.str.contains(EXAMPLE_MARKER, regex=False).any())


def page_header(corpus: Corpus, title: str) -> HtmlBlock:
    """The page title, and a banner when the data is generated example data."""
    parts = [f'<h1 class="{TITLE_CLASS}">{html.escape(title)}</h1>']
    if is_example(corpus):
        parts.append(
            '<div class="dm-banner">示例数据：本页含程序生成的示例报告，并非真实报告。'
            " Example data: this page includes generated example reports, not real ones.</div>"
        )
    return HtmlBlock("".join(parts))


def checks_summary_table(corpus: Corpus) -> HtmlBlock:
    """Every check result counted by report, rule and status (the full list is in checks.csv)."""
    if corpus.checks.empty:
        return HtmlBlock("<p>无 None.</p>")
    counts = corpus.checks.pivot_table(
        index=["report", "rule"], columns="status", values="scope", aggfunc="count", fill_value=0
    ).reset_index()
    counts.columns.name = None
    return _html_table(counts)


def rules_table() -> HtmlBlock:
    """The check catalogue for the methods page."""
    rows = [
        {"rule": r.id, "severity": r.severity, "zh": r.message_zh, "en": r.message_en}
        for r in tpl.rules()
    ]
    return _html_table(pd.DataFrame(rows))


def exports_table(corpus: Corpus, prefix: str = "data/") -> HtmlBlock:
    """Links to every exported file, and the status of every input report."""
    from .export import SHEET_NAMES, WORKBOOK

    links = [f'<li><a href="{html.escape(prefix + WORKBOOK)}">{WORKBOOK}</a>（Excel / WPS）</li>']
    for name in SHEET_NAMES:
        files = " · ".join(
            f'<a href="{html.escape(prefix + name + ext)}">{ext[1:]}</a>'
            for ext in (".csv", ".parquet")
        )
        links.append(f"<li>{html.escape(SHEET_NAMES[name])}: {files}</li>")
    status = corpus.reports[["report", "agency", "year", "format", "status", "error", "note"]]
    return HtmlBlock("<ul>" + "".join(links) + "</ul>" + _html_table(status))
