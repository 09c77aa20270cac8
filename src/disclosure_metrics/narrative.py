"""Narrative facts: the counts that sections 一, 五 and 六 state in prose (contract §2).

Every office words them differently, so a fact is read from general rules, never from a
report's exact phrasing: a *count* is a number with a measure word (条, 件, 元 …), Arabic or
Chinese, with its qualifier (余/多/超/以上 → ``more_than``, 约/近/左右 → ``about``); the cue
words before and after it say which metric it is; the channel words of the clause (or of the
one or two clauses before it) say where it was published. Numbers without a measure word —
years, dates, percentages, document numbers, phone numbers — are never counts, nor are
ordinals (第3次), ranges (3-5条), changes (增加20条) or a department's own figures. The cue
words and the channel taxonomy live in ``channels.yaml``.

Example::

    >>> facts = extract_facts({"overview": "全年主动公开政府信息2645条，其中在政府门户网站发布"
    ...                                    "信息1200余条。本年度共收到70件申请，办结69件。"})
    >>> rows = [(f.metric, f.channel, f.value, f.qualifier, f.unit) for f in facts]
    >>> rows  # doctest: +NORMALIZE_WHITESPACE
    [('items_published', 'all', 2645, 'exact', '条'),
     ('items_published', 'website', 1200, 'more_than', '条'),
     ('applications_received', 'all', 70, 'exact', '件'),
     ('applications_closed', 'all', 69, 'exact', '件')]
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any, Generic, NamedTuple, TypeVar

import yaml

from . import templates as tpl
from .normalize import Offsets, map_chars, norm_lazily
from .numbers import decimal_digits

#: The sections whose prose is read: all six. Facts stand in any section, 二 included (a report
#: may state its totals under the table 2 heading); the table cells themselves are left out.
NARRATIVE_SECTIONS = (
    "overview",
    "proactive",
    "applications",
    "disputes",
    "problems",
    "other_matters",
)
#: The metrics of contract §2; the application and dispute statements below are extra.
CONTRACT_METRICS = (
    "items_published",
    "hotline_received",
    "hotline_resolved",
    "applications_received",
    "applications_closed",
    "fee_collected_yuan",
    "open_day_events",
    "other",
)

Number = int | float


@dataclass(frozen=True)
class Fact:
    """One count stated in the prose, with the fragment it was read from (verbatim)."""

    metric: str
    channel: str
    value: Number
    qualifier: str  # exact | more_than | about
    unit: str  # as written: 条, 篇, 件, 次, 元, 万元 …
    evidence: str
    section: str = "overview"

    def to_json(self) -> dict[str, Any]:
        """The contract fields (§2), as ``parse --json`` prints them.

        >>> Fact("fee_collected_yuan", "all", 0, "exact", "元", "未收取信息处理费").to_json()
        ... # doctest: +NORMALIZE_WHITESPACE
        {'metric': 'fee_collected_yuan', 'channel': 'all', 'value': 0, 'qualifier': 'exact',
         'unit': '元', 'evidence': '未收取信息处理费'}
        """
        return {
            "metric": self.metric,
            "channel": self.channel,
            "value": self.value,
            "qualifier": self.qualifier,
            "unit": self.unit,
            "evidence": self.evidence,
        }


# ---------------------------------------------------------------------------------------------
# Vocabulary (channels.yaml)


@cache
def vocabulary() -> dict[str, Any]:
    """The parsed ``channels.yaml``."""
    text = resources.files(__package__).joinpath("channels.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _alternation(words: Iterable[str]) -> str:
    """One pattern for a set of words where, at one position, the longest word wins (微信群
    before 微信), and a match given back tries the next longest (as ``a|b`` sorted longest
    first would). Written as a tree of their shared openings: the engine tries one branch per
    character instead of every word in turn (half the time of a scan for the channels' words).

    >>> _alternation(["微信", "微信群", "网站"])
    '(?:微信(?:群)?|网站)'
    >>> [m.group(0) for m in re.finditer(_alternation(["微信", "微信群"]), "微信群和微信")]
    ['微信群', '微信']
    """
    unique = set(words)
    tree = _prefix_tree(sorted(unique - {""}))
    # The empty word matches anywhere, after every other has failed.
    return f"{tree}|" if "" in unique else tree


def _prefix_tree(words: Sequence[str]) -> str:
    """:func:`_alternation` of non-empty ``words`` (sorted): one branch per first character,
    each with the tree of what follows it; a word that ends there makes the rest optional,
    tried first (greedy), so that the longer words win."""
    if not words:
        return ""
    branches = []
    for first, group in itertools.groupby(words, key=lambda w: w[0]):
        rests = [w[1:] for w in group]
        ends_here = rests[0] == ""  # sorted: the empty rest comes first
        rest = _prefix_tree(rests[1:] if ends_here else rests)
        if rest and ends_here:
            rest = f"(?:{rest})?"
        branches.append(re.escape(first) + rest)
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


@cache
def _words(name: str) -> re.Pattern[str]:
    return re.compile(_alternation(vocabulary()["cues"][name]))


@cache
def _others_like_it() -> re.Pattern[str]:
    """等 and a word for channels after one named (等渠道, 等主要渠道), or other channels joined
    to it (门户网站及其他政府公开平台): others like it."""
    cues = vocabulary()["cues"]
    composed = cues["other_channels_composed"]
    which, channels = _alternation(composed["which"]), _alternation(composed["channels"])
    joined = f"(?:及|以及|和|与)其[他它][^,;:。\\d、]{{0,6}}?(?:{channels})"
    return re.compile(
        f"{_alternation(cues['other_channels'])}|等(?:{which})(?:{channels})|{joined}"
    )


@cache
def _channel_pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    owner: dict[str, tuple[str, ...]] = {}
    for channel, spec in vocabulary()["channels"].items():
        for alias in spec["aliases"]:
            owner[str(alias)] = (channel,)
    for word, channels in (vocabulary().get("combined_channels") or {}).items():
        owner[str(word)] = tuple(channels)
    # A 栏目 is a column of a site (党务公开栏目), no board: a board's name with 目 after it
    # names no channel (the longest word at a position wins).
    for alias in [a for a in owner if a.endswith("栏")]:
        owner[alias + "目"] = ()
    return re.compile(_alternation(owner)), owner


@cache
def _channel_hint(channel: str) -> re.Pattern[str]:
    """Every word that names ``channel`` (alone or with others): a text holding none of them
    names it nowhere, so :func:`channels_in` need not be asked."""
    _pattern, owner = _channel_pattern()
    return re.compile(_alternation(w for w, named in owner.items() if channel in named))


def _inside_a_number(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (a hotline's number, 12345) is digits of a longer number
    (112345, 123456) rather than the hotline's own."""
    return (start > 0 and text[start - 1].isdigit()) or (end < len(text) and text[end].isdigit())


def channels_in(text: str) -> list[str]:
    """The channels named in ``text``, in order of appearance (longest alias at a position).

    >>> channels_in("通过政府门户网站、“惠安视点”微信公众号、微信群等线上媒体")
    ['website', 'wechat_official', 'wechat_group']
    >>> channels_in("镇、村两级信息宣传栏、信息查询机、电子屏")
    ['offline_board', 'offline_board', 'offline_board']
    >>> channels_in("通过两微平台发布")  # one word naming two channels
    ['wechat_official', 'weibo']
    >>> [channels_in(t) for t in ("新媒体微信公众号", "公众号发挥新媒体优势", "公众号等新媒体")]
    [['wechat_official'], ['wechat_official'], ['wechat_official', 'other']]
    >>> channels_in("某市人民政府网站微博")  # the site's account
    ['weibo']
    >>> channels_in("“某某交通”微博客户端、人民日报客户端、政务APP客户端")  # their platforms
    ['weibo', 'media', 'app']
    """
    pattern, owner = _channel_pattern()
    kinds = _word_set("kind_of_channel")
    if "网站微" in text or "网站官方" in text or "网站抖音" in text:
        # 东方市人民政府网站微博, 市政府门户网站官方微信公众号: the site's account, named by the
        # site, a channel of its own
        text = _SITES_ACCOUNT.sub(r"\1", text)
    if '"公众号' in text or "”公众号" in text:
        # 今日头条“北京丰台”公众号, 抖音“丰台发布”公众号: the platform's account by its name
        text = _platforms_account().sub(r"\1", text)
    if _word_set_pattern("kind_of_channel").search(text) is None and not _names_a_platform(text):
        # the usual text: each word names its channel
        return [channel for m in pattern.finditer(text) for channel in owner[m.group(0)]]
    found = list(pattern.finditer(text))
    platforms = _word_set("platform_of_the_channel_before")
    named: list[str] = []
    for k, m in enumerate(found):
        if k > 0 and m.group(0) in platforms and found[k - 1].end() == m.start():
            continue  # 微博客户端: the platform of the channel just named, no channel of its own
        if m.group(0) in kinds:
            after = found[k + 1] if k + 1 < len(found) else None
            if after is not None and _qualifies(text, m, after):
                continue  # 新媒体微信公众号: the kind of the channel after it
            # 网站、各类政务新媒体: a word saying which ones may stand between the list and it
            which = text.endswith(_WHICH_BEFORE, 0, m.start())
            listed_at = m.start() - 2 if which else m.start()
            if named and listed_at > 0 and text[listed_at - 1] not in _LISTED_WITH:
                continue  # 微信公众号充分发挥新媒体传播优势: the kind of the channel before it
        named.extend(owner[m.group(0)])
    return named


@cache
def _word_set(key: str) -> frozenset[str]:
    """A word list of the vocabulary's top level (``kind_of_channel`` …), as a set."""
    return frozenset(vocabulary()[key])


@cache
def _word_set_pattern(key: str) -> re.Pattern[str]:
    """Any word of :func:`_word_set` ``key``."""
    return re.compile(_alternation(_word_set(key)))


def _names_a_platform(text: str) -> bool:
    """Whether ``text`` holds a word that may name the platform of the channel before it."""
    return _word_set_pattern("platform_of_the_channel_before").search(text) is not None


def _qualifies(text: str, kind: re.Match[str], channel: re.Match[str]) -> bool:
    """Whether the word for a kind of channel ``kind`` qualifies the ``channel`` right after
    it (新媒体微信公众号, 新媒体平台的微博)."""
    return _QUALIFIES.fullmatch(text, kind.end(), channel.start()) is not None


# What may stand between a word for a kind of channel and the channel it qualifies, the
# account's name in quotes included (政务新媒体平台"某某发布"公众号, 新媒体网络平台"某某"微信).
_QUALIFIES = re.compile(r'(?:网络)?(?:平台|账号)?的?(?:"[^"]{1,20}")?')
# What lists a word for a kind of channel with the channels before it (网站和新媒体, 公众号等
# 新媒体): then it names channels of its own.
_LISTED_WITH = frozenset("等、和及与,")
# Which or how many of that kind, right before the word (各类政务新媒体, 多个新媒体); each of two
# characters, which channels_in steps back over.
_WHICH_BEFORE = ("各类", "各种", "各个", "多种", "多个", "其他", "其它")


# ---------------------------------------------------------------------------------------------
# Numbers

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}  # fmt: skip
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_LARGE = {"万": 10_000, "亿": 100_000_000}
_CN_CHARS = "零〇一二两三四五六七八九十百千万亿"
_MULTIPLIER = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}


def chinese_number(text: str) -> int:
    """A number written in Chinese numerals.

    >>> chinese_number("三千"), chinese_number("一百二十"), chinese_number("十五")
    (3000, 120, 15)
    >>> chinese_number("两万零五"), chinese_number("二〇二〇")
    (20005, 2020)
    """
    if not any(ch in _CN_SMALL or ch in _CN_LARGE for ch in text):
        # Digit by digit (二〇二〇), as years are written.
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    total = 0
    section = 0
    digit = 0
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL:
            section += (digit or 1) * _CN_SMALL[ch]
            digit = 0
        else:
            total += (section + digit) * _CN_LARGE[ch]
            section = 0
            digit = 0
    return total + section + digit


def _as_number(value: Decimal) -> Number:
    return int(value) if value == value.to_integral_value() else float(value)


class Count(NamedTuple):
    """A number with its measure word, found at ``start:end`` of the normalized text.

    A named tuple, not a frozen dataclass: as immutable, and made without a call per field (a
    section of a crawled page holds hundreds of numbers)."""

    start: int
    end: int
    value: Number
    unit: str
    qualifier: str
    printed: str


@cache
def _count_pattern() -> re.Pattern[str]:
    q = vocabulary()["qualifiers"]
    prefixes = [w for spec in q.values() for w in spec["prefix"]]
    suffixes = [w for spec in q.values() for w in spec["suffix"]]
    units = {u for group in vocabulary()["units"].values() for u in group}
    # Bounded runs: a printed count is never longer, and an unbounded \d+ backtracks over a run
    # of thousands of glued digits at every start (quadratic). A longer run still ends as a
    # match preceded by a digit, which counts() rejects. Possessive: what may follow a number
    # (a multiplier, 余/多, a measure word) is never a digit, comma or point, so a shorter
    # reading of the digits can never match where the longest did not; no backtracking.
    arabic = r"\d{1,16}+(?:,\d{3}){0,6}+(?:\.\d{1,8})?+"
    # A match starts with a qualifier or a digit: the lookahead lets the scan skip every other
    # character at once instead of trying the whole pattern there (a third of counts()). It
    # only filters, so it may let more through: the digits are listed (those of the BMP, and
    # every character beyond it), which costs less per character than the category \d.
    first = "".join(sorted({re.escape(w[0]) for w in prefixes}))
    # What follows a number: a multiplier, 余/多 or a measure word. Tested first, this one class
    # fails at once the many numbers of a table printed in the prose (every alternative after
    # them would fail there too).
    multipliers, near = "十百千万亿", "余多"
    after_number = multipliers + near + "".join(sorted({re.escape(u[0]) for u in units}))
    # An optional group is written ``(?:(?P<g>…)|)``, not ``(?P<g>…)?``: the same matches in
    # the same order, without the engine's general repeat machinery (half of the scan's time).
    return re.compile(
        rf"(?=[{first}{decimal_digits()}{_CN_CHARS}])"
        rf"(?:(?P<pre>{_alternation(prefixes)})|)"
        rf"(?P<num>{arabic}|[{_CN_CHARS}]{{1,24}})"
        rf"(?=[{after_number}])"
        # 1.2万条; a 万 just before 元 belongs to the unit 万元.
        rf"(?:(?P<mult>[{multipliers}](?!元))|)"
        rf"(?:(?P<suf1>[{near}])|)"
        rf"(?P<unit>{_alternation(units)})"
        # 3个月, 15个工作日, 3个百分点: durations and rates, not counts; 项目 is no 项 (a table's
        # values run into its header's 项目 in a text copy).
        r"(?!月|工作日|小时|百分点|季度|批|目)"
        rf"(?:(?P<suf2>{_alternation(suffixes)})|)"
    )


# Before a number: a digit or letter glued to it (H5, 〔2021〕39), an ordinal 第, or the first
# half of a range (3-5条, 三至五条).
_NOT_A_COUNT_BEFORE = re.compile(rf"(?:[\dA-Za-z.第]|\d\s*[-~—–至到]|[{_CN_CHARS}][至到~-])$")
# A lone Chinese digit (一条龙, 统一, 一件事) is a count only right after a counting word.
_LONE_DIGIT_AFTER = re.compile(r"(?:共|计|有|达|为|了|收到|受理|办结|发布|公开|公布|接到|申请)$")
_PHONE = re.compile(r"(?:电话|传真|手机|号码|邮编|地址)[^,;。]{0,6}$")
_RANGE_AFTER = re.compile(r"\s*[-~—–至到]\s*\d")


@cache
def _qualifier_of() -> dict[str, str]:
    """Each qualifier word and the first qualifier that lists it."""
    out: dict[str, str] = {}
    for name, spec in vocabulary()["qualifiers"].items():
        for word in [*spec["prefix"], *spec["suffix"]]:
            out.setdefault(word, name)
    return out


def counts(text: str) -> list[Count]:
    """Every count in normalized ``text``: a number, its multiplier and measure word.

    >>> [(c.value, c.unit, c.qualifier) for c in counts("发布信息三千余条，约1.2万条，近50篇")]
    [(3000, '条', 'more_than'), (12000, '条', 'about'), (50, '篇', 'about')]
    >>> counts("二〇二〇年第3次会议，占33.9%，〔2021〕39号，3-5条，电话12345678")
    []
    >>> [(c.value, c.unit) for c in counts("接听热线电话11通，热线电话3,200个")]
    [(11, '通'), (3200, '个')]
    >>> [(c.value, c.unit) for c in counts("收取信息处理费0.5万元，共计380元")]
    [(0.5, '万元'), (380, '元')]
    >>> [(c.value, c.qualifier) for c in counts("近千条，百余篇，千条，万元，逾万元，十条措施")]
    [(1000, 'about'), (100, 'more_than'), (10000, 'more_than')]
    """
    out: list[Count] = []
    # The context tests search the text between pos and endpos, not a slice of it: the same
    # matches ($ holds at endpos; no pattern looks behind its start), without the copies.
    not_a_count_before = _NOT_A_COUNT_BEFORE.search
    phone = _PHONE.search
    range_after = _RANGE_AFTER.match
    qualifier_of = _qualifier_of()
    for m in _count_pattern().finditer(text):
        num = m.group("num")
        at = m.start("num")
        if not_a_count_before(text, max(0, at - 8), at):
            continue
        start, end = m.span()
        # A phone or hotline number has five digits or more (12345), and no thousands
        # separator; 热线电话11通 and 热线电话3,200个 are counts.
        if len(num) >= 5 and "," not in num and phone(text, max(0, start - 14), start):
            continue
        if range_after(text, end, end + 2):
            continue  # the first half of a range printed with units on both sides
        if num[0] in _CN_CHARS:
            # 近千条, 千余条, 逾万元: a round number that its qualifier makes a count; 千条 or
            # 万元 alone states no count.
            round_number = num in _MULTIPLIER and bool(m.group("pre") or m.group("suf1"))
            if num[0] in _MULTIPLIER and num[0] not in "十" and not round_number:
                continue
            lone = len(num) == 1 and not round_number and num not in "零〇"
            if lone and not _LONE_DIGIT_AFTER.search(text, max(0, at - 4), at):
                continue
            value: Number | Decimal = _MULTIPLIER[num] if round_number else chinese_number(num)
        else:
            # A whole number needs no Decimal: int gives the same number.
            digits = num.replace(",", "")
            value = Decimal(digits) if "." in digits else int(digits)
            if value >= 10**9:
                continue  # digits glued together by a converter, never one count
        pre, mult, suf1, unit, suf2 = m.group("pre", "mult", "suf1", "unit", "suf2")
        if mult:
            value *= _MULTIPLIER[mult]
        qualifier = "exact"  # from the first word of the three that is a qualifier
        for word in (pre, suf1, suf2):
            if word and word in qualifier_of:
                qualifier = qualifier_of[word]
                break
        # A match opens with its qualifier when it has one, else with the number.
        number = value if isinstance(value, int) else _as_number(value)
        out.append(Count(start if pre else at, end, number, unit, qualifier, m.group(0)))
    return out


# ---------------------------------------------------------------------------------------------
# Sentences and clauses

_SENTENCE_END = "。!?"
# An ASCII period after a Chinese character (not a numeral: 一.总体情况 enumerates) and before
# a space, the end or another Chinese character: a full stop typed as ASCII.
# The period first: a pattern that opens with a lookbehind is tried at every position.
_PERIOD_AS_STOP = re.compile(
    r"\.(?<=[\u4e00-\u9fff]\.)(?<![一二三四五六七八九十]\.)(?=\s|$|[\u4e00-\u9fff(“])"
)
_CLAUSE_END = ",;:()[]【】"
# An enumerator or heading mark at the start of an evidence fragment: **二是**, (一), 1., ### …
_LEADING_MARKS = re.compile(
    r"^(?:[#*\s]|[一二三四五六七八九十]+是|\(?[一二三四五六七八九十\d]{1,2}\)|"
    r"[一二三四五六七八九十\d]{1,2}[、.](?!\d)|其中|同时|此外|另外|另有|并且?)+"
)
_YEAR = re.compile(r"(\d{4})年")


@cache
def _separator(separators: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(separators)}]")


@cache
def _between(separators: str) -> re.Pattern[str]:
    """A run of characters that are none of ``separators``."""
    return re.compile(f"[^{re.escape(separators)}]+")


def _spans(text: str, start: int, end: int, separators: str) -> list[tuple[int, int]]:
    """The spans of ``text[start:end]`` between separators (a comma between two digits, a
    thousands separator, is none).

    >>> _spans("一,二,1,234条", 0, 10, ",")
    [(0, 1), (2, 3), (4, 10)]
    """
    if "," in separators:
        return _spans_by_separator(text, start, end, separators)
    # No exception to look at: the spans are the runs of other characters, one regex scan.
    return [m.span() for m in _between(separators).finditer(text, start, end)]


def _spans_by_separator(text: str, start: int, end: int, separators: str) -> list[tuple[int, int]]:
    """:func:`_spans`, separator by separator."""
    out = []
    a = start
    for m in _separator(separators).finditer(text, start, end):
        i = m.start()
        if (
            text[i] == ","
            and 0 < i < len(text) - 1
            and (text[i - 1].isdigit() and text[i + 1].isdigit())
        ):
            continue  # a thousands separator (1,234条), not a clause end
        if i > a:
            out.append((a, i))
        a = i + 1
    if end > a:
        out.append((a, end))
    return out


_T = TypeVar("_T")


class _once(Generic[_T]):
    """``functools.cached_property`` without its lock: Python 3.11 takes a lock on every first
    read (0.9 % of a corpus text report's instructions), and a sentence is read by one thread
    only. The value is stored in the instance's ``__dict__``, which later reads find first
    (this is a non-data descriptor).

    >>> class Sentence:
    ...     @_once
    ...     def words(self):
    ...         print("worked out")
    ...         return 3
    >>> s = Sentence()
    >>> s.words, s.words
    worked out
    (3, 3)
    """

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: object, owner: type | None = None) -> _T:
        if instance is None:
            return self  # type: ignore[return-value]
        value = instance.__dict__[self.name] = self.func(instance)
        return value


@dataclass
class _Sentence:
    text: str  # the whole normalized section text
    start: int
    end: int
    counts: list[Count]
    previous: list[tuple[int, int]]  # the spans of the (up to) two sentences before it
    _department: tuple[str | None, bool] | None = None

    @property
    def body(self) -> str:
        return self.text[self.start : self.end]

    @_once
    def candidates(self) -> list[_Candidate]:
        """:func:`_candidates` of the sentence, worked out once (a breakdown's part looks up
        the count it breaks down)."""
        return _candidates(self)

    @_once
    def clauses(self) -> list[tuple[int, int]]:
        return _spans(self.text, self.start, self.end, _CLAUSE_END)

    def opens_with_department(self, agency: str | None) -> bool:
        """:func:`_is_department` of the whole sentence, worked out once per sentence."""
        if self._department is None or self._department[0] != agency:
            self._department = (agency, _is_department(self.body, agency))
        return self._department[1]

    @_once
    def hotline_mentions(self) -> list[tuple[int, int]]:
        """Where the sentence names a hotline, in order: found once per sentence, so that a
        count asks by bisection whether one is named before it (a sentence may hold
        thousands of counts)."""
        if _channel_hint("hotline").search(self.text, self.start, self.end) is None:
            return []
        pattern, owner = _channel_pattern()
        text = self.text
        return [
            m.span()
            for m in pattern.finditer(text, self.start, self.end)
            if "hotline" in owner[m.group(0)]
            # a number's digits (112345) are no hotline; a hotline's name may run into its
            # count (市长热线493件)
            and not (m.group(0)[0].isdigit() and _inside_a_number(text, *m.span()))
        ]

    @_once
    def names_publicity(self) -> bool:
        """Whether the sentence names publicity reports (报道, 宣传稿 …): asked once."""
        return _words("publicity_nouns").search(self.text, self.start, self.end) is not None

    @_once
    def count_starts(self) -> list[int]:
        """Where each count starts, in order: a count's followers are found by bisection."""
        return [c.start for c in self.counts]

    @_once
    def names_requests(self) -> bool:
        """Whether the sentence speaks of 申请 (asked once, not once per count)."""
        return self.text.find("申请", self.start, self.end) != -1

    @_once
    def clause_marks(self) -> list[int]:
        """Where a clause mark (, ; :) stands in the sentence; brackets, which also part
        clauses, are left out: an aside in brackets goes on the clause around it."""
        text = self.text
        return [i for i in range(self.start, self.end) if text[i] in ",;:"]

    @_once
    def hotline_ends(self) -> list[int]:
        return [end for _start, end in self.hotline_mentions]

    @_once
    def context(self) -> str:
        """This sentence and the two before it."""
        return "。".join([*(self.text[a:b] for a, b in self.previous), self.body])

    @_once
    def _clause_starts(self) -> list[int]:
        return [a for a, _b in self.clauses]

    @_once
    def count_ends(self) -> list[int]:
        """Where each count ends: rising, as counts do not overlap."""
        return [c.end for c in self.counts]

    def clause_of(self, pos: int) -> int:
        # Clauses are disjoint and in order: the one holding pos is the last starting at or
        # before it (a bisection, not a scan of a long sentence's clauses per count).
        i = bisect.bisect_right(self._clause_starts, pos) - 1
        if i >= 0 and pos < self.clauses[i][1]:
            return i
        return next(i for i, (a, b) in enumerate(self.clauses) if a <= pos < b)


@dataclass
class _Candidate:
    """One count in its sentence, with the text around it that decides what it is."""

    sentence: _Sentence
    count: Count
    lead: str  # from the clause start (or the previous count) to the number
    lead_start: int
    after: str  # from the measure word to the end of the clause (or the next count in it)
    span_start: int  # start of the clauses a channel may be named in
    after_is_clause_end: bool = True  # no other count follows in the clause

    @property
    def before(self) -> str:
        """The sentence up to the number."""
        return self.sentence.text[self.sentence.start : self.count.start]

    @property
    def span(self) -> str:
        return self.sentence.text[self.span_start : self.count.start]


# What may stand between a count and the count of another kind right after it.
_RIGHT_AFTER = frozenset({"", "、"})


# A clause of a sum word alone before its count (，共计100余条).
_SUM_ALONE = re.compile(r"(?:共计|合计|总计|共)(?:有|达|为)?")
# A clause that opens with a year (2024年, 2024年度).
_YEAR_OPENS_CLAUSE = re.compile(r"\s*\d{4}年度?(?:,|$)")


def _candidates(sentence: _Sentence) -> list[_Candidate]:
    out = []
    item_units = set(vocabulary()["units"]["items"])
    prev_end = sentence.start
    prev_clause = -1
    prev_items_clause = -1  # the last clause holding a count of items
    for k, count in enumerate(sentence.counts):
        ci = sentence.clause_of(count.start)
        clause_start, clause_end = sentence.clauses[ci]
        following = sentence.counts[k + 1].start if k + 1 < len(sentence.counts) else clause_end
        after_end = min(clause_end, following)
        lead_start = max(clause_start, prev_end)
        if (
            lead_start == count.start == clause_start
            and ci > 0
            and sentence.text[clause_start - 1] == ":"
            and sentence.clauses[ci - 1][0] >= prev_end
        ):
            # A count alone after a colon (主动公开政府信息的情况:40条): what it counts is the
            # label before the colon.
            lead_start = sentence.clauses[ci - 1][0]
        elif (
            lead_start == clause_start
            and ci > 0
            and sentence.text[clause_start - 1] == ","
            and _SUM_ALONE.fullmatch(sentence.text, clause_start, count.start)
            and sentence.clauses[ci - 1][0] >= prev_end
            and _ending("item_nouns").search(sentence.text, 0, clause_start - 1)
        ):
            # Only a sum word before it (…公开了各类信息，共计100余条): what it counts ends the
            # clause before.
            lead_start = sentence.clauses[ci - 1][0]
        elif lead_start == clause_start:
            lead_start = _before_aside(sentence, clause_start, prev_end)
        span_start = lead_start
        lead = None
        if (
            out
            and sentence.text[prev_end : count.start] in _RIGHT_AFTER
            and sentence.counts[k - 1].unit not in item_units
        ):
            # A count right after a count of another kind (发布247次457条: pushes, then items;
            # 推送306期、1120条) has the words before that one.
            lead_start, span_start, lead = out[-1].lead_start, out[-1].span_start, out[-1].lead
        elif prev_clause != ci:
            # A channel may be named in the one or two clauses before, unless a count of items
            # sits there (其中微博29个，共发布信息1992条: 29个 counts accounts, not items); a
            # semicolon ends a statement, so the look back stops there, and so does a clause
            # the year opens (…为主，2024年，我局…公布信息共590条: a statement of its own).
            opens_with_the_year = _YEAR_OPENS_CLAUSE.match(sentence.text, clause_start)
            for back in (ci - 1, ci - 2):
                if back < 0 or back <= prev_items_clause or opens_with_the_year:
                    break
                if sentence.text[sentence.clauses[back + 1][0] - 1] == ";":
                    break
                span_start = min(span_start, sentence.clauses[back][0])
                if _YEAR_OPENS_CLAUSE.match(sentence.text, sentence.clauses[back][0]):
                    break  # the year alone as a clause (…，2024年，我局…): nothing before it
        out.append(
            _Candidate(
                sentence=sentence,
                count=count,
                lead=sentence.text[lead_start : count.start] if lead is None else lead,
                lead_start=lead_start,
                after=sentence.text[count.end : after_end],
                span_start=span_start,
                after_is_clause_end=after_end == clause_end,
            )
        )
        prev_end = count.end
        prev_clause = ci
        if count.unit in item_units:
            prev_items_clause = ci
    return out


_ASIDE_OPENS = {")": "(", "]": "[", "】": "【"}
_ASIDE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】")


# An aside in brackets that ends the text (发布工作动态(含原创、转发等)).
_ASIDE_AT_END = re.compile(f"(?:{_ASIDE.pattern})$")


def _outside_asides(text: str) -> str:
    """``text`` without its asides in brackets.

    >>> _outside_asides("受理申请(含网上申请)")
    '受理申请'
    """
    if "(" in text or "[" in text or "【" in text:
        return _ASIDE.sub("", text)
    return text


def _before_aside(sentence: _Sentence, clause_start: int, prev_end: int) -> int:
    """Where the words of a count whose clause opens after an aside in brackets start: in the
    clause the aside interrupts (受理政府信息公开申请(含网上申请)21件: the verb and what it
    counts stand before the brackets). ``clause_start`` itself when the clause follows no
    aside, or when a count stands in the aside or after those words (the count before has
    them).

    >>> text = "共受理申请(含网上申请)21件"
    >>> s = _Sentence(text, 0, len(text), [], [])
    >>> text[_before_aside(s, text.index("21"), 0) :]
    '共受理申请(含网上申请)21件'
    """
    text = sentence.text
    start = clause_start
    # Asides one after another (…(商丹园区)管理委员会网站(以下简称…)发布(更新)各类政务信息759条):
    # back to the clause the first of them interrupts.
    for _ in range(_MAX_ASIDES):
        opener = _ASIDE_OPENS.get(text[start - 1]) if start > sentence.start else None
        if opener is None:
            break
        opened = text.rfind(opener, sentence.start, start - 1)
        if opened <= sentence.start or opened < prev_end or text[opened - 1] in _CLAUSE_END:
            break
        start = max(sentence.clauses[sentence.clause_of(opened - 1)][0], prev_end)
    return start


#: How many asides in a row the words of a count are followed back across.
_MAX_ASIDES = 3


# The applications a sentence before counted, named again (上述申请, 以上3件申请, 前述依申请公开
# 事项, 所有申请): what a closing statement after it closes.
_REFERS_BACK = re.compile(
    # 所有公开申请…已全部办结: the requests for disclosure, named short
    r"(?=[上以前所全该])(?:(?:上述|以上|前述)的?(?:\d+件)?的?(?:政府信息公开|依申请公开|信息公开)?"
    r"(?:申请|事项)|(?:所有|全部)的?(?:政府信息公开|依申请公开|信息公开|公开)?申请"
    r"|该(?:项|件)?(?:政府信息公开|依申请公开|信息公开)?申请)"  # 该申请已…作出答复: the one
)

# The applications as the subject a sentence opens with, all of them (申请件均…, 依申请公开事项
# 已全部…): those counted before, named again.
_NAMED_AS_SUBJECT = re.compile(
    r"(?:政府信息公开|依申请公开|信息公开)?申请(?:件|事项)?(?=均|全部|都)"
    r"|(?:政府信息公开|依申请公开|信息公开)(?:申请件|事项)(?=均|全部|都|已)"
)


def _sentences(text: str, every: bool = True) -> list[_Sentence]:
    """The sentences of normalized ``text`` with their counts; without ``every``, only those
    that can hold a fact: a count, or a negation a zero statement opens with."""
    out: list[_Sentence] = []
    all_counts = counts(text)
    # Counts come in text order: each sentence takes its slice by bisection, not by a scan of
    # every count (a long section has thousands of sentences and counts).
    starts = [c.start for c in all_counts]
    spans = _spans(text, 0, len(text), _SENTENCE_END)
    negation = _ZERO_CUE.search
    refers_back = _REFERS_BACK.search
    for k, (a, b) in enumerate(spans):
        lo, hi = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
        # A sentence without counts is kept when it states a zero, or speaks of the applications
        # counted before it (上述申请均已按期答复): looked for only where 申请 is, as a scan of
        # the whole text cost 8 % of a parse.
        if (
            not every
            and lo == hi
            and negation(text, a, b) is None
            and (
                text.find("申请", a, b) == -1
                or (refers_back(text, a, b) is None and _NAMED_AS_SUBJECT.match(text, a) is None)
            )
            and _closing_at_start(text, a, b) is None
            and _BODY_AS_SUBJECT.match(text, a, b) is None  # 街道已…予以答复
            and (
                _ABOUT_WHAT_WAS_ASKED.match(text, a) is None
                or _words("applications_closed").search(text, a, b) is None
            )
        ):
            continue
        inside = [c for c in all_counts[lo:hi] if c.end <= b]
        out.append(_Sentence(text, a, b, inside, spans[max(0, k - 2) : k]))
    return out


# ---------------------------------------------------------------------------------------------
# Deciding what a count is


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = None
    for m in pattern.finditer(text):
        found = m
    return found


def _has(name: str, text: str) -> bool:
    return _words(name).search(text) is not None


@cache
def _ending(name: str) -> re.Pattern[str]:
    """Matches text that ends with one of the cue words ``name``."""
    return re.compile(rf"(?:{_alternation(vocabulary()['cues'][name])})$")


@cache
def _outcome_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    outcomes = vocabulary()["cues"]["outcomes"]
    return tuple((metric, re.compile(_alternation(words))) for metric, words in outcomes.items())


@cache
def _any_outcome() -> re.Pattern[str]:
    """Every outcome word at once: where it finds none, no single outcome pattern would."""
    outcomes = vocabulary()["cues"]["outcomes"]
    return re.compile(_alternation(w for words in outcomes.values() for w in words))


_CARRY_TO_YEAR = re.compile(r"(?:结转|顺延|转)(?:至|到)(\d{4})年")


def _outcome(cand: _Candidate, year: int | None) -> str | None:
    """The application outcome or dispute a count states, from the cue nearest to it."""
    # The cue nearest the number wins; at the same end the longer one, then the one listed first.
    best: tuple[int, int, str] | None = None  # (end, -start, metric)
    any_outcome = _any_outcome()
    if any_outcome.search(cand.lead):
        for metric, pattern in _outcome_patterns():
            m = _last(pattern, cand.lead)
            if m and (best is None or (m.end(), -m.start()) > (best[0], best[1])):
                best = (m.end(), -m.start(), metric)
    m = _last(_CARRY_TO_YEAR, cand.lead)
    if m and (year is None or int(m.group(1)) > year) and (best is None or m.end() >= best[0]):
        best = (m.end(), -m.start(), "applications_carried_forward")
    if best:
        received = _last(_words("applications_received"), cand.lead)
        if received is not None and received.start() >= best[0]:
            return None  # 结转上年后新收到…47件: received after what was carried over
        return best[2]
    # "1件结转下年度", "有1件涉及…的行政复议": the cue follows the number, before a 、 that
    # opens the next item of a list (办结7件、结转下一年度3件: 结转 is the 3's).
    after = cand.after.split("、", 1)[0]
    if not any_outcome.search(after):
        return None
    if "申请" in cand.lead and _words("applications_received").search(cand.lead):
        return None  # 收到申请3项全部予以公开: received, then all answered so
    first: tuple[int, str] | None = None
    for metric, pattern in _outcome_patterns():
        m = pattern.search(after)
        if m and (first is None or m.start() < first[0]):
            first = (m.start(), metric)
    return first[1] if first else None


def _dispute_context(text: str) -> bool:
    return any(w in text for w in ("申请", "信息公开", "政府信息"))


_OPENING_PUNCTUATION = re.compile(r"^[,;:、\s]+")
_OPENING_TIME = re.compile(r"^(?:\d{4}年度?|今年|本年度|全年)[,]?")
# A sentence's time alone in its first clause: 2022年, or 2022年度, or the year's running
# total it opens with (2025年累计收到…)
_SENTENCE_YEAR = re.compile(r"(?:[#*\s]|[一二三四五六七八九十]+是)*(\d{4})年度?(?:,|(?=累计))")
_PLACE_PREFIX = re.compile(r"^[省市区县镇乡]")


@cache
def _department_pattern() -> re.Pattern[str]:
    # A suffix that opens one of the general aims (中心 of 围绕中心工作) ends no department's name.
    cues = vocabulary()["cues"]
    suffixes = []
    for suffix in sorted(cues["department_suffixes"], key=len, reverse=True):
        rests = [a[len(suffix) :] for a in cues["general_aims"] if a.startswith(suffix)]
        ahead = f"(?!{_alternation(rests)})" if rests else ""
        suffixes.append(re.escape(suffix) + ahead)
    alternatives = "|".join(suffixes)
    return re.compile(rf"^([\u4e00-\u9fff]{{1,10}}?(?:{alternatives}))(?=[\u4e00-\u9fff])")


@cache
def _not_a_subject() -> re.Pattern[str]:
    return re.compile(f"^(?:{_alternation(vocabulary()['cues']['not_a_subject'])})")


@cache
def _own_after_preposition() -> re.Pattern[str]:
    """A department suffix alone right after a preposition or pronoun, at a subject's end
    (累计在局网站, 通过中心官网, 围绕我局重点工作): 本局, 本中心, no department's name; or a
    department the words before it send something to (共收到向市行政审批局申请…): no subject."""
    suffixes = _alternation(vocabulary()["cues"]["department_suffixes"])
    return re.compile(f"(?:在|通过|依托|利用|借助|经|我|本)本?(?:{suffixes})$|向(?!阳)")


@cache
def _department_suffix() -> re.Pattern[str]:
    return re.compile(_alternation(vocabulary()["cues"]["department_suffixes"]))


def _is_department(text: str, agency: str | None) -> bool:
    """Whether a sentence or clause opens with one department as subject (区财政局…), not the
    reporting body.

    >>> _is_department("区教育局通过门户网站发布信息200余条", None)
    True
    >>> _is_department("区政府办公室代表区政府受理申请17件", None)
    False
    >>> _is_department("市财政局在门户网站发布信息300条", "某某市财政局")
    False
    """
    if not _department_suffix().search(text):
        return False  # no 局, 中心 … anywhere: the subject below cannot end with one
    body = _OPENING_PUNCTUATION.sub("", _LEADING_MARKS.sub("", text))
    body = _OPENING_TIME.sub("", _aspect_heading().sub("", body))
    m = _department_pattern().match(body)
    if not m:
        return False
    subject = m.group(1)
    if _not_a_subject().match(subject):
        return False
    if _department_suffix().match(subject) or _own_after_preposition().search(subject):
        # 局官网紧扣省局…, 累计在局网站发布…: 局 alone, the body speaks of its own (本局)
        return False
    if body[m.end() :].startswith("代表"):
        return False  # 区政府办公室代表区政府: speaks for the whole government
    if agency:
        # 北戴河区人民政府办公室 in 北戴河区人民政府's report: the government's own office
        if subject.endswith(("办公室", "办公厅")) and _GOVERNMENT_SUFFIX.search(agency):
            office_of = _GOVERNMENT_SUFFIX.sub("", subject)
            if office_of and _GOVERNMENT_SUFFIX.sub("", agency).endswith(office_of):
                return False
        # 区政府及区政府办公室: each of the subjects joined, the agency's own name among them
        for part in _JOINED_SUBJECTS.split(subject):
            core = _PLACE_PREFIX.sub("", part)
            if core and (core in agency or _abbreviates(core, agency)):
                return False
    return True


def _opens_with_own_name(text: str, agency: str | None) -> bool:
    """Whether ``text`` opens with the reporting body's own name as its subject (某区卫生健康局
    共公开发布…, 市气象局公开信息…, its name shortened as :func:`_abbreviates` allows).

    >>> _opens_with_own_name("2024年,淄川区卫生健康局共公开发布", "淄博市淄川区卫生健康局")
    True
    >>> _opens_with_own_name("区教育局发布", "某区卫生健康局")
    False
    """
    if not agency or not _department_suffix().search(text):
        return False
    body = _OPENING_TIME.sub("", _OPENING_PUNCTUATION.sub("", text))
    m = _department_pattern().match(body)
    if m is None or _channel_pattern()[0].match(body, m.end()):
        return False  # 城市管理局网站、…共发布: the body's channels, named with its name
    core = _PLACE_PREFIX.sub("", m.group(1))
    return bool(core) and (core in agency or _abbreviates(core, agency))


_JOINED_SUBJECTS = re.compile(r"[及和与、]")


@cache
def _aspect_heading() -> re.Pattern[str]:
    """A subheading of section 一 run into the sentence after it ((二)依申请公开 本年度我局…):
    one of the template's five aspects, then 情况, 工作 or 方面, at the start."""
    aspects = _alternation(tpl.raw()["overview_aspects"])
    return re.compile(rf"^(?:{aspects})(?:政府信息)?(?:情况|工作|方面)?")


def _abbreviates(short: str, name: str) -> bool:
    """Whether ``short`` is ``name`` shortened: two characters or more, all of them in
    ``name`` in the same order (教体局 for 教育体育局, 市场监管局 for 市场监督管理局, 卫健委 for
    卫生健康委员会).

    >>> _abbreviates("教体局", "某区教育体育局"), _abbreviates("财政局", "某区教育体育局")
    (True, False)
    """
    if len(short) < 2:
        return False
    chars = iter(name)
    return all(char in chars for char in short)  # each found after the one before


@cache
def _report_year_pattern(year: int) -> re.Pattern[str]:
    # 2025全区累计…: the year without its 年, before the whole area or year; or opening the
    # sentence before a comma (2022,通过…平台累计主动公开…960条)
    return re.compile(rf"(?<!截至)(?<!截止){year}(?:年|(?=全[区县市镇乡年]))|^{year}(?=,)")


def _stock(cand: _Candidate, year: int | None) -> str | None:
    """Why the count is a stock or a running total rather than the year's count, or None."""
    before = cand.before
    since = _last(_since_opened(), cand.span)
    if since and not _has("this_year", cand.span[since.end() :]):
        # 公众号开通至今，…累计发布508条: since the channel opened, whatever year opens the
        # sentence (2024年，…).
        return f"a running total ({since.group(0)}), not the year's count"
    running = _last(_words("running_total"), cand.lead)
    if running and _items_counted_before(cand) and not _sums_the_channels_before(cand):
        # 2023年度我局主动公开政府信息44件，累计主动公开政府信息2305条: the year's, then all years'
        # (but not when the counts before add up to it: their total).
        return f"a running total ({running.group(0)}) after the year's own count"
    if _has("this_year", before):
        return None  # 全年累计, 本年度截至…: the year's own count
    # 2025年，…累计主动公开…: the report year as the time of the sentence (not a 截至 date).
    if year is not None and _report_year_pattern(year).search(before):
        return None
    dated_by_the_sentence_before = (
        year is not None
        and _dated_just_before(cand.sentence, year)
        # 截至2019年底，累计…: all years' stock at a date; but 截至<the report year>年12月31日
        # after a sentence the year opens closes that year (2024年，…。截至2024年12月31日，…累计
        # 主动公开政府信息达301条), as two readers of three read it
        and (not _has("stock", before) or _closes_the_year(before, year))
    )
    if running and not dated_by_the_sentence_before:
        return f"a running total ({running.group(0)}), not the year's count"
    stock = _last(_words("stock"), before)
    if stock:
        # 截至<report year>年12月31日 closes the report year: what it counts is the year's.
        dated = _YEAR.match(before[stock.end() :])
        if dated and year is not None and int(dated.group(1)) == year:
            return None
        if _YEAR_END.match(before, stock.end()):
            return None  # 截至12月31日 or 12月底, no year named: the end of the report's year
        return f"a stock at a date ({stock.group(0)}…), not the year's count"
    return None


def _closes_the_year(before: str, year: int) -> bool:
    """Whether the stock word in ``before`` dates the count at the last day of ``year``
    (截至2024年12月31日)."""
    stock = _last(_words("stock"), before)
    return stock is not None and before.startswith(f"{year}年12月31日", stock.end())


# The end of the report's year, no year named: 截至12月31日, 截止12月底, 截至年底.
_YEAR_END = re.compile(r"\s*(?:12\s*月\s*(?:31\s*日|底|末)|年底|年末)")


def _dated_just_before(sentence: _Sentence, year: int) -> bool:
    """Whether one of the two sentences before ``sentence`` opens with the report year as its
    time (2024年，某镇…公开政府信息。其中，…累计更新…54条): what 累计 sums there is that
    year's, as 累计 right after the year in one sentence is."""
    text = sentence.text
    for a, b in sentence.previous:
        opening = _SENTENCE_YEAR.match(text, a) or _HEADED_YEAR.match(text, a, b)
        if opening is not None and int(opening.group(1)) == year:
            return True
    return False


# The year after a subheading the sentence runs on from (一、主动公开,拓宽信息传播广度2024年,…):
# normalization joins a heading's line to the sentence after it.
# The year may run into the body as the subject (…主动公开2020年我处主动公开…).
_HEADED_YEAR = re.compile(
    r"(?:\d{1,2}[.、])?[^\d。;]{0,30}?(?<!截至)(?<!截止)(\d{4})年度?(?:,|(?=我[处局镇乡委办]|本))"
)


@cache
def _since_opened() -> re.Pattern[str]:
    """Since a channel opened (开通至今, 上线以来) or over the years (历年累计): the running totals
    of ``cues.running_total`` that say since when, unlike 累计 alone, which a year may date."""
    words = [
        w
        for w in vocabulary()["cues"]["running_total"]
        if w.endswith(("至今", "以来")) or w.startswith("历年")
    ]
    return re.compile(_alternation(words))


def _other_period(cand: _Candidate, year: int | None, metric: str) -> str | None:
    """Why the count is not the year's, or None: another period (上年…, 2019年 in a 2020
    report), a change (增加20条), a plan or target (力争, 不少于), a rate (每月) or a stock
    (截至目前, 累计)."""
    lead = _words("not_done_nouns").sub("", cand.lead)
    plan = _words("not_done").search(lead)
    if plan:
        return f"a plan, target, rate or average ({plan.group(0)})"
    stock = _stock(cand, year)
    if stock:
        return stock
    if metric not in ("applications_carried_over", "applications_carried_forward"):
        period = _words("other_period").search(cand.lead)
        if period:
            return f"another period ({period.group(0)})"
        if year is not None:
            years = {int(y) for y in _YEAR.findall(cand.lead)} - {year}
            if years:
                return f"dated another year ({min(years)})"
            # A sentence that opens with its time alone (2022年，我区共主动公开…) dates every
            # clause of it.
            sentence = cand.sentence
            opening = _SENTENCE_YEAR.match(sentence.text, sentence.start, cand.count.start)
            if opening and int(opening.group(1)) != year:
                return f"dated another year ({opening.group(1)}, the sentence's time)"
    delta = _ending("delta").search(cand.lead.removesuffix("了"))
    if delta:
        return f"a change ({delta.group(0)}), not a count"
    return None


def _breakdown_part(cand: _Candidate) -> str | None:
    """The text after a 其中 that opens a breakdown before the number (a semicolon closes it),
    or None when there is no breakdown."""
    before = cand.before
    text = before.rsplit(";", 1)[-1]
    found = _last(_words("breakdown"), text)
    if found is None and ";" in before:
        # 其中…专栏发布的信息65条,占总量的6.3%;微信公众平台882条: a channel alone after the ;
        # goes on with the breakdown before it.
        text = _breakdown_across_semicolons(before) or text
        found = _last(_words("breakdown"), text)
    included = text.rfind("(含")
    if included != -1 and (found is None or included > found.start()):
        # 更新政府信息1319条(含政府信息公开1115条,…): the parts in brackets, closed by them.
        part = text[included + 2 :]
        return None if ")" in part else part
    if found is None:
        return None
    part = text[found.end() :]
    # 其中 opened in brackets (收到申请44件(其中:网上申请42件…),本年度办结39件): they close it,
    # and a breakdown opened before them goes on (其中主动公开668条(包括规划信息…),依申请公开19条).
    while text[: found.start()].endswith("(") and ")" in part:
        found = _last(_words("breakdown"), text[: found.start() - 1])
        if found is None:
            return None
        part = text[found.end() :]
    # 包括…在内 closes what it includes (发布包括食品、药品等信息在内的各类信息516条): the count
    # after it is the whole, not a part.
    if found.group(0) == "包括" and "在内" in part:
        return None
    return part


#: How many statements parted by ; a breakdown is followed across.
_MAX_BREAKDOWN_STATEMENTS = 4


def _breakdown_across_semicolons(before: str) -> str | None:
    """The text from the statement that opens a breakdown (其中) to the count, when the
    statements after it up to the count's are a channel and its count each, with no verb of
    their own: the breakdown goes on across the semicolons. None otherwise."""
    statements = before.split(";")
    last = statements[-1]
    if not channels_in(last) or _words("publish").search(last):
        return None
    for k in range(
        len(statements) - 2, max(-1, len(statements) - 2 - _MAX_BREAKDOWN_STATEMENTS), -1
    ):
        if _words("breakdown").search(statements[k]):
            return ";".join(statements[k:])
        if not channels_in(statements[k]) or not _ANY_DIGIT.search(statements[k]):
            return None
    return None


# 共 covers 共计 and 总共.
_SUM_WORD = re.compile(r"共|合计|总计")


def _breakdown_over_the_sentence(cand: _Candidate) -> bool:
    """Whether the count stands after a semicolon in a sentence that opens with 其中, breaking
    down a total of the sentence before (主动公开…2727条。其中通过门户网站公开…;通过微信公众号、
    微博账号公开政务信息1447条): each statement is a part of it. Not a sum (…;共计…)."""
    before = cand.before
    if ";" not in before or _SUM_WORD.search(cand.lead) is not None:
        return False
    return cand.sentence.body.lstrip().startswith(("其中", "包括"))


def _new_media_broken_down(cand: _Candidate) -> bool:
    """Whether a count over new media as a kind (政务新媒体, no one platform) is broken down
    right after it (其中) into two or more counts, each naming its channel, that add up to it."""
    sentence, count = cand.sentence, cand.count
    if not any(kind in cand.span for kind in _word_set("kind_of_channel")):
        return False
    if not sentence.text.startswith(("其中", ",其中"), count.end):
        return False
    parts = [
        c
        for c in sentence.candidates
        if c.count.start > count.end and c.count.unit == count.unit and channels_in(c.lead)
    ]
    return len(parts) >= 2 and sum(c.count.value for c in parts) == count.value


def _sums_the_parts_before(cand: _Candidate) -> bool:
    """Whether a count in a breakdown, with a sum word, adds up the breakdown's counts before
    it (其中,网站更新信息14条,政务新媒体更新486条、全年总计更新主动公开信息500条): the total, not a
    part. Only where no count of its kind stands before the breakdown, in its sentence or the
    one before, that it could be a part of."""
    part = _breakdown_part(cand)
    if part is None or _SUM_WORD.search(cand.lead) is None:
        return False
    sentence, count = cand.sentence, cand.count
    opened = count.start - len(part)
    if any(c.start < opened and c.unit == count.unit for c in sentence.counts):
        return False
    for start, end in sentence.previous[-1:]:
        if re.search(rf"\d\s*{re.escape(count.unit)}", sentence.text[start:end]):
            return False
    parts = [c for c in sentence.counts if opened <= c.start < count.start and c.unit == count.unit]
    return len(parts) >= 2 and sum(c.value for c in parts) == count.value


def _in_breakdown(cand: _Candidate) -> bool:
    """Whether a 其中 opens a breakdown before the number (a semicolon closes it)."""
    return _breakdown_part(cand) is not None


# A list of kinds of content ending with 等, then no noun (…、…等共270余条).
_LIST_OF_KINDS = re.compile(r"、[^,;:。、]{1,20}等(?:共计|合计|共)?$")
# A passive after the verb saying where the items went (主动公开并被区政府网站采用46条): no
# object of it.
_ADOPTED_BY = re.compile(r"^并?被[^,;:。]{1,20}?(?:采用|采纳|刊用|刊发|转载)了?$")
# The object's tail that is no noun of it: 共计, 等, a label's 的情况: (政府信息的情况:40条).
# …主动公开的政府信息有58条: 有 before the count says there were so many.
_OBJECT_TAIL = re.compile(r"(?:共计|合计|总计|累计|共|计|达|为|了|等|有|:|,|的?情况)+$")
_OBJECT_SPLIT = re.compile(r"[、等和及与]|(?<!类)的")  # 政策法规类的信息: one head, a category


@cache
def _time_after_object() -> re.Pattern[str]:
    """The year's time printed after what was published, before its count (政府信息2024年全年):
    a year, or the words of ``cues.this_year``."""
    return re.compile(rf"(?:\d{{4}}年度?|{_alternation(vocabulary()['cues']['this_year'])})+$")


def _object_head(obj: str) -> str:
    """The last noun phrase of what was published (等方面信息 → 方面信息; 信息数 → 信息); of
    what comes before a list of its contents (的信息包括工作动态、政策法规等 → 信息); an aside
    in brackets left out (工作动态(含原创、转发等) → 工作动态)."""
    obj = _outside_asides(obj)
    listed = _words("content_after").search(obj)
    if listed and _ending("item_nouns").search(obj[: listed.start()]):
        obj = obj[: listed.start()]
    if _LIST_OF_KINDS.search(obj) and any(
        _ending("item_nouns").search(part) for part in _OBJECT_TAIL.sub("", obj).split("、")
    ):
        # 发布工作信息、出让公告、登记公告等共270余条: information among the kinds listed,
        # examples of all it published there, not the last one's count (a list of document
        # types alone, 刊登政府规章、规范性文件等112件, is documents).
        return ""
    obj = _OBJECT_TAIL.sub("", obj)
    if _ADOPTED_BY.match(obj):
        return ""
    parts = [p for p in _OBJECT_SPLIT.split(obj) if p]
    head = parts[-1] if parts else ""
    suffix = _ending("count_suffixes").search(head)
    if suffix and _ending("item_nouns").search(head[: suffix.start()]):
        head = head[: suffix.start()]
    timed = _time_after_object().search(head)
    if timed and _ending("item_nouns").search(head[: timed.start()]):
        head = head[: timed.start()]  # 主动公开政府信息2024年全年共计6条: the time, then the count
    return head


def _topic_level(head: str, agency: str | None = None) -> bool:
    text = head.replace("各类", "")
    # 职业技能相关推文: related to one subject; 相关信息 alone is what the body publishes, and so
    # is the information related to the body itself or its own field (区融媒体中心相关信息,
    # 我局相关信息, 生态环境领域相关信息 of an ecology bureau).
    related = text.find("相关", 1)
    if related != -1 and _names_the_body(_OWN_FIELD.sub("", text[:related]), agency):
        text, related = text[related:], -1
    kind = text.find("类", 2)
    if kind != -1 and agency and text[:kind] in agency:
        # 卫生健康类政府信息 of a health bureau: information of its own field, all of it (its
        # name's words as they stand: a test for every 类 of the many breakdowns by kind)
        text = text[kind + 1 :]
    return _has("topic_words", text) or "类" in text or related != -1


# The word after a body's name that makes it the body's field of work (生态环境领域, 民政工作).
_OWN_FIELD = re.compile(r"(?:领域|方面|工作|系统|行业)$")


def _names_the_body(words: str, agency: str | None) -> bool:
    """Whether ``words`` name the reporting body: 我局, 本单位, or its name or a part of it
    (区融媒体中心 for 赣县区融媒体中心)."""
    if _OWN_PREFIX.fullmatch(words):
        return True
    core = _PLACE_PREFIX.sub("", words)
    return bool(agency and core and (core in agency or _abbreviates(core, agency)))


@cache
def _noun_after_pattern() -> re.Pattern[str]:
    """What may follow the measure word of a count of items: an item noun, after the channel
    it was published on (999篇公众号信息) or not; or the channel alone, a post named by its
    channel (发布2436条微博)."""
    _pattern, owner = _channel_pattern()
    channels, nouns = _alternation(owner), _alternation(vocabulary()["cues"]["item_nouns"])
    # 发布127条公开信息: information said to be disclosed (主动公开的信息) is information.
    disclosed = "(?:(?:主动)?公开的?)?"
    # 主动公开的35条政府信息中,其中…: the count, then among them (中) its parts. 发布超235条
    # 各类信息: information of every kind.
    return re.compile(
        rf"(?P<channel>{channels})的?(?:{nouns})*|{disclosed}(?:各类)?(?:{nouns})+中?"
    )


@cache
def _topic_purpose_pattern() -> re.Pattern[str]:
    spec = vocabulary()["cues"]["topic_purpose"]
    verbs, objects = _alternation(spec["verbs"]), _alternation(spec["objects"])
    return re.compile(rf"^[^,;:。]{{0,6}}?(?:{verbs})(?:了|[^,;:。]{{0,20}}?(?:{objects}))")


def _topic_after(cand: _Candidate) -> str | None:
    """The clause right after the count, when it says what the items answered (回应了…舆情)
    and counts nothing itself."""
    sentence = cand.sentence
    ci = sentence.clause_of(cand.count.start)
    if ci + 1 >= len(sentence.clauses) or not cand.after_is_clause_end:
        return None
    a, b = sentence.clauses[ci + 1]
    if sentence.text[a - 1] == ";" or _ENUMERATOR_OPENS.match(sentence.text, a):
        return None  # …编辑政府公报4期;三是及时回应社会关切…: the next statement, not its aim
    k = bisect.bisect_left(sentence.count_starts, a)
    if k < len(sentence.counts) and sentence.counts[k].start < b:
        # 发布信息3043余条,回应…舆情15次: a clause with a count of its own is a statement of its
        # own in a list of the year's work, not what the items answered.
        return None
    clause = sentence.text[a:b]
    return clause if _topic_purpose_pattern().search(clause) else None


# An enumerator opening a statement of its own (三是, 四是).
_ENUMERATOR_OPENS = re.compile(r"[一二三四五六七八九十]是")
# Publishing on the body's own initiative, the template's 主动公开 (主动向社会公开 too).
_PROACTIVE = frozenset({"主动公开", "主动向社会公开", "主动向公众公开"})


def _proactive_before(lead: str, verb_start: int) -> bool:
    """Whether 公开 at ``verb_start`` of ``lead`` is 主动 to someone (主动向广大群众公开)."""
    return _PROACTIVE_TO.search(lead, max(0, verb_start - 10), verb_start) is not None


_PROACTIVE_TO = re.compile(r"主动向[^,;:。]{1,6}$")
# 主动 right before the verb, or before another that goes with it (主动更新发布).
_PROACTIVE_RIGHT_BEFORE = re.compile(r"主动(?:更新|及时)?$")


def _after_proactive_clause(cand: _Candidate) -> bool:
    """Whether the clause before the count's, counting nothing, ends by proactively disclosing
    government information, which the count's clause goes on to count (…等渠道主动公开政府信息，
    发布…等信息2300余条)."""
    sentence = cand.sentence
    k = sentence.clause_of(cand.count.start)
    if k == 0:
        return False
    start, end = sentence.clauses[k - 1]
    text = sentence.text
    return (
        _ANY_DIGIT.search(text, start, end) is None
        and _PROACTIVE_CLAUSE_END.search(text, start, end) is not None
    )


# A clause that ends by disclosing government information proactively, with no count.
_PROACTIVE_CLAUSE_END = re.compile(r"主动公开了?(?:政府信息|政务信息|信息)$")
# The reporting body named as owner before what it published (我镇信息, 本局信息).
_OWN_UNITS = r"(?:我|本)(?:镇|乡|街道|街|局|委|办|区|县|市|单位|机关|部门|中心|院|所|厅|署)"
_OWN_PREFIX = re.compile(rf"^{_OWN_UNITS}的?")
# The reporting body named as the subject before the verb (我委全年发布信息477条).
_OWN_SUBJECT = re.compile(_OWN_UNITS)


def _place_of(agency: str | None) -> str | None:
    """The last place a government's name holds, as its reports name it as a subject (禹会区
    for 蚌埠市禹会区人民政府: 2023年，禹会区常态化更新公开信息20949条); None for other bodies.

    >>> _place_of("蚌埠市禹会区人民政府"), _place_of("某县某镇人民政府"), _place_of("某县教育局")
    ('禹会区', '某镇', None)
    """
    place = _GOVERNMENT_SUFFIX.sub("", agency or "")
    last = _LAST_PLACE.search(place) if place != agency else None
    return last.group(0) if last is not None else None


_GOVERNMENT_SUFFIX = re.compile(r"(?:人民政府|政府)(?:办公室|办公厅)?$")
# The last place of a government's name (蚌埠市禹会区 → 禹会区), two characters or more.
_LAST_PLACE = re.compile(r"[^市省州盟区县旗镇乡]{1,8}(?:区|县|市|旗|镇|乡|街道)$")


def _clause_end(text: str, start: int) -> int:
    """Where the clause of ``text`` that holds ``start`` ends."""
    return next((i for i in range(start, len(text)) if text[i] in _CLAUSE_END), len(text))


def _sub_units(text: str) -> re.Match[str] | None:
    """The last word of ``text`` naming subordinate units (各乡镇, 镇街), not one inside a
    street office's name (安镇街道: the 安镇 street office, no 镇街)."""
    found = None
    for m in _words("sub_units").finditer(text):
        if not (m.group(0).endswith("街") and text.startswith("道", m.end())):
            found = m
    return found


# A town's or a street office's own name (某某镇人民政府, 某某街道办事处).
_TOWNSHIP_BODY = re.compile(r"(?:街道|街道办事处|街道办|街办|镇|乡)(?:人民政府)?$")


def _units_of_its_own_kind(units: re.Match[str], agency: str | None) -> bool:
    """Whether the units are towns and streets (镇街) in a town's or street office's report:
    the district site's pages for each of them hold the body's own (区政府网站镇街专属网页),
    no units under it.

    >>> _units_of_its_own_kind(_sub_units("区政府网站镇街专属网页"), "某某街道办事处")
    True
    >>> _units_of_its_own_kind(_sub_units("区政府网站镇街专属网页"), "某某区人民政府")
    False
    """
    return (
        agency is not None
        and _TOWNSHIP_BODY.search(agency) is not None
        and set(units.group(0)) <= set("各乡镇街")
    )


def _every_level_of_a_government(text: str, units: re.Match[str], agency: str | None) -> bool:
    """Whether the units are those of every level (全市各级各部门, 我县各级各单位) in a
    government's report: the area's government as a whole, which that report covers, not
    units under it."""
    return (
        agency is not None
        and "人民政府" in agency
        and text.endswith("各级", 0, units.start())
        and units.group(0) in ("各部门", "各单位")
    )


def _topic_has_its_own_verb(cand: _Candidate, span: str, topic: re.Match[str]) -> bool:
    """Whether the topic's clause, one before the count's own, publishes in a verb of its own
    (围绕…选题精选内容推送，…公众号发布推文687篇): it says what the work aims at, and the count's
    clause states its own count, not a part of that."""
    end = _clause_end(span, topic.end())
    if cand.span_start + end >= cand.lead_start:
        return False  # the topic in the count's own clause (围绕疫情防控发布信息50条)
    return _has("publish", span[topic.end() : end])


def _clause_opens_with_the_year(cand: _Candidate, topic: re.Match[str]) -> bool:
    """Whether the count's own clause, after the topic's, opens with the report's time (全年,
    2024年): a statement of the year's count, not of the topic's part."""
    sentence = cand.sentence
    start = sentence.clauses[sentence.clause_of(cand.count.start)][0]
    if cand.span_start + topic.start() >= start:
        return False  # the topic in the count's own clause (全年围绕疫情防控发布信息50条)
    return _year_opening().match(sentence.text, start) is not None


@cache
def _year_opening() -> re.Pattern[str]:
    """A year (2024年, 2024年度) or one of ``cues.this_year`` (全年, 本年度) at a clause's start."""
    return re.compile(rf"\d{{4}}年度?|{_alternation(vocabulary()['cues']['this_year'])}")


def _previous_clause_start(cand: _Candidate) -> int:
    """Where the clause before the count's own starts (the count's own, when it is the first)."""
    sentence = cand.sentence
    ci = sentence.clause_of(cand.count.start)
    return sentence.clauses[max(ci - 1, 0)][0]


def _where_published(cand: _Candidate, verb: re.Match[str] | None) -> str:
    """The text from the span's start to the count with the channel words that name no place
    of publishing blanked out (same length): an account's name in quotes before its channel
    (“某某政府网”微信公众号), and a channel named as content after the verb (发布政府公报、
    规范性文件等政府信息), unless items of it follow (发布微信文章) or it is where they went
    (发布至政府网站)."""
    window = cand.sentence.text[cand.span_start : cand.count.start]
    pattern = _channel_pattern()[0]
    object_start = cand.lead_start + verb.end() - cand.span_start if verb is not None else -1
    in_object = object_start >= 0 and pattern.search(window, object_start) is not None
    main_way = (
        _MAIN_WAY.search(window)
        if "为主" in window or "作用" in window or "为第一" in window
        else None
    )
    supplement = _SUPPLEMENT.search(window) if "为补充" in window or "为辅" in window else None
    examples = _EXAMPLES_ASIDE.search(window) if "(" in window else None
    if (
        not in_object
        and '"' not in window
        and "《" not in window
        and main_way is None
        and supplement is None
        and examples is None
    ):
        return window  # the usual clause: nothing to blank
    blank = list(window)
    for aside in _EXAMPLES_ASIDE.finditer(window) if examples is not None else ():
        # 其他渠道(包括政务服务平台、新闻发布会等)发布信息105条, 政务新媒体(微信公众号等)公开
        # 229条: examples of the ways named before it, not where the count went (a channel
        # alone in brackets says which it is: 政务新媒体(微信公众号) is WeChat)
        inside = aside.group(0)
        if not (inside.startswith(("(包括", "(包含", "(含", "(如")) or inside.endswith("等)")):
            continue
        if pattern.search(window, max(0, aside.start() - 6), aside.start()):
            blank[aside.start() : aside.end()] = "□" * (aside.end() - aside.start())
    for way in [main_way, supplement]:
        # 以门户网站为主渠道，全年共主动公开政府信息860条: the main way among others, not the
        # only one the count was published through; nor are those that supplement it.
        if way is not None:
            blank[way.start() : way.end()] = "□" * (way.end() - way.start())
    for quoted in _QUOTED.finditer(window):
        if pattern.match(window, quoted.end()):  # the name blanked, its quotes kept
            blank[quoted.start() + 1 : quoted.end() - 1] = "□" * (quoted.end() - quoted.start() - 2)
    for titled in _COLUMN_TITLES.finditer(window):
        # The titles of a site's columns (网站《部门动态》《政府开放日》栏目) name no place of
        # publishing; a newspaper's (《某某日报》) does.
        for title in _TITLED.finditer(window, titled.start(), titled.end()):
            blank[title.start() + 1 : title.end() - 1] = "□" * (title.end() - title.start() - 2)
    if in_object:
        for m in pattern.finditer(window, object_start):
            if _words("item_nouns").match(window, m.end()) or _DESTINATION.search(
                window, max(0, m.start() - 2), m.start()
            ):
                continue
            blank[m.start() : m.end()] = "□" * (m.end() - m.start())
    return "".join(blank)


_QUOTED = re.compile(r'"[^"]{1,20}"')
# Every kind of platform or channel, none named (通过各类平台, 通过多种渠道, 多渠道).
_EVERY_PLATFORM = re.compile(
    r"(?:通过|依托|利用)(?:各类|各种|多种|多个|各)(?:平台|渠道|途径|载体)|多渠道"
)
# An aside in brackets, which may list what a channel named before it includes
# (其他渠道(包括政务服务平台、…等)): _where_published says which do.
_EXAMPLES_ASIDE = re.compile(r"\([^()]{1,40}\)")
# A channel named as the main way of several (以门户网站为主渠道, 以政府网站为主要平台).
# A clause of its own: 以部门网站为主要公开平台发布信息1287条 is the site's count.
# So is the role channels are given in a clause of their own (充分发挥政府门户网站和新媒体作用,
# 强化门户网站信息公开第一平台作用).
# So is the first way (以政府网站为第一公开平台).
_MAIN_WAY = re.compile(
    r"(?:以[^,;:。]{1,40}?为(?:主要?|第一)(?:信息发布|信息公开|发布|公开)?"
    r"(?:渠道|阵地|平台|载体|窗口|途径)"
    r"|(?:发挥|强化)[^,;:。]{1,40}?作用)"
    r"(?=[,;:])"
)
# And the ways that supplement it, a clause of their own (政务新媒体和其他传统公开形式为补充).
# Searched only where its words are: a pattern that opens with a class is tried everywhere.
_SUPPLEMENT = re.compile(r"[^,;:。]{1,40}?为(?:补充|辅)(?=[,;:])")
_TITLED = re.compile(r"《[^《》]{1,30}》")
# A run of titles in 《》 that a column word follows (《部门动态》《政府开放日》栏目).
_COLUMN_TITLES = re.compile(r"(?:《[^《》]{1,30}》[、和及]?)+(?=栏目|专栏|栏|频道)")
_DESTINATION = re.compile(r"[至到于在被]")  # 被: taken up by it (被区政府网站采用)


# What ends a board's name after a publishing verb (公示栏, 公开栏, 公告牌, 公示公告栏): a
# channel, no verb.
_BOARD_NAME_REST = re.compile(r"(?:公告|公示|公开)?[栏牌板墙]")


def _last_verb(lead: str) -> re.Match[str] | None:
    """The last publishing verb of ``lead`` that is not inside a noun (政务公开信息), nor 推文
    after another verb, where it is the noun (发布职业技能相关推文30篇), nor inside an aside in
    brackets (发布信息(含转载)120条)."""
    if lead.endswith((")", "]", "】")) and (aside := _ASIDE_AT_END.search(lead)) is not None:
        return _last_verb(lead[: aside.start()])  # a prefix: its positions are the lead's
    last = _last(_words("publish"), lead)
    if last is not None and _BOARD_NAME_REST.match(lead, last.end()):
        # 公示栏181条, 公示公告栏318条: a board, no verb
        last = _last(_words("publish"), lead[: last.start()])
    if last is not None and last.group(0) == "推文":
        earlier = _last(_words("publish"), lead[: last.start()])
        if earlier is not None:
            last = earlier
    elif (
        last is not None
        and last.group(0) == "公示"
        and _ending("item_nouns").search(lead, 0, last.start())
    ):
        # 主动公开行政处罚信息公示47条: 公示 after the information an earlier verb published
        # names a notice, part of that verb's object.
        earlier = _last(_words("publish"), lead[: last.start()])
        if earlier is not None:
            last = earlier
    if last is None:
        return _gazette_made(lead)
    if "公开信息" not in lead:  # the one verb that makes such nouns
        return last
    nouns = [m.span() for m in _words("total_nouns").finditer(lead)]
    found = None
    for m in _words("publish").finditer(lead):
        if not any(a <= m.start() and m.end() <= b for a, b in nouns):
            found = m
    return found


@cache
def _gazette_making_pattern() -> re.Pattern[str]:
    gazette = vocabulary()["channels"]["gazette"]["aliases"]
    return re.compile(
        f"(?:{_alternation(vocabulary()['cues']['gazette_making'])})"
        f"(?=[^,;:。]{{0,30}}?(?:{_alternation(gazette)})》?\\s*$)"
    )


def _gazette_made(lead: str) -> re.Match[str] | None:
    """A verb that makes a gazette's issues, with the gazette its object right before the count
    (编辑《某市人民政府公报》24期, 制作政府公报6期): its issues are what it publishes.

    >>> _gazette_made("编辑《上海市人民政府公报》").group(0)
    '编辑'
    >>> _gazette_made("制作政策解读图解") is None
    True
    """
    return _last(_gazette_making_pattern(), lead)


_NEW_THIS_YEAR = re.compile(r"(?:其中)?(?:本年度|本年|今年|全年|当年|年内)新增了?")


def _stock_before_new(cand: _Candidate) -> _Candidate | None:
    """The running total a count of the year's new items follows (累计…3819条，本年度新增295
    条: the 3819's candidate), or None."""
    if _NEW_THIS_YEAR.fullmatch(cand.lead) is None:
        return None
    stock = _candidate_before(cand)
    if stock is None or stock.count.unit != cand.count.unit:
        return None
    return stock if _has("running_total", stock.lead) else None


_GAZETTE_NAMED = re.compile(r"《[^》]{1,30}公报》|(?:政府)?公报")


# Issues put out (出刊), the clause saying no more than when (高质量办好市政府公报，全年出刊48期).
_PUT_OUT_ALONE = re.compile(r"(?:全年|本年度?|今年|年内)?(?:共|累计)?(?:出刊|刊出)了?(?:共|计)?")


def _gazette_put_out(cand: _Candidate) -> int | None:
    """Where the clause naming the gazette starts, when a count in 期 is of issues put out
    (出刊) in a clause of its own after that one; None otherwise."""
    if cand.count.unit != "期" or not _PUT_OUT_ALONE.fullmatch(cand.lead):
        return None
    sentence = cand.sentence
    k = sentence.clause_of(cand.lead_start)
    if k == 0:
        return None
    start, end = sentence.clauses[k - 1]
    if _GAZETTE_NAMED.search(sentence.text, start, end) is None:
        return None
    return start


def _gazette_issues_after(cand: _Candidate) -> str | None:
    """Why a count in 期 is of a gazette's issues named after it, made or published (完成9期
    《南昌市人民政府公报》的编辑出版和发行), or None."""
    if cand.count.unit != "期":
        return None
    named = _GAZETTE_NAMED.match(cand.after)
    if named is None:
        return None
    rest = cand.after[named.end() : named.end() + 12]
    made = _words("gazette_making").search(rest) or _words("publish").search(rest)
    if made is None:
        return None
    return f"issues of the gazette named after the count, {made.group(0)} ({named.group(0)})"


def _breaks_down_website(cand: _Candidate, part: str) -> bool:
    """Whether the breakdown ``part`` ends in splits a website's count (通过局网站发布政府信息
    825条，其中，…通知公告栏发布信息194条，双公示栏…): a 栏 there is a column of the site."""
    sentence = cand.sentence
    opened = cand.count.start - len(part)
    last = bisect.bisect_right(sentence.count_ends, opened) - 1
    if last < 0:
        return False
    total = sentence.counts[last]
    a = sentence.clauses[sentence.clause_of(total.start)][0]
    return "website" in channels_in(sentence.text[a : total.start])


def _own_channel_named(span: str) -> bool:
    """Whether ``span`` names a channel the body runs itself (通过微信官方公众号发布报道247篇):
    what it posts there are its items, whatever it calls them."""
    own = set(vocabulary()["own_channels"])
    return any(channel in own for channel in channels_in(span))


# A channel opened (开设, 开通 …): a topic before it says what the channel is for.
_CHANNEL_OPENED = re.compile(r"开设|开通|创建|创办|建立|打造")


def _contents_listed(cand: _Candidate) -> bool:
    """Whether the breakdown before the count is a 包括 with no count before it in the sentence
    (主动公开的信息主要包括:通过…等渠道发布各类信息63余条): it lists what was published, and
    breaks down no total."""
    part = _breakdown_part(cand)
    if part is None:
        return False
    at = cand.count.start - len(part)
    text = cand.sentence.text
    return (
        text.startswith("包括", at - 2) and bisect.bisect_right(cand.sentence.count_ends, at) == 0
    )


def _in_brackets_after_reports(cand: _Candidate) -> bool:
    """Whether the count stands in brackets opened right after a count of publicity reports
    placed in the media (…正向宣传报道3292篇(国家级媒体发稿300篇、省级媒体发稿419条)): one of
    its parts, no more items than the whole."""
    sentence, text = cand.sentence, cand.sentence.text
    if not sentence.names_publicity:
        return False
    opened = text.rfind("(", sentence.start, cand.count.start)
    if opened == -1 or text.find(")", opened, cand.count.start) != -1:
        return False
    k = bisect.bisect_right(sentence.count_ends, opened) - 1
    if k < 0 or sentence.counts[k].end != opened:
        return False
    whole = sentence.counts[k]
    lead = text[sentence.clauses[sentence.clause_of(whole.start)][0] : whole.start]
    return _has("publicity_nouns", lead) and not _own_channel_named(lead)


def _names_breakdown(cand: _Candidate) -> bool:
    """Whether the sentence names a breakdown (其中) before the count: a substring test, done
    before the breakdown's pattern is tried."""
    text, start, end = cand.sentence.text, cand.sentence.start, cand.count.start
    return any(text.find(word, start, end) != -1 for word in vocabulary()["cues"]["breakdown"])


def _words_after(cand: _Candidate) -> str:
    """The words after a count that may name what it counts: up to the next item of a list
    (网站发布信息5123条、公众号发布820条), and none when 并 goes on to say something of it
    (发布信息759条并达到超17万次阅读量)."""
    after = cand.after.split("、", 1)[0].strip()
    return "" if after.startswith("并") else after


def _candidate_before(cand: _Candidate) -> _Candidate | None:
    """The count right before this one in its sentence, or None."""
    before = [c for c in cand.sentence.candidates if c.count.end <= cand.count.start]
    return before[-1] if before else None


# A clause of the way through channels alone (通过市交通运输委门户网站,): no digit, and nothing
# after the channels' names but their own words.
_THROUGH_CHANNELS_ONLY = re.compile(r"(?:通过|依托|利用|借助)[^\d]{2,30}$")


# Information as such, of every kind, with no verb: the last item of a list of kinds.
_EVERY_KIND_ALONE = re.compile(
    r"(?:共|共计|合计|总计|累计)?(?:各类|各项)?(?:政府|政务)?信息(?:共|共计)?"
)


def _total_after_kinds(cand: _Candidate) -> tuple[str, int, str] | None:
    """Information of every kind counted as the last item of a list of kinds that shares the
    first item's verb (在某某官网主动公开政策文件14篇、政策文件解读15篇，各类政府信息2268余条):
    the channel the list's first clause names (all when none), or None when the count is no
    such item."""
    lead = cand.lead
    sentence, text = cand.sentence, cand.sentence.text
    if (
        cand.lead_start <= sentence.start
        or text[cand.lead_start - 1] not in ",;"
        or "各类" not in lead
        or not _EVERY_KIND_ALONE.fullmatch(lead)
    ):
        return None
    # Back over the kinds' clauses, each ending with its count, to the one with the verb.
    mark = cand.lead_start - 1
    for _ in range(_MAX_LIST_ITEMS):
        k = bisect.bisect_right(sentence.count_ends, mark) - 1
        if k < 0 or sentence.counts[k].end != mark:
            return None
        start = sentence.clauses[sentence.clause_of(mark - 1)][0]
        verb = _last_verb(text[start:mark])
        if verb is not None:
            break
        mark = start - 1
        if mark <= sentence.start or text[mark] not in ",;":
            return None
    else:
        return None
    named = set(channels_in(text[start : start + verb.start()]))
    if len(named) > 1 or named & {"hotline", "open_day", "press_conference"}:
        return None
    why = f"information of every kind after the kinds listed, verb {verb.group(0)}"
    return (named.pop() if named else "all"), start, why


@cache
def _summed_disclosed_noun() -> re.Pattern[str]:
    """The year, the information made public as a noun (政务公开信息), a sum word: a clause
    that states the total without a verb (全年政务公开信息共44条)."""
    this_year = _alternation(vocabulary()["cues"]["this_year"])
    return re.compile(
        rf"(?:{this_year})?度?(?:政务|政府)公开信息(?:数量|总数|总量)?(?:共计|合计|总计|共)(?:为|达)?"
    )


def _breaks_down_its_own_channel(cand: _Candidate, part: str, channel: str) -> bool:
    """Whether the total before the 其中 that ``part`` follows was published on ``channel``
    alone, and the breakdown names no other channel: its parts are levels or kinds of that
    channel's count."""
    sentence = cand.sentence
    breakdown_at = cand.count.start - len(part)
    total = _count_ending_before(sentence, breakdown_at)
    if total is None or total.unit not in vocabulary()["units"]["items"]:
        return False
    in_total = set(channels_in(_clause_lead(sentence, total)))
    in_breakdown = set(channels_in(sentence.text[breakdown_at : sentence.end]))
    return in_total == in_breakdown == {channel}


def _count_ending_before(sentence: _Sentence, at: int) -> Count | None:
    """The sentence's last count that ends by ``at``. Counts do not overlap, so their ends rise
    with their starts: found by bisection (a long sentence holds thousands)."""
    last = bisect.bisect_right(sentence.count_ends, at) - 1
    return sentence.counts[last] if last >= 0 else None


def _clause_lead(sentence: _Sentence, count: Count) -> str:
    """The words of ``count``'s clause before it."""
    return sentence.text[sentence.clauses[sentence.clause_of(count.start)][0] : count.start]


# The way a part was published, named after its count (20条通过政府网站公开).
_WAY_AFTER = re.compile(r"(?:通过|在|经)([^,;:。、\d]{1,24}?)(?:主动)?(?:公开|发布|推送|公布)$")
# A site's name right before its account's channel word (某市人民政府网站微博, 门户网站微信公众号):
# the account is named by the site, not listed with it.
_SITES_ACCOUNT = re.compile(r"网站(?:官方)?(微博|微信|抖音)")


@cache
def _platforms_account() -> re.Pattern[str]:
    """A platform other than WeChat, an account's name in quotes, then 公众号: the platform's
    account (今日头条“北京丰台”公众号), no WeChat account; the 公众号 is dropped."""
    # Not a kind of channel (政务新媒体“某某发布”公众号: a WeChat account of the new media).
    words = [
        alias
        for channel, spec in vocabulary()["channels"].items()
        if channel not in ("wechat_official", "website")
        for alias in spec["aliases"]
        if "新媒体" not in alias and "平台" not in alias
    ]
    return re.compile(f'((?:{_alternation(words)})(?:"[^"]{{1,16}}"|“[^”]{{1,16}}”))公众号')


# A publishing verb joined to the one after it (发布和转载, 发布转载).
_JOINED_VERB_BEFORE = re.compile(r"(?:发布|公开|推送|更新)(?:和|及|与|、|并)?$")


def _items(cand: _Candidate, agency: str | None = None) -> tuple[str, int, str] | str:
    """Items published: (channel, evidence start, why), or why the count is not report-level."""
    verbs = _words("publish")
    span = cand.span
    if cand.count.unit in _COPIES and (_PRINT_RUN.search(cand.lead) or _right_after_issues(cand)):
        return "copies printed or handed out (发行N份, 6期1920份), not items published"
    gazette = _gazette_issues_after(cand)
    if gazette is not None:
        return "gazette", cand.lead_start, gazette
    put_out = _gazette_put_out(cand)
    if put_out is not None:
        return "gazette", put_out, "issues put out (出刊) of the gazette named before"
    stock = _stock_before_new(cand)
    if stock is not None:
        # 累计主动公开政府信息3819条，本年度新增295条: the year's items, where the total went.
        found = _items(stock, agency)
        if isinstance(found, str):
            return found
        channel, _start, why = found
        return channel, stock.lead_start, f"the year's new items after a running total; {why}"
    if _last_verb(span) is None:  # none, or only inside a noun (报送政务公开信息)
        item = _channel_list_item(cand)
        if item is not None:
            return item
        if _summed_disclosed_noun().fullmatch(cand.lead):
            # 全年政务公开信息共44条: the information made public, summed, its noun the subject.
            return "all", cand.lead_start, "a stated total: the information made public, summed"
        total = _total_after_kinds(cand)
        if total is not None:
            return total
        if not _names_breakdown(cand):
            return "no publishing verb (发布, 公开 …) before it"  # and no breakdown (其中)
        return _channel_in_breakdown(cand)
    # After the number: nothing, or a generic noun (发布400余条信息), possibly after the
    # channel (999篇公众号信息); 51条疫情防控相关信息 names a topic. A 、 opens the next item
    # of a list (网站发布信息5123条、公众号发布820条), which says nothing of this count.
    after = _words_after(cand)
    described = _words("content_after").search(after)
    if described:
        after = after[: described.start()]  # 20条内容涉及公告公示: what the 20 cover
    channel_after: list[str] = []
    if after:
        m = _noun_after_pattern().fullmatch(after)
        if m is None:
            return f"the words after it name a topic or another thing ({after[:12]})"
        if m.group("channel"):
            channel_after = channels_in(m.group("channel"))
    verb = _last_verb(cand.lead)
    if _ASKED_FOR.search(cand.lead) is not None:
        # 所申请信息已主动公开2件: an answer to applications (what was asked for had been
        # published), not items published.
        return "information asked for, an answer to applications, not items published"
    if verb is not None and cand.lead.endswith("依申请", 0, verb.start()):
        # 我局依申请公开政府信息10条: what was disclosed on request, not published by the body.
        return "information disclosed on request (依申请公开), not items published"
    if (
        verb is not None
        and _words("reposts").fullmatch(verb.group(0))
        and _JOINED_VERB_BEFORE.search(cand.lead, 0, verb.start()) is None
    ):
        # 通过政府网站转载国家、省政府信息7271条: reposts alone, stated apart from the own posts
        # (发布和转载…383条 counts both, the account's).
        return f"reposts ({verb.group(0)}), not items the body published"
    if _in_brackets_after_reports(cand):
        # 媒体共发布…宣传报道3292篇(国家级媒体发稿300篇、…): a part of the reports.
        return "a part of publicity reports counted right before its brackets, not items"
    # 公开了各类信息: the aspect word after the verb is no part of its object
    obj = cand.lead[verb.end() :].removeprefix("了") if verb else cand.lead
    head = _object_head(obj)
    if verb and (not head or _ending("count_suffixes").fullmatch(head)):
        # The object before the verb: 全年政府信息主动公开38条, 微信公众号信息发布量794条.
        # 共完成各类信息发布12209条: what the publishing completed was of, after 完成.
        before = cand.lead[: verb.start()]
        subject = _object_head(before[before.rfind("完成") + 2 :] if "完成" in before else before)
        if _ending("item_nouns").search(subject):
            head = subject
        elif head:
            head = ""  # 主动公开总数146条: the count of what the verb published
    if head:
        reports = _has("publicity_nouns", head)
        if reports and not _own_channel_named(span):
            return f"publicity reports ({head}), not items the body published"
        issues = cand.count.unit == "期" and channels_in(head)  # 发布政府公报12期: its issues
        if not reports and not issues and not _ending("item_nouns").search(head):
            return f"what was counted ({head}) is not items of information"
        if _topic_level(head, agency) and not (
            _AREAS_OF_ITS_WORK.fullmatch(head) and _listed_before(span, head)
        ):
            # Not 主动公开乡村振兴、医疗、养老等相关领域信息: the areas of its work, listed (and
            # …、政府采购等14类政府信息: every kind it published, listed and numbered).
            return f"a topic or document type ({head}), not all items"
    category = _words("category").search(cand.lead)
    if category or head.startswith("其他"):
        return f"a category of content ({category.group(0) if category else head}), not a total"
    topic = _last(_words("topic_lead"), span)
    if topic and _words("general_aims").search(span, topic.end(), _clause_end(span, topic.end())):
        topic = None  # 围绕人社业务重点工作: the body's work as a whole
    if topic and _many_areas(span[topic.end() : _clause_end(span, topic.end())]):
        topic = None  # 围绕疫情防控、文明创建、…等…方面: the areas of its work, no one topic
    if (
        topic
        and "各类" in cand.lead
        and _many_areas(span[topic.end() : _clause_end(span, topic.end())], 2)
    ):
        topic = None  # 聚焦业务动态、政策法规等领域，共主动公开各类政府信息79条: of every kind
    if topic and cand.span_start + topic.start() < _previous_clause_start(cand):
        topic = None  # 聚焦…热点信息，加大公开力度，全年共发布…: the work's focus, two clauses back
    if topic and _topic_has_its_own_verb(cand, span, topic):
        topic = None  # 围绕…选题精选内容推送，某某微信公众号发布推文687篇: a statement of its own
    if (
        topic
        and (opened := _CHANNEL_OPENED.search(span, topic.end()))
        and channels_in(span[opened.end() :])
    ):
        topic = None  # 聚焦…开设"某某"微信公众号，发布信息1700余条: why the account was opened
    if topic and _clause_opens_with_the_year(cand, topic):
        topic = None  # 聚焦…等核心业务，全年主动公开信息59条: the year's count, stated on its own
    if topic:
        return f"a topic subset ({topic.group(0)}…), not a total"
    purpose = _topic_after(cand)
    if purpose:
        return f"a topic subset: the next clause says what the items answered ({purpose[:12]})"
    # The channel: named in the nearest clause of the span that names any.
    text = cand.sentence.text
    named: list[str] = []
    evidence_start = cand.lead_start
    word = ""
    word_end = 0
    window = _where_published(cand, verb)  # text[span_start:count.start], content masked
    own_clause = cand.sentence.clauses[cand.sentence.clause_of(cand.count.start)][0]
    counted_later: set[str] = set()  # channels named before the count's clause, counted after it
    for a, b in reversed([c for c in cand.sentence.clauses if c[1] > cand.span_start]):
        a = max(a, cand.span_start)
        b = min(b, cand.count.start)
        if a >= b:
            continue
        piece = window[a - cand.span_start : b - cand.span_start]
        named = channels_in(piece)
        if named and a < own_clause:
            counted_later = _counted_later(cand, set(named))
            if counted_later:
                # …门户网站维护栏目，…主动公开信息共373条，通过政府门户网站发布信息93条: the
                # site has its own count after this one, which is no count of the site's.
                named = []
                break
        if named and a > cand.span_start:
            # 通过市交通运输委门户网站，市、区两级媒体途径公开信息共172条: a clause that is only
            # the way through channels, no verb or count of its own, lists them with these.
            way_start, way_end = cand.sentence.clauses[cand.sentence.clause_of(a) - 1]
            way = window[
                max(way_start, cand.span_start) - cand.span_start : way_end - cand.span_start
            ]
            if (
                text.startswith(",", way_end)  # not a bracket's: 通过政务新媒体(微信公众号)发布
                and _THROUGH_CHANNELS_ONLY.match(way)
                and not _has("publish", way)
            ):
                named = channels_in(way) + named
        if named:
            evidence_start = a
            found = _last(_channel_pattern()[0], piece)
            word, word_end = found.group(0), a + found.end()  # type: ignore[union-attr]
            if (
                len(set(named)) > 1
                and found is not None
                and piece.endswith("等", 0, found.start())
                and _channel_pattern()[1][word] == ("media",)
            ):
                named = ["media"]  # 学习强国等国家级媒体: examples of the media named after 等
            elif piece.startswith("等媒体", found.end()) and "media" in channels_in(cand.span):  # type: ignore[union-attr]
                named = ["media"]  # 在报刊、电视、网站等媒体公开…351条: all of them media
                word_end += len("等媒体")  # the 等 named them all: no channels beyond
            break
    if not named and channel_after:
        named, word = channel_after, after
    if not named:
        # 发布政府公报12期, 推送微信约2100条: the publication issued, or the account's posts, is
        # the object, and names the channel.
        named, word = [c for c in channels_in(head) if c in _ISSUED_CHANNELS], head
    if not named:
        named, word = _sentence_subject_channel(cand)
    if not named:
        named, word = _clause_opening_channel(cand)
    if not named and (site := _SITE_BY_ITS_NAME.search(cand.lead)) is not None:
        # 通过江苏民政网公开…: a site by its name
        named, word = ["website"], site.group(1) or f'"{site.group(2)}"网'
    if counted_later & set(named):
        named, word = [], ""
    # Not when the list opens with the site (通过政府门户网站、电子大屏、微博…等其他方式): every way
    # the body has, not the ways other than its site.
    other_ways = (
        _OTHER_WAYS_AFTER_LIST.search(text, own_clause, cand.count.start)
        if len(set(named)) > 1 and "other" in named and named[0] != "website"
        else None
    )
    if other_ways is not None:
        # 利用广播、报纸、展板及微信群等其他方式公开…22条: examples of the other ways. Examples all
        # of one channel (公开栏、电子显示屏等其他渠道公开713条) say which channel the ways are.
        examples = {c for c in named if c != "other"}
        named = list(examples) if len(examples) == 1 else ["other"]
        word = other_ways.group(0)
    if not named and (
        ways := _WAYS_LISTED.search(text, _previous_clause_start(cand), cand.count.start)
    ):
        # 通过与群众面对面交流、召开村民代表大会以及张贴宣传资料等方式: ways with no channel's name.
        named, word = ["other"], ways.group(0)
    distinct = set(named)
    # One channel and others like it (通过官网等渠道发布): several channels, read as a total only
    # when the clause states one (共发布各类信息40余条), as when it names them all.
    others_like_it = (
        _others_like_it().search(text, word_end, cand.count.start) if word_end else None
    )
    # …门户网站信息公开栏目、美篇平台等多样化渠道: a way listed after the channel's words, with
    # no channel's name, is another channel; not after a newspaper's (济宁日报、齐鲁壹点等平台:
    # outlets the list of media words has no name for).
    unnamed_listed = (
        others_like_it is not None
        and "、" in text[word_end : others_like_it.start()]
        and "media" not in named
    )
    if len(distinct) == 1 and not ((len(named) == 1 or unnamed_listed) and others_like_it):
        channel = named[0]
        if channel in ("hotline", "open_day", "press_conference"):
            return f"a {channel} count: events or calls, not items"
        joined = _JOINED_AND_SUMMED.match(text, word_end) if word_end else None
        if joined is not None:
            # 微信公众平台及美篇共计发布信息185条: the channel and a platform named with it.
            return f"the sum of {word} and what is named with it ({joined.group(0)})"
        if (
            channel == "website"
            and word_end
            and _words("sub_columns").search(text, word_end, cand.count.start)
        ):
            # 在门户网站“基层政务公开”栏下的“户籍管理”子栏目，发布…动态24条: a part of a column
            # of the site, never the body's whole site (a column alone may be: 白水乡专栏).
            return "published in a sub-column of the site (子栏目), one part of it"
        sentence = cand.sentence
        part = _breakdown_part(cand) if _names_breakdown(cand) else None
        if channel == "offline_board" and part is not None and _breaks_down_website(cand, part):
            return f"a column of the website broken down ({word}), not a board"
        if part is not None and _breaks_down_its_own_channel(cand, part, channel):
            # 全市政府网站集群…27108条，其中市级政府网站公开8020条，各县(区)政府网站…: levels
            # of the same channel's count, none of them the body's own channel count.
            return f"a part of the {channel} count broken down (其中…N条)"
        if (
            part is not None
            and not _generic_head(head)
            and _breaks_down_topics(sentence, cand.count.start - len(part))
        ):
            # 全年公开信息37条，其中：通过网站发布审计动态29条，审计结果1条…: a topic of many.
            # Information as such through a channel (通过其他方式公开信息数268条) is its share.
            return "a channel's part in a breakdown of topics (其中…动态N条，…结果N条)"
        if head and not _generic_head(head) and _opens_a_list_of_kinds(cand):
            return f"the first of a list of kinds of content ({head}N条、…), one part of them"
        verb_word = verb.group(0) if verb else _last(verbs, span).group(0)  # type: ignore[union-attr]
        # 各县(市、区)政府门户网站: one name, which brackets and 、 cut into clauses
        k = sentence.clause_of(evidence_start)
        while k > 0 and text[sentence.clauses[k][0] - 1] in "()、":
            k -= 1
        units = _sub_units(text[sentence.clauses[k][0] : cand.count.start])
        if units is not None and not _units_of_its_own_kind(units, agency):
            # 全市所辖各县(市、区)政府门户网站…73000余条: the sites of the units it governs.
            return f"the channels of subordinate units ({units.group(0)}), not the body's own"
        summed = _channels_summed_after(cand)
        if len(summed) > 1 and channel in summed and _generic_head(head):
            # 通过政府网站主动公开各类政府信息717条,其中政府网站公开信息594条、政务微信公开政府
            # 信息123条: its 其中 gives the site a count of its own and others beside it.
            return "all", cand.lead_start, "a total: the channels its 其中 lists add up to it"
        why = f"verb {verb_word}, channel word {word}"
        return channel, min(evidence_start, cand.lead_start), why
    # A stated total: 主动公开…信息, or 公开/公布/发布 government information as such.
    # What the clause names before its own verb: where the count was published.
    where = cand.lead[: verb.start()] if verb is not None else ""
    if verb is None:
        spanned = _last(verbs, span)
        if spanned is None or spanned.group(0) not in _PROACTIVE or not head:
            return "no publishing verb in its clause, and no channel named"
        verb = spanned
    units = _sub_units(cand.span)
    if units and not _every_level_of_a_government(cand.span, units, agency):
        return f"the aggregate of subordinate units ({units.group(0)}), not the report's total"
    total_noun = (
        _ending("total_nouns").search(head)
        or (
            # 主动公开政府信息、新闻信息560余条: government information among what was listed
            verb.group(0) in _PROACTIVE
            and any(
                _ending("total_nouns").search(part)
                for part in cand.lead[verb.end() :].split("、")[:-1]
            )
        )
        # …共公开44087条政府信息: the noun after the count
        or (not head and _ending("total_nouns").fullmatch(after))
    )
    column = _words("column_words").search(where)
    if column and len(distinct) <= 1 and not others_like_it:  # …专区、公示栏等线下渠道: a way
        # A column listed among channels (通过官方网站、政府信息公开专栏、政务新媒体平台主动公开…)
        # is one of them, not where the count was published.
        return f"published in a column ({column.group(0)}), not the stated total"
    # 各类信息 (information of every kind) is all of it, whatever the verb (公开发布各类信息).
    # 我镇信息: the body's own information; 涉及…等方面信息: information of those kinds
    own = _own_noun(head)
    proactive = (
        verb.group(0) in _PROACTIVE
        # 主动发布, 主动推送, 主动更新发布
        or _PROACTIVE_RIGHT_BEFORE.search(cand.lead, 0, verb.start()) is not None
        or _proactive_before(cand.lead, verb.start())
        or (verb.start() <= 2 and _after_proactive_clause(cand))
    )
    # Information as such, published by the body itself or proactively: all it published.
    place = _place_of(agency)
    own_subject = (
        _OWN_SUBJECT.search(where) is not None
        or (place is not None and where.startswith(place))  # 禹会区常态化更新公开信息…
        or _opens_with_own_name(where, agency)  # 淄川区卫生健康局共公开发布信息1017条
    )
    if len(distinct) > 1 and (counted := _CHANNELS_COUNTED.search(cand.span)):
        return f"the sum of the channels named ({counted.group(0)}), not all the body published"
    # 各类文件、财务、人事等信息: information of every kind, its kinds named (各类 … 信息).
    every_kind = (
        head == "各类信息"
        or (not head and after == "各类信息")  # 发布超235条各类信息
        or (verb is not None and cand.lead.startswith("各类", verb.end()) and own == "信息")
        # 主动公开区政府各类信息6452条: of every kind, the body's own named before them
        or (head.endswith("各类信息") and _names_the_body(head[: -len("各类信息")], agency))
    )
    summed_here = _SUM_WORD.search(cand.lead) is not None  # 共发布各类信息数量17249条
    if every_kind and len(distinct) > 1 and not (proactive or others_like_it or summed_here):
        # 通过区政府门户网站和“河东发布”微博发布各类信息9700余条: what those channels carried
        # together, no stated total of the body (主动公开 would state one).
        every_kind = False
    if verb.group(0) in _DOCUMENT_VERBS and not distinct and not head:
        # 我镇共发文96件，其中主动公开文件0件: documents issued, none of them items published.
        return f"documents issued ({verb.group(0)}), not items published"
    if _kind_named_with_its_verb_in_a_list(cand, verb):
        return f"an item of a list of kinds of content ({cand.lead}N条), not a total"
    if (
        not total_noun
        and len(distinct) > 1
        and "website" not in distinct
        and _site_counted_before(cand)
    ):
        # 通过门户网站主动公开信息26条，通过微博、微信公众号主动公开信息750条: the other
        # channels' sum beside the site's own count, not all the body published.
        return "the sum of channels named beside the site's own count, not a total"
    if total_noun or every_kind or ((proactive or own_subject) and own in ("信息", "")):
        return "all", cand.lead_start, f"a stated total: {verb.group(0)} {head or '(no object)'}"
    summed = _channels_summed_after(cand)
    named_summed = len(distinct) > 1 and distinct <= summed
    if summed and "website" not in summed and ("新媒体" in cand.span or named_summed):
        # 利用微博、微信公众号、抖音等新媒体…发布信息578条，其中微博183条…: the new media's sum,
        # beside the site's own count, not all the body published; so is the sum of the
        # channels the count names itself (局"双微"平台共发布信息2128条(其中微信…,微博…)).
        return "the sum of the new media its 其中 lists, the website not among them"
    if summed:
        return "all", cand.lead_start, "a total: the channels its 其中 lists add up to it"
    if len(distinct) > 1 or others_like_it:
        return "several channels named and no stated total (政府信息 as such)"
    if not distinct and own in ("信息", "") and summed_here and _EVERY_PLATFORM.search(cand.span):
        # 2024年通过各类平台发布信息共计12176条: through every kind of platform, summed
        return "all", cand.lead_start, "a total: through every kind of platform, summed"
    if not distinct and own in ("信息", "") and _sums_the_channels_before(cand):
        return "all", cand.lead_start, "a total: the channels' counts before it add up to it"
    return f"no channel named, and {verb.group(0)} {head or '…'} is not a stated total"


# A word that sums what was listed before it (累计 too: after the year's own parts).
_SUMMED = re.compile(r"累计|共|合计|总计")


def _sums_the_channels_before(cand: _Candidate) -> bool:
    """Whether a count with a sum word and no channel adds up exactly every count of its unit
    before it in the sentence, two of them or more in clauses that name a channel (部门网站共公开
    信息584条;政务微博公开信息53条;…,累计公开信息858条): their total, stated last."""
    if _SUMMED.search(cand.lead) is None:
        return False
    sentence, count = cand.sentence, cand.count
    parts = [c for c in sentence.counts if c.start < count.start and c.unit == count.unit]
    if len(parts) < 2 or sum(c.value for c in parts) != count.value:
        return False
    text = sentence.text
    named = 0
    for c in parts:
        a, b = sentence.clauses[sentence.clause_of(c.start)]
        named += bool(channels_in(text[a:b]))
    return named >= 2


def _items_counted_before(cand: _Candidate) -> bool:
    """Whether the clause before this count's holds a count published with the same words
    (主动公开…44件，累计主动公开…2305条): the year's own count, stated first."""
    sentence = cand.sentence
    k = bisect.bisect_left(sentence.count_starts, cand.count.start)
    if k == 0:
        return False
    previous = sentence.counts[k - 1]
    own = sentence.clause_of(cand.count.start)
    if sentence.clause_of(previous.start) != own - 1:
        return False
    if previous.unit not in vocabulary()["units"]["items"]:
        return False  # 发布信息6个类别，累计公开…等共497条: kinds counted, not the items
    verb = _last_verb(cand.lead)
    before = sentence.text[sentence.clauses[own - 1][0] : previous.start]
    if verb is None or verb.group(0) not in before:
        return False
    # 网站发布…5525条，微信公众号累计发布1800余篇: another channel's own statement, not a running
    # total of the count before it.
    named = set(channels_in(cand.lead[: verb.start()]))
    return not named or not named.isdisjoint(channels_in(before))


def _site_counted_before(cand: _Candidate) -> bool:
    """Whether a count before this one in its sentence is the website's own (its clause names
    the website and no other channel)."""
    sentence = cand.sentence
    k = bisect.bisect_left(sentence.count_starts, cand.count.start)
    # the few counts right before it: a list of thousands is not searched again for each
    for count in sentence.counts[max(0, k - _SITE_COUNT_REACH) : k]:
        a, _b = sentence.clauses[sentence.clause_of(count.start)]
        if set(channels_in(sentence.text[a : count.start])) == {"website"}:
            return True
    return False


#: How many counts before one are looked at for the site's own count.
_SITE_COUNT_REACH = 8


# Verbs that post items on a channel (微信公众号发文709篇) but, with no channel and no object,
# say documents were issued (全年共发文96件).
_DOCUMENT_VERBS = frozenset({"发文"})


@cache
def _breakdown_after() -> re.Pattern[str]:
    """A breakdown opened right after a count: (其中: …, ,其中…, ,包括…, or brackets alone
    (政务新媒体13331条(抖音视频信息2366条、…))."""
    words = _alternation(vocabulary()["cues"]["breakdown"])
    # the count's noun may stand between (发布信息19135条信息，其中…)
    nouns = _alternation(vocabulary()["cues"]["item_nouns"])
    return re.compile(rf"(?:{nouns})?\s*(?:[(,]?\s*(?:{words})\s*:?|\()")


#: The most parts of a breakdown added up to its total (a report lists a few channels).
MAX_BREAKDOWN_PARTS = 12


def _channels_summed_after(cand: _Candidate) -> set[str]:
    """The channels of a 其中 right after the count that lists two channels or more, each with
    a count of items, adding up to it exactly (发布信息3200条,其中网站1500条、微信公众号1200条、
    微博500条: the count is their total, whatever its noun); empty when there is no such 其中."""
    sentence, count = cand.sentence, cand.count
    text = sentence.text
    opened = _breakdown_after().match(text, count.end, sentence.end)
    if opened is None:
        return set()
    items = set(vocabulary()["units"]["items"])
    position, total, parts = opened.end(), 0, 0
    channels: set[str] = set()
    nested_left = 0  # what the last channel's own parts may still add up to
    k = bisect.bisect_left(sentence.count_starts, position)
    for part in sentence.counts[k : k + MAX_BREAKDOWN_PARTS]:
        if part.unit not in items:
            break
        named = channels_in(text[position : part.start])
        if not named:
            if part.value > nested_left:
                break
            # 其中政府网站发布信息3832篇，概况类信息更新量269条，…；政务微信…: the site's own
            # parts, inside its count
            nested_left -= part.value
            position = part.end
            continue
        channels.update(named)
        total += part.value
        parts += 1
        position = part.end
        nested_left = part.value
        if total >= count.value:
            break
    return channels if parts >= 2 and total == count.value else set()


def _channel_in_breakdown(cand: _Candidate) -> tuple[str, int, str] | str:
    """A count with no verb of its own, in a breakdown of a total published before it
    (主动公开政府信息1,860条(其中政府网站1,500条,微信公众号360条)): the one channel its clause
    names, published by the total's verb; or why it is not items published."""
    part = _breakdown_part(cand)
    if part is None:
        return "no publishing verb (发布, 公开 …) before it"
    sentence = cand.sentence
    text = sentence.text
    # The total broken down: the last count before the 其中, a count of items that its own
    # clause says were published (not 依申请公开…受理申请50件).
    breakdown_at = cand.count.start - len(part)
    total = _count_ending_before(sentence, breakdown_at)
    if total is None:
        # 全年共公开各类政府信息20889条。其中,区政府网站4266条…: the total ends the sentence
        # before, and the breakdown opens this one.
        total_lead = _total_lead_before(sentence, breakdown_at)
        if total_lead is None:
            return "no publishing verb (发布, 公开 …) before it, and no total of items broken down"
    elif total.unit not in vocabulary()["units"]["items"]:
        return "no publishing verb (发布, 公开 …) before it, and no total of items broken down"
    else:
        total_lead = _clause_lead(sentence, total)
    verb = _last(_words("publish"), total_lead)
    clause_start = sentence.clauses[sentence.clause_of(cand.count.start)][0]
    own = text[max(clause_start, cand.lead_start) : cand.count.start]
    if verb is None or _has("applications_context", total_lead + own):
        return "no publishing verb (发布, 公开 …) before it or before the total it breaks down"
    named = set(channels_in(own))
    after = _words_after(cand)
    way_after = _WAY_AFTER.match(after) if not named else None
    if way_after is not None:
        # 其中20条通过政府网站内容管理系统公开，212条通过公示栏公开: the way after the count
        named, after = set(channels_in(way_after.group(1))), ""
    if len(named) != 1 or (after and _noun_after_pattern().fullmatch(after) is None):
        return "in a breakdown, but not of one channel (其中政府网站N条)"
    channel = named.pop()
    if channel in ("hotline", "open_day", "press_conference"):
        return f"a {channel} count: events or calls, not items"
    # The name before brackets that part clauses (部门(街道)政务新媒体2873条): one name.
    k = sentence.clause_of(cand.count.start)
    while k > 0 and text[sentence.clauses[k][0] - 1] in "()":
        k -= 1
    units = _sub_units(text[sentence.clauses[k][0] : cand.count.start])
    if units is not None:
        return f"the channels of subordinate units ({units.group(0)}), not the body's own"
    if len(_channels_summed_after(cand)) > 1:
        # 区政府政务新媒体13331条(抖音…2366条、微信公众号…3765条…): the accounts' sum.
        return "the sum of the channels listed right after it, no one channel's count"
    if set(channels_in(total_lead)) == {channel}:
        # 在各级媒体刊发稿件4132篇，其中国家级媒体30篇: a level of the same channel's count.
        return f"a part of the {channel} count broken down (其中…N条)"
    # Followed across semicolons, each statement after the first names a channel already.
    if ";" not in part and not _parts_mostly_channels(sentence, breakdown_at):
        return "a column named after a channel, among parts naming topics (其中通知公告N条)"
    return channel, cand.lead_start, f"a channel's part of a total published ({verb.group(0)})"


def _total_lead_before(sentence: _Sentence, breakdown_at: int) -> str | None:
    """The clause leading to the count of items that ends the sentence before, when this
    sentence opens with the breakdown (ending at ``breakdown_at``) of that count; else None."""
    text = sentence.text
    opening = text[sentence.start : breakdown_at].strip(" ,:")
    if not sentence.previous or opening not in vocabulary()["cues"]["breakdown"]:
        return None
    a, b = sentence.previous[-1]
    found = counts(text[a:b])
    if not found or found[-1].unit not in vocabulary()["units"]["items"]:
        return None
    total = found[-1]
    if text[a + total.end : b].strip(" )"):
        return None  # the sentence goes on after its last count: no total it ends with
    clause_start = max(text.rfind(mark, a, a + total.start) for mark in _CLAUSE_END)
    return text[max(a, clause_start + 1) : a + total.start]


def _counted_later(cand: _Candidate, channels: set[str]) -> set[str]:
    """Those of ``channels`` that a later count of items in the sentence names in its own clause
    (…共373条，通过政府门户网站发布信息93条: the website), each with a count of its own."""
    sentence, text = cand.sentence, cand.sentence.text
    items = vocabulary()["units"]["items"]
    found: set[str] = set()
    k = bisect.bisect_right(sentence.count_starts, cand.count.start)
    for later in sentence.counts[k:]:
        if later.unit not in items:
            continue
        start = max(sentence.clauses[sentence.clause_of(later.start)][0], cand.count.end)
        found |= channels & set(channels_in(text[start : later.start]))
    return found


def _sentence_subject_channel(cand: _Candidate) -> tuple[list[str], str]:
    """The one channel that opens the sentence as its subject, when nothing after it names
    another or counts items before the count (“某某医保”微信公众号粉丝用户19.9万余人，同比增长
    11.2%，…，全年共发布信息847篇: the account's 847): ([channel], its word), or ([], "")."""
    sentence, text = cand.sentence, cand.sentence.text
    first_start, first_end = sentence.clauses[0]
    pattern = _channel_pattern()[0]
    if first_end >= cand.span_start or pattern.search(text, first_start, first_end) is None:
        return [], ""
    named = channels_in(text[first_start:first_end])
    if len(set(named)) != 1 or channels_in(text[first_end : cand.count.start]):
        return [], ""
    items = vocabulary()["units"]["items"]
    k = bisect.bisect_left(sentence.count_starts, cand.count.start)
    if any(c.unit in items for c in sentence.counts[:k]):
        return [], ""
    found = _last(pattern, text[first_start:first_end])
    return named, found.group(0) if found else ""


def _clause_opening_channel(cand: _Candidate) -> tuple[list[str], str]:
    """The one channel a clause opens with as the way of all it goes on to count (通过主流媒体
    延伸宣传解读重要政策文件94篇次、发布相关信息2333条: the media's 2333), for a count after
    another in the clause, whose own words name none: ([channel], its word), or ([], "")."""
    sentence, text = cand.sentence, cand.sentence.text
    start = sentence.clauses[sentence.clause_of(cand.count.start)][0]
    if start >= cand.span_start or not _VIA.match(text, start):
        return [], ""
    own = _last_verb(cand.lead)
    if own is None or _JOINING.fullmatch(cand.lead[: own.start()]) is None:
        return [], ""  # 、政务服务网公开223条: a place of its own, which is no channel word
    verb = _words("publish").search(text, start, cand.count.start)
    end = verb.start() if verb is not None else cand.count.start
    digit = _ANY_DIGIT.search(text, start, end)
    piece = text[start : digit.start() if digit else end]
    named = channels_in(piece)
    if len(set(named)) != 1:
        return [], ""
    found = _last(_channel_pattern()[0], piece)
    return named, found.group(0) if found else ""


# The way a clause opens with (通过…, 依托…): what it names is where all the clause counts went.
_VIA = re.compile(r"通过|依托|利用|借助")
# What joins a count to the one before it in a list: nothing of its own before its verb.
_JOINING = re.compile(r"[、,和及并与还]*(?:共|同时|另)?")


#: How many items of a list parted by commas a verb before them is looked for across.
MAX_LISTED_ITEMS = 8


def _previous_item_with_comma(cand: _Candidate) -> str | None:
    """The words before the count right before this one, when this count's clause follows it
    after a comma and holds no verb (收到信箱诉求6条，12345热线8条): the list's head, whose verb
    the item shares; None otherwise. Items before it without a verb of their own go on with
    the list (收到来信1233件，书记信箱101件，市长热线493件: the head is the first item's).

    >>> text = "收到来信12件,书记信箱10件,市长热线49件"
    >>> s = _Sentence(text, 0, len(text), counts(text), [])
    >>> _previous_item_with_comma(s.candidates[2])
    '收到来信'
    """
    sentence = cand.sentence
    k = bisect.bisect_left(sentence.count_starts, cand.count.start)
    if k == 0 or _has("publish", cand.lead):
        return None
    item_start, head = cand.lead_start, None
    hotline_units = vocabulary()["units"]["hotline"]
    for previous in reversed(sentence.counts[max(0, k - MAX_LISTED_ITEMS) : k]):
        if sentence.text[previous.end : item_start] != "," or previous.unit not in hotline_units:
            break
        item_start = sentence.clauses[sentence.clause_of(previous.start)][0]
        head = sentence.text[item_start : previous.start]
        if _has("hotline_received", head) or _has("hotline_resolved", head):
            break
    return head


def _list_head(sentence: _Sentence, item_start: int) -> tuple[int, int]:
    """Where the first item of the list holding the item at ``item_start`` stands: from its
    clause's start to the list's first 、 (a list thousands of items long is not searched
    again for each item)."""
    marks = sentence.clause_marks
    before = bisect.bisect_left(marks, item_start)
    start = marks[before - 1] + 1 if before else sentence.start
    text, ends = sentence.text, sentence.count_ends
    first = text.find("、", start, item_start + 1)
    # The first item may list its own channels (通过门户网站、政府信息公开平台等平台主动公开信息
    # 228条、微信公众号162条): the list's 、 is the first right after a count, among the few
    # counts after the first 、.
    k = bisect.bisect_left(ends, first)
    for end in ends[k : k + _MAX_LIST_ITEMS]:
        if end > item_start:
            break
        if text.startswith("、", end):
            return start, end
    return start, first


def _own_noun(head: str) -> str:
    """What was published without the body's own name before it (我镇信息 → 信息), 方面 (涉及
    …等方面信息 → 信息), 相关领域 (…、…等相关领域信息 → 信息) or 新增 (主动公开新增信息: the
    year's new information → 信息)."""
    own = _OWN_PREFIX.sub("", head)
    return _AREAS_BEFORE_NOUN.sub("", own, count=1).removeprefix("新增")


# The areas or kinds listed before a noun, named again (等方面信息, 等相关领域信息, 等3类信息,
# 等各项工作情况信息).
_AREAS_NAMED_AGAIN = r"(?:(?:相关|有关)?(?:领域|方面)|\d{1,2}类|各项工作(?:情况)?)的?"
_AREAS_BEFORE_NOUN = re.compile("^" + _AREAS_NAMED_AGAIN)
# Information of those areas or kinds (…、…、…等相关领域信息, …等14类政府信息).
_AREAS_OF_ITS_WORK = re.compile(_AREAS_NAMED_AGAIN + r"(?:政府|政务)?信息")


def _generic_head(head: str) -> bool:
    """Whether what was published is information as such (信息, 政府信息, 各类信息, 我局信息),
    not one kind of content (新闻动态, 教育资讯)."""
    own = _own_noun(head)
    return own in ("信息", "") or head == "各类信息" or bool(_ending("total_nouns").search(head))


def _opens_a_list_of_kinds(cand: _Candidate) -> bool:
    """Whether the next count follows a 、 (or a comma and a kind's short name) with words
    that name no channel, publish nothing, open no breakdown and count no reposts (网站发布新闻
    动态73条、教育资讯169条; 工作动态120条，通知公告30条): a list of kinds of content, each
    with its count."""
    sentence = cand.sentence
    k = bisect.bisect_right(sentence.count_starts, cand.count.start)
    if k >= len(sentence.counts):
        return False
    if cand.count.unit == "期" and not _in_breakdown(cand):
        # 刊印…公报3期，新增…文件18件: a channel's issues, no kind of content (in a breakdown of
        # a site's count, 其中…公开政府公报6期, its column, one of the site's kinds)
        return False
    following = sentence.counts[k]
    between = sentence.text[cand.count.end : following.start]
    if _PRINT_RUN.search(between):
        return False  # …公报6期，发行1800份: copies printed, no kind of content
    listed = between.startswith("、") or (
        between.startswith(",")
        and len(between) <= _MAX_KIND_NAME
        and _words("breakdown").search(between) is None
        and _CONTAINS_PARTS.match(between) is None  # …1180条,含法规文件17条: its own parts
    )
    return (
        listed
        and following.unit in vocabulary()["units"]["items"]
        and not channels_in(between)
        and not _publishes_apart(cand, between)
        and _words("reposts").search(between) is None  # 原创N条、转发M条: own posts, then shared
        # 100余条,较上年度增加10余条: the change on another year, no second kind
        and _words("other_period").search(between) is None
    )


def _publishes_apart(cand: _Candidate, between: str) -> bool:
    """Whether the words before the next count (``between``) publish on their own: not a
    kind's name ending with its verb (,财务公开) after a count whose verb stands before the kind
    it counts (主动公开部门工作动态5条，财务公开2条: a list of kinds, named as their columns are;
    …信息公开目录信息发布731条，解读信息发布11条 are statements alike, the first one its own)."""
    verb = _words("publish").search(between)
    if verb is None:
        return False
    if between.startswith(",") and verb.end() == len(between) > 2:
        own = _last_verb(cand.lead)
        return own is None or own.end() == len(cand.lead)
    return True


def _kind_named_with_its_verb_in_a_list(cand: _Candidate, verb: re.Match[str]) -> bool:
    """Whether the count's words are a kind's short name ending with its verb, right after a
    count of items and a comma (更新工作动态类信息397条,媒体报道264条,政府信息公开92条): an item of
    a list of kinds, named as its column is, not information published as such."""
    sentence = cand.sentence
    k = bisect.bisect_left(sentence.count_starts, cand.count.start)
    if k == 0 or verb.end() != len(cand.lead) or len(cand.lead) > _MAX_KIND_NAME:
        return False
    previous = sentence.counts[k - 1]
    between = sentence.text[previous.end : cand.count.start]
    named = cand.lead[: verb.start()]  # the kind's name before its verb (政府信息 of 政府信息公开)
    return (
        between == f",{cand.lead}"
        and previous.unit in vocabulary()["units"]["items"]
        and _ending("item_nouns").search(named) is not None
        and _words("breakdown").search(named) is None  # 其中主动公开54条: the published part
        and not channels_in(cand.lead)
    )


# A kind of content named after a comma, as the next item of a list (,通知公告): longer words
# after a comma are a clause of their own.
_MAX_KIND_NAME = 10


def _channel_list_item(cand: _Candidate) -> tuple[str, int, str] | str | None:
    """An item of a list of channels that shares its first item's verb (通过网站发布信息34篇、
    微信公众号17篇、微博3篇: 17 on the WeChat account): (channel, evidence start, why), why not,
    or None when the count is no such item."""
    lead = cand.lead
    sentence, text = cand.sentence, cand.sentence.text
    # Statements in a list parted by ; or , (…微信发布信息780期2165条,微博1021条): the one before
    # ends with its count.
    after_semicolon = cand.lead_start > sentence.start and text[cand.lead_start - 1] in ";,"
    if not lead.startswith("、") and not after_semicolon:
        return None
    if after_semicolon:
        # Asked first, as most counts after a mark are no such item: the statement before
        # must end with its count right at the mark.
        k = bisect.bisect_right(sentence.count_ends, cand.lead_start - 1) - 1
        if k < 0 or sentence.counts[k].end != cand.lead_start - 1:
            return None
    own = _QUOTED_NAME.sub("", lead.removeprefix("、"))
    if len(own) > _MAX_ITEM_LEAD:
        return None
    named = set(channels_in(own))
    if len(named) != 1:
        return None
    if text[cand.lead_start - 1] == "," and (
        len(_channel_pattern()[0].sub("", own)) > _MAX_OWNER_NAME
        # not the 公示 of a board's name (公示公告栏318条)
        or (_words("publish").search(own) is not None and _last_verb(own) is not None)
        or any(
            _words(verbs).search(own)
            for verbs in ("applications_received", "applications_closed", "breakdown")
        )
    ):
        # After a comma the channel stands alone, or with its owner's short name (区林业局微信
        # 公众号115条): not a statement with words of its own (…通过门户网站回复留言36条, 网站挂载
        # 统计工作动态信息111条), nor a breakdown's part (…4132篇,其中国家级媒体30篇)
        return None
    if after_semicolon:
        # Statements in a list, one a channel (…微信公众号发布信息281条;官方抖音181条): the
        # statement before, which ends with its count.
        head_end = cand.lead_start - 1
        if head_end <= sentence.start or text[head_end - 1] in _CLAUSE_END:
            return None  # two marks in a row (…), 公开栏14条): no statement ends there
        start = sentence.clauses[sentence.clause_of(head_end - 1)][0]
        # Earlier items of the same list are passed over to the statement that opened it
        # (…网站主动公开信息2978条，政务微信321条，政务微博260条: 260 shares the verb too).
        for _ in range(_MAX_LIST_ITEMS):
            if _words("publish").search(text, start, head_end) or not _bare_channel_item(
                sentence, start, head_end
            ):
                break
            mark = start - 1
            k = bisect.bisect_right(sentence.count_ends, mark) - 1
            if mark <= sentence.start or text[mark] not in ";," or k < 0:
                break
            if sentence.counts[k].end != mark or text[mark - 1] in _CLAUSE_END:
                break
            head_end, start = mark, sentence.clauses[sentence.clause_of(mark - 1)][0]
    else:
        start, head_end = _list_head(sentence, cand.lead_start)
    head = text[start:head_end]
    verb = _last(_words("publish"), head)
    # The first item's count: the last before the 、 (发布信息365期2238条、: 2238条).
    first = bisect.bisect_right(sentence.count_ends, head_end) - 1
    if after_semicolon and (first < 0 or sentence.counts[first].end != head_end):
        return None
    items = vocabulary()["units"]["items"]
    if verb is None or not channels_in(head) or sentence.counts[first].unit not in items:
        return None
    channel = named.pop()
    if channel in ("hotline", "open_day", "press_conference"):
        return f"a {channel} count: events or calls, not items"
    # The quote opens after a 、 (the lead holds it), at the lead after a comma or ; (it does not).
    evidence_start = cand.lead_start + (1 if lead.startswith("、") else 0)
    return channel, evidence_start, f"an item of a list of channels, verb {verb.group(0)}"


#: How many items of a list parted by commas a count looks back over for the list's verb.
_MAX_LIST_ITEMS = 8


def _bare_channel_item(sentence: _Sentence, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is one channel and its count alone (政务微信321条), as the
    items of a list that share the first one's verb are printed."""
    k = bisect.bisect_right(sentence.count_ends, end) - 1
    if k < 0 or sentence.counts[k].end != end or sentence.counts[k].start < start:
        return False
    own = _QUOTED_NAME.sub("", sentence.text[start : sentence.counts[k].start])
    if len(own) > _MAX_ITEM_LEAD or len(set(channels_in(own))) != 1:
        return False
    # The channel alone, or with its owner's short name: no words of its own, and no breakdown
    # (…4132篇，其中国家级媒体30篇，省级媒体507篇: parts of the total, no list sharing a verb).
    return len(_channel_pattern()[0].sub("", own)) <= _MAX_OWNER_NAME and not any(
        _words(verbs).search(own)
        for verbs in ("publish", "applications_received", "applications_closed", "breakdown")
    )


def _breaks_down_topics(sentence: _Sentence, start: int) -> bool:
    """Whether the 其中 at ``start`` breaks down a total of items before it, one that names no
    channel, by topic (its parts name channels less often than not); a 其中 with no count
    before it says what was published (其中涉及…等方面信息800余条), no breakdown."""
    last = bisect.bisect_right(sentence.count_ends, start) - 1
    if last < 0 or sentence.counts[last].unit not in vocabulary()["units"]["items"]:
        return False
    total = sentence.counts[last]
    a, _b = sentence.clauses[sentence.clause_of(total.start)]
    if channels_in(sentence.text[a : total.start]):
        return False  # 网站发布10300条，其中…，微信公众号发布75条: another channel's own count
    return not _parts_mostly_channels(sentence, start)


# A part's own breakdown after a comma (…主动公开政府信息1233条，含规范性文件类信息2条…).
_CONTAINS_PARTS = re.compile(r",含")


def _parts_mostly_channels(sentence: _Sentence, start: int) -> bool:
    """Whether the counts of items of the breakdown opened at ``start`` (up to a semicolon)
    name a channel at least as often as not: 其中网站N条、公众号N条 splits a total by channel;
    其中通知公告N条、政府公报N条、工作动态N条 by topic, where 政府公报 is a column. A breakdown
    of one of its parts (包括网站N条，公众号N条，其中党建N条…) ends it."""
    text = sentence.text
    end = text.find(";", start, sentence.end)
    end = sentence.end if end == -1 else end
    nested = _words("breakdown").search(text, start, end)
    contained = _CONTAINS_PARTS.search(text, start, end)  # ，含规范性文件2条: a part's own parts
    end = min(m.start() for m in (nested, contained) if m) if nested or contained else end
    items = set(vocabulary()["units"]["items"])
    position, named, unnamed = start, 0, 0
    for part in sentence.counts[bisect.bisect_left(sentence.count_starts, start) :]:
        if part.start >= end:
            break
        if part.unit in items:
            if channels_in(text[position : part.start]):
                named += 1
            else:
                unnamed += 1
        position = part.end
    return named >= unnamed


def _published_part(cand: _Candidate) -> bool:
    """Whether a breakdown gives the published part of a larger count (其中主动公开54条,
    其中主动公开信息数24条, 其中，主动公开政府信息55条)."""
    part = _breakdown_part(cand)
    if part is None:
        return False
    if _published_part_pattern().fullmatch(part.lstrip(",:").strip("共计有")) is None:
        return False
    # 报送各类文件10件，其中主动公开1件: documents, of which one was made public, no items
    total = _total_broken_down(cand)
    return total is None or not total.lead.endswith(("文件", "公文"))


@cache
def _published_part_pattern() -> re.Pattern[str]:
    """``cues.published_part``, then a count's suffix (信息数) and 为 or 是, each optional."""
    published = _words("published_part").pattern
    suffixes = _alternation(vocabulary()["cues"]["count_suffixes"])
    return re.compile(f"(?:{published})(?:{suffixes})?(?:为|是)?")


_TIME_BEFORE = re.compile(r"(?:^|[,;:])((?:\d{4}年度?|今年|本年度|全年)[,])$")
_HEADING_BEFORE_YEAR = re.compile(r"[^,;:。\d]{2,16}?(?=(?:19|20)\d{2}年)")
_ENUMERATOR = re.compile(r"[\d一二三四五六七八九十][、.)]")
_LINE_WRAP = re.compile(r"\s*\n\s*")


def _evidence(sentence: _Sentence, start: int, end: int, raw: str, offsets: Offsets) -> str:
    text = sentence.text
    # A bare time phrase just before the clause (2020年,我镇没有接到…) belongs to the fact.
    prev = text[max(sentence.start, start - 9) : start]
    m = _TIME_BEFORE.search(prev)
    if m:
        start -= len(m.group(1))
    fragment = text[start:end]
    lead = _LEADING_MARKS.match(fragment)
    if lead and lead.end() < len(fragment):
        start += lead.end()
        # An enumerated heading printed without a full stop runs into the sentence.
        heading = _HEADING_BEFORE_YEAR.match(text[start:end])
        if heading and _ENUMERATOR.search(lead.group(0)):
            start += heading.end()
    while start < end and text[start] in ",;:、 ":
        start += 1
    piece = raw[offsets[start] : offsets[end - 1] + 1]
    # Line wraps of PDF and Markdown renderings are layout, not text.
    return _LINE_WRAP.sub("", piece).strip().strip("*").strip()


# ---------------------------------------------------------------------------------------------
# Zero statements: 没有接到…申请, 无收取信息处理费, 未发生…收费

# The heading of the next numbered part ((三)政府信息管理, 四、…): lines are run together in
# normalized text, so the heading is what ends a paragraph. A bare 四、 is a heading after a
# stop; right after a statement of none whose line had no stop (…未收到政府信息公开申请 / 三、…)
# it is one too.
_PART_NUMBER = "[一二三四五六七八九十]+"
_NUMBERED_HEADING = re.compile(rf"\({_PART_NUMBER}\)|(?<=[。;:]){_PART_NUMBER}、")
_NEXT_HEADING = rf"\({_PART_NUMBER}\)|{_PART_NUMBER}、"
_NO_APPLICATIONS = re.compile(
    # 无正当理由 (without good reason, in table 3's labels) denies nothing. Up to 44 characters
    # between the verb and 申请: who may ask and the ways they may use (未收到公民、法人或其他组织
    # 通过政府信息公开平台、传真、信函等形式的政府信息公开申请).
    # 无上年转结依申请公开…: none carried over, which says nothing of those received
    r"(?:没有|未|无(?!正当理由|法))(?:接到|收到|受理|接收|发生)?(?:任何)?"
    r"(?:(?!结转|转结)(?:[^,;:。申]|申请人)){0,44}"
    # 未接到群众要求公开的信息, 未收到…要求乡政府公开政府信息的情况
    r"(?:依申请公开|公开申请|申请公开|申请|要求[^,;:。申]{0,6}?公开的?(?:政府)?信息)"
    # 申请政府信息公开, 申请要求公开政府信息, 无申请公开政务信息情况: what was asked for after
    # the noun
    r"(?:要求)?(?:公开)?的?(?:政府信息|政务信息|信息)?(?:公开)?(?:有关|相关|方面)?的?"
    # 无依申请公开政府信息办理事项; 没有收到…递交的《信息公开申请表》
    r"(?:办理事项|事项|事宜|事件|受理件|案件|件|来信|信件|书|请求|诉求|要求|内容|表》?)?"
    r"(?:[和及与](?:信息|事项|申请))?"  # 未收到依申请公开事件和信息
    r"(?:的?申请(?:事项)?)?件?"  # 没有收到依申请公开政府信息的申请, 未收到依申请公开申请件/事项
    # 未收到…申请、…行政复议…等情况: a list of none
    # …申请且未出现…复议, 无依申请公开和不予以公开政府信息: a list of none joined by 且 or 和
    # (2022年未接到依申请公开): the statement in an aside; …申请没有因…: run on into the next
    # statement of none with no stop between
    rf"(?:办理)?(?:的情况|情况)?(?=[,;:。、且和)]|$|没有|{_NEXT_HEADING})"
)
# 依申请公开情况:无, 政府信息公开申请数为零: the count stated as none after the noun.
_APPLICATIONS_NONE = re.compile(
    r"(?:依申请公开|公开申请)(?:政府信息|信息)?的?(?:事项|数量|件数|数)?(?:的情况|情况)?"
    # 申请数量为0: no unit needed
    rf"(?::?(?:为|是)?(?:无|零)|(?::|为|是)0件?)(?=[,;:。]|$|{_NEXT_HEADING})"
)
_NO_FEE = re.compile(
    # 未因信息公开收取…任何费用: the cause between the negation and its verb
    # 暂不收费, 未出现公开收费: not charged, no charge arose
    r"(?:没有|未有|未|无|不存在|不涉及|不(?=收取|收费))(?:因[^,;:。]{1,8}?)?(?:[向对][^,;:。]{0,14}?)?"
    r"(?:(?:收取|发生|产生|出现|进行)[^,;:。]{0,16}?"
    r"(?:信息处理费|处理费|收费|费用)|(?:政府信息公开|依申请公开|信息公开|年度)?的?收费)的?"
    r"(?:和减免)?(?:事项|的情况|情况)?"  # 无依申请公开收费和减免事项
)
# 未接到12345政府热线电话: no calls to the hotline.
_NO_HOTLINE_CALLS = re.compile(
    r"(?:没有|未|无)(?:接到|收到|受理|接听|接收)(?:任何)?[^,;:。]{0,8}?(?:12345|热线)"
    r"[^,;:。]{0,10}?(?:电话|来电|诉求|工单|转办件|件)"
)
# 无信息处理费收取情况, 不涉及信息处理费: the fee named first, its verb after it or none.
_NO_FEE_NAMED_FIRST = re.compile(
    r"(?:没有|未有|未|无|不存在|不涉及)[^,;:。]{0,6}?(?:信息处理费|处理费)(?:收取|收缴)?"
    r"(?:事项|的情况|情况)?"
)
# 信息处理费收取情况:无, 收取信息处理费为零: none stated after the fee.
_FEE_NONE = re.compile(
    r"(?:信息处理费|处理费)(?:收取|收缴)?(?:金额|数额)?(?:的情况|情况)?:?(?:为|是)?(?:无|零)"
    r"(?=[,;:。]|$)"
)
# The fees and waivers of the regulation of 2008 stated as none (政府信息公开的收费及减免情况：无).
_FEES_AND_WAIVERS_NONE = re.compile(
    r"收费(?:及|和|与)减免(?:的)?情况:?(?:为|是)?(?:无|零)(?=[,;:。]|$)"
)
# The template's own words echoed: 发出收费通知的件数和总金额以及实际收取的总金额均为0.
_COLLECTED_NONE = re.compile(
    r"实际收取的?(?:信息处理费)?的?(?:总金额|总额|金额|费用)?(?:均|都)?(?:为|是)(?:0|零)元?"
    r"(?=[,;:。]|$)"
)


# 为0, 是0, :0: a count of none in digits (申请数量为0), looked for before the pattern is tried.
_NONE_IN_DIGITS = re.compile(r"[为是:]0").search
_DISPUTE = re.compile(r"复议|诉讼")
# Requests for information named as such (not 行政许可申请).
_INFORMATION_REQUESTS = re.compile(r"公开申请|依申请|申请公开|信息申请")
# A sentence about information requests: they named, or 信息公开, or the applicant.
_ABOUT_REQUESTS = re.compile(rf"{_INFORMATION_REQUESTS.pattern}|信息公开|申请人")


# Ways of asking listed as examples of all of them (通过…平台、传真、信函等形式的…申请): a
# statement of none by these is none at all.
# So is one way and every other (未接收到书面或其他形式要求公开…的申请).
_EVERY_WAY = re.compile(
    r"(?:、[^,;:。]{1,12}等(?:各种|多种)?|[或及和与]其[他它])(?:形式|方式|渠道|途径)"
)


# The template's heading for the fees charged on applications (收费及减免情况).
_FEES_HEADING = re.compile(r"收费(?:及|和|与)减免")
# Every zero statement opens with one of these: a sentence without any states none.
_ZERO_CUE = re.compile(r"没有|未|无|不存在|不涉及|不收取|不收费|零|为0")


def _zero_facts(sentence: _Sentence, year: int | None) -> list[tuple[str, str, int, int]]:
    out = []
    body = sentence.body
    # The wordings other than the usual one are tried only where the usual one is not found
    # and the words they need are there (each pattern opens with its own few characters,
    # which the regex engine finds fast; one alternation of them all would not).
    applications = list(_NO_APPLICATIONS.finditer(body))
    if (
        not applications
        and "申请" in body
        and ("无" in body or "零" in body or _NONE_IN_DIGITS(body))
    ):
        applications = list(_APPLICATIONS_NONE.finditer(body))
    for m in applications:
        stated = m.group(0)
        # 未收到当面申请、网站提交、…和其他形式的…申请: a list of the ways that goes on after
        # the first one's 申请, to every other way
        listed_on = (
            body[m.end() : _clause_end(body, m.end())] if body.startswith("、", m.end()) else ""
        )
        # Three ways or more listed (当面申请、传真申请、网络申请、信函申请) are every way too.
        one_way = (
            _words("request_ways").search(stated)
            and not _EVERY_WAY.search(stated + listed_on)
            and len(set(_words("request_ways").findall(stated + listed_on))) < 3
        )
        if not _DISPUTE.search(stated) and not one_way:
            out.append(("applications_received", "件", m.start(), m.end()))
    for m in _NO_HOTLINE_CALLS.finditer(body) if "热线" in body or "12345" in body else ():
        out.append(("hotline_received", "件", m.start(), m.end()))
    fees = list(_NO_FEE.finditer(body))
    if not fees and "处理费" in body:
        fees = list(_NO_FEE_NAMED_FIRST.finditer(body)) or list(_FEE_NONE.finditer(body))
    if not fees and "实际收取" in body:
        fees = list(_COLLECTED_NONE.finditer(body))
    if not fees and "减免" in body:
        fees = list(_FEES_AND_WAIVERS_NONE.finditer(body))
    for m in fees:
        # 收费通知 (a fee notice) is the information-processing fee's own word.
        if (
            "处理费" in m.group(0)
            or _ABOUT_REQUESTS.search(body)
            or "收费通知" in body
            # (三)收费及减免情况。未收取费用。: under the template's heading for the fees
            or _FEES_HEADING.search(sentence.context)
        ):
            out.append(("fee_collected_yuan", "元", m.start(), m.end()))
    if year is not None and out:
        years = {int(y) for y in _YEAR.findall(body)}
        if years and year not in years:
            return []  # a statement about another year
    return out


# ---------------------------------------------------------------------------------------------
# The extractor


@dataclass(frozen=True)
class _Decision:
    """A count taken as a fact: its metric, channel, where its evidence starts, and why."""

    metric: str
    channel: str
    start: int
    reason: str
    supersedes_total: bool = False  # 其中主动公开N条: the total before it was not published
    received_too: bool = False  # 受理并办结N件: those closed are those received (see _RECEIVED)


# The requests' noun right before a count in 次 (申请3次, 申请数量3次).
_REQUESTS_NOUN = ("申请", "申请数量", "申请数", "申请件数")


def _classify(cand: _Candidate, year: int | None, agency: str | None) -> _Decision | str:
    """What one count is, or why it is none of ours."""
    units = vocabulary()["units"]
    c = cand.count
    sentence = cand.sentence
    # The subject may open the sentence or the clause the fact starts in (同时，区教育局…).
    department = sentence.opens_with_department(agency) or _is_department(
        sentence.text[cand.span_start : c.start], agency
    )
    not_ours = "a department's own figure" if department else None
    if c.unit in units["money"]:
        fee = _last(_words("fee"), cand.span)
        if not fee:
            return "money, but no information-processing fee named (信息处理费)"
        if not_ours:
            return not_ours
        if _in_breakdown(cand):
            return "a part of a fee total stated before (其中)"
        why = _other_period(cand, year, "fee_collected_yuan")
        if why:
            return why
        fee_at = cand.span_start + fee.start()
        clause = sentence.clauses[sentence.clause_of(fee_at)]
        start = max(clause[0], cand.span_start)
        return _Decision("fee_collected_yuan", "all", start, f"a fee ({fee.group(0)})")
    left: str | None = None
    # 收到…政府信息公开申请一次: applications counted in 次 right after their noun (or its
    # number: 新收…申请数量3次).
    if c.unit in units["cases"] or (c.unit == "次" and cand.lead.endswith(_REQUESTS_NOUN)):
        metric = _outcome(cand, year)
        if metric:
            dispute = metric in ("review_cases", "litigation_cases")
            context = sentence.context
            if (dispute and _dispute_context(context)) or (not dispute and "申请" in context):
                why = not_ours or _other_period(cand, year, metric)
                if why:
                    return why
                return _Decision(metric, "all", cand.lead_start, "an outcome or dispute word")
        app = _applications(cand)
        if isinstance(app, tuple):
            why = not_ours or _other_period(cand, year, app[0])
            if why:
                return why
            joined = app[0] == "applications_closed" and _received_and_closed(
                cand.lead, "applications_received", "applications_closed"
            )
            return _Decision(app[0], "all", cand.lead_start, app[1], received_too=joined)
        left = app
    elif (
        c.unit in units["items"]
        and _requests_counted_as_items(cand)
        and not _disclosed_on_request_beside_proactive(cand)
    ):
        # 收到申请公开21条，办结21条: requests counted in 条, with their own verbs; an outcome
        # among them (本机关不掌握政府信息答复4条) is that outcome.
        outcome = _outcome(cand, year)
        if outcome and not outcome.startswith(("review", "litigation")):
            why = not_ours or _other_period(cand, year, outcome)
            return why or _Decision(outcome, "all", cand.lead_start, "an outcome word")
        app = _applications(cand)
        if isinstance(app, tuple):
            why = not_ours or _other_period(cand, year, app[0])
            return why or _Decision(app[0], "all", cand.lead_start, f"{app[1]} (in {c.unit})")
    hotline = _hotline(cand)
    if isinstance(hotline, tuple):
        # No department check: a 12345 hotline is run by one centre for the whole area.
        why = _other_period(cand, year, hotline[0])
        if why:
            return why
        # 全年共受理答复…留言411件、12345市民热线6963件: an item sharing joined verbs is both.
        joined = hotline[0] == "hotline_resolved" and _received_and_closed(
            hotline[3], "hotline_received", "hotline_resolved"
        )
        return _Decision(hotline[0], "hotline", hotline[1], hotline[2], received_too=joined)
    left = left or hotline
    if c.unit in units["events"]:
        event = _event(cand)
        if isinstance(event, _Decision):
            return event
        left = left or event
    if (
        c.unit in units["items"]
        or (c.unit == "个" and _videos_before(cand.lead))
        or (
            c.unit == "期"
            and (
                _issues_published(cand)
                or _gazette_issues_after(cand)
                or _gazette_put_out(cand) is not None
            )
        )
    ):
        if c.unit == "份" and _print_run(cand.lead):
            # 《某市人民政府公报》…全年发行总数达72000份: copies printed, not what was published
            return "copies issued (发行…份), a print run, not items published"
        items = _items(cand, agency)
        if isinstance(items, str) and _bare_years_part_of_a_stock(cand, year):
            # 主动公开政府信息历年累计共224份，其中2024年度8份: the year's part, no channel named
            return _Decision(
                "items_published", "all", cand.lead_start,
                "the report year's part of a running total (累计…，其中某年度…)",
            )  # fmt: skip
        if isinstance(items, str):
            return left if left and not _has("publish", cand.span) else items
        if not_ours:
            return not_ours
        why = _other_period(cand, year, "items_published")
        if why:
            return why
        channel, start, reason = items
        if channel == "other" and _new_media_broken_down(cand):
            # 通过政务新媒体公开政府信息共计416条，其中政务微博公开86条，政务微信公开330条: the
            # accounts' own counts follow; their sum is no channel's.
            return "new media's count, broken down into the accounts' own after it (其中…)"
        if channel == "all" and _in_breakdown(cand) and not _contents_listed(cand):
            if _published_part(cand):
                return _Decision(
                    "items_published", "all", start,
                    "the published part of a larger count (其中主动公开)", supersedes_total=True,
                )  # fmt: skip
            if _years_part_of_a_stock(cand, year):
                return _Decision(
                    "items_published", "all", start,
                    "the report year's part of a running total (累计…，其中某年度…)",
                )  # fmt: skip
            if _sums_the_parts_before(cand):
                return _Decision(
                    "items_published", "all", start,
                    "the sum of the parts listed before it (其中…，总计N条)",
                )  # fmt: skip
            return "a part of a total stated before (其中)"
        if channel == "all" and _breakdown_over_the_sentence(cand):
            return "a part of a total stated before: the sentence opens its breakdown (其中…;…)"
        if _names_breakdown(cand):
            total = _total_broken_down(cand)
            if total is not None and (not_the_years := _stock(total, year)):
                # 截至…累计发布微博120条，其中…转发微博109条: its parts are no year's count.
                return f"a part of a total that is no year's count: {not_the_years}"
        return _Decision("items_published", channel, start, reason)
    return left or f"its unit ({c.unit}) counts nothing this extractor reads here"


# The channels whose issues (期) are what they publish: a gazette, an account's pushes (视频号发布
# 73期 too).
_ISSUED_CHANNELS = frozenset({"gazette", "wechat_official", "weibo", "short_video"})


def _issues_published(cand: _Candidate) -> bool:
    """Whether a count in 期 counts the issues a gazette or an account published (发布政府公报
    12期, 公众号发布微信302期): its clause names such a channel, and no count of items follows
    it in the sentence's next clauses (推送48期、160条; 制作公报6期，发布信息66条: those count)."""
    lead = cand.lead
    if not set(channels_in(lead)) & _ISSUED_CHANNELS:
        return False
    if not _has("publish", lead) and _gazette_made(lead) is None:
        return False
    sentence = cand.sentence
    k = bisect.bisect_right(sentence.count_starts, cand.count.start)
    if k < len(sentence.counts):
        following = sentence.counts[k]
        near = sentence.clause_of(following.start) <= sentence.clause_of(cand.count.start) + 1
        if near and following.unit in vocabulary()["units"]["items"]:
            # …公报4期，刊载规范性文件9件: documents the issues carried, no items counted
            # instead of the issues.
            start = max(sentence.clauses[sentence.clause_of(following.start)][0], cand.count.end)
            if _PRINT_RUN.search(sentence.text, start, following.start) or (
                following.unit in _COPIES and following.start == cand.count.end
            ):
                return True  # …公报6期，发行1800份, 6期1920份: the copies printed of those issues
            named = set(channels_in(sentence.text[start : following.start]))
            if named and not named & set(channels_in(lead)):
                return True  # …公报4期，“某某”新浪微博发文2900余条: another channel's count
            verb = _last_verb(sentence.text[start : following.start])
            head = _object_head(
                sentence.text[start + (verb.end() if verb else 0) : following.start]
            )
            # …公报9期，发布政府常务会议信息16条: a kind of content after it, not the items
            # counted instead of the issues.
            return bool(head) and (not _ending("item_nouns").search(head) or _topic_level(head))
    return True


def _right_after_issues(cand: _Candidate) -> bool:
    """Whether a count follows a count of issues with nothing between (公报6期1920份)."""
    k = bisect.bisect_left(cand.sentence.count_starts, cand.count.start)
    before = cand.sentence.counts[k - 1] if k else None
    return before is not None and before.unit == "期" and before.end == cand.count.start


# Copies printed or handed out (发行1800份, 印制3000册): a print run, no items.
_PRINT_RUN = re.compile(r"(?:发行|印发|印制|印刷|发放|赠阅)(?:量)?(?:共计|共|达|为)?$")
_COPIES = frozenset({"份", "册", "本"})


@cache
def _videos_before_pattern() -> re.Pattern[str]:
    nouns = _alternation(vocabulary()["cues"]["videos_in_ge"])
    return re.compile(rf"(?:{nouns})(?:共计|合计|累计|共|计|达)?$")


def _videos_before(lead: str) -> bool:
    """Whether a count in 个 counts videos named right before it (发布短视频120个).

    >>> _videos_before("通过视频号发布短视频"), _videos_before("开设账号")
    (True, False)
    """
    return _videos_before_pattern().search(lead) is not None


def _years_part_of_a_stock(cand: _Candidate, year: int | None) -> bool:
    """Whether a breakdown part opens with the report year under a running total (截至目前，
    …累计主动公开…1770条，…，其中2019年度我局共主动公开政府信息202条): the year's own count,
    which the stock before it holds."""
    part = _breakdown_part(cand)
    if year is None or part is None or not part.lstrip(",:").startswith(f"{year}年"):
        return False
    total = _total_broken_down(cand)
    return total is not None and _stock(total, year) is not None


def _print_run(lead: str) -> bool:
    """Whether the last publishing verb before a count in 份 issues copies (发行…份)."""
    verb = _last(_words("publish"), lead)
    return verb is not None and verb.group(0) == "发行"


def _bare_years_part_of_a_stock(cand: _Candidate, year: int | None) -> bool:
    """:func:`_years_part_of_a_stock` for a part that is the report year and its count alone
    (历年累计共224份，其中2024年度8份), under a running total of published items."""
    # The lead ends with the year and its few words (其中2024年度): tested first, as most counts
    # are not such a part and finding a breakdown costs more.
    if year is None or not _BARE_YEAR.search(cand.lead[-12:]):
        return False
    part = _breakdown_part(cand)
    if part is None or _BARE_YEAR.fullmatch(part.lstrip(",:")) is None:
        return False
    if not _years_part_of_a_stock(cand, year):
        return False
    total = _total_broken_down(cand)
    return total is not None and _has("publish", total.lead)


# A report year alone before its count (2024年度, 2024年, 2024年全年).
_BARE_YEAR = re.compile(r"\d{4}年(?:度|全年)?(?:共|共计)?$")


def _total_broken_down(cand: _Candidate) -> _Candidate | None:
    """The count a breakdown part (其中…N条) breaks down, as a candidate: the last count
    before its 其中."""
    part = _breakdown_part(cand)
    if part is None:
        return None
    sentence = cand.sentence
    last = bisect.bisect_right(sentence.count_ends, cand.count.start - len(part)) - 1
    if last < 0:
        return None
    total = sentence.counts[last]
    return next((c for c in sentence.candidates if c.count is total), None)


# The body guiding or urging others to handle their requests: the count is theirs.
_GUIDED_OTHERS = re.compile(
    r"(?:指导|督促|督导)(?:各|全[县区市])?(?:乡镇|街道|部门|单位|[县区市]直)"
    # 协助区政府办理…申请1宗: another body's applications, the body helping
    r"|协助[^,;:。]{1,12}?(?:办理|处理|答复)"
)


def _own_received_before(cand: _Candidate) -> bool:
    """Whether the sentence counted applications received before this count's words."""
    sentence = cand.sentence
    if bisect.bisect_left(sentence.count_starts, cand.lead_start) == 0:
        return False
    before = sentence.text[sentence.start : cand.lead_start]
    return "申请" in before and _words("applications_received").search(before) is not None


# 有 right before a count of requests: there were that many (2025年度有1件依申请公开信息).
_EXISTS_LEAD = re.compile(r"(?:^|[^没未])(?:共|总共)?有$")
# A word that denies the charge just before a fee is named (未收取费用, 不收取信息处理费).
_UNCHARGED = re.compile(r"[未不没无免][^，,。；;]{0,4}$")


def _charged_a_fee(after: str) -> bool:
    """Whether the clause after a count of applications says a fee was charged for them: the
    count is of those charged, not of all received (有1件申请收取信息处理费380元).

    >>> _charged_a_fee("政府信息公开申请收取信息处理费"), _charged_a_fee("依申请公开，未收取费用")
    (True, False)
    """
    fee = _words("fee").search(after)
    return fee is not None and not _UNCHARGED.search(after, 0, fee.start())


# 政府信息申请: requests for government information, its 公开 left out (收到2起政府信息申请)
_REQUEST_AFTER = re.compile(
    r"(?:政府信息公开|信息公开|政府信息依|信息依|政府信息|依)?(?:相关|方面)?的?申请"
)
# Applications named right before their count, with no verb: 政府信息公开申请为0件, 依申请公开
# 事项数量共计5件.
_STATED_APPLICATIONS = re.compile(
    # not 依申请事项 (the services one applies for: 展示依申请事项1209项)
    # 全区依申请公开办件21件: the cases handled on request, counted as such; 依申请公开政府信息
    # 申请 4件: the requests for it
    r"(?:(?:信息公开|公开)申请(?:公开)?|依申请公开(?:政府信息的?申请)?)(?:事项|办件|件|请求|情况|项目)?"
    r"(?:数量|件数|总数|数)?"
    r"(?:共计|合计|总计|共|计|为|是)*\s*$"
)  # 依申请公开申请数为21件, 依申请公开情况1件 too


# Why a received count that includes those carried over is not the year's; a later sentence
# that closes all of them closes that many (收到申请36件(含2021年结转2件)。…已全部办结).
_RECEIVED_WITH_CARRIED_OVER = (
    "applications received with those carried over (含上年结转N件), not the year's"
)


def _received_with_carried_over(sentence: _Sentence) -> Count | None:
    """The one count of ``sentence`` received with those carried over (受理…申请543件(含上年度
    结转6件)), or None: looked for only in a sentence that names a carry-over."""
    if sentence.text.find("结转", sentence.start, sentence.end) == -1:
        return None
    found = [
        cand.count
        for cand in sentence.candidates
        if cand.count.unit in vocabulary()["units"]["cases"]
        and _applications(cand) == _RECEIVED_WITH_CARRIED_OVER
    ]
    return found[0] if len(found) == 1 else None


def _applications(cand: _Candidate) -> tuple[str, str] | str | None:
    """(applications_received or applications_closed, why) from the verb nearest the number,
    why not, or None when the sentence is not about applications."""
    lead = cand.lead
    # An aside says what the count holds or leaves out (申请(不含咨询类)13件): not what it is.
    outside = _outside_asides(lead)
    other = _not_applications(outside)
    if (
        other
        and other.group(0) in ("案件", "诉求", "信件")
        and _REQUEST_WORDS.search(outside, 0, other.start())
    ):
        other = None  # 依申请公开政府信息案件, 依申请公开方面的诉求, 依申请公开信件: requests
    elif other and other.group(0) == "信件" and outside.startswith(_BY_POST, other.end()):
        other = None  # 网上申请、信件邮寄等形式的依申请公开件: a way of asking, by post
    if other:
        return f"about {other.group(0)}, not information requests"
    kind = _other_kind_of_application(cand)
    if kind:
        return f"applications of another kind ({kind}申请), not information requests"
    guided = _GUIDED_OTHERS.search(lead)
    if guided is not None:
        # 指导乡镇、县政府工作部门处理信息公开申请10件: other bodies' applications, handled under
        # the body's guidance.
        return f"applications other bodies handled under its guidance ({guided.group(0)}…)"
    units = _sub_units(lead)
    if units is not None and _own_received_before(cand):
        # 市政府共受理…申请29件，各乡镇政府，…市政府各部门共受理…申请24件: the units' own,
        # beside the body's counted before them.
        return f"applications of subordinate units ({units.group(0)}), beside the body's own"
    received = _last(_words("applications_received"), lead)
    closed = _last(_words("applications_closed"), lead)
    if closed is not None and lead.startswith(("决定", "结果"), closed.end()):
        # 办理行政许可处理决定数量210件: 处理决定 (a decision) is a noun; the verb is before it
        closed = _last(_words("applications_closed"), lead[: closed.start()])
    if closed is not None and received is not None and lead.startswith("事项", closed.end()):
        closed = None  # 收到依申请公开办理事项7件: 办理事项, the matters to handle, is a noun
    if closed is not None and lead.endswith(("不再", "不予"), 0, closed.start()):
        # 行政机关不再处理其政府信息公开申请2件: not processed, one kind of outcome
        return f"not processed ({lead[closed.start() - 2 : closed.end()]}), one kind of outcome"
    if closed is not None and lead.startswith("中", closed.end()):
        return f"still being handled ({closed.group(0)}中), not closed"
    if closed is not None and lead.startswith("前", closed.end()):
        return f"work before the answer ({closed.group(0)}前), not closed"  # 答复前法治审查15件次
    if closed is not None and _ending("overdue").search(lead, 0, closed.start()):
        return f"answers past the time limit (超期{closed.group(0)}), not those closed"
    if closed is not None and closed.start() >= 2:
        handled = _words("handled").match(lead, closed.start() - 2, closed.start())
        if handled is not None:
            closed = handled  # 办理回复, 办理答复: handled, as 办理 alone (cues.handled)
    if received is None and closed is None:
        if _sum_of_received(cand):
            return "applications_received", "the sum of the applications received before (合计N件)"
        if _EXISTS_LEAD.search(lead) and _REQUEST_AFTER.match(cand.after):
            if _charged_a_fee(cand.after):
                return "the applications charged a fee (有N件申请…收取信息处理费), not all received"
            return "applications_received", "applications there were (有N件依申请公开信息)"
        # 政府信息公开申请数量为5件: the count stated of the noun, with no verb.
        if _STATED_APPLICATIONS.search(lead) and ("撤回" in lead or "放弃" in lead):
            # 申请人主动撤回…申请3件, 逾期未补正视为放弃依申请公开3件
            return "applications withdrawn or given up, one kind of outcome, not all received"
        if _STATED_APPLICATIONS.search(lead) and not _in_breakdown(cand):
            return "applications_received", "applications counted with no verb (申请为N件)"
        # 其中10件已按时答复, 其中17件在法定期限内完成答复: the closing verb after the count; in
        # a sentence going on from the applications (收到申请4件…。剩余3件已按时答复) too.
        after = cand.after.strip()
        named = _REQUEST_AFTER.match(after)
        if named is not None and not after.startswith("公开", named.end()):
            # 14件政府信息公开申请已全部办结: the noun, then closed (2条依申请公开: the noun
            # 依申请公开, an outcome among those listed, closes nothing)
            after = after[named.end() :]
        if (cand.sentence.names_requests or _after_applications(cand)) and _closed_after(after):
            return "applications_closed", "closing verb after the count (N件已按时答复), 申请"
        if _COMPLETED_RIGHT_BEFORE.search(lead) and (
            cand.sentence.names_requests or _after_applications(cand)
        ):
            # 接收…申请52件，完成50件: those completed (完成…协办件1件 is other work).
            return "applications_closed", "完成 right before the count, after the applications"
        return None
    if received and (closed is None or received.end() > closed.end()):
        # The year's new ones, beside those carried over after them (本年新受理110件，上年结转8件).
        text, end = cand.sentence.text, cand.sentence.end
        new_beside_carried = (
            received.group(0).startswith("新") or lead.endswith("新", 0, received.start())
        ) and (
            _carried_count("applications_carried_over").search(text, cand.count.end, end)
            is not None
            # 2023年新受理39件，2022年结转0件: carried over from the year named before, none
            or _CARRIED_FROM_A_YEAR_STATED.search(text, cand.count.end, end) is not None
        )
        about_applications = (
            "申请" in lead
            or _REQUEST_AFTER.match(cand.after)
            or _DISCLOSURE_RECEIVED.search(lead, received.end())
            or _REQUESTS_NAMED_AFTER.match(cand.after)
            # 认真办理…依申请公开件。全年共办理118件，其中本年新受理110件，上年结转8件
            or (new_beside_carried and "申请" in cand.sentence.context)
        )
        if not about_applications and not _after_carried_over_applications(cand):
            return None
        if _in_breakdown(cand) and not new_beside_carried:
            # Not 受理…121件(其中本年度新收申请数112件,上年结转申请数9件): the year's own part.
            return "a part of the applications received (其中)"
        if _one_way_of_several(cand):
            # 按申请方式分:当面申请4件,通过网络提交申请10件,邮寄申请23件: one way's part.
            return "a part of the applications received, by one way of several listed"
        by_way = _RECEIVED_BY_WAY.search(lead)
        if by_way is not None and len(_RECEIVED_BY_WAY.findall(cand.sentence.body)) > 1:
            # 通过网页渠道收到申请13件，通过来信渠道收到申请2件: each way's part, no year's count.
            return f"a part of the applications received, by one way ({by_way.group(0)}…)"
        if _summed_after(cand.sentence, cand.count) is not None:
            return "a part of the applications received, summed after it (…合计N件)"
        if _carried_and_new_after(cand):
            # 受理依申请公开301件，上年度结转申请3件，新增298件: those handled, the year's new
            # counted after them.
            return "applications received with those carried over, the year's new after it"
        if _carried_over_included_after(cand):
            # 受理…申请543件(含上年度结转6件): the year's own are not printed; all of them
            # closed after it (…4件，其中上年度结转2件，均已答复) are the closed count.
            if _all_closed(cand.sentence, cand.count):
                return "applications_closed", "received with those carried over, then all closed"
            return _RECEIVED_WITH_CARRIED_OVER
        return "applications_received", f"receiving verb {received.group(0)}, 申请"
    if closed and (cand.sentence.names_requests or _after_applications(cand)):
        item = _disclosure_items().search(lead, closed.end())
        if item is not None:
            # 办理行政许可处理决定数量313件: decisions of table 2's kind, not applications.
            return f"what was handled is one of table 2's ({item.group(0)}), not applications"
        part = _breakdown_part(cand)
        before = cand.before
        in_brackets = before.rfind("(") > before.rfind(")")  # (其中网上申请25件,已办结24件)
        own = part.rsplit(",", 1)[-1] if part is not None and not in_brackets else ""
        if part is not None and not _closed_alone(part) and not _closed_alone(own):
            # 其中公开答复1件: answers of one kind, a part of the closed total. After parts by
            # way of asking, a clause of its own closing them (其中信函申请26件,网络申请8件,
            # 已按时办结33件) is the closed total.
            return f"a kind of answer in a breakdown ({part}), not the closed total"
        if _words("handled").fullmatch(closed.group(0)) and _includes_carried_over(cand):
            # Those handled are those received and those carried over: not the received.
            if _all_closed(cand.sentence, cand.count):
                return "applications_closed", "handled (carried over included), then all closed"
            return "applications handled, those carried over included (含上年结转N件)"
        handled = _handled_as_received(cand, received, closed, "applications_closed")
        if handled:
            return "applications_received", f"{handled}, 申请"
        if _words("handled").fullmatch(closed.group(0)) and _some_carried_forward(cand):
            # Not all closed. With some carried over too, the count may hold them or not.
            if _some_carried(cand, "applications_carried_over"):
                return "applications handled, some carried over and some carried forward"
            return "applications_received", "办理, then some carried forward to the next year"
        if closed.group(0) in _ANSWER_VERBS and _other_answer_after().match(
            cand.sentence.text, cand.count.end
        ):
            return "one kind of answer among outcomes listed after it (答复7件，不予受理4件)"
        if _words("handled").fullmatch(closed.group(0)) and _handled_alone(
            cand, "applications_closed"
        ):
            return "applications_received", "办理 with nothing received before it, 申请"
        return "applications_closed", f"closing verb {closed.group(0)}, 申请"
    return None


# Applications carried over from a year named, none too (2022年结转0件), the count after.
_CARRIED_FROM_A_YEAR_STATED = re.compile(r"\d{4}年度?(?:结转|转入)[^,;:。\d]{0,8}?\d+件")


@cache
def _disclosure_items() -> re.Pattern[str]:
    """Any row of table 2, in either format (行政许可, 行政处罚, 政府集中采购 …): what a body
    decides or buys, which a closing verb may handle too (办理行政许可…313件)."""
    anchors = {
        anchor.pattern
        for fmt in tpl.FORMATS
        for block in tpl.table2_blocks(fmt)
        for row in block.rows
        for anchor in row.anchors
    }
    return re.compile("|".join(f"(?:{a})" for a in sorted(anchors)))


# Verbs that say an application was answered: a count of them listed beside other outcomes
# (答复7件，不予受理4件) is one kind of outcome, not every application closed.
_ANSWER_VERBS = frozenset({"答复", "回复"})
_ANSWER_KINDS = (
    "applications_granted_or_partial", "applications_partial", "applications_granted",
    "applications_denied", "applications_unable", "applications_not_processed",
    "applications_other",
)  # fmt: skip


@cache
def _other_answer_after() -> re.Pattern[str]:
    """The next item of a list being another outcome with its count (，不予受理4件), its reason
    before it too (，因申请事项属于行政查询范畴依法不予公开2件)."""
    cues = vocabulary()["cues"]
    words = [w for kind in _ANSWER_KINDS for w in cues["outcomes"][kind]]
    words += cues["not_taken_in"]
    reason = "(?:因[^,;。\\d]{1,40}?)?"
    return re.compile(f"[,、;]\\s*{reason}(?:{_alternation(words)})[^,;。\\d]{{0,12}}?\\d")


# A count that sums the counts listed before it (网上申请105件，快递17件，合计122件).
_SUM_LEAD = re.compile(r"^[,、]?(?:合计|共计|总计|共)(?:为|:)?$")
#: The most parts a sum of applications received adds up (ways of asking, kinds of applicant).
MAX_SUMMED_PARTS = 8


def _summed_after(sentence: _Sentence, count: Count) -> Count | None:
    """The count after ``count`` that sums it with the counts listed between them, their words
    holding no verb (收到网上申请105件，快递17件，合计122件: 122), or None."""
    text = sentence.text
    k = bisect.bisect_right(sentence.count_starts, count.start)
    total, position = count.value, count.end
    for following in sentence.counts[k : k + MAX_SUMMED_PARTS]:
        words = text[position : following.start]
        if following.unit != count.unit or len(words) > _MAX_ITEM_LEAD:
            return None
        if _SUM_LEAD.match(words):
            return following if following.value == total else None
        if _list_verbs().search(words) or _words("publish").search(words):
            return None
        if _any_outcome().search(words):
            return None  # 收到申请3件，上年结转1件，共计4件: those carried over were not received
        total += following.value
        position = following.end
    return None


def _sum_of_received(cand: _Candidate) -> bool:
    """Whether the count sums the applications received listed before it (收到网上申请105件，
    快递17件，合计122件: 122): its own words are a sum word, and the first count it sums was
    received."""
    if not _SUM_LEAD.match(cand.lead):
        return False
    sentence, text = cand.sentence, cand.sentence.text
    k = bisect.bisect_left(sentence.count_starts, cand.count.start)
    for j in range(k - 1, max(-1, k - 1 - MAX_SUMMED_PARTS), -1):
        first = sentence.counts[j]
        clause_start = sentence.clauses[sentence.clause_of(first.start)][0]
        lead = text[max(sentence.counts[j - 1].end if j else 0, clause_start) : first.start]
        if _words("applications_received").search(lead) and "申请" in lead:
            summed = _summed_after(sentence, first)
            return summed is not None and summed.start == cand.count.start
    return False


def _disclosed_on_request_beside_proactive(cand: _Candidate) -> bool:
    """Whether an items count is of information disclosed on request, set beside what was
    proactively published in its sentence (主动公开…信息183份，依申请公开371条): not requests."""
    lead = cand.lead
    return (
        lead.endswith("依申请公开")
        # 回复依申请公开20条: the requests answered, not what was disclosed
        and _ending("applications_closed").search(lead, 0, len(lead) - len("依申请公开")) is None
        and cand.sentence.text.find("主动公开", cand.sentence.start, cand.lead_start) != -1
    )


def _requests_counted_as_items(cand: _Candidate) -> bool:
    """Whether a count in an items unit (条) is of information requests: its sentence is about
    申请 and its clause publishes nothing (the 公开 of 申请公开, 依申请公开 and 信息公开申请 is
    the request's)."""
    if not cand.sentence.names_requests:
        return False
    # 政府信息公开栏目收到…申请84条: 公开 after 信息 names the work, no act of publishing.
    lead = _REQUEST_WORDS.sub("", cand.lead).replace("信息公开", "")
    return _words("publish").search(lead) is None


# Channels named and counted as such (微信公众号和头条号两个政务新媒体): what they published
# together is theirs, not all the body published.
_CHANNELS_COUNTED = re.compile(r"[两二三四五六七八九十\d]个(?:政务)?(?:新媒体|平台|账号|渠道)")
# Channels listed as examples of the other ways (…及微信群等其他方式): the count is other's.
_OTHER_WAYS_AFTER_LIST = re.compile(r"等其他(?:方式|渠道|途径)")
# Ways listed, none of them a channel, then 等方式 (面对面交流、召开村民代表大会以及张贴宣传资料
# 等方式): ways the channel list has no name for.
_WAYS_LISTED = re.compile(r"、[^,;:。]{1,24}?等(?:方式|途径|渠道)")  # not 形式: 图文、视频等形式
# Right after a channel's word, another name joined to it and a word that sums them (微信公众平台
# 及美篇共计…): the count is of both, not of the channel alone.
_JOINED_AND_SUMMED = re.compile(r"[及和与][^,;:。、]{1,10}?(?:共计|合计|总计|共)")
# The 公开 of a request's own name: 依申请公开, 申请公开, 信息公开申请, 公开政府信息的申请.
_REQUEST_WORDS = re.compile(r"依?申请公开|公开申请|公开[^,;:。申]{0,8}?的申请")
# What a receiving verb counts when it names 信息公开 and no 申请: requests for it
# (接收网络方式提交政府信息公开5件).
# A receiving verb after the way the requests came in (通过网页渠道收到): one way's part when
# the sentence counts another way's too.
_RECEIVED_BY_WAY = re.compile(
    r"通过[^,;:。]{1,10}?(?:渠道|方式|途径)(?:共|共计)?(?:收到|受理|接收)"
)


@cache
def _way_opens() -> re.Pattern[str]:
    return re.compile(f"(?:通过)?(?:{_words('request_ways').pattern})")


def _one_way_of_several(cand: _Candidate) -> bool:
    """Whether the count's clause opens with a way of asking (当面, 通过网络 …) and another
    count's clause in the sentence does too: the requests listed by the way they came."""
    sentence = cand.sentence
    opening = _way_opens()
    own = sentence.clause_of(cand.count.start)
    if opening.match(sentence.text, sentence.clauses[own][0]) is None:
        return False
    clauses = {sentence.clause_of(c.start) for c in sentence.counts} - {own}
    return any(opening.match(sentence.text, sentence.clauses[k][0]) for k in clauses)


_DISCLOSURE_RECEIVED = re.compile(r"信息公开(?:事项|请求)?(?:共计|合计|共)?$")
# Requests named after their count, at the end of what says who made them (收到2条公众通过…
# 栏目提交的申请), or what they asked for (接到7条提出公开政府信息的申请).
_REQUESTS_NAMED_AFTER = re.compile(
    r"[^,;:。]{0,40}?(?:提交|提出|递交|发起)(?:公开(?:政府)?信息)?的(?:政府信息公开|信息公开)?申请"
)


#: How far after a count 办理 looks for what closed it (the next clause or two): a sentence
#: of thousands of counts is not searched to its end for each.
_CLOSED_AFTER = 120


def _carried_and_new_after(cand: _Candidate) -> bool:
    """Whether the next two counts of the sentence are those carried over and the year's new
    (上年度结转申请3件，新增298件), in either order, adding up to this count."""
    sentence = cand.sentence
    k = bisect.bisect_right(sentence.count_starts, cand.count.start)
    following = sentence.counts[k : k + 2]
    if len(following) < 2 or following[0].value + following[1].value != cand.count.value:
        return False
    carried = _carried_count("applications_carried_over")
    found_carried = found_new = False
    start = cand.count.end
    for c in following:
        words = sentence.text[start : c.end]
        if carried.search(words):
            found_carried = True
        elif _NEW_RECEIVED.search(sentence.text, start, c.start):
            found_new = True
        start = c.end
    return found_carried and found_new


# The year's new applications named right before their count (新增298件, 本年新收434件).
_NEW_RECEIVED = re.compile(r"新(?:增|收到?|受理)[^,;:。\d]{0,12}$")


def _after_carried_over_applications(cand: _Candidate) -> bool:
    """Whether the count right before, in the sentence, is of applications carried over
    (上年结转政府信息公开申请21件，本年新收434件): a received count after it is of applications
    too."""
    previous = _candidate_before(cand)
    if previous is None or "申请" not in previous.lead:
        return False
    carried = _carried_count("applications_carried_over")
    return carried.search(cand.sentence.text, previous.lead_start, previous.count.end) is not None


def _after_applications(cand: _Candidate) -> bool:
    """Whether a sentence that names no applications goes on from one that does (收到申请132件。
    目前依法办结122件): its closing count closes those applications, unless it speaks of
    something else (the lead's words are checked before) or names a hotline."""
    sentence = cand.sentence
    if not sentence.previous or sentence.hotline_mentions:
        return False
    a, b = sentence.previous[-1]
    if _INFORMATION_REQUESTS.search(sentence.text, a, b) is None:
        return False  # none, or another kind (受理行政许可申请500件。办结498件)
    clause = sentence.clauses[sentence.clause_of(cand.count.start)]
    return _not_applications(sentence.text, sentence.start, clause[1]) is None


def _not_applications(text: str, start: int = 0, end: int | None = None) -> re.Match[str] | None:
    """The first word of ``text[start:end]`` that says a count is of something other than
    information requests (信访, 咨询 …), past those that are part of an office's name (某县
    信访局, 投诉中心): an office's requests are information requests like any other.

    >>> _not_applications("某县信访局共受理政府信息公开申请") is None
    True
    >>> _not_applications("受理信访件").group(0)
    '信访'
    """
    end = len(text) if end is None else end
    for m in _words("not_applications").finditer(text, start, end):
        if _office_after().match(text, m.end()) is None:
            return m
    return None


@cache
def _office_after() -> re.Pattern[str]:
    """A department's suffix (局, 中心 …), or 办 for 办公室 where it starts no verb (信访办, not
    信访办理)."""
    suffixes = _alternation(vocabulary()["cues"]["department_suffixes"])
    return re.compile(f"(?:{suffixes}|办(?![理结件]))")


def _closed_after(after: str) -> bool:
    """Whether the words right after a count close it, with 已 or without it (已按时答复,
    在法定期限内完成答复), and are no denial (未在规定时限内答复)."""
    if after.startswith(("未", "没有", "尚未")):
        return False
    if after in ("已公开", "已经公开"):
        return False  # 其中8件已公开；6件部分公开: an outcome among others listed, disclosed
    if _one_closed_pattern().match(after) is not None:
        return True
    # Without 已 the closing words end the clause: 答复公开3件 is a kind of answer. The work of
    # closing (完成答复工作) ends it as well.
    after = after.removesuffix("工作").removesuffix("完毕")  # 按时办结完毕: closed, done
    tail = _closed_tail_pattern().match(after)
    # …办理完成并录入管理系统: another act joined by 并 after the closing words
    return tail is not None and (tail.end() == len(after) or after.startswith("并", tail.end()))


@cache
def _closed_tail_pattern() -> re.Pattern[str]:
    """A closing statement without its 已: a timing or a helper, then the closing verb."""
    w = _closing_words()
    return re.compile(f"(?=.{{0,16}}?{w['verbs']})(?:{w['tail']})")


def _includes_carried_over(cand: _Candidate) -> bool:
    """Whether the words right after the count say it includes applications carried over from
    the year before (办理申请69件，含2023年转至今年办理的3件; 办理52件(含上年结转2件)), or the
    count sums (共办理) a sentence that counted them before it."""
    sentence = cand.sentence
    carried_over = dict(_outcome_patterns())["applications_carried_over"]
    if cand.lead.lstrip().startswith(("共", "合计", "总计")) and carried_over.search(
        sentence.text, sentence.start, cand.lead_start
    ):
        # 受理…29件，续办上年度结转办件1件，共办理30件: the sum of those before it.
        return True
    return _carried_over_included_after(cand)


def _carried_over_included_after(cand: _Candidate) -> bool:
    """Whether the words right after the count say it includes applications carried over
    (受理申请543件(含上年度结转6件))."""
    sentence, end = cand.sentence, cand.count.end
    following = _INCLUDES.match(sentence.text, end, sentence.end)
    if following is None:
        return False
    # Some carried over, not none (上年度结转政府信息公开申请0件: the count is the year's own).
    carried_over = _carried_count("applications_carried_over")
    clause_end = _clause_end(sentence.text, following.end())
    if "(" in following.group(0):  # (其中本年度新收…112件,上年结转…9件): the brackets' parts
        closing = sentence.text.find(")", following.end(), sentence.end)
        clause_end = closing if closing != -1 else clause_end
    elif following.group(0).rstrip(":").endswith("其中"):
        # …8件政府信息公开申请,其中本机关新收5件,上年度未办结3件: the parts up to a semicolon
        stop = sentence.text.find(";", following.end(), sentence.end)
        clause_end = stop if stop != -1 else sentence.end
    carried = carried_over.search(sentence.text, end, clause_end) or _CARRIED_FROM_A_YEAR.search(
        sentence.text, end, clause_end
    )
    if carried is None:
        return False
    # 共接收…申请176件，其中线上申请132件、信函申请44件，上年结转2件: the parts before the
    # carried ones add up to the count without them, so those stand beside it, not in it.
    parts = [
        c.value
        for c in sentence.counts
        if end <= c.start < carried.start() and c.unit == cand.count.unit
    ]
    return not (len(parts) >= 2 and sum(parts) == cand.count.value)


# Some carried from a year named (含2022年结转67件): in a count that includes them, those carried
# over from before, whatever the year's name.
_CARRIED_FROM_A_YEAR = re.compile(r"\d{4}年度?(?:结转|转入)[^,;:。\d]{0,12}?[1-9]\d*件")


# What applications asked for, named as the subject of an answer (所申请信息, 申请的信息).
_ASKED_FOR = re.compile(r"所申请|申请的(?:政府)?信息|申请公开的(?:政府)?信息")


def _listed_before(span: str, head: str) -> bool:
    """Whether ``head`` follows three areas or more listed with 等 right before it
    (…、…、…等相关领域信息), in ``span``.

    >>> _listed_before("公开概况、人事、规划等3类信息,共计", "3类信息")
    True
    """
    at = span.rfind(head)
    if at < 1 or span[at - 1] != "等":
        return False
    return span.count("、", 0, at) >= 2


def _many_areas(clause: str, least: int = 3) -> bool:
    """Whether ``least`` or more areas are listed with 等 (A、B、C等): the body's work, not one
    topic. Counted, not matched: a pattern of nested runs backtracks over a long list.

    >>> _many_areas("疫情防控、文明创建、人居环境整治等方面"), _many_areas("疫情防控等方面")
    (True, False)
    """
    end = clause.find("等")
    return end != -1 and clause.count("、", 0, end) >= least - 1


# A site by its name, with no channel word (通过江苏民政网公开, 通过台州气象网主动公开): a name
# ending with 网 right after the way it was used, and right before the verb.
_SITE_BY_ITS_NAME = re.compile(
    # not the internet (互联网) nor a grid or network of pipes, roads or water (电网, 管网)
    # its name may be in quotes (通过“通化市农网”公开), or be a name in quotes before 网 that
    # opens the item (“上海环境”网公开461条)
    # (在“梁溪区人民政府”网: the quote closed before 网)
    r'(?:(?:通过|在|依托|利用)"?([\u4e00-\u9fff]{2,10}?(?:(?<![联电管水路光])网|"网))(?![络民友点格站页])"?'
    r'|^"([\u4e00-\u9fff]{2,10})"网(?![络民友点格站页]))(?:上)?'
    r"(?:共|共计|累计)?(?:主动)?(?:公开|发布|公布|更新|推送)"
)
# 完成 right before a count (完成50件): those completed.
_COMPLETED_RIGHT_BEFORE = re.compile(r"(?:^|[,、])(?:共|共计|已)?完成(?:了)?$")
# What opens the words saying what a count includes: (含…, ，其中含…, ，包括….
# 其中 alone too, when what follows is carried over (收到申请4件，其中上年度结转2件).
# The applications' noun may stand between (共办理8件政府信息公开申请,其中…).
# The count's noun may stand before (691条依申请事项(含上年结转31件)).
_INCLUDES = re.compile(
    r"\s*(?:(?:政府信息公开|依申请公开|信息公开|依申请)?(?:申请|事项))?[,(]?\s*"
    r"(?:(?:其中)?(?:包含|包括|含)|其中:?)"
)


def _received_and_closed(lead: str, receiving: str, closing: str) -> bool:
    """Whether the closing verb (of the cue list ``closing``) nearest the count is joined to a
    receiving verb (of ``receiving``) before it (受理并办结, 收到和答复, 受理并回复12345工单): the
    count is of both."""
    received = _last(_words(receiving), lead)
    closed = _last(_words(closing), lead)
    return (
        received is not None
        and closed is not None
        and received.end() <= closed.start()
        and (
            received.end() == closed.start()  # 受理答复…22件: the two verbs as one
            or _joined_in_time().fullmatch(lead, received.end(), closed.start()) is not None
        )
    )


@cache
def _joined_in_time() -> re.Pattern[str]:
    """A joining word, then timing or manner words (收到并按时办结, 受理并规范答复), or the steps
    taken in between, each with its joining word (受理、办理、答复)."""
    joined = _words("joined_verbs").pattern
    words = _closing_words()
    steps = f"(?:{words['taken_in']})(?:{joined})"
    return re.compile(f"(?:{joined})(?:{steps})*(?:{words['timing']}|{words['manner']})*")


def _handled_as_received(
    cand: _Candidate,
    received: re.Match[str] | None,
    closing: re.Match[str],
    closing_cue: str,
    lead: str | None = None,
) -> str | None:
    """Why a count whose nearest verb is 办理 (``closing``, a match in ``lead``, the count's
    own lead unless given) counts what was received, not what was closed (see
    ``cues.handled``); None when it counts the closed."""
    if not _words("handled").fullmatch(closing.group(0)):
        return None
    lead = cand.lead if lead is None else lead
    if received and _words("joined_verbs").fullmatch(lead[received.end() : closing.start()]):
        return f"receiving verb {received.group(0)} joined to 办理"
    sentence = cand.sentence
    if _received_count_before(cand, closing_cue):
        return None  # 受理…申请40件，回复办理40件，办结率100%: after those received, the closed
    end = min(sentence.end, cand.count.end + _CLOSED_AFTER)
    if _closing_count(closing_cue).search(sentence.text, cand.count.end, end):
        return "办理, then a count closed in other words"
    if _all_closed(sentence, cand.count, end):
        return "办理, then every one closed"
    return None


def _received_from(cand: _Candidate, closing_cue: str) -> int:
    """Where a receiving verb before a count handled may stand to make it the closed one: the
    sentence's start for applications; for the hotline, the clause that names it (接听转办群众来电
    5761件，办理12345市民热线16038件: the calls received before are not the hotline's)."""
    sentence = cand.sentence
    if closing_cue != "hotline_resolved":
        return sentence.start
    named = bisect.bisect_right(sentence.hotline_ends, cand.count.start)
    if not named:
        return sentence.start
    mention = sentence.hotline_mentions[named - 1][0]
    return sentence.clauses[sentence.clause_of(mention)][0]


def _handled_alone(cand: _Candidate, closing_cue: str) -> bool:
    """Whether a count whose verb is 办理 stands with no receiving verb before it in its
    sentence and no count carried forward after it (办理12345热线567件, 共办理政府信息公开申请
    21件): what came in to be handled, the received count. After a received count (共受理…749件；
    共办理718件) it is what was closed; with a count carried forward after it, see
    ``_some_carried_forward``."""
    sentence = cand.sentence
    part = _breakdown_part(cand)
    if part is not None and _words(_RECEIVED[closing_cue]).search(
        sentence.text, sentence.start, cand.count.start - len(part)
    ):
        # (其中承办单2299件,重新办理单421件): a part of a count received before it. A part of a
        # count handled (共办理网民留言1993件，其中，办理12345…热线1925件) is handled alone.
        return False
    if _received_count_before(cand, closing_cue):
        return False
    carried_forward = dict(_outcome_patterns())["applications_carried_forward"]
    return carried_forward.search(sentence.text, cand.count.end, sentence.end) is None


def _received_count_before(cand: _Candidate, closing_cue: str) -> bool:
    """Whether a count before this one in its sentence (from where ``_received_from`` says) was
    led by a receiving verb: a received count, which makes a count handled after it the closed.
    A receiving verb in the prose with no count (规范申请受理、办理、答复的时限) is none."""
    sentence = cand.sentence
    receiving = _words(_RECEIVED[closing_cue])
    start = _received_from(cand, closing_cue)
    k = bisect.bisect_left(sentence.count_starts, cand.count.start)
    for count in sentence.counts[max(0, k - _SITE_COUNT_REACH) : k]:
        if count.start < start:
            continue
        clause = sentence.clauses[sentence.clause_of(count.start)][0]
        if receiving.search(sentence.text, max(clause, start), count.start):
            return True
    return False


#: How far after a count handled its outcomes are looked for: the breakdown that follows it,
#: in its sentence or the next ones of its part (办理…69件。办理结果如下：…结转下年度1件).
_OUTCOMES_AFTER = 240


def _some_carried_forward(cand: _Candidate) -> bool:
    """Whether the text goes on, close after the count and before the next numbered part, to
    carry one or more applications forward to the next year (结转下年度继续办理1件, 2件转入下年度):
    those handled were not all closed. Not after a received count in the sentence, which 办理
    then follows as the closed."""
    sentence = cand.sentence
    if _words("applications_received").search(sentence.text, sentence.start, cand.count.start):
        return False  # 受理申请40件；办理36件，结转下年4件: after the intake, 办理 is the closed
    return _some_carried(cand, "applications_carried_forward")


def _some_carried(cand: _Candidate, metric: str) -> bool:
    """Whether the count's sentence, or the text close after it up to the next numbered part,
    carries one or more applications over (``metric`` applications_carried_over: 上年结转2件)
    or forward (applications_carried_forward: 结转下年度继续办理1件, 2件转入下年度)."""
    text, start = cand.sentence.text, cand.sentence.start
    end = min(len(text), cand.count.end + _OUTCOMES_AFTER)
    heading = _NUMBERED_HEADING.search(text, cand.count.end, end)
    end = heading.start() if heading else end
    return _carried_count(metric).search(text, start, end) is not None


@cache
def _carried_count(metric: str) -> re.Pattern[str]:
    """A count carried over or forward (``metric``) that is not zero, after its words or
    before them."""
    words = dict(_outcome_patterns())[metric].pattern
    if metric == "applications_carried_forward":
        words = f"{words}|{_CARRY_TO_YEAR.pattern}"  # 1件结转到2025年度办理
    some = r"(?:[1-9]\d*|[一二两三四五六七八九十]+)"
    unit = _alternation(vocabulary()["units"]["cases"])
    return re.compile(
        f"(?:{words})[^,;:。\\d]{{0,12}}?{some}(?:{unit})|{some}(?:{unit})(?:申请)?(?:{words})"
    )


@cache
def _closing_count(closing_cue: str) -> re.Pattern[str]:
    """A closing verb of ``closing_cue`` other than 办理 right before a number (办结71件)."""
    cues = vocabulary()["cues"]
    strong = [w for w in cues[closing_cue] if w not in cues["handled"]]
    return re.compile(rf"(?:{_alternation(strong)})了?\s*[0-9一二三四五六七八九十两]")


@cache
def _request_before() -> re.Pattern[str]:
    cues = vocabulary()["cues"]
    words = [*cues["request_before"], *cues["applications_received"], *cues["applications_closed"]]
    return re.compile(rf"(?:{_alternation(words)})$")


_PREPOSITIONS = ("对", "向", "就", "将", "把")


def _other_kind_of_application(cand: _Candidate) -> str | None:
    """The words naming another kind of application (行政许可) before the 申请 the count is
    of (the last one before it in its sentence, else the first after it), or None.

    >>> sentence = _sentences("全年共受理行政许可申请1200件。")[0]
    >>> _other_kind_of_application(_candidates(sentence)[0])
    '行政许可'
    """
    before = _outside_asides(cand.before)  # 申请(含线上申请): the aside's 申请 is not the count's
    at = before.rfind("申请")
    if at != -1 and _REQUEST_AFTER.match(cand.after) and before.find(",", at) != -1:
        # 确保申请事项…,收到6条依申请公开事项: the count's own noun names what was asked, not
        # a 申请 clauses before it.
        at = -1
    if at == -1:
        after_at = cand.after.find("申请")
        if after_at == -1:
            return None
        before = cand.sentence.text[cand.sentence.start : cand.count.end] + cand.after[:after_at]
        at = len(before)
    head = before[:at]
    if not head or not _CJK_LAST.search(head) or _request_before().search(head):
        return None
    if head.endswith(_PREPOSITIONS):
        return None  # 对申请的办理情况: a preposition before 申请 names no kind of it
    if _ASKS_FOR_INFORMATION.match(before, at + 2) or (
        at == len(before) and _ASKS_FOR_INFORMATION.match(cand.after, cand.after.find("申请") + 2)
    ):
        return None  # 向管委会申请的政府信息31件: whoever it went to, information was asked for
    words = _CJK_RUN.search(head)
    return words.group(0)[-4:] if words else None


# What a request asks for, right after 申请: government information (申请的政府信息, 申请公开).
_ASKS_FOR_INFORMATION = re.compile(r"的?政府信息|公开")
_CJK_LAST = re.compile(r"[\u4e00-\u9fff]$")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+$")


@cache
def _closing_helpers() -> re.Pattern[str]:
    cues = vocabulary()["cues"]
    spec = cues["all_closed"]
    words = _alternation([*spec["done"], *spec["timing"], *spec["helper"]])
    # 其中本年度答复21件: the year's own closing, as 其中已答复 is
    this_year = _alternation(["本年度", *cues["this_year"]])
    return re.compile(rf"^(?:共|计|有)?(?:{this_year})?(?:{words})*")


def _closed_alone(part: str) -> bool:
    """Whether a breakdown clause is a closing verb alone (其中已按期办结), or after the verb
    that took them in (及时受理申请并按时办结): the closed count."""
    rest = _closing_helpers().sub("", part)
    taken_in = _TAKEN_IN_AND.match(rest)
    if taken_in is not None:
        rest = _closing_helpers().sub("", rest[taken_in.end() :])
    return _words("applications_closed").fullmatch(rest) is not None


# The verb that took the applications in, joined to the closing one (受理申请并按时办结).
_TAKEN_IN_AND = re.compile(r"(?:受理|接收|收到)(?:申请|申请件)?(?:后|并|且)")


# Verbs of assigning a hotline's calls, which name them when a noun follows (交办事项, 转办件).
_ASSIGNING = frozenset({"交办", "转办", "派发"})
_ASSIGNED_NOUN = re.compile(r"(?:事项|件|单|工单)")


def _hotline(cand: _Candidate) -> tuple[str, int, str, str] | str | None:
    """(hotline_received or hotline_resolved, evidence start, why, the words its verb was read
    from) when a hotline is named before in the sentence; why not; or None when no hotline is
    named."""
    if cand.count.unit not in vocabulary()["units"]["hotline"]:
        return None
    mentions = cand.sentence.hotline_mentions
    # The mentions ending by the number (their ends rise with their starts).
    named = bisect.bisect_right(cand.sentence.hotline_ends, cand.count.start)
    if not named:
        return None
    if "申请" in cand.lead:
        return "a hotline is named, but the count is of applications"
    own_clause = cand.sentence.clauses[cand.sentence.clause_of(cand.count.start)][0]
    if cand.count.unit == "项" and mentions[named - 1][0] < own_clause:
        # 项 counts the hotline's matters only in the clause naming it (处理12345…事项639项), not
        # other business after it (…热线8条，…；省一网通办平台办理业务8项).
        return "counted in 项 in a clause that does not name the hotline"
    lead = cand.lead
    if mentions[named - 1][0] < cand.lead_start:
        # The hotline named before the count's own words, which name another way in for
        # messages (回复12345工单38件，局长信箱回复4件): the count is that one's.
        other = _words("message_channels").search(lead) or _words("proposals").search(lead)
        if other:
            return f"its own words name {other.group(0)}, not the hotline named before"
        # A semicolon after the hotline's mention ends its statement: a count in the next one
        # is of what that one names (…热线交办件78件，办结78件；微信公众号咨询留言37条，办结37条).
        text = cand.sentence.text
        stop = text.rfind(";", mentions[named - 1][1], cand.count.start)
        if stop != -1:
            statement = text[stop + 1 : cand.count.start]
            channel = _channel_pattern()[0]
            other = _words("message_channels").search(statement) or channel.search(statement)
            if other:
                return f"{other.group(0)} is named after the hotline's statement, not the hotline"
    else:
        # Another way in for messages listed before the hotline in the count's own words
        # (回复“市长留言板”“12345”…等190余条): the count is of them all, not the hotline's.
        first = next(start for start, _end in mentions if start >= cand.lead_start)
        other = _words("message_channels").search(cand.sentence.text, cand.lead_start, first)
        if other:
            return f"{other.group(0)} and the hotline counted together, not the hotline's alone"
        if first - 1 > cand.lead_start and cand.sentence.text[first - 1] == "、":
            # 通过“巨好办”、阳光理政、12345便民服务平台答复…153条: the hotline is one of the
            # ways listed in the count's own words (not an item with a count of its own).
            return "ways listed with the hotline and counted together, not the hotline's alone"
        if _WAYS_AFTER_THE_HOTLINE.match(cand.sentence.text, mentions[named - 1][1]):
            # 通过“12345市民服务热线”等平台接收…380条, “12345热线”、微博网民留言等平台处理…:
            # the hotline and other ways in, counted together.
            return "the hotline and other ways named after it, counted together"
    received = _last(_words("hotline_received"), lead)
    if (
        received is not None
        and received.group(0) in _ASSIGNING
        and _ASSIGNED_NOUN.match(lead, received.end())
        and _words("hotline_received").search(lead, 0, received.start())
    ):
        # 收到并按时办结…热线交办事项7件: 交办事项 names what was assigned; the verbs are before
        received = _last(_words("hotline_received"), lead[: received.start()])
    resolved = _last(_words("hotline_resolved"), lead)
    if resolved is not None and lead.startswith("中", resolved.end()):
        return f"still being handled ({resolved.group(0)}中), not resolved"
    shared_verb = False
    if received is None and resolved is None:
        # An item of a list that names the hotline and shares the list's verb (办理…信箱（网上
        # 信访）112件、12345热线8391件): the verb before the list, back to the clause's start
        # (brackets inside it go on).
        sentence = cand.sentence
        own_item = mentions[named - 1][0] >= cand.lead_start  # the item names the hotline
        if own_item and lead.lstrip().startswith("、"):
            start, head_end = _list_head(sentence, cand.lead_start)
            lead = sentence.text[start:head_end]
            received = _last(_words("hotline_received"), lead)
            resolved = _last(_words("hotline_resolved"), lead)
            shared_verb = True
        elif own_item and (head := _previous_item_with_comma(cand)) is not None:
            # 收到信箱诉求6条，12345政务服务便民热线8条: the item after a comma, no verb of its
            # own, shares the verb of the count right before it.
            lead = head
            received = _last(_words("hotline_received"), lead)
            resolved = _last(_words("hotline_resolved"), lead)
            shared_verb = True
    if received is None and resolved is None:
        return "a hotline is named, but no receiving or resolving verb before the count"
    metric, verb = "hotline_received", received
    if resolved and (received is None or resolved.end() > received.end()):
        metric, verb = "hotline_resolved", resolved
        if _handled_as_received(cand, received, resolved, "hotline_resolved", lead):
            metric = "hotline_received"
        elif _words("handled").fullmatch(resolved.group(0)) and _handled_alone(
            cand, "hotline_resolved"
        ):
            metric = "hotline_received"  # 办理12345热线工单8876件: the calls that came in
        elif _ending("replies_published").search(lead, 0, resolved.start()):
            return f"replies made public ({lead[: resolved.end()][-4:]}), not all resolved"
    handled = _words("handled").fullmatch(verb.group(0)) is not None  # type: ignore[union-attr]
    part = _breakdown_part(cand) if metric == "hotline_received" or handled else None
    if part is not None and mentions[named - 1][1] <= cand.count.start - len(part):
        # 12345热线共受理2720件(其中承办单2299件,重新办理单421件): a part of the calls received.
        return "a part of the hotline's calls counted before (其中…)"
    # Evidence from the clause that names the hotline (its last mention before the number),
    # when the number's own clause does not.
    sentence = cand.sentence
    last_mention = mentions[named - 1][0]
    if shared_verb:  # a list's item: its own words, which name the hotline, are the evidence
        start = cand.lead_start
    else:
        start = min(cand.lead_start, sentence.clauses[sentence.clause_of(last_mention)][0])
    # The words its verbs are read from: a list's head for an item sharing its verb.
    verbs_in = lead if shared_verb else cand.lead
    return metric, start, f"hotline named, verb {verb.group(0)}", verbs_in  # type: ignore[union-attr]


# Other ways in named right after the hotline, in the count's own words: a 、 or 等平台, with a
# short name of another way before it (“12345”市长与网民等平台).
_WAYS_AFTER_THE_HOTLINE = re.compile(r'"?(?:、|[^,;:。、"]{0,8}?等(?:平台|渠道|途径|方式|载体))')


def _press_conferences_named_beside(cand: _Candidate) -> bool:
    """Whether a count with no event verb counts press conferences by their name right before
    it (新闻发布会39场 in a list, 新闻发布会2次) or right after it (发布29场新闻发布会信息,
    whatever the verb does with them): not a part of those counted before, and not attended in
    the count's clause (参加…新闻发布会1次、省级新闻发布会3次: others' events)."""
    pattern, owner = _channel_pattern()
    lead = cand.lead.rstrip("共计达为")
    before = pattern.search(lead)
    if before is not None and before.end() == len(lead) and cand.count.unit in _SESSIONS_OR_TIMES:
        named = before
    elif cand.count.unit in _SESSIONS:
        named = pattern.match(cand.after)
    else:
        return False
    if named is None or set(owner[named.group(0)]) != {"press_conference"}:
        return False
    sentence = cand.sentence
    clause_start = sentence.clauses[sentence.clause_of(cand.count.start)][0]
    return (
        not _part_of_events_before(cand, "press_conference")
        and _ATTENDED.search(sentence.text, clause_start, cand.count.start) is None
    )


def _event(cand: _Candidate) -> _Decision | str:
    """开展政府开放日活动3次 → open_day_events; 召开新闻发布会5场 → other (press_conference)."""
    if not _has("events", cand.lead):
        if _press_conferences_named_beside(cand):
            return _Decision("other", "press_conference", cand.lead_start, "press conferences")
        return "no event verb (召开, 举办 …) before it"
    if cand.lead.endswith("各"):
        return "one each of the events named (各N次), not their count"
    named = set(channels_in(cand.lead))
    if not named:
        # The events named right after their count (召开4次新闻发布会), whose they are a few
        # words before (举办191场市政府新闻发布活动).
        pattern, owner = _channel_pattern()
        after = cand.after.lstrip('“"「『')  # 组织1次“政府开放日”活动: the events in quotes
        right_after = _EVENT_OWNER.match(after)
        found = pattern.match(after, right_after.end()) if right_after else None
        if found is None:
            found = pattern.match(after)
        if found is not None:
            named = set(owner[found.group(0)])
    if len(named) == 1 and _part_of_events_before(cand, next(iter(named))):
        return "a part of the events counted before (其中…N场)"
    if named == {"open_day"}:
        if _listed_after_others(cand.lead):
            return "events of several kinds listed together (“政策公开讲”“政务开放日”等N场)"
        return _Decision("open_day_events", "open_day", cand.lead_start, "an open day event")
    if named == {"press_conference"}:
        if _other_kinds_listed_after(cand.lead):
            return "events of several kinds listed together (发布会、政策解读等N场)"
        return _Decision("other", "press_conference", cand.lead_start, "a press conference")
    return "events, but not of an open day or press conference"


_LISTED_AFTER = re.compile(r"[、和及与][^,;:。\d]{2,}")
# Kinds of events one after another: a list mark, or two names in quotes side by side
# (normalization unifies the quotes to ").
_LISTED_BEFORE = re.compile(r"[、和及与]|[”」』\"][“「『\"]")


def _listed_after_others(lead: str) -> bool:
    """Whether the last event a count's words name follows other kinds of events after the
    verb and is closed by 等 (举办“政策公开讲”“政务开放日”等31场): the count is of them all.

    >>> _listed_after_others('举办"政策公开讲""政务开放日"等')
    True
    >>> _listed_after_others("在A、B两地举办政务开放日等")
    False
    """
    verb = _last(_words("events"), lead)
    last = _last(_channel_pattern()[0], lead)
    if verb is None or last is None or last.start() < verb.end():
        return False
    between = lead[verb.end() : last.start()]
    return "等" in lead[last.end() :] and _LISTED_BEFORE.search(between) is not None


def _other_kinds_listed_after(lead: str) -> bool:
    """Whether kinds that name no channel are listed after the last one a count's words name
    (举办新闻发布会、政策解读、直播培训等共31场): the count is of them all.

    >>> _other_kinds_listed_after("举办新闻发布会、直播培训等共")
    True
    >>> _other_kinds_listed_after("召开新闻发布会")
    False
    >>> _other_kinds_listed_after("召开新闻发布会及采访活动")
    False
    """
    last = _last(_channel_pattern()[0], lead)
    listed = _LISTED_AFTER.search(lead, last.end()) if last is not None else None
    return listed is not None and not _has("press_events_like", listed.group(0))


_ATTENDED = re.compile(r"参加|出席|参与|列席|受邀")
# The units of sessions held (新闻发布会39场): a count in them names its events by itself.
_SESSIONS = frozenset({"场", "场次"})
_SESSIONS_OR_TIMES = _SESSIONS | {"次"}
# Whose events they are, named between the count and the events (市政府, 区政府, 全市).
_EVENT_OWNER = re.compile(r"(?:[省市县区州旗镇乡]|全[省市县区])(?:政府|委|级)?(?=[^,;:。\d]{2})")


def _part_of_events_before(cand: _Candidate, channel: str) -> bool:
    """Whether the count, in a breakdown (其中), is a part of events of the same kind counted in
    its sentence or the one before (举办191场新闻发布活动。其中，…新闻发布会累计举行151场)."""
    text, sentence = cand.sentence.text, cand.sentence
    if not _names_breakdown(cand):
        return False
    breakdown = _last(_words("breakdown"), text[sentence.start : cand.count.start])
    if breakdown is None:
        return False
    start = sentence.previous[-1][0] if sentence.previous else sentence.start
    before = text[start : sentence.start + breakdown.start()]
    pattern, owner = _channel_pattern()
    return (
        any(channel in owner[m.group(0)] for m in pattern.finditer(before))
        and _events_counted().search(before) is not None
    )


@cache
def _events_counted() -> re.Pattern[str]:
    """A count of events in one of ``units.events`` (191场, 5次)."""
    return re.compile(rf"\d+(?:{_alternation(vocabulary()['units']['events'])})")


@cache
def _closing_words() -> dict[str, str]:
    """The alternations of ``cues.all_closed``, and ``tail``: an optional timing (a few words
    that end with a timing word, then up to three listed words, as in 在规定时间内按要求 or
    按时按规), an optional helper (予以), a closing verb. No number in it: 均已转交3个部门办理 is no
    timing."""
    spec = vocabulary()["cues"]["all_closed"]
    words = {k: f"(?:{_alternation(v)})" for k, v in spec.items()}
    timing, timing_end = words["timing"], words["timing_ends"]
    # a title in 《》 is one word of it (均已按照《…条例》按时答复), and so is a number of days
    # (均在法定20个工作日内办结); the title that the answers followed may end it (均按照《…条例》
    # 进行了答复), not one that names where they went (均转交《…》办理)
    days = "\\d{1,3}个?(?=工作日|日内|天内)"
    by_title = "(?:按照|依照|根据|依据|遵照|按)《[^》]{1,60}》"
    timed = f"(?:《[^》]{{1,60}}》|{days}|[^,;:。\\d《]){{0,14}}?(?:{timing_end}|{by_title})"
    helper = f"(?:{words['helper']}了?)?"  # 进行了答复
    rest = (
        # a manner word may stand before the steps too (并依法规范受理、答复)
        f"{words['recipient']}?{helper}{words['manner']}?(?:{words['taken_in']}[、和并及与]?){{0,3}}"
        f"{helper}{words['recipient_after']}?{words['manner']}?{words['verbs']}"
        "(?!率)"  # 按时办结率97%: a rate, said by the rates alone (100% closes all)
    )
    # Timings may follow one another across commas (均严格按照…要求，在法定时限内，…依法依规予以
    # 答复); no number between, so no count's clause is crossed.
    words["tail"] = f"(?:{timed},){{0,2}}(?:{timed})?(?:{timing}){{0,3}}{rest}"
    # The same with its timing required (在法定时限内完成审查、办理与答复): closing words that
    # close what was counted without 已.
    # Or with a helper that says the answer was given, in place of the timing (收到申请1件，
    # 完成答复; 予以答复): the act done, not a duty described.
    done_helper = f"(?={words['recipient']}?{words['done_helpers']})"
    words["timed_tail"] = f"(?:{timed}(?:{timing}){{0,3}}|(?:{timing}){{1,3}}|{done_helper}){rest}"
    return words


@cache
def _all_closed_pattern() -> re.Pattern[str]:
    """均已全部办理, 均在法定期限内予以答复, 办结率100% …, composed from ``cues.all_closed``."""
    w = _closing_words()
    every, done, tail, rates, verbs = w["all"], w["done"], w["tail"], w["rates"], w["verbs"]
    # Rates may be named together (办结率和回复率均达100%), a closing rate with another one
    # (按时办结率与合规率均为100%).
    rates = f"{rates}(?:[和及、与](?:{rates}|[^,;:。\\d%]{{1,4}}率))*(?:均|都)?"
    return re.compile(
        f"{every}{done}?{tail}|{done}(?:全部|均){tail}|{rates}(?:达到了?|达|为)?100%|100%{verbs}"
    )


# A denial in the words before a timing (未能在规定时限内答复): no closing. Not 未 alone, which
# also starts a place's name (未央区审计局已在…内办理完毕).
# 无其他需按规定公开或回复的…, 无法按时答复: nothing more to answer, or not answered.
_NOT_IN_TIME = re.compile(r"未(?:能|在|按|于|及时|如期|依|经)|没|不|尚|无(?:其他|其它|需|须|法)")


def _timed_closing_after(
    sentence: _Sentence, received: Count, end: int, reach: int = 1
) -> re.Match[str] | None:
    """Closing words with their timing, without 已, that open the clause after the count's
    (after one of :data:`_CLOSING_LEADS`), up to ``end``: matched there only, as a search
    from every position of a long sentence would cost more than all the rest of its reading.
    With ``reach`` over 1, the clauses after that one too, up to one that holds a count."""
    first = sentence.clause_of(received.start) + 1
    text = sentence.text
    for following in range(first, min(first + reach, len(sentence.clauses))):
        start, stop = sentence.clauses[following]
        if start >= end:
            break
        stop = min(stop, end)
        for lead in _CLOSING_LEADS:
            if text.startswith(lead, start):
                timed = _timed_closed_pattern().match(text, start + len(lead), stop)
                if timed is not None and _NOT_IN_TIME.search(timed.group(0)) is None:
                    return timed
        if any(start <= c.start < stop for c in sentence.counts):
            break  # what a later clause closes is that count's
    return None


@cache
def _timed_closed_pattern() -> re.Pattern[str]:
    """在法定时限内完成答复, 按时答复: closing words with a timing and without 已."""
    return re.compile(_closing_words()["timed_tail"])


@cache
def _one_closed_pattern() -> re.Pattern[str]:
    """已办理完毕, 已按时答复: what closes a single item, which needs no "all" word."""
    w = _closing_words()
    return re.compile(f"{w['done']}{w['tail']}")


def _all_closed(
    sentence: _Sentence, received: Count, end: int | None = None
) -> re.Match[str] | None:
    """The statement, after a count (up to ``end``, the sentence's end unless given), that
    every item counted was closed (contract §2); for a count of one, that it was closed
    (收到申请一件，已办理完毕)."""
    end = sentence.end if end is None else end
    found = _all_closed_pattern().search(sentence.text, received.end, end)
    if found is not None and _closes_a_part(sentence, received, found):
        return None
    if found is None:
        done = _one_closed_pattern().search(sentence.text, received.end, end)
        if done is not None and (
            received.value == 1
            or _closes_what_was_counted(sentence, received, done)
            or _the_rest_of_none(sentence, received, done.start())
        ):
            found = done
    if found is None:
        # 收到申请1件，在法定时限内完成答复: closing words with their timing and without 已,
        # opening the clause after the count's.
        # One application: what a later clause closes is that one, a clause or two between
        # (收到一份申请，申请公开…名单，按程序及时进行了答复).
        reach = _ONE_CLOSED_REACH if received.value == 1 else 1
        timed = _timed_closing_after(sentence, received, end, reach)
        if timed is not None and (
            received.value == 1 or _closes_what_was_counted(sentence, received, timed)
        ):
            found = timed
    if found is None:
        # 共受理申请8件，申请内容属于咨询并在法定期限内予以答复: closing words joined by 并 to
        # what is said of those counted, with no other count between.
        joined = _joined_closing_pattern().search(sentence.text, received.end, end)
        if (
            joined is not None
            and not _ANY_DIGIT.search(sentence.text, received.end, joined.start())
            and not _COUNT_AFTER.match(sentence.text, joined.end())
        ):
            found = joined
    if found is not None and _counts_its_own(sentence, found.end()):
        return None  # …639项;妥善办理书记、市长信箱来信4件: closing words of a count of their own
    if (
        found is not None
        and _the_rest_before(sentence, found.start())
        and not _the_rest_of_none(sentence, received, found.start())
    ):
        return None  # 除1件结转下年度外，其余均按时办结: the rest closed, their number not printed
    if found is not None and _carried_count("applications_carried_forward").search(
        sentence.text, received.end, found.start()
    ):
        # 新增298件，结转下年度继续办理45件，均在法定期限内答复: all but those carried forward
        # were answered, and their number is not printed.
        return None
    if found is not None and _PUBLIC_CONCERNS.match(sentence.text, found.end()):
        # …受理咨询26件，及时回应群众关心关切: the public's concerns met, not those counted
        return None
    return found


# What the public is concerned about, as the object of a response (回应群众关心关切, 回应社会关切).
_PUBLIC_CONCERNS = re.compile(
    r"了?(?:人民群众|群众|社会|公众|市民|企业群众)的?(?:关心|关切|关注|期盼)"
)


def _the_rest_before(sentence: _Sentence, start: int) -> bool:
    """Whether the clause of a closing statement at ``start`` says it closed the rest
    (其余均…办结), a few words at most between them.

    >>> text = "除1件结转外,其余均按时办结"
    >>> s = _Sentence(text, 0, len(text), [], [])
    >>> _the_rest_before(s, s.text.index("均")), _the_rest_before(s, s.text.index("按"))
    (True, True)
    """
    clause_start = sentence.clauses[sentence.clause_of(start)][0]
    found = _words("the_rest").search(sentence.text, max(clause_start, start - 8), start)
    return found is not None and _ANY_DIGIT.search(sentence.text, found.end(), start) is None


def _the_rest_of_none(sentence: _Sentence, received: Count, start: int) -> bool:
    """Whether a closing statement at ``start`` closes the rest (其余…) after counts set apart
    that are all zero (共受理…申请59件，其中结转下年度0件，其余…已依法予以答复): the rest is all
    of them.

    >>> text = "受理申请59件,其中结转下年度0件,其余受理的申请件已依法予以答复"
    >>> s = _Sentence(text, 0, len(text), counts(text), [])
    >>> _the_rest_of_none(s, s.counts[0], text.index("已"))
    True
    """
    if not _the_rest_before(sentence, start):
        return False
    k = bisect.bisect_right(sentence.count_starts, received.start)
    between = [c for c in sentence.counts[k:] if c.start < start]
    return bool(between) and all(c.value == 0 for c in between)


_CLAUSE_MARK = re.compile("[" + re.escape(_CLAUSE_END) + "]")


def _counts_its_own(sentence: _Sentence, start: int) -> bool:
    """Whether a count starts in the clause at ``start`` (words that close go on to count what
    they close, not what was counted before them)."""
    mark = _CLAUSE_MARK.search(sentence.text, start, sentence.end)
    stop = mark.start() if mark is not None else sentence.end
    k = bisect.bisect_left(sentence.count_starts, start)
    return k < len(sentence.counts) and sentence.counts[k].start < stop


#: How many clauses after a single application's a closing of it is looked for: the steps of
#: its handling may stand between (收到申请1件，已按照相关法规，逐级审查办理，区分…后，作出答复).
_ONE_CLOSED_REACH = 4


def _closes_a_part(sentence: _Sentence, received: Count, done: re.Match[str]) -> bool:
    """Whether ``done`` closes a part of those counted (其中，14封撤销申请，13封…均在规定时限内
    答复办结; 共收到申请133件，121件均在规定时间内完成答复): its clause counts that part
    before it, after the count, or the words before it set some apart (除…外)."""
    clause_start = sentence.clauses[sentence.clause_of(done.start())][0]
    clause_start = _before_aside(sentence, clause_start, received.end)  # 13封(含…)均…答复
    # A count, not any number (截至12月31日已全部办结 closes them all).
    start = max(clause_start, received.end)
    if any(start <= c.start < done.start() for c in sentence.counts):
        return True
    # 新收申请731件，除结转下年度继续办理外，均已依法办结: all but those set apart, whose number
    # is not printed.
    return _ALL_BUT.search(sentence.text, received.end, done.start()) is not None


# An exception before "all closed" (除结转…外, 除…以外): the rest of them, not all.
_ALL_BUT = re.compile(r"除[^,;:。]{1,40}?以?外")


@cache
def _joined_closing_pattern() -> re.Pattern[str]:
    """并 or 且, then closing words without 已 (并在法定期限内予以答复); not the 并 of a word
    (合并处理 is handling them together)."""
    return re.compile(f"(?<![合兼归吞])(?:并|且)(?:{_closing_words()['tail']})")


_ANY_DIGIT = re.compile(r"\d")


@cache
def _all_word() -> re.Pattern[str]:
    w = _closing_words()
    return re.compile(f"{w['all']}|{w['rates']}|100%")


def _has_all_word(done: re.Match[str]) -> bool:
    """Whether a closing statement says "all" (均已…, 办结率100%), not only "closed"."""
    return _all_word().search(done.group(0)) is not None


def _closes_those_counted(sentence: _Sentence, counted: Count | None) -> tuple[int, int] | None:
    """Where a sentence without counts names the applications ``counted`` before it again and
    says that all of them were closed (上述申请已全部按时答复; 申请件均在规定时限内…答复, the
    applications its subject): the span from the one to the other."""
    if counted is None:
        return None
    ref = _REFERS_BACK.search(
        sentence.text, sentence.start, sentence.end
    ) or _NAMED_AS_SUBJECT.match(sentence.text, sentence.start)
    if ref is None:
        return _opens_closing_all(sentence, counted)
    done = _all_closed_pattern().search(sentence.text, ref.end(), sentence.end)
    if done is None and counted.value == 1:
        # 该申请已按相关规定和政策办理并作出答复: the one application, closed without "all".
        done = _one_closed_pattern().search(sentence.text, ref.end(), sentence.end)
    if done is None:
        return None
    return ref.start(), done.end()


def _closing_at_start(text: str, start: int, end: int) -> re.Match[str] | None:
    """A statement that all were closed opening ``text[start:end]`` (均已按时答复, 已全部办结),
    after one of :data:`_CLOSING_LEADS` (并已全部按时答复)."""
    if start >= end or text[start] not in _closing_first_chars():
        return None  # most sentences: asked of each one that counts nothing
    for lead in _CLOSING_LEADS:
        if text.startswith(lead, start):
            done = _all_closed_pattern().match(text, start + len(lead), end)
            if done is not None and _has_all_word(done):
                return done
    return None


@cache
def _closing_first_chars() -> frozenset[str]:
    """The characters a statement that all were closed may open with: those of its leads (并,
    目前), its "all" and "done" words and its rates (均, 已, 办结率), and 100%."""
    spec = vocabulary()["cues"]["all_closed"]
    words = [*spec["all"], *spec["done"], *spec["rates"], "100%", *_CLOSING_LEADS]
    return frozenset(word[0] for word in words if word)


def _opens_closing_all(sentence: _Sentence, counted: Count) -> tuple[int, int] | None:
    """Where a sentence right after the one that counted the applications opens by saying
    that all were closed, naming nothing (收到申请3件，其中…。均已按时答复): its statement."""
    before = sentence.previous[-1] if sentence.previous else None
    if before is None or not before[0] <= counted.start < before[1]:
        return None
    start = sentence.start
    subject = _BODY_AS_SUBJECT.match(sentence.text, start, sentence.end)
    if subject is not None:
        start = subject.end()  # 街道已严格按照…流程予以答复: the body named, then closing
    done = _closing_at_start(sentence.text, start, sentence.end)
    if done is None and subject is not None and counted.value == 1:
        done = _one_closed_pattern().match(sentence.text, start, sentence.end)
    if done is None and _ABOUT_WHAT_WAS_ASKED.match(sentence.text, sentence.start):
        # 收到申请1件。涉及“…”等相关信息，已在法定时限内予以答复: what it asked, then closed.
        closing = _all_closed_pattern() if counted.value != 1 else _one_closed_pattern()
        done = closing.search(sentence.text, sentence.start, sentence.end)
    return (done.start(), done.end()) if done is not None else None


# The body itself as a sentence's subject (街道, 我局, 本机关): what it says next is of its own.
_BODY_AS_SUBJECT = re.compile(
    r"(?:我|本)?(?:街道办事处|街道|镇政府|乡政府|镇|乡|局|委|办|单位|机关|部门|中心)(?=已|均|全部)"
)
# A sentence that opens with what the applications asked for (涉及…, 申请内容为…).
_ABOUT_WHAT_WAS_ASKED = re.compile(r"(?:申请)?内容(?:主要)?(?:涉及|为|是)|(?:主要)?涉及")


def _closes_what_was_counted(sentence: _Sentence, received: Count, done: re.Match[str]) -> bool:
    """Whether ``done`` (已办理完成) opens the clause right after the count's, alone or after
    并 or 且, and counts nothing itself: what was counted was closed, without an "all" word
    (收到申请7件，并已办理完成). 已答复5件 closes a part."""
    text, clauses = sentence.text, sentence.clauses
    following = sentence.clause_of(received.start) + 1
    if following >= len(clauses):
        return False
    lead = text[clauses[following][0] : done.start()]
    return lead in _CLOSING_LEADS and not _COUNT_AFTER.match(text, done.end())


# What may open the clause before a closing phrase that closes all that was counted.
_CLOSING_LEADS = frozenset({"", "并", "且", "并且", "现", "目前"})
# A number right after a closing verb: what it closed is counted apart (已答复5件).
_COUNT_AFTER = re.compile(r"\s*(?:了|共|共计)?\s*[\d零〇一二两三四五六七八九十百千万]")


@dataclass(frozen=True)
class Reading:
    """One number of the prose, what it was read as and why (``parse --explain-facts``).

    ``metric`` is None when the number was left.

    >>> r = Reading("overview", "120条", "网站发布信息120条", "items_published", "website", 120,
    ...             "verb 发布, channel word")
    >>> str(r)
    'overview  120条  → items_published/website 120: verb 发布, channel word  | 网站发布信息120条'
    """

    section: str
    printed: str
    clause: str
    metric: str | None
    channel: str | None
    value: Number | None
    reason: str

    def __str__(self) -> str:
        taken = f"→ {self.metric}/{self.channel} {self.value}" if self.metric else "left"
        return f"{self.section}  {self.printed}  {taken}: {self.reason}  | {self.clause}"


_ANY_NUMBER = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")


_NOT_A_COUNT_AFTER = tuple(
    (re.compile(pattern), why)
    for pattern, why in (
        (r"^年", "a year"),
        (r"^(?:月|日)", "a date"),
        (r"^%", "a percentage"),
        (r"^号", "a document or serial number"),
        (r"^(?:个月|个工作日|工作日|小时|天|分钟)", "a duration"),
        (r"^\s*[-~—–至到]\s*\d", "the first half of a range"),
    )
)
_OPENING_BRACKET = re.compile(r"[〔\[(]$")
_RANGE_BEFORE = re.compile(r"\d\s*[-~—–至到]$")
_RATE_OR_BATCH = re.compile(r"^(?:个百分点|批)")


def _not_a_count(text: str, start: int, end: int) -> str:
    """Why a number printed in the prose is not a count (no measure word, a year, a date …)."""
    after, before = text[end : end + 3], text[max(0, start - 14) : start]
    for pattern, why in _NOT_A_COUNT_AFTER:
        if pattern.match(after):
            return why
    if before.endswith("第"):
        return "an ordinal (第)"
    if _OPENING_BRACKET.search(before) or _RANGE_BEFORE.search(before):
        return "a document number or the end of a range"
    printed = text[start:end]
    if len(printed) >= 5 and "," not in printed and _PHONE.search(before):
        return "a phone or hotline number"
    if _RATE_OR_BATCH.match(after):
        return "a rate or a batch, not a count"
    return "no measure word after it (条, 件, 元 …): not a count"


# ---------------------------------------------------------------------------------------------
# Respectively: 通过网站、公众号分别发布信息120条、300条; 收到和办结申请分别为15件、14件


#: The most counts one 分别 is read as answering one by one: real lists hold a few, and the
#: evidence of each count quotes the list up to it.
MAX_RESPECTIVE = 12
# What joins the items of a list, and the counts that answer them one by one.
_LIST_JOIN = re.compile(r"以及|[、和及与]")


@dataclass(frozen=True)
class _Respective:
    """A count after 分别 with the statement it makes when read with its own item of the list
    before 分别 (the clause's words kept, the other items left out)."""

    count: Count
    statement: str
    item: str
    start: int  # where the list's clause starts: the evidence quotes it whole


def _respectively(sentence: _Sentence) -> list[_Respective]:
    """Counts that a 分别 (respectively) gives one each to the items of a list: channels
    (通过网站、公众号分别发布信息120条、300条) or verbs (收到和办结申请分别为15件、14件).

    Each is read as if its item stood alone; a list that does not match its counts one to one
    is left to the usual reading.
    """
    text = sentence.text
    counts = sentence.counts
    starts = [c.start for c in counts]
    out: list[_Respective] = []
    at = text.find("分别", sentence.start, sentence.end)
    seen = sentence.start  # the list lies after the last 分别 looked at
    while at != -1:
        a, b = sentence.clauses[sentence.clause_of(at)]
        k = bisect.bisect_left(starts, at)
        # ... and after the last count before it: each stretch of text is looked at once
        a = max(a, seen, counts[k - 1].end if k > 0 else a)
        listed: list[Count] = []
        for c in counts[k:]:
            if c.start >= b or (
                listed and not _LIST_JOIN.fullmatch(text[listed[-1].end : c.start].strip())
            ):
                break
            listed.append(c)
        seen = at + 2
        fits = 1 < len(listed) <= MAX_RESPECTIVE
        items = _list_items(text[a:at], len(listed)) if fits else None
        if items is not None:
            before, pieces, after = items
            # 分别为15件: the verb of the item says what was counted; 为 only links.
            middle = text[at + 2 : listed[0].start].removeprefix("为").removeprefix("是")
            for c, piece in zip(listed, pieces, strict=True):
                statement = before + piece + after + middle + text[c.start : c.end]
                out.append(_Respective(c, statement, piece.strip("、和及与"), a))
        at = text.find("分别", at + 2, sentence.end)
    return out


def _list_items(segment: str, n: int) -> tuple[str, list[str], str] | None:
    """``segment`` (the clause up to 分别) as (words before the list, its ``n`` items, words
    after it), the items being channels or receiving and closing verbs; None when it holds no
    such list of ``n``."""
    pattern, _owner = _channel_pattern()
    for marks in (list(pattern.finditer(segment)), list(_list_verbs().finditer(segment))):
        # Items are the runs of marks apart by a joining word.
        runs: list[list[re.Match[str]]] = []
        for m in marks:
            gap = segment[runs[-1][-1].end() : m.start()] if runs else ""
            if runs and not _LIST_JOIN.search(gap):
                runs[-1].append(m)
            else:
                runs.append([m])
        if len(runs) != n:
            continue  # as many items as counts, or the list is not what 分别 answers
        cuts = []  # where each item after the first starts: after the last join before it
        for previous, current in itertools.pairwise(runs):
            gap = segment[previous[-1].end() : current[0].start()]
            joins = list(_LIST_JOIN.finditer(gap))
            if len(joins) != 1:
                break  # no plain list
            # An account's name in quotes may follow its channel (微博"河西发布V"、公众号…).
            head = gap[: joins[0].start()]
            lead = _QUOTED_NAME.sub("", head)
            if lead.strip() or len(gap) - len(head) + len(lead) > _MAX_ITEM_LEAD:
                break  # words between an item and the join: no plain list
            cuts.append(previous[-1].end() + joins[0].start())
        else:
            first = runs[0][0].start()
            bounds = [first, *cuts, runs[-1][-1].end()]
            pieces = [segment[x:y] for x, y in itertools.pairwise(bounds)]
            return segment[:first], pieces, segment[runs[-1][-1].end() :]
    return _named_accounts(segment, n, pattern)


def _named_accounts(
    segment: str, n: int, channels: re.Pattern[str]
) -> tuple[str, list[str], str] | None:
    """``segment`` as (words before, ``n`` accounts' names in quotes, words after) when the
    names stand side by side right before the one channel they share
    (在"甲教育""乙教育"微信公众号分别发布…); None otherwise."""
    names = list(_QUOTED_NAME.finditer(segment))
    if len(names) != n:
        return None
    for previous, current in itertools.pairwise(names):
        gap = segment[previous.end() : current.start()].strip()
        if gap and not _LIST_JOIN.fullmatch(gap):
            return None  # words between two names: not one list of accounts
    last = names[-1].end()
    channel = channels.search(segment, last)
    if channel is None or channel.start() != last:
        return None  # the channel word must follow the last name at once
    return segment[: names[0].start()], [m.group() for m in names], segment[last:]


def _read_respective(
    each: _Respective,
    sentence: _Sentence,
    section: str,
    year: int | None,
    agency: str | None,
    raw: str,
    offsets: Offsets,
    placed: list[tuple[int, Reading]] | None,
) -> list[Fact]:
    """The facts of a count after 分别, read from its item's statement and quoting the list's
    clause; with ``placed``, its reading is added there."""
    c = each.count
    evidence = _evidence(sentence, each.start, c.end, raw, offsets)
    facts = [
        dataclasses.replace(f, evidence=evidence)
        for f in _facts_in_text(each.statement, section, year, agency)
    ]
    if placed is not None:
        why = f"read with its own item of the list before 分别 ({each.item})"
        readings = [
            Reading(section, c.printed, evidence, f.metric, f.channel, f.value, why) for f in facts
        ] or [Reading(section, c.printed, evidence, None, None, None, f"{why}: no fact")]
        placed.extend((c.start, r) for r in readings)
    return facts


#: The most characters between a join and the next item's channel word (“某某发布”微信公众号).
_MAX_ITEM_LEAD = 12
#: The most characters besides the channel's words in an item after a comma (区林业局, 官方).
_MAX_OWNER_NAME = 4
# A name in quotes (quotes are unified to " by normalization), of at most 20 characters.
_QUOTED_NAME = re.compile(r'"[^",;:。"]{1,20}"')


@cache
def _list_verbs() -> re.Pattern[str]:
    """The receiving and closing verbs of applications and hotline calls."""
    cues = vocabulary()["cues"]
    names = ("applications_received", "applications_closed", "hotline_received",
             "hotline_resolved")  # fmt: skip
    return re.compile(_alternation(w for name in names for w in cues[name]))


def _read_text(
    raw: str,
    section: str,
    year: int | None,
    agency: str | None,
    explain: bool = True,
    mapped: str | None = None,
) -> tuple[list[Fact], list[Reading]]:
    """The facts of one section's text, and (``explain``) a reading of every number in it.

    Without ``explain`` the readings list is empty: the numbers left and their clauses are
    not looked at again, which is most of the work of a section with few facts. ``mapped``,
    when known, is :func:`normalize.map_chars` of ``raw``.
    """
    if mapped is None:
        mapped = map_chars(raw)
    if "." in mapped:
        # 未收到依申请公开事项.: a period typed as ASCII ends a sentence as 。 does. Changed
        # in the mapped text, one character for one, so that offsets still hold.
        mapped = _PERIOD_AS_STOP.sub("。", mapped)
    text, offsets = norm_lazily(raw, mapped)  # offsets only for the evidence quoted
    facts: list[Fact] = []
    readings: list[Reading] = []
    # Applications counted in the last sentence with counts and not closed there: a later
    # sentence without counts may close them (收到申请55件。上述申请已全部按时答复).
    unclosed: Count | None = None
    # Calls to the hotline counted so: the next sentence may open by resolving them all
    # (12345热线受理诉求120件。已全部办结).
    unresolved: Count | None = None
    for sentence in _sentences(text, every=explain):
        placed: list[tuple[int, Reading]] = []  # (position in the text, reading)
        if not sentence.counts and _closed_before(
            sentence, unclosed, section, raw, offsets, facts, placed if explain else None
        ):
            unclosed = None
        if not sentence.counts and _closed_before(
            sentence, unresolved, section, raw, offsets, facts, placed if explain else None,
            metric="hotline_resolved",
        ):  # fmt: skip
            unresolved = None
        for metric, unit, a, b in _zero_facts(sentence, year):
            clause = sentence.clauses[sentence.clause_of(sentence.start + a)]
            evidence = _evidence(sentence, clause[0], clause[1], raw, offsets)
            channel = "hotline" if metric.startswith("hotline") else "all"
            facts.append(Fact(metric, channel, 0, "exact", unit, evidence, section))
            if not explain:
                continue
            stated = sentence.body[a:b]
            zero = Reading(section, "(none)", evidence, metric, channel, 0,
                           f"a zero statement ({stated})")  # fmt: skip
            placed.append((sentence.start + a, zero))
        explicit: set[str] = set()
        received: dict[str, list[Count]] = {"hotline_received": [], "applications_received": []}
        counted: list[tuple[int, int]] = []
        sentence_facts: list[Fact] = []
        # Counts that 分别 gives one each to the items of a list are read with their own item.
        respective = (
            {each.count: each for each in _respectively(sentence)}
            if text.find("分别", sentence.start, sentence.end) != -1
            else {}
        )
        for cand in sentence.candidates:
            c = cand.count
            counted.append((c.start, c.end))
            if c in respective:
                own = _read_respective(respective[c], sentence, section, year, agency, raw,
                                       offsets, placed if explain else None)  # fmt: skip
                sentence_facts.extend(own)
                explicit.update(f.metric for f in own)
                continue
            decided = _classify(cand, year, agency)
            if isinstance(decided, str):
                if not explain:
                    continue
                clause_span = sentence.clauses[sentence.clause_of(c.start)]
                clause = _evidence(sentence, clause_span[0], clause_span[1], raw, offsets)
                left = Reading(section, c.printed, clause, None, None, None, decided)
                placed.append((c.start, left))
                continue
            metric, channel, start = decided.metric, decided.channel, decided.start
            value: Number = c.value
            if metric == "fee_collected_yuan" and c.unit == "万元":
                value = _as_number(Decimal(str(c.value)) * 10_000)
            # When the words that say what was counted follow it (70件申请, 1件结转下年度),
            # the fragment runs to the end of the clause.
            after = cand.after.strip()
            complete = cand.after_is_clause_end and 0 < len(after) <= 30
            end = c.end + len(cand.after) if complete else c.end
            evidence = _evidence(sentence, start, end, raw, offsets)
            if decided.supersedes_total:
                sentence_facts = [
                    f for f in sentence_facts
                    if (f.metric, f.channel) != ("items_published", "all")
                ]  # fmt: skip
            if decided.received_too:
                sentence_facts.append(
                    Fact(_RECEIVED[metric], channel, value, c.qualifier, c.unit, evidence,
                         section)
                )  # fmt: skip
                explicit.add(_RECEIVED[metric])
            sentence_facts.append(
                Fact(metric, channel, value, c.qualifier, c.unit, evidence, section)
            )
            explicit.add(metric)
            if metric in received:
                received[metric].append(c)
            if not explain:
                continue
            if decided.received_too:
                placed.append(
                    (c.start, Reading(section, c.printed, evidence, _RECEIVED[metric],
                                      channel, value, "a receiving verb joined to the closing "
                                      "one (受理并办结): received as many"))
                )  # fmt: skip
            placed.append(
                (c.start, Reading(section, c.printed, evidence, metric, channel, value,
                                  decided.reason))
            )  # fmt: skip
        facts.extend(sentence_facts)
        if (
            sentence.counts
            and unclosed is not None
            and "applications_received" not in explicit
            and "applications_closed" not in explicit
        ):
            # Counts that are no applications' own (其中12条属于…无法提供), and words that close
            # those counted before (所有申请件均…予以答复).
            _closed_before(
                sentence, unclosed, section, raw, offsets, facts, placed if explain else None
            )
        parts_only = (  # 其中，网络申请14件，书面申请7件。: the parts of those counted before
            not sentence_facts and _words("breakdown").match(sentence.body.lstrip()) is not None
            if sentence.counts and unclosed is not None
            else False
        )
        if sentence.counts and not parts_only:
            found = received["applications_received"]
            unclosed = (
                found[0]
                if len(found) == 1
                and "applications_closed" not in explicit
                # 新收…12件，上年结转2件。所有申请均…答复: 14 closed, a sum not stated
                and not _carried_count("applications_carried_over").search(
                    sentence.text, sentence.start, sentence.end
                )
                else None
            )
            if unclosed is None and not found and "applications_closed" not in explicit:
                # 收到申请36件(含2021年结转2件)。所有申请…已全部办结: all those handled closed.
                unclosed = _received_with_carried_over(sentence)
            calls = received["hotline_received"]
            unresolved = (
                calls[0] if len(calls) == 1 and "hotline_resolved" not in explicit else None
            )
        # Closure: one count received, then "all of them closed" (均已全部办理, 均已按期答复).
        for received_metric, closed_metric, channel in _CLOSURES:
            found = received[received_metric]
            if len(found) != 1 or closed_metric in explicit:
                continue
            c = found[0]
            done = _all_closed(sentence, c)
            if (
                done
                and "applications_carried_forward" in explicit
                and any(
                    f.metric == "applications_carried_forward" and f.value for f in sentence_facts
                )
                and not _has_all_word(done)
            ):
                done = None  # 已按时办结，另有2件结转下年度: not all of them were closed
            if (
                done
                and received_metric == "applications_received"
                and _carried_count("applications_carried_over").search(text, c.end, done.start())
            ):
                # 收到申请34件，上年结转2件，所有申请均已办理完成: 36 closed, a sum not stated.
                done = None
            if done:
                if received_metric == "applications_received":
                    unclosed = None
                else:
                    unresolved = None
                ci = sentence.clause_of(c.start)
                evidence = _evidence(sentence, sentence.clauses[ci][0], done.end(), raw, offsets)
                facts.append(
                    Fact(closed_metric, channel, c.value, c.qualifier, c.unit, evidence, section)
                )
                if not explain:
                    continue
                placed.append(
                    (c.end, Reading(section, c.printed, evidence, closed_metric, channel, c.value,
                                    f"every one counted was closed ({done.group(0)})"))
                )  # fmt: skip
        if not explain:
            continue
        # Numbers that are not counts at all, with the reason.
        for m in _ANY_NUMBER.finditer(text, sentence.start, sentence.end):
            if any(a <= m.start() < b for a, b in counted):
                continue
            clause_span = sentence.clauses[sentence.clause_of(m.start())]
            clause = _evidence(sentence, clause_span[0], clause_span[1], raw, offsets)
            why = _not_a_count(text, m.start(), m.end())
            placed.append((m.start(), Reading(section, m.group(0), clause, None, None, None, why)))
        readings.extend(r for _pos, r in sorted(placed, key=lambda p: p[0]))
    return facts, readings


def _closed_before(
    sentence: _Sentence,
    counted: Count | None,
    section: str,
    raw: str,
    offsets: Offsets,
    facts: list[Fact],
    placed: list[tuple[int, Reading]] | None,
    metric: str = "applications_closed",
) -> bool:
    """Add the closed fact when ``sentence`` names the applications ``counted`` before it
    again and closes them all (上述申请已全部按时答复), or opens by closing all of them right
    after their sentence; for ``metric`` hotline_resolved, the calls counted (the latter only).
    Whether it did."""
    if counted is None:
        return False
    if metric == "applications_closed":
        closing = _closes_those_counted(sentence, counted)
        channel, what = "all", "the applications counted before were all closed"
    else:
        closing = _opens_closing_all(sentence, counted)
        channel, what = "hotline", "the calls counted before were all resolved"
    if closing is None:
        return False
    evidence = _evidence(sentence, closing[0], closing[1], raw, offsets)
    c = counted
    facts.append(Fact(metric, channel, c.value, c.qualifier, c.unit, evidence, section))
    if placed is not None:
        placed.append(
            (closing[0], Reading(section, c.printed, evidence, metric, channel, c.value, what))
        )
    return True


def _facts_in_text(
    raw: str, section: str, year: int | None, agency: str | None, mapped: str | None = None
) -> list[Fact]:
    return _read_text(raw, section, year, agency, explain=False, mapped=mapped)[0]


# What a closed count was received as, when one verb receives and closes it (受理并办结).
_RECEIVED = {"applications_closed": "applications_received", "hotline_resolved": "hotline_received"}
# (count received, count closed, channel) pairs that a closure statement completes.
_CLOSURES = (
    ("hotline_received", "hotline_resolved", "hotline"),
    ("applications_received", "applications_closed", "all"),
)


def _dedupe(facts: Sequence[Fact]) -> list[Fact]:
    # The same count stated twice (in 一 and again in 六) is one fact.
    seen: set[tuple[str, str, float, str]] = set()
    out = []
    for f in facts:
        key = (f.metric, f.channel, float(f.value), f.qualifier)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def _section_keys(section_text: dict[str, str]) -> list[str]:
    if "overview" in section_text:
        return [k for k in NARRATIVE_SECTIONS if k in section_text]
    return list(section_text)  # headings not found: read what there is rather than nothing


def extract_facts(
    section_text: dict[str, str],
    year: int | None = None,
    agency: str | None = None,
    mapped: dict[str, str] | None = None,
) -> list[Fact]:
    """The narrative facts of one report, from the text of its sections (keyed as in parse).

    Reads every section (一 to 六); when section 一 was not found, whatever text there is.
    ``year`` (the report year) rejects counts dated another year; ``agency`` (the reporting
    body) keeps its own statements when it is itself a department (市财政局…). ``mapped``
    (optional) holds :func:`normalize.map_chars` of each text, when worked out before.

    >>> text = {"overview": "不断完善12345便民服务平台建设，安排专人负责12345便民服务热线，"
    ...                     "全年共收到信访求助类信息35条，均已全部办理。",
    ...         "other_matters": "2021年，无收取信息处理费情况。"}
    >>> for f in extract_facts(text, 2021):
    ...     print(f.metric, f.channel, f.value, f.qualifier, f.unit, f.evidence)
    hotline_received hotline 35 exact 条 安排专人负责12345便民服务热线，全年共收到信访求助类信息35条
    hotline_resolved hotline 35 exact 条 全年共收到信访求助类信息35条，均已全部办理
    fee_collected_yuan all 0 exact 元 2021年，无收取信息处理费情况
    """
    facts: list[Fact] = []
    for key in _section_keys(section_text):
        known = mapped.get(key) if mapped is not None else None
        facts.extend(_facts_in_text(section_text[key], key, year, agency, known))
    return _without_one_ways_received(_without_columns_of_a_site_counted(_dedupe(facts)))


# What makes 信件 a way of asking (信件邮寄, 信件方式), not letters to a mailbox.
_BY_POST = ("邮寄", "寄送", "寄递", "方式", "形式")


# The way in that a received count names (通过政务公开专区接收…申请12件).
_BY_ONE_WAY = re.compile(
    r"通过[^,;:。]{0,16}?(?:专区|渠道|方式|途径|窗口|平台|系统)(?:共|共计)?(?:收到|受理|接收|接到)"
)


def _without_one_ways_received(facts: list[Fact]) -> list[Fact]:
    """``facts`` without the applications received by one way (通过政务公开专区接收…申请12件)
    when the report states another received count that names no way (全区收到…申请278件):
    that one is the year's, the way's is a part of it.

    >>> way = Fact("applications_received", "all", 12, "exact", "件", "通过专区接收申请12件", "")
    >>> year = Fact("applications_received", "all", 278, "exact", "件", "收到申请278件", "")
    >>> [f.value for f in _without_one_ways_received([way, year])]
    [278]
    """
    received = [f for f in facts if f.metric == "applications_received"]
    if len(received) < 2:
        return facts
    by_way = {id(f) for f in received if _BY_ONE_WAY.search(f.evidence)}
    if not by_way or len(by_way) == len(received):
        return facts
    return [f for f in facts if id(f) not in by_way]


def _without_columns_of_a_site_counted(facts: list[Fact]) -> list[Fact]:
    """``facts`` without the website counts made in one of its columns (在厅网站“统计数据”专栏…
    共计24条) when the report states the site's own count too (我厅网站共发布政府信息35012条):
    those are parts of it. A column's count stands for the site only when it is the only one
    (a township's column on the county portal is its whole website).

    >>> site = Fact("items_published", "website", 120, "exact", "条", "网站发布信息120条", "")
    >>> column = Fact("items_published", "website", 24, "exact", "条", "在网站统计专栏公开24条", "")
    >>> [f.value for f in _without_columns_of_a_site_counted([site, column])]
    [120]
    """
    sites = [f for f in facts if f.metric == "items_published" and f.channel == "website"]
    if len(sites) < 2:
        return facts
    in_columns = [f for f in sites if _words("column_words").search(f.evidence)]
    column_ids = {id(f) for f in in_columns}
    own = [f for f in sites if id(f) not in column_ids]
    if not in_columns or not own:
        return facts
    # Only a column of the site counted: another site's column (在门户网站…1739条, 在某市人民政府
    # 网站信息公开栏目…647条) is that site's count.
    own_evidence = [o.evidence for o in own]
    parts = {id(f) for f in in_columns if _same_site(f.evidence, own_evidence)}
    return [f for f in facts if id(f) not in parts]


# The site a column belongs to, named before it (在厅网站“统计数据”专栏 → 厅网站).
_COLUMNS_SITE = re.compile(r"[^,;:。在通过依托“”\"]{0,14}?(?:网站|官网|政务网|门户网)")


def _same_site(column_evidence: str, own_evidence: list[str]) -> bool:
    """Whether the site whose column a count was made in is named in a count of a site's own
    (厅网站 in 我厅网站共发布…); a column that names no site is taken as the one counted."""
    named = _COLUMNS_SITE.search(column_evidence)
    return named is None or any(named.group(0) in evidence for evidence in own_evidence)


def explain_facts(
    section_text: dict[str, str], year: int | None = None, agency: str | None = None
) -> list[Reading]:
    """Every number of the prose, in order, with what it was read as and why.

    >>> for r in explain_facts({"overview": "2021年通过政府网站发布信息120条，占40%。"}, 2021):
    ...     print(r.printed, r.metric, r.channel, "|", r.reason)
    2021 None None | a year
    120条 items_published website | verb 发布, channel word 政府网站
    40 None None | a percentage
    """
    readings: list[Reading] = []
    for key in _section_keys(section_text):
        readings.extend(_read_text(section_text[key], key, year, agency)[1])
    return readings
