"""Agency names: one key per agency, so that the same office matches across years.

Example::

    >>> agency_key(" 平潭综合实验区 ")
    '平潭综合实验区'
    >>> agency_key("淮安市洪泽区人民政府", {"淮安市洪泽区人民政府": "洪泽区人民政府"})
    '洪泽区人民政府'
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path

_NOISE = re.compile(r"[\s《》“”\"'·•]")


def agency_key(name: str | None, aliases: Mapping[str, str] | None = None) -> str | None:
    """The normalized key of an agency name (NFKC, no spaces or quotes), after aliases."""
    if not name:
        return None
    key = _NOISE.sub("", unicodedata.normalize("NFKC", name))
    if aliases:
        key = aliases.get(key, key)
    return key


# A place's name that may stand before an agency's (淮安市 in 淮安市洪泽区人民政府, 盐池县 in
# 盐池县惠安堡镇人民政府): it ends with a level of government.
_PLACE_PREFIX = re.compile(r"^.{1,12}?(?:省|自治区|市|自治州|州|盟|地区|县|区|旗)$")
# What is left of a name without its place is no agency's name when it is only this.
_GENERIC = re.compile(r"(?:人民)?政府(?:办公室|办公厅)?|办公室|办公厅|委员会|管委会")
#: A shorter name than this names no agency of its own.
MIN_MATCHED_NAME = 3


def likely_same(keys: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs of agency keys that read as one office named with and without its place
    (洪泽区人民政府 and 淮安市洪泽区人民政府), shorter first: never merged, only pointed out,
    as an alias (``alias,agency``) makes them one. A shorter name that more than one longer
    name ends with (鼓楼区人民政府: 南京市… and 福州市…) is left out: it may be either.

    >>> likely_same(["洪泽区人民政府", "淮安市洪泽区人民政府", "平潭综合实验区"])
    [('洪泽区人民政府', '淮安市洪泽区人民政府')]
    >>> likely_same(["鼓楼区人民政府", "南京市鼓楼区人民政府", "福州市鼓楼区人民政府"])
    []
    """
    names = set(keys)
    longer_of: dict[str, list[str]] = {}
    for name in sorted(names):
        for cut in range(1, len(name) - MIN_MATCHED_NAME + 1):
            shorter = name[cut:]
            if (
                shorter in names
                and not _GENERIC.fullmatch(shorter)
                and _PLACE_PREFIX.match(name[:cut])
            ):
                longer_of.setdefault(shorter, []).append(name)
    return sorted((short, longs[0]) for short, longs in longer_of.items() if len(longs) == 1)


def _read_pairs(path: str | Path, first: str, second: str) -> dict[str, str]:
    """A two-column CSV as a map between normalized names; incomplete rows are left out."""
    out: dict[str, str] = {}
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            key, value = agency_key(row.get(first)), agency_key(row.get(second))
            if key and value:
                out[key] = value
    return out


def read_aliases(path: str | Path) -> dict[str, str]:
    """An alias CSV (``alias,agency``) as a map from normalized alias to normalized agency."""
    return _read_pairs(path, "alias", "agency")


def read_unit_tree(path: str | Path) -> dict[str, str]:
    """A unit tree CSV (``unit,parent``) as a map from unit key to parent key.

    Rows with an empty parent are roots and are left out of the map.
    """
    return _read_pairs(path, "unit", "parent")
