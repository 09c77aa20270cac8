"""Word's automatic numbering, as Word shows it before a paragraph's text.

A heading typed as 总体情况 in a Word list whose level reads ``%1、`` in Chinese counting is
shown as ``一、总体情况``; the number is in ``numbering.xml``, not in the paragraph. This module
renders those numbers, so a DOCX reads as it prints.

A paragraph is numbered by its own ``w:numPr`` or its style's (following ``w:basedOn``). Its
list (``w:num``) names an abstract list and may restart levels (``w:startOverride``). Counters
run per abstract list in document order; a level counts on from its last number and every
deeper level starts again. Bullets render as nothing: their glyph is a picture of a dot.

Example::

    >>> _format(3, "chineseCounting"), _format(12, "chineseCounting"), _format(4, "upperRoman")
    ('三', '十二', 'IV')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn
from lxml import etree

_PPR, _NUMPR, _NUMID, _ILVL = qn("w:pPr"), qn("w:numPr"), qn("w:numId"), qn("w:ilvl")
_PSTYLE, _VAL = qn("w:pStyle"), qn("w:val")
#: Word's list levels: 0 to 8.
LEVELS = 9
#: A hostile or broken file may ask for a huge start number; no heading is numbered past this.
MAX_NUMBER = 100_000


@dataclass(frozen=True)
class Level:
    """One level of a list: its first number, how numbers are written, and the label's text
    with ``%1`` … ``%9`` where the levels' numbers go."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"  # what follows the label: tab, space or nothing
    legal: bool = False  # w:isLgl: the levels above are written in decimal


class Numbering:
    """The numbering definitions of one document and the counters of a reading in order.

    ``label(p)`` is the text Word shows before paragraph ``p`` (empty for none); call it once
    per paragraph, in document order, as the counters move on.
    """

    def __init__(self, numbering: Any, styles: Any) -> None:
        self._abstract: dict[str, dict[int, Level]] = {}
        # numId -> (its abstract list, the levels it restarts and their starts)
        self._lists: dict[str, tuple[str, dict[int, int]]] = {}
        self._style_numbers: dict[str, tuple[str | None, int | None]] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._started: set[str] = set()  # lists whose restarts were applied
        if numbering is not None:
            self._read_definitions(numbering)
        if styles is not None and self._lists:
            self._read_styles(styles)

    @property
    def empty(self) -> bool:
        """No list is defined: no paragraph can be numbered."""
        return not self._lists

    def _read_definitions(self, root: etree._Element) -> None:
        for abstract in root.iter(qn("w:abstractNum")):
            levels = {}
            for lvl in abstract.iter(qn("w:lvl")):
                ilvl = _int(lvl.get(qn("w:ilvl")), 0)
                levels[ilvl] = Level(
                    start=_int(_child_val(lvl, "w:start"), 1),
                    fmt=_child_val(lvl, "w:numFmt") or "decimal",
                    text=_child_val(lvl, "w:lvlText") or "",
                    suffix=_child_val(lvl, "w:suff") or "tab",
                    legal=lvl.find(qn("w:isLgl")) is not None,
                )
            self._abstract[abstract.get(qn("w:abstractNumId"), "")] = levels
        for num in root.iter(qn("w:num")):
            restarts = {
                min(_int(override.get(qn("w:ilvl")), 0), LEVELS - 1): _int(
                    _child_val(override, "w:startOverride"), 1
                )
                for override in num.iter(qn("w:lvlOverride"))
                if override.find(qn("w:startOverride")) is not None
            }
            abstract_id = _child_val(num, "w:abstractNumId") or ""
            self._lists[num.get(qn("w:numId"), "")] = (abstract_id, restarts)

    def _read_styles(self, root: etree._Element) -> None:
        own: dict[str, tuple[str | None, int | None, str | None]] = {}
        for style in root.iter(qn("w:style")):
            num_pr = style.find(f"{_PPR}/{_NUMPR}")
            num_id = ilvl = None
            if num_pr is not None:
                num_id = _child_val(num_pr, "w:numId")
                ilvl_text = _child_val(num_pr, "w:ilvl")
                ilvl = _int(ilvl_text, 0) if ilvl_text is not None else None
            own[style.get(qn("w:styleId"), "")] = (num_id, ilvl, _child_val(style, "w:basedOn"))
        # Each style's numbering, its own or from the style it is based on (memoized: a chain
        # of styles is walked once however many styles hang off it; a loop ends the walk).
        resolved: dict[str, tuple[str | None, int | None]] = {}
        for style_id in own:
            chain: list[str] = []
            walked: set[str] = set()
            current: str | None = style_id
            while current in own and current not in resolved and current not in walked:
                chain.append(current)
                walked.add(current)
                current = own[current][2]
            num_id, ilvl = resolved.get(current, (None, None)) if current else (None, None)
            for link in reversed(chain):  # from the base style up
                own_id, own_level, _based_on = own[link]
                num_id = own_id if own_id is not None else num_id
                ilvl = own_level if own_level is not None else ilvl
                resolved[link] = (num_id, ilvl)
        self._style_numbers = {k: v for k, v in resolved.items() if v[0] is not None}

    def _levels(self, num_id: str) -> dict[int, Level]:
        """The levels of list ``num_id``: its abstract list's, with the starts it overrides."""
        abstract_id, restarts = self._lists[num_id]
        levels = self._abstract.get(abstract_id, {})
        if not restarts:
            return levels
        return {
            ilvl: _with_start(level, restarts[ilvl]) if ilvl in restarts else level
            for ilvl, level in levels.items()
        }

    def label(self, p: etree._Element) -> str:
        """The label Word shows before ``p`` (``一、``, ``（二）``, ``3.``), with its suffix."""
        ppr = p[0] if len(p) and p[0].tag == _PPR else None
        if ppr is None:
            return ""
        num_id, ilvl = None, None
        style = ppr.find(_PSTYLE)
        if style is not None and style.get(_VAL) in self._style_numbers:
            num_id, ilvl = self._style_numbers[style.get(_VAL)]
        num_pr = ppr.find(_NUMPR)
        if num_pr is not None:
            own_id, own_level = _child_val(num_pr, "w:numId"), _child_val(num_pr, "w:ilvl")
            num_id = own_id if own_id is not None else num_id
            ilvl = _int(own_level, 0) if own_level is not None else ilvl
        if num_id is None or num_id not in self._lists:
            return ""  # no list, or numId 0: numbering taken off
        abstract_id, restarts = self._lists[num_id]
        levels = self._levels(num_id)
        level_no = min(max(ilvl or 0, 0), LEVELS - 1)
        if level_no not in levels:
            return ""
        counters = self._counters.setdefault(abstract_id, [None] * LEVELS)
        if num_id not in self._started:  # a list that restarts levels of its abstract list
            self._started.add(num_id)
            for restarted in restarts:
                counters[restarted] = None
        level = levels[level_no]
        current = counters[level_no]
        counters[level_no] = level.start if current is None else min(current + 1, MAX_NUMBER)
        for deeper in range(level_no + 1, LEVELS):
            counters[deeper] = None
        if level.fmt == "bullet":
            return ""
        text = level.text
        for n in range(1, LEVELS + 1):  # %1 … %9
            mark = f"%{n}"
            if mark in text:
                shown = counters[n - 1]
                at = levels.get(n - 1)
                value = shown if shown is not None else (at.start if at else 1)
                fmt = at.fmt if at else "decimal"
                if level.legal and n - 1 < level_no:
                    fmt = "decimal"
                text = text.replace(mark, _format(value, fmt))
        return text + {"space": " ", "nothing": ""}.get(level.suffix, " ") if text else ""


def numbering_of(document: Any) -> Numbering:
    """The numbering of a python-docx document (none when its parts cannot be read)."""
    try:
        part = document.part
        numbering = part.numbering_part.element
    except Exception:  # no numbering part, or a damaged one: nothing is numbered
        numbering = None
    try:
        styles = document.styles.element
    except Exception:
        styles = None
    return Numbering(numbering, styles)


def _with_start(level: Level, start: int) -> Level:
    return Level(start, level.fmt, level.text, level.suffix, level.legal)


def _child_val(element: etree._Element, tag: str) -> str | None:
    child = element.find(qn(tag))
    return None if child is None else child.get(_VAL)


def _int(value: str | None, default: int) -> int:
    try:
        return max(0, min(int(value), MAX_NUMBER)) if value is not None else default
    except ValueError:
        return default


_CN_DIGITS = "零一二三四五六七八九"
# Financial (legal) digits and units: 壹贰叁, 拾佰仟.
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
    (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def _format(n: int, fmt: str) -> str:
    """``n`` as a list level of format ``fmt`` writes it (decimal for formats not known)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand"):  # fmt: skip
        return _chinese(n)
    if fmt == "chineseLegalSimplified":
        return _chinese(n, _LEGAL_DIGITS, "仟佰拾")
    if fmt == "ideographDigital":
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt == "ideographTraditional" and 1 <= n <= len(_HEAVENLY_STEMS):
        return _HEAVENLY_STEMS[n - 1]
    if fmt == "ideographZodiac" and 1 <= n <= len(_EARTHLY_BRANCHES):
        return _EARTHLY_BRANCHES[n - 1]
    if fmt in ("upperLetter", "lowerLetter") and n >= 1:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman") and 1 <= n < 4000:
        roman = ""
        for value, numeral in _ROMAN:
            count, n = divmod(n, value)
            roman += numeral * count
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)  # ① …
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return chr(0x2474 + n - 1)  # ⑴ …
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return chr(0x2488 + n - 1)  # ⒈ …
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


def _chinese(n: int, digits: str = _CN_DIGITS, units: str = "千百十") -> str:
    """``n`` in Chinese counting: 一 … 十, 十一, 二十, 一百零五 (with ``digits`` and ``units``
    of another set, the legal 壹拾壹).

    >>> [_chinese(n) for n in (1, 10, 11, 20, 21, 100, 105, 1010)]
    ['一', '十', '十一', '二十', '二十一', '一百', '一百零五', '一千零一十']
    >>> _chinese(11, _LEGAL_DIGITS, "仟佰拾")
    '壹拾壹'
    """
    if n == 0:
        return digits[0]
    if n >= 10_000:
        return str(n)
    out = ""
    zero = False
    for value, unit in zip((1000, 100, 10, 1), (*units, ""), strict=True):
        digit, n = divmod(n, value)
        if digit:
            if zero:
                out += digits[0]
                zero = False
            out += digits[digit] + unit
        elif out:
            zero = True
    # 十一, not 一十一, in everyday counting; the legal form keeps its 壹.
    return out[1:] if digits is _CN_DIGITS and out.startswith("一十") else out
