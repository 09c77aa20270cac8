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
from collections.abc import Mapping
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
