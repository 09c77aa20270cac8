"""Reading cell values: numbers, blanks, NA marks, units and annotations, and glued digit runs.

A cell value is what the report prints: ``int`` or ``float`` (money), ``None`` for a blank cell,
``"NA"`` for ``/``, ``-``, ``—``, ``不适用``, ``无``, or an :class:`Ambiguous` value when a
crawler glued
the digits of neighbouring cells and the template's identities do not decide the split.

Example::

    >>> parse_cell("22 （其中修订 16 件）"), parse_cell("251000元"), parse_cell("/")
    (22, 251000, 'NA')
    >>> [list(v) for v in split_glued(["640020470"], ["int"] * 7,
    ...                                 lambda v: v[6] == sum(v[:6]))]
    [[64, 0, 0, 2, 0, 4, 70]]
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

Value = int | float | str | None  # str is only ever "NA"

NA_MARKS = frozenset({"/", "-", "—", "--", "——", "－", "不适用", "无", "N/A", "NA"})
_ANNOTATION = re.compile(r"\([^()]*[\u4e00-\u9fff][^()]*\)")
_UNIT = re.compile(r"(万元|亿元|元|件|个|项|条|次|家)$")
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
# 本年增/减 written with words before its digits (减4, 减少1, 增加3, 新增2): the signs they mean.
_SIGN_WORD = re.compile(r"(?:(增加|新增|增)|(减少|减))(?=\s*\d)")


def signs_for_words(text: str) -> str:
    """``text`` with each sign word before digits written as its sign.

    >>> signs_for_words("6 减4 2"), signs_for_words("增加 3"), signs_for_words("减免")
    ('6 -4 2', '+ 3', '减免')
    """
    if "增" not in text and "减" not in text:
        return text
    return _SIGN_WORD.sub(lambda m: "+" if m.group(1) else "-", text)


# In a value run: a signed or unsigned digit string (possibly with a decimal part), or an NA mark.
# A hyphen alone (or two) is an NA mark, as in a cell (NA_MARKS); one before a digit is its
# sign. It may follow a label's last character: normalization drops the space between them
# (行政强制 - 4 5 → 行政强制- 4 5).
TOKEN = re.compile(
    r"[+-]?\d[\d,]*(?:\.\d+)?(?:万元|亿元|元)?|不适用|(?<![\w/])[/—－]+(?![\w/])"
    r"|(?<![0-9A-Za-z_/-])-{1,2}(?![\w/-])"
)


@cache
def decimal_digits() -> str:
    """A class body holding every character ``\\d`` matches (the BMP's decimal digits as
    ranges) and every character beyond the BMP as well: a class that must hold every digit and
    may hold more (a scan's first test) costs less per character with it than with ``\\d``,
    which looks each character's category up."""
    codes = [c for c in range(0x10000) if chr(c).isdecimal()]  # what \d matches (Nd)
    ranges: list[tuple[int, int]] = []
    for c in codes:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1] = (ranges[-1][0], c)
        else:
            ranges.append((c, c))
    body = "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return body + "\U00010000-\U0010ffff"


#: :data:`TOKEN` written to open with the class of its first characters, consumed, what follows
#: chosen by a lookbehind on that character, in TOKEN's order: the same matches, but a pattern
#: that opens with a class is scanned for in the engine's C loop instead of being tried at every
#: character (a long line of a crawled table). The class holds every character beyond the BMP
#: too (see decimal_digits): no lookbehind holds after one that is no digit, so no match starts
#: there. tests/test_tables.py checks the two agree.
TOKEN_LED = (
    rf"[-+{decimal_digits()}不/—－](?:"
    r"(?<=[+-])\d[\d,]*(?:\.\d+)?(?:万元|亿元|元)?"
    r"|(?<=\d)[\d,]*(?:\.\d+)?(?:万元|亿元|元)?"
    r"|(?<=不)适用"
    r"|(?<=[/—－])(?<![\w/][/—－])[/—－]*(?![\w/])"
    r"|(?<=-)(?<![0-9A-Za-z_/-]-)-?(?![\w/-])"
    r")"
)


@dataclass(frozen=True)
class Ambiguous:
    """A cell whose digits were glued to its neighbours: every value it takes in some split."""

    candidates: tuple[Value, ...]

    def to_json(self) -> dict[str, object]:
        return {"ambiguous": True, "candidates": list(self.candidates)}


class UnreadableCell(ValueError):
    """A cell whose text is neither a number, a blank nor an NA mark."""


def _number(text: str, col_type: str) -> int | float:
    if text.startswith("+"):
        text = text[1:]
    if "." in text:
        if col_type != "decimal":
            raise UnreadableCell(text)
        return float(text)
    value = int(text)
    if value < 0 and col_type == "int":
        raise UnreadableCell(text)
    return value


def parse_cell(text: str) -> Value:
    """One printed cell to a value, as printed (sign and decimals kept).

    >>> parse_cell(""), parse_cell(" 1,234 "), parse_cell("+2")
    (None, 1234, 2)
    >>> parse_cell("-1"), parse_cell("减4"), parse_cell("增加2")
    (-1, -4, 2)
    """
    if text.isdigit() and text.isascii():  # the common cell: digits only, nothing to clean
        return int(text)
    if not text:  # the next common one: an empty cell
        return None
    t = _ANNOTATION.sub("", text.replace("（", "(").replace("）", ")")).strip()
    t = t.replace(" ", "").replace("\u3000", "")
    if not t:
        return None
    if t in NA_MARKS:
        return "NA"
    t = signs_for_words(_UNIT.sub("", t))
    if _THOUSANDS.match(t):
        t = t.replace(",", "")
    if not _NUMBER.match(t):
        raise UnreadableCell(text)
    # As printed, even where the template forbids it (a negative count, a decimal count):
    # the domain check (DOM-1) reports those; the parser does not hide them.
    return float(t) if "." in t else int(t)


def value_tokens(run: str) -> list[str]:
    """Split a run of printed values (text, not cells) into tokens.

    >>> value_tokens("2648-18538"), value_tokens("0 0 00 0"), value_tokens("13575394432.52元")
    (['2648', '-18538'], ['0', '0', '00', '0'], ['13575394432.52元'])
    """
    return TOKEN.findall(run)


def _valid_piece(piece: str, col_type: str) -> bool:
    body = piece[1:] if piece[0] in "+-" else piece
    if not body or not body[0].isdigit() or not body[-1].isdigit():
        return False
    if piece[0] == "-" and col_type != "signed_int":
        return False
    if "." in body:
        if col_type != "decimal" or body.count(".") > 1:
            return False
        int_part = body.split(".")[0]
        return int_part == "0" or not int_part.startswith("0")
    return body == "0" or not body.startswith("0")


#: The longest printed value a cut may produce (a count or an amount in 元 with decimals): the
#: search never tries longer pieces, so a run of thousands of glued digits costs no more than
#: a short one.
MAX_PIECE = 16
# A unit printed after a glued amount, dropped before cutting.
_MONEY_UNIT = re.compile(r"(万元|亿元|元)$")


class TooManySplits(RuntimeError):
    """The glued run has more splits than are worth enumerating; its cells stay undecided."""


@lru_cache(maxsize=1024)  # a few (length, width) pairs recur: a table's glued rows share a width
def _walk_bound(chars: int, n_cols: int) -> int:
    """An upper bound of the steps :func:`split_glued`'s search takes over ``chars`` characters
    without pruning: the nodes with ``d`` values cut (their ends increasing, each leaving a
    character for every later column), each trying at most ``min(MAX_PIECE, chars)`` ends.

    >>> _walk_bound(11, 7) < 200_000 < _walk_bound(40, 7)
    True
    """
    if chars < n_cols:
        return 1
    inner = sum(math.comb(chars - n_cols + d, d) for d in range(n_cols))
    return inner * (1 + min(MAX_PIECE, chars)) + math.comb(chars, n_cols)


def _piece(digits: str) -> int | None:
    """The number a piece of a digit run prints, or None (a leading zero, too long)."""
    if len(digits) > MAX_PIECE or (digits[0] == "0" and len(digits) > 1):
        return None
    return int(digits)


def _cuts(digits: str, n: int) -> list[tuple[Value, ...]]:
    """Every cut of a run of digits into ``n`` numbers, in :func:`split_glued`'s order (by
    the first piece's length, then the second's …: the cut positions in lexicographic order).

    >>> _cuts("1023", 3)  # 1|02|3 has a leading zero
    [(1, 0, 23), (10, 2, 3)]
    """
    out: list[tuple[Value, ...]] = []
    for cuts in itertools.combinations(range(1, len(digits)), n - 1):
        bounds = (0, *cuts, len(digits))
        values = [_piece(digits[a:b]) for a, b in itertools.pairwise(bounds)]
        if None not in values:
            out.append(tuple(values))
    return out


def _cuts_with_total(digits: str, n: int) -> list[tuple[Value, ...]]:
    """:func:`_cuts` whose last number is the sum of the others: the last piece is chosen
    first, and the others are cut only while their sum stays within it.

    >>> _cuts_with_total("640020470", 7), _cuts_with_total("270020130", 7)
    ([(64, 0, 0, 2, 0, 4, 70)], [(2, 7, 0, 0, 20, 1, 30), (27, 0, 0, 2, 0, 1, 30)])
    """
    out: list[tuple[Value, ...]] = []

    def parts(head: str, start: int, left: int, rest: int, acc: list[int], total: int) -> None:
        """Cut ``head[start:]`` into ``left`` numbers summing to ``rest``, after ``acc``."""
        printed = str(rest)
        if left == 1:
            # The piece is valid and equal to rest exactly when it prints rest as written.
            if head[start:] == printed:
                out.append((*acc, rest, total))
            return
        # No part exceeds rest, nor is printed longer (no leading zeros): a tail too long for
        # ``left`` such parts has no cut, and is dropped before its cuts are tried (the
        # zeros of a glued row would try them all).
        if len(head) - start > left * len(printed):
            return
        # Nor do parts sum to more than the number they print together (a|b is a·10^len(b)
        # + b): a tail of zeros, or one printing less than rest, has no cut either.
        if int(head[start:]) < rest:
            return
        # Each later part needs a digit of its own. A piece is read as _piece reads it: a
        # leading zero ends the cuts (as does a piece longer than MAX_PIECE, being larger
        # than any rest), and a longer piece is a larger number.
        zero = head[start] == "0"
        for end in range(start + 1, len(head) - left + 2):
            if zero and end - start > 1:
                break
            value = int(head[start:end])
            if value > rest:
                break
            if left == 2:
                # The last part is what is left: compared as printed, not cut again.
                if head[end:] == str(rest - value):
                    out.append((*acc, value, rest - value, total))
                continue
            acc.append(value)
            parts(head, end, left - 1, rest - value, acc, total)
            acc.pop()

    for size in range(1, min(MAX_PIECE, len(digits) - n + 1) + 1):
        total = _piece(digits[-size:])
        if total is not None:
            parts(digits[:-size], 0, n - 1, total, [], total)
    # The search's order: by the length of each piece in turn.
    out.sort(key=lambda vec: tuple(len(str(v)) for v in vec))
    return out


def _cuts_in_groups(digits: str, n: int, width: int) -> list[tuple[Value, ...]]:
    """:func:`_cuts` into ``n`` numbers whose every group of ``width`` (the first ``width``,
    the next ``width`` …) ends with the sum of the others, in the same order. The group's
    total is not cut but read: the digits there must print the sum of the group so far.

    >>> _cuts_in_groups("11213033", 6, 3)
    [(1, 12, 13, 0, 3, 3), (11, 2, 13, 0, 3, 3)]
    """
    out: list[tuple[Value, ...]] = []
    length = len(digits)
    acc: list[int] = []

    def cut(pos: int, total: int) -> None:
        """Cut ``digits[pos:]`` into the values after ``acc``; ``total``: its group's sum."""
        col = len(acc)
        cols_left = n - col - 1  # columns after this one
        if col % width == width - 1:
            # The group's total: the one piece that prints it, if the digits there do.
            printed = str(total)
            end = pos + len(printed)
            rest = length - end
            if (
                len(printed) <= MAX_PIECE
                and digits.startswith(printed, pos)
                and cols_left <= rest <= cols_left * MAX_PIECE
                and (cols_left or not rest)
            ):
                acc.append(total)
                if cols_left:
                    cut(end, 0)
                else:
                    out.append(tuple(acc))
                acc.pop()
            return
        for end in range(pos + 1, min(length, pos + MAX_PIECE) + 1):
            rest = length - end
            if rest < cols_left:
                break
            if rest > cols_left * MAX_PIECE:
                continue
            if digits[pos] == "0" and end - pos > 1:
                continue
            value = int(digits[pos:end])
            # The group's total is at least the sum so far, and is printed in what the columns
            # after this one but itself leave (a digit each). A longer piece is a larger
            # number and leaves less: once the total cannot fit, no longer piece fits.
            if len(str(total + value)) > min(MAX_PIECE, rest - cols_left + 1):
                break
            acc.append(value)
            cut(end, total + value)
            acc.pop()

    cut(0, 0)
    return out


def split_glued(
    tokens: Sequence[str],
    col_types: Sequence[str],
    accept: Callable[[tuple[Value, ...]], bool] | None = None,
    prefix_ok: Callable[[tuple[Value, ...]], bool] | None = None,
    limit: int = 200_000,
    last_is_sum: bool = False,
    group_sums: int = 0,
) -> list[tuple[Value, ...]]:
    """Every way to cut glued tokens into ``len(col_types)`` numbers that ``accept`` accepts.

    A token is cut only between digits (a printed space or sign is always a boundary); no
    number has a leading zero; signs only in ``signed_int`` columns, decimals only in
    ``decimal`` ones. ``prefix_ok`` prunes partial vectors early (e.g. per table-4 group).

    ``last_is_sum`` tells that ``accept`` rejects every vector whose last value is not the sum
    of the others (a row and its total). With ``int`` columns only, the search then drops a
    partial cut as soon as its sum exceeds the largest last value the remaining digits can
    print. The results are the same, and so is :class:`TooManySplits`: the pruned search is
    used only where the full search is bounded (:func:`_walk_bound`) below ``limit``.

    ``group_sums`` (a width ``w``) tells that ``prefix_ok`` accepts exactly the prefixes whose
    every complete group of ``w`` values ends with the sum of the others (table 4). One run of
    digits under int columns is then cut group by group (:func:`_cuts_in_groups`), with the
    same results, where the full search is bounded below ``limit``.

    >>> split_glued(["2648", "-18538"], ["int", "signed_int", "int"])[:2]
    [(2648, -1, 8538), (2648, -18, 538)]
    >>> split_glued(["640020470"], ["int"] * 7, lambda v: v[-1] == sum(v[:-1]), last_is_sum=True)
    [(64, 0, 0, 2, 0, 4, 70)]
    """
    tokens = [_MONEY_UNIT.sub("", t).replace(",", "") for t in tokens]
    n_cols = len(col_types)
    results: list[tuple[Value, ...]] = []
    steps = 0
    # Characters left after each token: every column still to fill needs at least one.
    after = [sum(len(t) for t in tokens[i + 1 :]) for i in range(len(tokens))]
    plain = [t.isdigit() and t.isascii() for t in tokens]
    if (
        all(plain)
        and tokens
        and sum(map(len, tokens)) == n_cols
        and _walk_bound(n_cols, n_cols) <= limit
    ):
        # As many digits as columns (a glued row of single digits, 0000000): one digit per
        # column is the only cut, and the full search would stay below the limit.
        vec = tuple(int(digit) for token in tokens for digit in token)
        if prefix_ok is not None and not all(prefix_ok(vec[:k]) for k in range(1, n_cols + 1)):
            return []
        return [vec] if accept is None or accept(vec) else []
    if (
        len(tokens) == 1
        and plain[0]
        and n_cols >= 2
        and prefix_ok is None
        and all(t == "int" for t in col_types)
        and _walk_bound(len(tokens[0]), n_cols) <= limit
    ):
        # One run of digits under int columns (most glued rows): its cuts directly, in the
        # order the search below finds them, which would stay below the limit.
        cut = _cuts_with_total if last_is_sum else _cuts
        return [vec for vec in cut(tokens[0], n_cols) if accept is None or accept(vec)]
    if (
        group_sums
        and accept is None
        and len(tokens) == 1
        and plain[0]
        and n_cols % group_sums == 0
        and all(t == "int" for t in col_types)
        and _walk_bound(len(tokens[0]), n_cols) <= limit
    ):
        # A row of groups and their totals glued into one run (table 4): each group's total
        # is read, not searched for, which the search below would find the same.
        return _cuts_in_groups(tokens[0], n_cols, group_sums)
    # The largest last value by its length: the last piece always ends the last token, and
    # a longer suffix of digits is never a smaller number.
    largest_last: list[int] = []
    if (
        last_is_sum
        and prefix_ok is None
        and tokens
        and plain[-1]
        and all(t == "int" for t in col_types)
        and _walk_bound(len(tokens[0]) + after[0], n_cols) <= limit
    ):
        last = tokens[-1]
        largest_last = [0, *(int(last[-n:]) for n in range(1, min(len(last), MAX_PIECE) + 1))]

    def walk(ti: int, pos: int, acc: list[Value], total: int) -> None:
        nonlocal steps
        steps += 1
        if steps > limit:
            raise TooManySplits
        if ti == len(tokens):
            if len(acc) == n_cols:
                vec = tuple(acc)
                if accept is None or accept(vec):
                    results.append(vec)
            return
        col = len(acc)
        if col >= n_cols:
            return
        token = tokens[ti]
        # Each later token needs at least one column of its own.
        if n_cols - col < len(tokens) - ti:
            return
        col_type = col_types[col]
        digits = plain[ti]
        length = len(token)
        cols_left = n_cols - col - 1
        for end in range(pos + 1, min(length, pos + MAX_PIECE) + 1):
            steps += 1
            rest = length - end + after[ti]
            if rest < cols_left:
                break
            if (cols_left == 0 and rest) or rest > cols_left * MAX_PIECE:
                continue
            piece = token[pos:end]
            if digits:  # digits only: valid unless a leading zero, and a plain int
                if piece[0] == "0" and end - pos > 1:
                    continue
                value: int | float = int(piece)
            elif not _valid_piece(piece, col_type):
                continue
            else:
                value = _number(piece, col_type)
            if largest_last and cols_left:
                needed = total + value  # the last value is at least this sum
                if cols_left == 1:
                    # The last piece is what is left, printed as the sum exactly.
                    if end < length:
                        last_piece = token[end:]
                    else:
                        last_piece = tokens[ti + 1] if ti + 1 < len(tokens) else ""
                    if last_piece != str(needed):
                        continue
                else:
                    # It is printed in what is left after a character for each value before.
                    room = min(rest - (cols_left - 1), len(largest_last) - 1)
                    if room < 1 or needed > largest_last[room]:
                        continue
            acc.append(value)
            if prefix_ok is None or prefix_ok(tuple(acc)):
                if end == len(token):
                    walk(ti + 1, 0, acc, total + value)  # type: ignore[arg-type]
                else:
                    walk(ti, end, acc, total + value)  # type: ignore[arg-type]
            acc.pop()

    walk(0, 0, [], 0)
    return results


def candidates_by_cell(vectors: Sequence[tuple[Value, ...]], width: int) -> list[Value | Ambiguous]:
    """Collapse candidate vectors per cell: the value where all agree, else :class:`Ambiguous`.

    >>> candidates_by_cell([(1, 2), (1, 3)], 2)
    [1, Ambiguous(candidates=(2, 3))]
    """
    if len(vectors) == 1:  # one reading: every cell is its value
        vec = vectors[0]
        return [vec[i] for i in range(width)]
    out: list[Value | Ambiguous] = []
    for i in range(width):
        seen: list[Value] = []
        for vec in vectors:
            if vec[i] not in seen:
                seen.append(vec[i])
        if len(seen) == 1:
            out.append(seen[0])
        else:
            out.append(Ambiguous(tuple(sorted(seen, key=lambda v: (str(type(v)), v)))))  # type: ignore[arg-type]
    return out
