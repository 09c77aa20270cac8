"""Report text shown in the site is escaped: a hostile agency name and narrative never run."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_metrics import parse_file, site

from .conftest import SAMPLE, offline_browser

AGENCY = "示例县<script>window.__pwned=1</script>测试局<img/src=x/onerror=window.__pwned=2>"
LINK = '<a href="javascript:window.__pwned = 3">详情</a>'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> site.BuildResult:
    base = tmp_path_factory.mktemp("hostile")
    reports = base / "reports"
    reports.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace("盐池县惠安堡镇人民政府 2020 年", f"{AGENCY} 2020 年", 1)
    # A narrative statement that disagrees with table 3, so that its evidence reaches the page.
    text = text.replace(
        "2020年，我镇没有接到政府信息依申请公开事项。",
        f"2020年，我镇共收到政府信息公开申请5件{LINK}。",
        1,
    )
    (reports / "hostile.txt").write_text(text, encoding="utf-8")
    report = parse_file(reports / "hostile.txt")
    assert "<script>" in (report.agency or "")
    assert any("<a href=" in f.evidence for f in report.narrative)
    return site.build(
        [reports],
        out=base / "_site",
        work=base / "_build",
        renderer="nbconvert",
        jobs=2,
        progress=False,
    )


def test_hostile_text_is_escaped_in_every_page(hostile_site: site.BuildResult) -> None:
    assert not hostile_site.failed
    pages = sorted(hostile_site.out.glob("*.html"))
    seen = seen_link = False
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<script>window.__pwned" not in html
        assert "<img/src=x/onerror" not in html
        assert 'href="javascript:' not in html
        seen |= "&lt;script&gt;window.__pwned" in html
        seen_link |= "&lt;a href=" in html
    assert seen and seen_link  # the name and the evidence are shown, as text


def test_nothing_executes_in_chromium(hostile_site: site.BuildResult) -> None:
    with offline_browser() as context:
        for path in sorted(Path(hostile_site.out).glob("*.html")):
            page = context.new_page()
            dialogs: list[str] = []
            page.on("dialog", lambda d, dialogs=dialogs: (dialogs.append(d.message), d.dismiss()))
            page.goto(path.as_uri())
            page.wait_for_load_state("load")
            for link in page.locator("a").all():
                href = link.get_attribute("href") or ""
                assert not href.lower().startswith("javascript:"), (path.name, href)
            assert page.evaluate("window.__pwned") is None, path.name
            assert not dialogs
            page.close()
