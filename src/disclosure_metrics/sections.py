"""The six sections of a report: where their headings are and the text under each.

Headings are matched on their body (``总体情况``, ``其他需要报告的事项`` …, with the variants in
``templates.yaml``), not on their ordinal, because reports renumber sections; the ordinal
printed is kept so that the checks can say when it is wrong. A heading must start a line or
follow a sentence end, or carry an ordinal — the preamble that lists the section names is not a
heading.

Example::

    >>> from disclosure_metrics.tables import Line
    >>> hits = find_sections([Line("本报告包括总体情况、主动公开政府信息情况等。一、总体情况"),
    ...                       Line("2020年，我镇……"), Line("六、其他需要报告的事项"), Line("无。")])
    >>> [(h.key, h.printed_number) for h in hits]
    [('overview', 1), ('other_matters', 6)]
    >>> lines = [Line("一、总体情况"), Line("共35条。"), Line("六、其他需要报告的事项"),
    ...          Line("无。")]
    >>> section_texts(lines, find_sections(lines))["other_matters"]
    '无。'
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from . import templates as tpl
from .normalize import map_chars, quote_span
from .tables import Line, Pos, _first_chars

_ORDINALS = "一二三四五六七八九十"
_ORDINAL_VALUE = {ch: i + 1 for i, ch in enumerate(_ORDINALS)}
# What may stand before a heading body: an ordinal with its comma, OCR noise, a Markdown mark.
_LEAD_WORDS = "本年度|政府信息公开工作|政府信息公开|政务公开工作|行政机关|因政府信息公开工作"
_LEAD = rf"\s*(?:\d{{4}}年)?(?:{_LEAD_WORDS})?"
# A numbered heading: the template's Chinese ordinal (一、), which may stand anywhere, even glued
# to a table's last values; group ``ord`` is the number.
_PREFIX = rf"(?P<ord>[{_ORDINALS}]{{1,2}})\s*[、.]{_LEAD}"
# After the first ordinal character: the rest of that prefix (see _Finder).
_AFTER_FIRST_ORDINAL = rf"[{_ORDINALS}]?\s*[、.]{_LEAD}"
# A report that numbers its six sections (一) to (六) (text is normalized: （一） reads (一)).
# Tried only when the usual numbering finds fewer than two headings: elsewhere (一) numbers the
# parts of a section (五's "(一)存在的主要问题", 一's "(一)主动公开").
_PAREN_PREFIX = rf"\((?P<ord>[{_ORDINALS}]{{1,2}})\)\s*{_LEAD}"
_AFTER_OPENING_PAREN = rf"[{_ORDINALS}]{{1,2}}\)\s*{_LEAD}"
# Other numberings, only where an unnumbered heading may stand: 1、 or 1. (Arabic, not the 1.5
# of a number) and 第一部分. Not (一): it numbers the parts of a section (五's
# "(一)存在的主要问题"), unless the report numbers no section otherwise (_PAREN_PREFIX).
_LINE_PREFIX = (
    rf"(?:(?P<ord>\d{{1,2}})\s*[、.](?!\d)|第(?P<part>[{_ORDINALS}]{{1,2}})部分\s*[、.:]?){_LEAD}"
)
# An unnumbered heading starts a line or follows a sentence end; Markdown marks may lead it.
_SENTENCE_STOPS = "。;；"
_MARKS = r"#*\s*"

# The rest of a heading after its anchor (``及改进情况``), never its content: short, no digits,
# no 无.
_TAIL = r"(?:[^\d。，,;；:：无]{0,6}?(?:情况|事项|措施|思路|方向))?"


@dataclass(frozen=True)
class SectionHit:
    no: int
    key: str
    heading: str
    printed_number: int | None
    pos: Pos
    end: Pos


def _sources(section: tpl.Section, paren: bool = False) -> list[str]:
    out = []
    prefix = _PAREN_PREFIX if paren else _PREFIX
    for anchor in section.anchors:
        out.append(rf"{prefix}{anchor.pattern}{_TAIL}")
        out.append(
            rf"(?:^|(?<=[{_SENTENCE_STOPS}])){_MARKS}(?:{_LINE_PREFIX})?{anchor.pattern}{_TAIL}"
        )
    return out


def _patterns(section: tpl.Section, paren: bool = False) -> list[re.Pattern[str]]:
    return [re.compile(source) for source in _sources(section, paren)]


@dataclass(frozen=True)
class _Finder:
    """The compiled patterns that find one section's heading.

    ``patterns`` are the heading patterns (numbered or not, per anchor); ``either`` is their
    alternation (group ``p<i>`` is pattern i), which tells at a position which of them matches
    first; ``gate`` is the section's anchors alone, which every heading match contains (a line
    the gate does not match holds no heading of the section), led by a class of their first
    characters.

    ``opening`` and ``at_start`` split the alternation by where a match can start: at an
    ordinal (group ``numbered``) or after a sentence end (group ``unnumbered``, the end
    consumed), and at the start of the line. ``opening`` opens with a character class, so the
    regex engine skips every other position in a C loop instead of trying each heading pattern
    there, and its first match is the leftmost heading: a crawled page printed as one line of
    thousands of characters is scanned once, up to the heading, not once per pattern.
    """

    section: tpl.Section
    patterns: list[re.Pattern[str]]
    either: re.Pattern[str]
    gate: re.Pattern[str]
    opening: re.Pattern[str]
    at_start: re.Pattern[str]

    def first_start(self, text: str, col: int) -> int | None:
        """The leftmost position at or after ``col`` where a heading pattern matches."""
        if col == 0 and self.at_start.match(text):
            return 0
        at = max(col - 1, 0)  # a sentence end may stand just before col
        while (m := self.opening.search(text, at)) is not None:
            if m.group("unnumbered") is not None:
                return m.start() + 1
            if m.start() >= col:
                return m.start()
            at = m.start() + 1  # a numbered heading starting before col
        return None


# A named group of a pattern's source: unnamed where sources are joined into one alternation.
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


@cache
def _compiled(paren: bool = False) -> tuple[_Finder, ...]:
    """One :class:`_Finder` per section, in section order; with ``paren``, numbered headings
    are numbered (一) instead of 一、."""
    out = []
    # The character a numbered heading opens with, and the rest of its prefix after it.
    if paren:
        opener, after_opener = r"\(", _AFTER_OPENING_PAREN
    else:
        opener, after_opener = _ORDINALS, _AFTER_FIRST_ORDINAL
    for section in tpl.sections():
        sources = _sources(section, paren)
        either = "|".join(
            f"(?P<p{i}>{_NAMED_GROUP.sub('(?:', source)})" for i, source in enumerate(sources)
        )
        gate = "|".join(f"(?:{a.pattern})" for a in section.anchors)
        first = _first_chars(gate)
        if first:
            # The class opens the pattern, consumed, and the anchors are tried from the
            # character before it (a lookahead inside a lookbehind of that one character): the
            # same match starts, but a pattern that opens with a class lets the engine skip
            # every other character in its own C loop, where a leading lookahead is tried at
            # every character of the document. Only the start of a match is read.
            chars = "".join(re.escape(c) for c in sorted(first))
            gate = f"[{chars}](?<=(?=(?:{gate}))[\\s\\S])"
        # Each anchor's pattern is concatenated as in _sources, inside its own alternative.
        numbered = "|".join(f"{after_opener}{a.pattern}{_TAIL}" for a in section.anchors)
        line_prefix = _NAMED_GROUP.sub("(?:", _LINE_PREFIX)
        unnumbered = "|".join(
            f"{_MARKS}(?:{line_prefix})?{a.pattern}{_TAIL}" for a in section.anchors
        )
        # The character consumed first tells the kind: an ordinal or a sentence end.
        opening = (
            f"[{opener}{_SENTENCE_STOPS}]"
            f"(?:(?<=[{opener}])(?P<numbered>{numbered})"
            f"|(?<=[{_SENTENCE_STOPS}])(?P<unnumbered>{unnumbered}))"
        )
        out.append(
            _Finder(
                section,
                _patterns(section, paren),
                re.compile(either),
                re.compile(gate),
                re.compile(opening),
                re.compile(unnumbered),
            )
        )
    return tuple(out)


def _printed(match: re.Match[str]) -> int | None:
    groups = match.groupdict()
    ordinal = groups.get("ord") or groups.get("part")
    if not ordinal:
        return None
    if ordinal.isdigit():
        return int(ordinal)
    if len(ordinal) == 2:
        return 10 + _ORDINAL_VALUE.get(ordinal[1], 0)
    return _ORDINAL_VALUE.get(ordinal)


def find_sections(lines: Sequence[Line]) -> list[SectionHit]:
    """The headings found, in section order; each is searched after the previous one found.

    Headings numbered (一) to (六) are looked for when those numbered 一、 give fewer than two.

    >>> from disclosure_metrics.tables import Line
    >>> [h.heading for h in find_sections([Line("(一)总体情况"), Line("(一)主动公开。"),
    ...                                    Line("(二)主动公开政府信息情况")])]
    ['(一)总体情况', '(二)主动公开政府信息情况']
    """
    if not lines:
        return []
    # The running text as one string (a table row as an empty line: a heading is never a table
    # cell), so that a section's gate scans the document once instead of once per line.
    texts = ["" if line.cells is not None else line.text for line in lines]
    joined = "\n".join(texts)
    line_starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    hits = _find(lines, joined, line_starts, _compiled())
    if len(hits) < 2:
        paren = _find(lines, joined, line_starts, _compiled(paren=True))
        if len(paren) > len(hits):
            return paren
    return hits


def _find(
    lines: Sequence[Line], joined: str, line_starts: list[int], finders: tuple[_Finder, ...]
) -> list[SectionHit]:
    hits: list[SectionHit] = []
    start: Pos = (0, 0)
    for finder in finders:
        section = finder.section
        # The earliest (line, column) where any pattern matches, the first pattern on a tie:
        # the alternation's match there, its winning branch re-run alone for the groups. Only
        # the lines the gate matches in are looked at: every heading holds its anchor.
        best: tuple[Pos, re.Match[str]] | None = None
        scan_from = line_starts[start[0]]
        while (anchor := finder.gate.search(joined, scan_from)) is not None:
            li = bisect.bisect_right(line_starts, anchor.start()) - 1
            line = lines[li]
            if line.cells is None:
                at = finder.first_start(line.text, start[1] if li == start[0] else 0)
                if at is not None:
                    hit = finder.either.match(line.text, at)
                    assert hit is not None
                    m = finder.patterns[int(hit.lastgroup[1:])].match(line.text, at)  # type: ignore[index]
                    assert m is not None
                    best = ((li, m.start()), m)
                    break
            if li + 1 == len(lines):
                break
            scan_from = line_starts[li + 1]
        if best is None:
            continue
        (li, col), m = best
        heading = m.group(0)
        hits.append(
            SectionHit(
                section.no, section.key, heading.strip("# "), _printed(m), (li, col), (li, m.end())
            )
        )
        start = (li, m.end())
    return hits


#: A stand-in heading at the start of a report, keyed ``document``: what it heads is the
#: running text up to the first heading found, or all of it (the narrative reads it when a
#: report prints no section 一 heading it knows; tests/test_parse.py pins it).
DOCUMENT_START = SectionHit(0, "document", "", None, (0, 0), (0, 0))


def section_texts(
    lines: Sequence[Line], hits: Sequence[SectionHit], verbatim: bool = False
) -> dict[str, str]:
    """The running text under each heading found, up to the next heading (tables left out).

    Normalized by default (what the matchers read); ``verbatim=True`` quotes the text as
    printed, for evidence a person can find in the report.
    """
    if verbatim:
        return verbatim_section_texts(lines, hits)[0]
    return {
        key: "\n".join(line.text[a:b] for line, a, b in pieces)
        for key, pieces in _section_pieces(lines, hits)
    }


def verbatim_section_texts(
    lines: Sequence[Line], hits: Sequence[SectionHit]
) -> tuple[dict[str, str], dict[str, str]]:
    """``section_texts(lines, hits, verbatim=True)``, and :func:`normalize.map_chars` of each
    text, cut from the lines' own mapped text (the narrative reads it instead of mapping the
    text a second time)."""
    out: dict[str, str] = {}
    mapped_out: dict[str, str] = {}
    for key, pieces in _section_pieces(lines, hits):
        parts: list[str] = []
        mapped_parts: list[str] = []
        for line, a, b in pieces:
            piece, mapped = _verbatim(line, a, b)
            if piece:
                parts.append(piece)
                mapped_parts.append(mapped)
        out[key] = "\n".join(parts)
        mapped_out[key] = "\n".join(mapped_parts)
    return out, mapped_out


def _section_pieces(
    lines: Sequence[Line], hits: Sequence[SectionHit]
) -> Iterator[tuple[str, list[tuple[Line, int, int]]]]:
    """Each section's key and the non-empty pieces (line, start, end) of its running text."""
    for k, hit in enumerate(hits):
        stop = hits[k + 1].pos if k + 1 < len(hits) else (len(lines), 0)
        pieces: list[tuple[Line, int, int]] = []
        for li in range(hit.end[0], min(stop[0] + 1, len(lines))):
            line = lines[li]
            if line.cells is not None:
                continue
            a = hit.end[1] if li == hit.end[0] else 0
            b = stop[1] if li == stop[0] else len(line.text)
            if b > a:
                pieces.append((line, a, b))
        yield hit.key, pieces


def _verbatim(line: Line, a: int, b: int) -> tuple[str, str]:
    """The text of ``line.text[a:b]`` as printed, and its characters mapped."""
    raw = line.raw
    if raw is None:
        piece = line.text[a:b]
        return piece, map_chars(piece)
    mapped = line.mapped
    start, end = quote_span(raw, line.text, a, b, mapped)
    piece = raw[start:end]
    # Characters map one to one unless one expands (㈠ → (一)): then the piece is mapped alone.
    return piece, mapped[start:end] if len(mapped) == len(raw) else map_chars(piece)
