from __future__ import annotations

import itertools

from disclosure_metrics.normalize import (
    looks_traditional,
    norm,
    norm_all,
    norm_lazily,
    norm_with_offsets,
    quote,
    raw_index,
    to_simplified,
)

# Characters that normalization maps, expands, drops or keeps: every shortcut must agree with
# the per-character offsets on all of them.
_AWKWARD = [
    *("1", "a", " ", "\u3000", "\t", "（", "㈠", "\u00a8", "１", "“", "规", ".", "\x00"),
    "\u200b",  # prints nothing: dropped
]


def test_widths_quotes_and_spacing() -> None:
    assert norm("（三）不予公开") == "(三)不予公开"
    assert norm("3.危及「三安全一稳定」") == '3.危及"三安全一稳定"'
    assert norm("商 业 企 业") == "商业企业"
    assert norm("0 0  0") == "0 0 0"
    assert norm("１２３") == "123"
    # Look-alike radicals from PDF fonts: Kangxi (NFKC maps them) and the supplement's.
    assert norm("⼀、总体情况") == "一、总体情况"
    assert norm("政府⻔户⽹站，人⺠政府，⻓期") == "政府门户网站,人民政府,长期"


def test_traditional_detection_and_phrase_conversion() -> None:
    assert looks_traditional("本機關不掌握相關政府資訊，規範性檔案")
    assert not looks_traditional("本机关不掌握相关政府信息")
    assert to_simplified("入口網站") == "门户网站"


def test_one_pass_normalization_matches_per_text() -> None:
    texts = ["".join(p) for p in itertools.product(_AWKWARD, repeat=2)]
    assert norm_all(texts) == [norm(t) for t in texts]
    assert norm_all([]) == []


def test_quotes_and_raw_positions_match_the_offsets() -> None:
    for parts in itertools.product(_AWKWARD, repeat=3):
        raw = "".join(parts)
        normalized, offsets = norm_with_offsets(raw)
        lazy_text, lazy = norm_lazily(raw)
        assert lazy_text == normalized
        for i in range(len(normalized)):
            assert raw_index(raw, normalized, i) == offsets[i] == lazy[i]
            for j in range(i + 1, len(normalized) + 1):
                assert quote(raw, normalized, i, j) == raw[offsets[i] : offsets[j - 1] + 1]


def test_offsets_read_many_times_are_built_once_and_stay_right() -> None:
    """A section quoted thousands of times (a page of repeated prose): each direct read scans
    the text before its index, so past MAX_DIRECT_READS the whole list is built instead."""
    from disclosure_metrics.normalize import MAX_DIRECT_READS, norm_lazily, norm_with_offsets

    raw = "本年度共发布信息3000余条，收到申请50件。\n" * 200
    normalized, offsets = norm_lazily(raw)
    want = norm_with_offsets(raw)[1]
    positions = [i for i, c in enumerate(normalized) if c == "收"]
    assert len(positions) > MAX_DIRECT_READS
    assert [offsets[i] for i in positions] == [want[i] for i in positions]
    assert offsets._offsets is not None  # built once, after the direct reads


def test_characters_that_print_nothing_are_dropped_and_quotes_keep_them() -> None:
    raw = "本年新\u200b收\u00ad申请 1\u20602 件\ufeff"
    normalized, offsets = norm_with_offsets(raw)
    assert normalized == norm(raw) == "本年新收申请12件"
    assert [raw[o] for o in offsets] == list(normalized)
    at = normalized.index("12")
    assert quote(raw, normalized, at, at + 2) == "1\u20602"
