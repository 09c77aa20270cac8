"""HTML reader: encodings, chrome stripping, text lines and rowspan/colspan grids."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_metrics.document import Cell, Table, TextLine
from disclosure_metrics.readers import html

from .conftest import CORPUS, SAMPLE


def lines(doc) -> list[str]:
    return [item.text for item in doc.items if isinstance(item, TextLine)]


def tables(doc) -> list[Table]:
    return [item for item in doc.items if isinstance(item, Table)]


def grid(table: Table) -> list[list[tuple[str, bool]]]:
    return [[(cell.text, cell.spanned) for cell in row] for row in table.rows]


# --- encodings -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "meta",
    [
        '<meta charset="gb2312">',
        "<meta charset=GBK>",
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />',
    ],
)
def test_gbk_with_meta_charset(meta):
    page = (
        f"<html><head>{meta}<title>t</title></head><body><p>主动公开政府信息情况</p></body></html>"
    )
    doc = html.read("r.html", page.encode("gbk"))
    assert doc.encoding == "gb18030"
    assert lines(doc) == ["主动公开政府信息情况"]


def test_gb18030_decodes_characters_outside_gb2312():
    # 镕 is not in GB2312; pages labelled gb2312 use it anyway.
    doc = html.read("r.html", '<meta charset="gb2312"><p>朱镕基</p>'.encode("gb18030"))
    assert lines(doc) == ["朱镕基"]


def test_utf8_bom_wins_over_meta():
    data = codecs.BOM_UTF8 + '<meta charset="gbk"><p>依申请公开</p>'.encode()
    doc = html.read("r.html", data)
    assert doc.encoding == "utf-8"
    assert lines(doc) == ["依申请公开"]


def test_utf16_bom():
    data = codecs.BOM_UTF16_LE + "<p>政府信息公开</p>".encode("utf-16-le")
    assert lines(html.read("r.html", data)) == ["政府信息公开"]


def test_meta_that_lies_falls_back_to_detection():
    text = "本年度报告根据《中华人民共和国政府信息公开条例》的要求编制。" * 5
    data = f'<meta charset="utf-8"><p>{text}</p>'.encode("gbk")
    doc = html.read("r.html", data)
    assert doc.encoding == "gb18030"
    assert lines(doc) == [text]


def test_undeclared_gbk_is_detected():
    text = "本年度报告中所列数据统计期限从2019年1月1日到12月31日止。政府信息公开工作。" * 4
    doc = html.read("r.html", f"<p>{text}</p>".encode("gbk"))
    assert lines(doc) == [text]


def test_short_undeclared_gbk_is_not_taken_for_korean():
    # charset-normalizer alone reads these bytes as EUC-KR.
    doc = html.read("r.html", "<p>二、主动公开&nbsp;情况</p>".encode("gbk"))
    assert (lines(doc), doc.encoding) == (["二、主动公开 情况"], "gb18030")


def test_undeclared_utf8():
    doc = html.read("r.html", "<p>收到和处理政府信息公开申请情况</p>".encode())
    assert doc.encoding == "utf-8"
    assert lines(doc) == ["收到和处理政府信息公开申请情况"]


@pytest.mark.parametrize(
    "data",
    [bytes(range(256)) * 4, b'<meta charset="nonsense-label"><p>\xff\xfe\xfa ok</p>', b"", b"   "],
)
def test_undecodable_or_empty_input_does_not_crash(data):
    doc = html.read("r.html", data)
    assert doc.source_format == "html"
    assert all(isinstance(item, TextLine | Table) for item in doc.items)


# --- text ----------------------------------------------------------------------------------------


def test_fragment_blocks_breaks_and_nbsp():
    page = (
        "<p>一、总体情况</p>\n<p>  2019年，&nbsp;主动公开\n规章13件。 </p>"
        "<div>第一行<br>第二行<br/><br/><span>第</span><b>三</b>行</div>"
        "<ul><li>甲</li><li>乙</li></ul><h2>二、主动公开</h2><p> &nbsp; </p>"
    )
    assert lines(html.read("r.html", page.encode())) == [
        "一、总体情况",
        "2019年， 主动公开 规章13件。",
        "第一行",
        "第二行",
        "第三行",
        "甲",
        "乙",
        "二、主动公开",
    ]


def test_pre_is_read_as_a_text_file():
    # Its spaces kept (a text table's columns and blank cells), a tab row read as cells.
    page = "<pre>规章  0  &nbsp;0\n\n规范性文件\t5\t5\n</pre>后"
    doc = html.read("r.html", page.encode())
    assert lines(doc) == ["规章  0   0", "后"]
    assert [grid(t) for t in tables(doc)] == [[[("规范性文件", False), ("5", False), ("5", False)]]]


def test_a_report_in_pre_parses_as_its_text(tmp_path):
    from html import escape

    from disclosure_metrics import parse_file

    page = tmp_path / "report.html"
    text = SAMPLE.read_text(encoding="utf-8")
    page.write_text(f"<html><body><pre>{escape(text)}</pre></body></html>", encoding="utf-8")
    as_page, as_text = parse_file(page), parse_file(SAMPLE)
    assert as_page.ambiguous_cells() == [] and as_page.table3 == as_text.table3
    assert (as_page.table2, as_page.table4) == (as_text.table2, as_text.table4)


def test_div_text_around_child_blocks():
    page = "<div>前言<p>段落</p>结语<div>内层</div></div>"
    assert lines(html.read("r.html", page.encode())) == ["前言", "段落", "结语", "内层"]


def test_chrome_is_stripped():
    page = """<html><head><title>年报</title><style>p {color: red}</style>
    <script>var x = "<p>脚本</p>";</script></head><body>
    <div class="breadcrumb">首页 &gt; 政府信息公开</div>
    <nav><a href="/">导航</a></nav>
    <div id="topNav">顶部</div>
    <div class="position">当前位置：首页</div>
    <header>网站页头</header>
    <div class="bdsharebuttonbox">分享到</div>
    <noscript>请启用脚本</noscript><iframe src="x"></iframe>
    <p>正文一</p><script>document.write("x")</script><p>正文二</p>
    <form><input value="搜索"><button>检索</button>搜索框</form>
    <footer>版权所有</footer>
    </body></html>"""
    assert lines(html.read("r.html", page.encode())) == ["正文一", "正文二"]


def test_whole_page_form_is_kept():
    # ASP.NET sites wrap the whole page in one <form>; it must not take the report with it.
    body = "".join(f"<p>第{i}段政府信息公开工作情况。</p>" for i in range(10))
    page = f"<body><form id='form1'><div class='nav'>首页</div>{body}</form></body>"
    got = lines(html.read("r.html", page.encode()))
    assert got[0] == "第0段政府信息公开工作情况。" and len(got) == 10


def test_article_header_is_kept():
    page = "<nav>菜单</nav><article><header><h1>2019年年度报告</h1></header><p>正文</p></article>"
    assert lines(html.read("r.html", page.encode())) == ["2019年年度报告", "正文"]


def test_inline_script_does_not_split_text():
    assert lines(html.read("r.html", "<p>政府<script>x()</script>信息</p>".encode())) == [
        "政府信息"
    ]


def test_ruby_pronunciations_are_no_text():
    # A site's "pinyin" switch prints each polyphone as a ruby: 規<rt>guī</rt>章 would split
    # the label 规章 and name 乡(xiāng) in the agency.
    page = (
        "<p>某<ruby>乡<rp>(</rp><rt>xiāng</rt><rp>)</rp></ruby>人民政府</p>"
        "<table><tr><td><ruby>規<rt>guī</rt></ruby>章</td><td>0</td></tr></table>"
    )
    doc = html.read("r.html", page.encode())
    assert lines(doc) == ["某乡人民政府"]
    assert grid(tables(doc)[0]) == [[("規章", False), ("0", False)]]


def test_entities_are_not_expanded_beyond_html():
    page = (
        '<!DOCTYPE html [<!ENTITY boom "BOOM"><!ENTITY file SYSTEM "file:///etc/passwd">]>'
        "<p>&boom;&file;&amp;&lt;&copy;</p>"
    )
    text = " ".join(lines(html.read("r.html", page.encode())))
    assert "BOOM" not in text and "root:" not in text
    assert "&<©" in text


def test_deep_nesting_keeps_text():
    page = "<div>" * 1000 + "<p>深处</p>" + "</div>" * 1000 + "<p>后</p>"
    assert lines(html.read("r.html", page.encode())) == ["深处", "后"]
    # Thousands of unclosed inline tags (old editors) go past libxml2's depth limit.
    page = "<p>前</p>" + "<font size=2>" * 5000 + "<b>文</b>字"
    assert lines(html.read("r.html", page.encode())) == ["前", "文字"]


# --- tables --------------------------------------------------------------------------------------


SPAN_TABLE = """
<p>前文</p>
<table>
  <tr><td rowspan="2" colspan="2">申请人</td><td colspan="2">法人或其他组织</td></tr>
  <tr><td>商业<br>企业</td><td> 科研机构 </td></tr>
  <tr><th>一、</th><td>新收</td><td>&nbsp;</td><td>3</td></tr>
  <tr><td rowspan="3">三</td><td>（一）</td><td>  </td><td><p>&nbsp;</p></td></tr>
  <tr><td>（二）</td><td>0</td><td>1</td></tr>
</table>
<p>后文</p>
"""


def test_rowspan_colspan_grid_and_blank_cells():
    doc = html.read("r.html", SPAN_TABLE.encode())
    assert [type(item).__name__ for item in doc.items] == ["TextLine", "Table", "TextLine"]
    assert grid(doc.items[1]) == [
        [("申请人", False), ("申请人", True), ("法人或其他组织", False), ("法人或其他组织", True)],
        [("申请人", True), ("申请人", True), ("商业企业", False), ("科研机构", False)],
        [("一、", False), ("新收", False), ("", False), ("3", False)],
        [("三", False), ("（一）", False), ("", False), ("", False)],
        [("三", True), ("（二）", False), ("0", False), ("1", False)],
    ]
    # The rowspan runs past the last row: clipped, no phantom rows.
    assert len(doc.items[1].rows) == 5


def test_cell_text_joins_wrapped_lines_without_newlines():
    page = "<table><tr><td>本年新<br/>制作数量</td><td><p>Total</p><p>count</p></td></tr></table>"
    table = tables(html.read("r.html", page.encode()))[0]
    assert [cell.text for cell in table.rows[0]] == ["本年新制作数量", "Total count"]


def test_hostile_spans_are_bounded():
    page = (
        "<table><tr><td colspan='100000'>宽</td><td rowspan='0'>全</td><td colspan='x'>坏</td></tr>"
        "<tr><td>a</td></tr><tr><td rowspan='-3'>b</td></tr></table>"
    )
    table = tables(html.read("r.html", page.encode()))[0]
    assert len(table.rows[0]) == html.MAX_COLSPAN + 2
    assert table.rows[1][html.MAX_COLSPAN] == Cell("全", spanned=True)
    assert table.rows[2][0].text == "b"


def test_layout_table_wrapping_content_is_read_as_text():
    page = """<table><tr><td>
      <p>一、总体情况</p>
      <table><tr><td>规章</td><td>0</td></tr><tr><td>规范性文件</td><td>5</td></tr></table>
      <p>二、其他</p>
    </td></tr><tr><td>页脚文字</td></tr></table>"""
    doc = html.read("r.html", page.encode())
    assert [type(item).__name__ for item in doc.items] == [
        "TextLine",
        "Table",
        "TextLine",
        "TextLine",
    ]
    assert grid(doc.items[1]) == [
        [("规章", False), ("0", False)],
        [("规范性文件", False), ("5", False)],
    ]
    assert lines(doc) == ["一、总体情况", "二、其他", "页脚文字"]


def test_one_cell_nested_table_is_cell_text():
    page = (
        "<table><tr><td>规章</td><td><table><tr><td>13</td></tr></table></td></tr>"
        "<tr><td>规范性文件</td><td>60</td></tr></table>"
    )
    assert grid(tables(html.read("r.html", page.encode()))[0]) == [
        [("规章", False), ("13", False)],
        [("规范性文件", False), ("60", False)],
    ]


def test_caption_and_thead_tbody():
    page = (
        "<table><caption>表一</caption><thead><tr><th>项目</th><th>数量</th></tr></thead>"
        "<tbody><tr><td>规章</td><td>1</td></tr></tbody></table>"
    )
    doc = html.read("r.html", page.encode())
    assert doc.items[0] == TextLine("表一")
    assert grid(doc.items[1]) == [
        [("项目", False), ("数量", False)],
        [("规章", False), ("1", False)],
    ]


# --- corpus --------------------------------------------------------------------------------------


def test_corpus_2019_shanghai():
    path = CORPUS / "reports" / "2019_shanghai_bgt.html"
    if not path.exists():
        pytest.skip(f"corpus file {path} is not available (../shared/corpus missing)")
    doc = html.read(str(path), path.read_bytes())
    assert doc.encoding == "utf-8"
    text = lines(doc)
    assert text[0] == "2019年上海市人民政府办公厅政府信息公开工作年度报告"
    assert "三、收到和处理政府信息公开申请情况" in text
    found = [t for t in tables(doc) if any(c.text == "1.属于国家秘密" for r in t.rows for c in r)]
    assert len(found) == 1
    rows = {row[2].text: row for row in found[0].rows if len(row) > 2 and not row[2].spanned}
    secret = rows["1.属于国家秘密"]
    assert [c.text for c in secret[3:]] == ["14", "", "", "", "", "", ""]
    assert (secret[0].text, secret[0].spanned) == ("三、本年度办理结果", True)
    assert (secret[1].text, secret[1].spanned) == ("（三）不予公开", False)
    # Blank cells stay blank (not "0") and no cell text holds a line break.
    assert [c.text for c in rows["2.其他法律行政法规禁止公开"][3:]] == [""] * 7
    assert not any("\n" in c.text for t in tables(doc) for r in t.rows for c in r)
    # Items are in document order: each table follows its heading.
    kinds = [type(item).__name__ for item in doc.items]
    heading = text.index("三、收到和处理政府信息公开申请情况")
    heading_at = next(i for i, item in enumerate(doc.items) if item == TextLine(text[heading]))
    assert kinds[heading_at + 1] == "Table"


MARKUP = st.lists(
    st.sampled_from(
        [
            "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th colspan=3>",
            "<td rowspan=2>", "<td rowspan=0 colspan=0>", "<p>", "</p>", "<div class=nav>",
            "</div>", "<br>", "&nbsp;", "规章", "0", " ", "\n", "<script>", "</script>",
            "<pre>", "</pre>", "<caption>", "<!--", "-->", "<tbody>", "<nav>", "</nav>",
        ]
    ),
    max_size=60,
).map("".join)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(MARKUP, st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_any_markup_reads_without_crashing(markup, encoding):
    doc = html.read("r.html", markup.encode(encoding))
    for item in doc.items:
        if isinstance(item, TextLine):
            assert item.text and item.text == item.text.strip() and "\n" not in item.text
        else:
            assert item.rows and all(row for row in item.rows)
            assert all("\n" not in cell.text for row in item.rows for cell in row)


# --- hostile pages, through the command ----------------------------------------------------------


def _report_page(wrap: str = "{}", head: str = "") -> str:
    from .conftest import SAMPLE

    body = "".join(f"<p>{line}</p>" for line in SAMPLE.read_text(encoding="utf-8").splitlines())
    return f"{head}<html><body>{wrap.format(body)}</body></html>"


def test_hostile_pages_through_the_command(tmp_path) -> None:
    """A DOCTYPE subset never leaks into the agency; 100 000 nested divs are ``too_deep``;
    chrome nested 1 500 deep around megabytes of text is stripped in linear time."""
    import json
    import time

    from .test_cli import run, summary

    subset = '<!DOCTYPE html [<!ENTITY x "y"><!ELEMENT p ANY>]>'
    (tmp_path / "doctype.html").write_text(_report_page(head=subset), encoding="utf-8")
    deep = "<div>" * 100_000 + "{}" + "</div>" * 100_000
    (tmp_path / "deep.html").write_text(_report_page(deep), encoding="utf-8")
    chrome = '<div class="nav">' * 1500 + ("文字" * 4000 + "<br>") * 700 + "</div>" * 1500
    (tmp_path / "chrome.html").write_text(_report_page("{}" + chrome), encoding="utf-8")
    started = time.monotonic()
    code, out, err = run("parse", "--json", "--jobs", "1", tmp_path)
    assert time.monotonic() - started < 60
    by_report = {o["report"]: o for o in map(json.loads, out.splitlines())}
    assert code == 1 and summary(err) == (2, 1, 0, 0)
    assert by_report["doctype.html"]["agency"] == "盐池县惠安堡镇人民政府"
    assert by_report["chrome.html"]["agency"] == "盐池县惠安堡镇人民政府"
    assert by_report["deep.html"]["error"] == "too_deep"
    assert "2048" in by_report["deep.html"]["message_en"]


# --- images of tables (OCR) ----------------------------------------------------------------------


def _saved_page(folder, corpus) -> tuple:
    """A report saved from a browser whose tables 3 and 4 were published as pictures: the text
    of 2023 洪泽区's pages 1, 2 and 5 as paragraphs, pages 3 and 4 as images in ``年报_files``.
    Two more images must never be read: one on the network, one outside the page's folder."""
    import pypdfium2 as pdfium

    from .conftest import page_images

    source = corpus / "reports" / "2023_hongzequ.pdf"
    pdf = pdfium.PdfDocument(str(source))
    texts = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    pdf.close()
    (folder / "年报_files").mkdir()
    for number, image in enumerate(page_images(source, [2, 3]), start=1):
        image.save(folder / "年报_files" / f"image00{number}.png")
    page_images(source, [2])[0].save(folder.parent / "outside.png")

    def paragraphs(text: str) -> str:
        return "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())

    page = (
        "<html><head><meta charset='utf-8'></head><body>"
        + paragraphs(texts[0] + texts[1])
        + '<p><img src="https://example.invalid/table.png"></p>'
        + '<p><img src="../outside.png"></p>'
        + '<p><img src="年报_files/image001.png"></p><p><img src="年报_files/image002.png"></p>'
        + paragraphs(texts[4])
        + "</body></html>"
    )
    target = folder / "年报.htm"
    target.write_text(page, encoding="utf-8")
    return target, source


def test_table_images_of_a_saved_page_are_read_in_place(tmp_path) -> None:
    from disclosure_metrics.inputs import find_inputs
    from disclosure_metrics.parse import parse_file

    from .conftest import corpus_or_skip, load_truth

    corpus = corpus_or_skip()
    folder = tmp_path / "crawl"
    folder.mkdir()
    page, _source = _saved_page(folder, corpus)
    report = parse_file(page).to_json()
    assert report["source_format"] == "html-ocr"
    assert report["ocr_pages"] == [3, 4]  # the third and fourth images of the page
    truth = load_truth(corpus / "truth" / "2023_hongzequ.json")
    assert report["table3"] == truth["table3"]
    assert report["table4"] == truth["table4"]
    assert (
        "2 image(s) of the page not read (remote, outside its folder, or missing)"
        in (report["warnings"])
    )
    # The page's own images are not reports of their own.
    found = {f.report: f.skip for f in find_inputs([str(folder)])}
    assert found["年报.htm"] is None
    assert found["年报_files/image001.png"] == "an image of the saved page 年报.htm, read with it"
    # With OCR off the images are not read, and table 3 is not found.
    with pytest.raises(Exception) as caught:
        parse_file(page, ocr="never")
    assert getattr(caught.value, "code", None) in ("table3_missing", "not_a_report")


def test_a_span_of_thousands_of_digits_is_capped_not_an_error():
    """Python refuses int() of more than 4 300 digits: such a rowspan is read as the largest
    span (or as its value, when the digits are leading zeros), never a crash."""
    huge = "9" * 5000
    zeros = "0" * 5000 + "2"
    page = (
        f'<table><tr><td rowspan="{huge}">甲</td><td colspan="{zeros}">乙</td></tr>'
        "<tr><td>丙</td></tr></table>"
    ).encode()
    doc = html.read("spans.html", page)
    tables = [item for item in doc.items if isinstance(item, Table)]
    assert tables and tables[0].rows[0][0].text == "甲"
    assert len(tables[0].rows[0]) == 3  # 甲 and 乙 spanning two columns


def test_a_page_that_only_links_to_its_report_says_so(tmp_path) -> None:
    from disclosure_metrics.errors import ReportError
    from disclosure_metrics.parse import parse_file
    from disclosure_metrics.readers import read_document

    page = (
        "<h1>某某局2022年政府信息公开工作年度报告</h1><p>详见附件。</p>"
        '<p>附件：<a href="/files/2022年报.PDF?v=1">年度报告</a> <a href="list.html">返回</a></p>'
    )
    path = tmp_path / "附件页.html"
    path.write_text(page, encoding="utf-8")
    assert read_document(path).attachments == ["/files/2022年报.PDF?v=1"]
    with pytest.raises(ReportError) as caught:
        parse_file(path)
    assert "/files/2022年报.PDF?v=1" in str(caught.value)
    assert "probably in that file" in caught.value.message_en
