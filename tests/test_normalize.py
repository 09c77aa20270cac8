from __future__ import annotations

from disclosure_metrics.normalize import looks_traditional, norm, to_simplified


def test_widths_quotes_and_spacing() -> None:
    assert norm("（三）不予公开") == "(三)不予公开"
    assert norm("3.危及「三安全一稳定」") == '3.危及"三安全一稳定"'
    assert norm("商 业 企 业") == "商业企业"
    assert norm("0 0  0") == "0 0 0"
    assert norm("１２３") == "123"


def test_traditional_detection_and_phrase_conversion() -> None:
    assert looks_traditional("本機關不掌握相關政府資訊，規範性檔案")
    assert not looks_traditional("本机关不掌握相关政府信息")
    assert to_simplified("入口網站") == "门户网站"
