"""Text normalization before label matching (spec §7: widths, quotes, spacing, traditional script).

Example::

    >>> norm("（三） 不予公开　3．危及「三安全一稳定」")
    '(三)不予公开3.危及"三安全一稳定"'
    >>> norm("自 然 人  0 0  12")
    '自然人0 0 12'
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from itertools import islice

_QUOTES = str.maketrans({c: '"' for c in "“”„‟「」『』〝〞＂'‘’"})
# CJK Radicals Supplement characters that some PDF fonts put in a text layer for the ideograph
# they look like (政府⻔户网站, ⻓期): NFKC maps the Kangxi radicals (⽹ → 网) but not these.
# Each to its equivalent unified ideograph (Unicode's EquivalentUnifiedIdeograph.txt).
_RADICALS = str.maketrans(
    {
        "⺟": "母", "⺠": "民", "⺮": "竹", "⻄": "西", "⻅": "见", "⻆": "角", "⻉": "贝",
        "⻊": "足", "⻋": "车", "⻓": "长", "⻔": "门", "⻗": "雨", "⻘": "青", "⻚": "页",
        "⻛": "风", "⻜": "飞", "⻝": "食", "⻢": "马", "⻥": "鱼", "⻦": "鸟", "⻧": "卤",
        "⻨": "麦", "⻩": "黄", "⻬": "齐", "⻮": "齿", "⻰": "龙", "⻳": "龟",
    }
)  # fmt: skip
# A space survives only between two characters of a number (digits, sign, decimal point, NA
# slash): between CJK characters it is letter-spacing or a line wrap and carries no meaning.
_NUMERIC_CHARS = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.+-/%")
_SPACE_RUN = re.compile(r"\s+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
#: A Chinese character (the CJK Unified Ideographs block), for the readers' tests of text.
CJK_CHAR = _CJK
_NON_CJK = re.compile(r"[^\u4e00-\u9fff]+")


#: Characters that print nothing (zero-width space and joiners, word joiner, a BOM inside the
#: text, soft hyphen): a web page, a copy from one, or a Word file may hold them inside a
#: label or a number. Normalization drops them.
INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


def _keep_space(left: str, right: str) -> bool:
    return left in _NUMERIC_CHARS and right in _NUMERIC_CHARS


class _CharMap(dict[int, str]):
    """Each character's NFKC form with quotes unified, computed once per character.

    Character by character (not the whole string) so that every output character keeps the
    position of the input character it came from; composition across characters, which
    Chinese report text never needs, is the only difference.
    """

    def __missing__(self, code: int) -> str:
        if chr(code) in INVISIBLE_CHARS:
            self[code] = ""
            return ""
        piece = unicodedata.normalize("NFKC", chr(code)).translate(_QUOTES).translate(_RADICALS)
        self[code] = piece
        return piece


_CHARS = _CharMap()


@cache
def _changing() -> re.Pattern[str]:
    """The characters :data:`_CHARS` does not map to themselves, as one class: every BMP
    character not in NFKC form alone, the quotes, and everything beyond the BMP (mapped
    through _CHARS as it is, not enumerated). Built once (about 10 ms), so that a line is
    rewritten only where it changes instead of looked up character by character."""
    codes = [
        c
        for c in range(0x10000)
        if not unicodedata.is_normalized("NFKC", chr(c))
        or chr(c).translate(_QUOTES) != chr(c)
        or c in _RADICALS
        or chr(c) in INVISIBLE_CHARS
    ]
    ranges = []
    first = last = codes[0]
    for c in codes[1:]:
        if c != last + 1:
            ranges.append((first, last))
            first = c
        last = c
    ranges.append((first, last))
    members = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    return re.compile(f"[{members}\U00010000-\U0010ffff]")


def _map(text: str) -> str:
    """``text.translate(_CHARS)``, faster: ASCII is its own NFKC form (of it only the
    apostrophe is a quote to unify), and other text changes only at :func:`_changing`.

    A report prints few distinct changing characters (，。（）：、 …) many times each: one
    ``str.replace`` per distinct character costs less than a Python call per occurrence, and
    the scan resumes where the replaced character first stood (nothing before it changes). No
    replacement feeds another, since every piece of _CHARS is already in its mapped form.
    """
    if text.isascii():
        return text.replace("'", '"')
    changing = _changing()
    replaced: set[str] = set()
    at = 0
    while (m := changing.search(text, at)) is not None:
        char = m.group()
        if char in replaced:  # a character mapped to itself (beyond the BMP): step over it
            at = m.end()
            continue
        replaced.add(char)
        text = text.replace(char, _CHARS[ord(char)])
        at = m.start()
    return text


def map_chars(text: str) -> str:
    """Each character in its NFKC form with quotes unified: :func:`norm` without its rule for
    whitespace (a character may expand, ㈠ → (一); only one that prints nothing is removed).

    >>> map_chars("（一） ３"), map_chars("本年新\u200b收")
    ('(一) 3', '本年新收')
    """
    return _map(text)


def _normalize(text: str, with_offsets: bool) -> tuple[str, list[int] | None]:
    mapped = _map(text)
    base: list[int] | None = None
    if len(mapped) != len(text):  # some character expanded (㈠ → (一)): map back per piece
        base = [i for i, ch in enumerate(text) for _ in range(len(_CHARS[ord(ch)]))]
    if not _SPACE_RUN.search(mapped):  # nothing to remove: every character stays in place
        if not with_offsets:
            return mapped, None
        return mapped, base if base is not None else list(range(len(mapped)))
    out: list[str] = []
    offsets: list[int] | None = [] if with_offsets else None
    pos = 0
    for m in _SPACE_RUN.finditer(mapped):
        start, end = m.span()
        out.append(mapped[pos:start])
        if offsets is not None:
            offsets.extend(range(pos, start))
        if (
            start > 0
            and end < len(mapped)
            and mapped[start - 1] in _NUMERIC_CHARS
            and mapped[end] in _NUMERIC_CHARS
        ):  # _keep_space, inlined: one call per whitespace run saved
            out.append(" ")
            if offsets is not None:
                offsets.append(start)
        pos = end
    out.append(mapped[pos:])
    if offsets is not None:
        offsets.extend(range(pos, len(mapped)))
        if base is not None:
            offsets = [base[o] for o in offsets]
    return "".join(out), offsets


def _collapse_spaces(mapped: str) -> str:
    """Whitespace runs removed, but one space kept between two number characters (as
    :func:`_keep_space`). ``str.split`` finds the runs (the same characters as ``\\s``), so
    that only the junctions between pieces, not the characters, cost a Python step."""
    pieces = mapped.split()
    if len(pieces) < 2:
        return pieces[0] if pieces else ""
    out = [pieces[0]]
    previous = pieces[0]
    for piece in pieces[1:]:
        if previous[-1] in _NUMERIC_CHARS and piece[0] in _NUMERIC_CHARS:
            out.append(" ")
        out.append(piece)
        previous = piece
    return "".join(out)


def norm(text: str) -> str:
    """NFKC, unified quotes, and whitespace removed except between number characters."""
    if text.isalnum() and text.isascii():
        return text  # a table cell of digits (most cells): nothing to map, no space
    # Without offsets the per-piece bookkeeping of _normalize is not needed.
    return _collapse_spaces(_map(text))


def norm_all(texts: list[str]) -> list[str]:
    """``[norm(t) for t in texts]`` in one pass: the texts joined by NUL, which no report
    prints and normalization keeps, and which (being no number character) drops the
    whitespace beside it as the ends of a text do. A table row's cells cost one call.

    >>> norm_all(["规 章", " 1 2 ", "", "（一）"])
    ['规章', '1 2', '', '(一)']
    """
    joined = "\0".join(texts)
    if joined.count("\0") != len(texts) - 1:  # a text holds a NUL after all (or no texts)
        return [norm(t) for t in texts]
    return norm(joined).split("\0")


def norm_all_mapped(texts: list[str]) -> tuple[list[str], list[str]]:
    """:func:`norm_all`, and :func:`map_chars` of each text from the same pass (the verbatim
    quotes of a text and the narrative read it; mapping it again would cost a second pass).

    >>> norm_all_mapped(["规 章", "（一）"])
    (['规章', '(一)'], ['规 章', '(一)'])
    """
    joined = "\0".join(texts)
    if joined.count("\0") != len(texts) - 1:  # a text holds a NUL after all (or no texts)
        return [norm(t) for t in texts], [_map(t) for t in texts]
    # NUL maps to itself and nothing maps to one: the mapped pieces are the texts' own. norm()
    # of the joined text is _collapse_spaces of its mapping (its shortcut gives the same).
    mapped = _map(joined)
    return _collapse_spaces(mapped).split("\0"), mapped.split("\0")


@lru_cache(maxsize=256)  # one report's lines: a glued page is one huge line
def norm_with_offsets(text: str) -> tuple[str, list[int]]:
    """:func:`norm` and, for each character of the result, its index in ``text``.

    Lets a match found in normalized text be quoted verbatim from the original.

    >>> normalized, offsets = norm_with_offsets("（一） 共 35 条")
    >>> normalized, "（一） 共 35 条"[offsets[normalized.index("3")]:]
    ('(一)共35条', '35 条')
    """
    normalized, offsets = _normalize(text, True)
    return normalized, offsets  # type: ignore[return-value]


def quote(raw: str, normalized: str, start: int, end: int, mapped: str | None = None) -> str:
    """The text of ``raw`` behind ``normalized[start:end]``, as printed (``end > start``;
    ``normalized`` is ``norm(raw)``, which the caller has at hand, and so may be ``mapped``,
    :func:`map_chars` of ``raw``).

    The whole text needs no offsets when its first and last characters survive
    normalization: then the quote is ``raw`` itself. Otherwise the two ends are found with
    :func:`raw_index`, not with the offsets of every character.

    >>> quote("（一） 共 35 条", "(一)共35条", 0, 7), quote("（一） 共 35 条", "(一)共35条", 4, 6)
    ('（一） 共 35 条', '35')
    """
    first_at, end_at = quote_span(raw, normalized, start, end, mapped)
    return raw[first_at:end_at]


def quote_span(
    raw: str, normalized: str, start: int, end: int, mapped: str | None = None
) -> tuple[int, int]:
    """Where :func:`quote` cuts ``raw``: its start and end index."""
    if start == 0 and end == len(normalized) and raw:
        first, last = _CHARS[ord(raw[0])], _CHARS[ord(raw[-1])]
        if first and last and not first[0].isspace() and not last[-1].isspace():
            return 0, len(raw)  # offsets[0] == 0 and offsets[-1] == len(raw) - 1
    if mapped is None:
        mapped = _map(raw)
    first_at = raw_index(raw, normalized, start, mapped)
    return first_at, raw_index(raw, normalized, end - 1, mapped) + 1


class Offsets:
    """The offsets of :func:`norm_with_offsets`, worked out on first use.

    A reader that quotes only now and then (the narrative quotes a section only where it
    finds a fact) need not pay for them: building them costs a Python step per whitespace
    run, and a crawled page has thousands. Given the normalized and mapped text, an offset is
    read with :func:`raw_index` (two scans in C), and the whole list is built only where that
    cannot answer (a whitespace character, or a character that expands).
    """

    def __init__(self, raw: str, normalized: str | None = None, mapped: str | None = None) -> None:
        self._raw = raw
        self._offsets: list[int] | None = None
        # raw_index needs both, and answers alone only when no character expanded.
        self._direct = normalized is not None and mapped is not None and len(mapped) == len(raw)
        self._normalized = normalized or ""
        self._mapped = mapped or ""
        self._reads = 0

    def __getitem__(self, index: int) -> int:
        if self._offsets is None:
            # raw_index scans the text up to the index: past a few reads the whole list is
            # cheaper (a section quoted thousands of times would cost its length each time).
            self._reads += 1
            if (
                self._direct
                and self._reads <= MAX_DIRECT_READS
                and index >= 0
                and not self._normalized[index].isspace()
            ):
                return raw_index(self._raw, self._normalized, index, self._mapped)
            self._offsets = norm_with_offsets(self._raw)[1]
        return self._offsets[index]


#: Offsets read one by one (each a scan of the text before it) before the whole list is built.
MAX_DIRECT_READS = 64


def norm_lazily(raw: str, mapped: str | None = None) -> tuple[str, Offsets]:
    """:func:`norm_with_offsets`, the offsets built only when one is read (``mapped``, when
    given, is :func:`map_chars` of ``raw``, worked out before).

    >>> normalized, offsets = norm_lazily("（一） 共 35 条")
    >>> normalized, offsets[normalized.index("3")]
    ('(一)共35条', 6)
    """
    # norm(raw) is _collapse_spaces of the mapped text (its shortcut for a cell of ASCII
    # letters and digits gives the same); the mapped text is kept for the offsets.
    if mapped is None:
        mapped = _map(raw)
    normalized = _collapse_spaces(mapped)
    return normalized, Offsets(raw, normalized, mapped)


def raw_index(raw: str, normalized: str, index: int, mapped: str | None = None) -> int:
    """``norm_with_offsets(raw)[1][index]`` for ``normalized == norm(raw)`` (and ``mapped ==
    map_chars(raw)`` when given), without the offsets of every character when the character
    there is not whitespace and no character of ``raw`` expands: normalization then only maps
    characters in place and drops whitespace, so the n-th occurrence of that character in the
    normalized text is its n-th occurrence in the mapped one.

    >>> raw_index("3 二、 其他", "3二、其他", 1), raw_index("ab", "ab", 1)
    (2, 1)
    """
    char = normalized[index]
    if mapped is None:
        mapped = _map(raw)
    if char.isspace() or len(mapped) != len(raw):
        return norm_with_offsets(raw)[1][index]
    before = normalized.count(char, 0, index)
    # Its occurrence number ``before`` in the mapped text stands at ``index`` or later (only
    # whitespace was dropped before it), so at most ``before`` occurrences precede ``index``:
    # the rest are found from there, over the few characters dropped ahead of it.
    ahead = before - mapped.count(char, 0, index) + 1
    if ahead <= 8:
        at = index - 1
        for _ in range(ahead):
            at = mapped.find(char, at + 1)
        return at
    # Many (a page of spaced-out characters): the pieces and separators ahead of it, in C.
    pieces = mapped.split(char, before + 1)
    return sum(map(len, pieces[: before + 1])) + before


@cache
def _converter(config: str):  # type: ignore[no-untyped-def]
    import opencc  # imported lazily: loading the dictionaries costs time on every start

    return opencc.OpenCC(config)


def looks_traditional(text: str, sample: int = 4000) -> bool:
    """True when the text is written in traditional characters (a 繁體 mirror page).

    >>> looks_traditional("規範性檔案與入口網站的採購資訊"), looks_traditional("规范性文件")
    (True, False)
    """
    head = text[: sample * 3]
    if len(list(islice(_traditional_only().finditer(head), 3))) < 3:
        return False  # the chunk below is part of head: it cannot hold more of them
    chunk = _NON_CJK.sub("", head)[:sample]
    if not chunk or len(list(islice(_traditional_only().finditer(chunk), 3))) < 3:
        return False  # the cheap test: too few characters that only traditional script has
    simplified = _converter("t2s").convert(chunk)
    changed = sum(1 for a, b in zip(chunk, simplified, strict=False) if a != b)
    return changed >= 3 and changed / len(chunk) > 0.02


@cache
def _traditional_only() -> re.Pattern[str]:
    """The CJK characters that simplified conversion changes (計, 資, 檔 …), as one class."""
    chars = "".join(chr(c) for c in range(0x4E00, 0xA000))
    simplified = _converter("t2s").convert(chars)
    changed = "".join(a for a, b in zip(chars, simplified, strict=False) if a != b)
    return re.compile(f"[{re.escape(changed)}]")


def to_simplified(text: str, config: str = "tw2sp") -> str:
    """Traditional to simplified: phrase-level Taiwan-to-mainland conversion by default
    (檔案 → 文件, 入口網站 → 门户网站), character-level with ``config="t2s"``. The pinyin
    that some mirror sites' conversion prints after a character (``規(guī)章``, ``鄉(xiāng)``)
    is dropped first: it splits labels and names.

    >>> to_simplified("規範性檔案"), to_simplified("規範性文件", "t2s")
    ('规范性文件', '规范性文件')
    >>> to_simplified("行政事業(yè)性收費(fèi) 0"), to_simplified("附件(二)")
    ('行政事业性收费 0', '附件(二)')
    """
    if "(" in text or "（" in text:
        text = _PINYIN_AFTER_CHARACTER.sub("", text)
    return _converter(config).convert(text)


# A syllable in brackets with a tone mark, right after a Chinese character: a pronunciation,
# not a report's words (a report's brackets hold Chinese, numbers or Latin words without tones).
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN_AFTER_CHARACTER = re.compile(
    rf"(?<=[\u3400-\u9fff])[(（][a-zü]*[{_TONED}][a-zü{_TONED}]*[)）]"
)


#: Words every report prints in mainland wording; the right conversion keeps the most of them.
_MAINLAND_WORDS = ("文件", "查询", "网站", "信息", "公开")


def simplifying_config(text: str, sample: int = 12000) -> str:
    """``tw2sp`` for a page in Taiwan wording (規範性檔案, 入口網站), ``t2s`` for a mainland page
    merely shown in traditional characters (規範性文件), which phrase-level conversion would
    turn into 规范性文档.

    >>> simplifying_config("規範性檔案、入口網站、資訊"), simplifying_config("規範性文件、查詢")
    ('tw2sp', 't2s')
    """
    chunk = text[:sample]

    def kept(config: str) -> int:
        converted = _converter(config).convert(chunk)
        return sum(converted.count(word) for word in _MAINLAND_WORDS)

    return "t2s" if kept("t2s") > kept("tw2sp") else "tw2sp"


def join_wrapped(parts: list[str]) -> str:
    """Join the lines of a wrapped cell: no space between two CJK characters, else one space.

    >>> join_wrapped(["本年新", "制作数量"]), join_wrapped(["Total", "count"])
    ('本年新制作数量', 'Total count')
    """
    out = ""
    for part in parts:
        if not part:
            continue
        if out and not (_is_wide(out[-1]) and _is_wide(part[0])):
            out += " "
        out += part
    return out


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")
