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
from functools import cache

_QUOTES = str.maketrans({c: '"' for c in "“”„‟「」『』〝〞＂'‘’"})
# A space survives only between two characters of a number (digits, sign, decimal point, NA
# slash): between CJK characters it is letter-spacing or a line wrap and carries no meaning.
_NUMERIC_CHAR = re.compile(r"[0-9A-Za-z.+\-/%]")
_SPACE_RUN = re.compile(r"\s+")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _keep_space(left: str, right: str) -> bool:
    return bool(_NUMERIC_CHAR.match(left)) and bool(_NUMERIC_CHAR.match(right))


def norm(text: str) -> str:
    """NFKC, unified quotes, and whitespace removed except between number characters."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = text.replace("\u00a0", " ")
    out: list[str] = []
    pos = 0
    for m in _SPACE_RUN.finditer(text):
        out.append(text[pos : m.start()])
        left = text[m.start() - 1] if m.start() > 0 else ""
        right = text[m.end()] if m.end() < len(text) else ""
        if left and right and _keep_space(left, right):
            out.append(" ")
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def norm_with_offsets(text: str) -> tuple[str, list[int]]:
    """:func:`norm` and, for each character of the result, its index in ``text``.

    Lets a match found in normalized text be quoted verbatim from the original.

    >>> normalized, offsets = norm_with_offsets("（一） 共 35 条")
    >>> normalized, "（一） 共 35 条"[offsets[normalized.index("3")]:]
    ('(一)共35条', '35 条')
    """
    out: list[str] = []
    offsets: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            j = i
            while j < n and text[j].isspace():
                j += 1
            left = out[-1][-1] if out else ""
            right = unicodedata.normalize("NFKC", text[j]).translate(_QUOTES)[:1] if j < n else ""
            if left and right and _keep_space(left, right):
                out.append(" ")
                offsets.append(i)
            i = j
            continue
        piece = unicodedata.normalize("NFKC", ch).translate(_QUOTES)
        for c in piece:
            if c.isspace():
                continue
            out.append(c)
            offsets.append(i)
        i += 1
    return "".join(out), offsets


@cache
def _converter(config: str):  # type: ignore[no-untyped-def]
    import opencc  # imported lazily: loading the dictionaries costs time on every start

    return opencc.OpenCC(config)


def looks_traditional(text: str, sample: int = 4000) -> bool:
    """True when the text is written in traditional characters (a 繁體 mirror page).

    >>> looks_traditional("規範性檔案與入口網站的採購資訊"), looks_traditional("规范性文件")
    (True, False)
    """
    chunk = "".join(_CJK.findall(text[: sample * 3]))[:sample]
    if not chunk:
        return False
    simplified = _converter("t2s").convert(chunk)
    changed = sum(1 for a, b in zip(chunk, simplified, strict=False) if a != b)
    return changed >= 3 and changed / len(chunk) > 0.02


def to_simplified(text: str) -> str:
    """Phrase-level Taiwan-to-mainland conversion (檔案 → 文件, 入口網站 → 门户网站).

    >>> to_simplified("規範性檔案")
    '规范性文件'
    """
    return _converter("tw2sp").convert(text)
