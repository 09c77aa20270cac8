"""The national templates (GOV2019, GOV2021) read from ``templates.yaml`` into typed objects.

Everything that needs a label, a canonical key, an anchor or an identity reads it from here.

Example::

    >>> t3 = table3_rows("GOV2021")
    >>> [r.key for r in t3][-5:]
    ['other.1', 'other.2', 'other.3', 'total_processed', 'carry_forward']
    >>> len(t3), len(table3_rows("GOV2019"))
    (25, 23)
    >>> [b.id for b in table2_blocks("GOV2021")]
    ['art20_1', 'art20_5', 'art20_6', 'art20_8']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

FORMATS = ("GOV2019", "GOV2021")


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    type: str = "int"  # int | signed_int | decimal
    aliases: tuple[str, ...] = ()
    unit: str | None = None
    en: str | None = None  # the English the dashboards show beside the label (tables 3 and 4)

    @property
    def bilingual(self) -> str:
        """The label with its English, where the template gives one (结果维持 upheld)."""
        return f"{self.label} {self.en}" if self.en else self.label


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    anchors: tuple[re.Pattern[str], ...]
    number: int | None = None
    group: str | None = None
    variant: str | None = None  # single_other | split_other | None (in both)


@dataclass(frozen=True)
class Block:
    id: str
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Section:
    no: int
    key: str
    heading: str
    anchors: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class Rule:
    """One check of the catalogue; ``params`` keeps the kind-specific fields as written."""

    id: str
    kind: str
    severity: str
    message_zh: str
    message_en: str
    params: dict[str, Any]

    def get(self, name: str, default: Any = None) -> Any:
        return self.params.get(name, default)


@cache
def raw() -> dict[str, Any]:
    """The parsed YAML, for code that needs a field no typed object carries."""
    text = resources.files(__package__).joinpath("templates.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _patterns(items: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(a) for a in items)


def _column(d: dict[str, Any]) -> Column:
    return Column(
        key=d["key"],
        label=d["label"],
        type=d.get("type", "int"),
        aliases=tuple(d.get("aliases", ())),
        unit=d.get("unit"),
        en=d.get("en"),
    )


def _row(d: dict[str, Any]) -> Row:
    return Row(
        key=d["key"],
        label=d["label"],
        anchors=_patterns(d["anchors"]),
        number=d.get("number"),
        group=d.get("group"),
        variant=d.get("variant"),
    )


@cache
def table2_blocks(fmt: str) -> tuple[Block, ...]:
    """Table 2 blocks of a format (``GOV2019`` or ``GOV2021``)."""
    blocks = raw()["table2"]["formats"][fmt]
    return tuple(
        Block(
            id=b["id"],
            caption=b["caption"],
            columns=tuple(_column(c) for c in b["columns"]),
            rows=tuple(_row(r) for r in b["rows"]),
        )
        for b in blocks
    )


@cache
def table2_width() -> int:
    """The most values a row of table 2 holds, in either format (3)."""
    return max(len(b.columns) for fmt in raw()["table2"]["formats"] for b in table2_blocks(fmt))


@cache
def table3_columns() -> tuple[Column, ...]:
    """The seven value columns of table 3, in template order."""
    return tuple(_column(c) for c in raw()["table3"]["columns"])


@cache
def table3_rows(other_variant: str) -> tuple[Row, ...]:
    """Data rows of table 3 in template order.

    ``other_variant`` is a format name or the row layout itself: ``GOV2019``/``single_other``
    give the single （六）其他处理 row, ``GOV2021``/``split_other`` the three sub-rows.
    """
    variant = {"GOV2019": "single_other", "GOV2021": "split_other", "HYBRID": "single_other"}.get(
        other_variant, other_variant
    )
    rows = [_row(r) for r in raw()["table3"]["rows"]]
    return tuple(r for r in rows if r.variant in (None, variant))


@cache
def all_table3_rows() -> tuple[Row, ...]:
    """Every table 3 row of either variant (for finding labels before the variant is known)."""
    return tuple(_row(r) for r in raw()["table3"]["rows"])


@cache
def outcome_row_keys(other_variant: str) -> tuple[str, ...]:
    """The rows whose sum is （七）总计 (T3-I2): every row of 三、本年度办理结果 but the total."""
    keys = [r.key for r in table3_rows(other_variant)]
    return tuple(keys[keys.index("granted") : keys.index("total_processed")])


@cache
def table4_groups() -> tuple[tuple[str, str], ...]:
    return tuple((g["key"], g["label"]) for g in raw()["table4"]["groups"])


def table4_group_names() -> dict[str, str]:
    """Each group of table 4 as the dashboards name it, in Chinese and English.

    >>> table4_group_names()["review"]
    '行政复议 administrative review'
    """
    return {g["key"]: f"{g['label']} {g['en']}" for g in raw()["table4"]["groups"]}


@cache
def table4_columns() -> tuple[Column, ...]:
    return tuple(_column(c) for c in raw()["table4"]["columns"])


def table4_width() -> int:
    """The values table 4 holds: every group's columns (15 in both formats)."""
    return len(table4_groups()) * len(table4_columns())


@cache
def table4_header_words() -> tuple[str, ...]:
    # Longest first, so that removing them from a line never leaves a fragment of a longer word.
    return tuple(sorted(raw()["table4"]["header_words"], key=len, reverse=True))


@cache
def sections() -> tuple[Section, ...]:
    return tuple(
        Section(no=s["number"], key=s["key"], heading=s["heading"], anchors=_patterns(s["anchors"]))
        for s in raw()["sections"]
    )


@cache
def markers(kind: str) -> tuple[re.Pattern[str], ...]:
    """Label markers of ``GOV2019``, ``GOV2021`` or ``LEGACY`` (spec §5)."""
    return _patterns(raw()["markers"][kind])


@cache
def rules() -> tuple[Rule, ...]:
    """The check catalogue, in catalogue order."""
    common = {"id", "kind", "severity", "message_zh", "message_en"}
    return tuple(
        Rule(
            id=r["id"],
            kind=r["kind"],
            severity=r["severity"],
            message_zh=r["message_zh"],
            message_en=r["message_en"],
            params={k: v for k, v in r.items() if k not in common},
        )
        for r in raw()["rules"]
    )


def rule(rule_id: str) -> Rule:
    """One rule by id.

    >>> rule("T3-I1").get("left")
    ['new_received', 'carried_over']
    """
    return next(r for r in rules() if r.id == rule_id)
