"""Agency and report year from the title or the preamble of a report.

Example::

    >>> title_agency_year(["标题: 平潭综合实验区2021年度政府信息公开工作年度报告", "正文"])
    ('平潭综合实验区2021年度政府信息公开工作年度报告', '平潭综合实验区', 2021)
    >>> title_agency_year(["洪泽区人民政府", "2023 年政府信息公开工作年度报告", "本报告由……"])[1:]
    ('洪泽区人民政府', 2023)
    >>> title_agency_year(["首页 > 政务公开 > 年报", "某某镇2021年政府信息公开工作年度报告"])[1:]
    ('某某镇', 2021)
"""

from __future__ import annotations

import re
import unicodedata

# …政府信息公开年度工作报告 too (年度 before 工作).
_TITLE_KEY = re.compile(
    r"年度报告|年报|(?:政府信息公开|政务公开|信息公开)(?:年度)?(?:工作)?(?:情况)?报告"
)
# The title as a crawler, or a page's table of document facts (索引号, 发布机构, 名称 …), labels it.
# The label and the title stand apart by a colon, or by a table's cell border or spacing
# (标   题 某某县…年度报告, as a page's table of facts prints).
_CRAWLER_TITLE = re.compile(
    # a colon and a cell border both (| 标题: | 某县…年度报告 |)
    # 称: a 名称 label whose 名 a crawler's table cut off
    # 标题2023年…: the label run into a title that opens with its year
    # 内容概述: a page's summary of the document, which gives its title
    r"^\s*(?:[-*•·]\s*|[|｜]\s*)?"
    r"(标\s*题|题\s*名|名\s*称|称(?=[:：])|文件名称|信息名称|内容概述|title)"
    r"\s*(?:[:：|｜]|\s|(?=(?:19|20)\d{2}))[\s:：|｜]*(.+)$",
    re.IGNORECASE,
)
# A year in digits or in Chinese numerals (二〇二二, as formal titles print it).
_CN_DIGITS = {c: str(i) for i, c in enumerate("零一二三四五六七八九")} | {"〇": "0", "○": "0"}
_YEAR_NUMBER = r"(?:19|20)\d{2}|[一二][〇○零一二三四五六七八九]{3}"
_YEAR = re.compile(rf"({_YEAR_NUMBER})\s*年")
_REPORT_WORDS = re.compile(
    # 政府信息工作年度报告: 公开 left out of the report's name
    # 工作年度年报: the two words for the report doubled up
    # 公开年度报告: 政府信息 left out (某某高新区公开年度报告)
    r"(政府信息公开|政务公开|信息公开|政府信息|政务信息|公开)?(工作)?的?(年度报告|年度年报|年报)(全文)?|"
    r"(政府信息公开|政务公开|信息公开)(年度)?(工作)?(情况)?报告|"
    r"[《》#*【】\[\]]|\((?:(?:19|20)\d{2})\)"
)
_YEAR_WORDS = re.compile(rf"({_YEAR_NUMBER})\s*年度?")
# A year printed without 年 right before the report words (某局2024政府信息公开工作年度报告).
_BARE_YEAR = re.compile(r"(20\d{2})(?=\s*(?:政府信息公开|信息公开|政务公开))")
# A title line that is only its year (2022年度 above 某某县…年度报告).
_YEAR_ALONE = re.compile(rf"^({_YEAR_NUMBER})\s*年度?$")
# The words of a notice that publishes the report (关于印发…的通知): not the agency's name.
_NOTICE_WORDS = re.compile(r"^关于(?:印发|公布|发布|公开)?|关于(?:印发|公布|发布|公开)?$")
_NOTICE_END = re.compile(r"的(?:通知|公告)$")
# The period the figures cover: 统计期限 (时间, 时段 …) from 1 January, or 1 January to 31
# December of one year however it is introduced.
_PERIOD = re.compile(
    # 数据起始时间为2023年1月1日: the period's start named so
    rf"(?:统计|起始)(?:期限|周期|时限|时间|时段|区间|范围)[^。]{{0,12}}?({_YEAR_NUMBER})\s*年\s*[1一]\s*月"
    rf"\s*[1一]\s*日"
    rf"|({_YEAR_NUMBER})\s*年\s*1\s*月\s*1\s*日[^。]{{0,6}}?(?:至|到|—|-|~)\s*"
    rf"(?:(?:{_YEAR_NUMBER})\s*年\s*)?12\s*月\s*31\s*日"
)
# Punctuation that ends or splits a sentence: a title holds none.
_SENTENCE_MARK = re.compile(r"[。；;，,]")
# Crawler page chrome that may name the column (首页 > 政务公开 > 政府信息公开年报): never a title.
# A breadcrumb separator stands between words (政务公开 > 年报), unlike the > of a tag.
# A separator may be doubled (首页 >>经济和信息化局 >>信息公开年报).
_BREADCRUMB = re.compile(r"[\u4e00-\u9fff]\s*[>＞»›]+\s*[\u4e00-\u9fff]")
_SEPARATOR = re.compile(r"[>＞»›]")
# A crumb and the separator after it: the trail goes on.
_NEXT_CRUMB = re.compile(r"[^\s>＞»›]+\s*[>＞»›]\s*")
# A trail parted by / or → (首页 / 信息公开 / 年报): two of them at least, as one alone may part
# a title from a site's name.
_OTHER_TRAIL = re.compile(r"[\u4e00-\u9fff]\s*([/→])\s*[^\s/→]{1,30}\s*\1\s*[\u4e00-\u9fff]")
_CHROME_WORDS = re.compile(
    r"当前位置|当前的位置|所在位置|您的位置|您现在的位置|字体[:：]|打印本页|关闭窗口"
)


# A link to another page, labelled (相关图解：某区2021年度…报告, 上一篇：…): another page's title.
_LINK_LABEL = re.compile(r"(?:相关图解|相关解读|相关链接|相关阅读|相关文章|上一篇|下一篇)\s*[:：]")


def _as_trail(line: str) -> str:
    """``line`` with a trail parted by / or → parted by > instead, as a trail is read.

    >>> _as_trail("首页 / 信息公开 / 年报"), _as_trail("某县年度报告/某县人民政府")
    ('首页 > 信息公开 > 年报', '某县年度报告/某县人民政府')
    """
    # Looked for where a trail is (a page saved as one line holds its report after it).
    if ("/" in line or "→" in line) and _OTHER_TRAIL.search(line, 0, _CRUMBS_WITHIN):
        return line.replace("/", ">").replace("→", ">")
    return line


def _is_chrome(line: str) -> bool:
    """Whether the line is page chrome: a breadcrumb or one of the chrome words.

    The breadcrumb pattern opens with any Chinese character, so the regex engine would try it
    at nearly every character of a crawled page printed as one line of thousands; it is tried
    only on a line that prints a separator, which (like the words) is found by a fast scan.
    """
    if _CHROME_WORDS.search(line) or _LINK_LABEL.match(line):
        return True
    if _SEPARATOR.search(line) is None:
        return False
    if "<" in line:  # a name quoted in angle brackets (印发<…年度报告格式>的通知): no breadcrumb
        line = _ANGLE_QUOTED.sub("", line)
    return _BREADCRUMB.search(line) is not None


def _after_chrome(line: str, long: bool = True) -> str:
    """What follows the chrome a line opens with: after its breadcrumb's last crumb when a
    title follows it (:func:`_after_breadcrumb`), else, in a page run into one ``long`` line,
    after the last chrome word near its start; nothing when neither leaves a title (a short
    line of chrome words may go on with a link to another report: 上一篇：…年度报告).

    >>> _after_chrome("当前位置：首页 > 年报 某县2023年政府信息公开工作年度报告 正文")
    '某县2023年政府信息公开工作年度报告 正文'
    """
    after = _after_breadcrumb(line)
    if after is line:
        words = list(_CHROME_WORDS.finditer(line, 0, _MAX_TITLE)) if long else []
        after = line[words[-1].end() :].strip() if words else ""
    return after if _TITLE_KEY.search(after[:_CRUMBS_WITHIN]) else ""


def _after_breadcrumb(piece: str) -> str:
    """What follows a breadcrumb trail and its last crumb in a page run into one line
    (``… 当前位置：首页 > 政务公开 > 政府信息公开年报 某县2023年…年度报告 发布机构：…``): the
    column the trail ends with is no title. The piece as it is when nothing with report words
    follows the trail.

    >>> _after_breadcrumb("首页 > 政务公开 > 政府信息公开年报 某县2023年政府信息公开工作年度报告")
    '某县2023年政府信息公开工作年度报告'
    >>> _after_breadcrumb("某县2023年政府信息公开工作年度报告")
    '某县2023年政府信息公开工作年度报告'
    >>> _after_breadcrumb("首页 > 年报 > 2023 > 部门年报 某局2023年政府信息公开工作年度报告")
    '某局2023年政府信息公开工作年度报告'
    """
    # A trail stands near the start: only so much is looked at (a page's line may be long).
    if _SEPARATOR.search(piece, 0, _CRUMBS_WITHIN) is None:
        return piece
    crumbs = list(_BREADCRUMB.finditer(piece, 0, _CRUMBS_WITHIN))
    if not crumbs:
        return piece
    last = crumbs[-1].end() - 1
    # The trail goes on past crumbs of no Chinese (年报 > 2023 > 部门年报): its last crumb is
    # the one no separator follows.
    while (more := _NEXT_CRUMB.match(piece, last)) is not None:
        last = more.end()
    rest = piece[last:].split(None, 1)  # the last crumb, then what follows
    if len(rest) == 2 and _TITLE_KEY.search(rest[1]):
        return rest[1]
    if len(rest) == 1 and _names_a_report(rest[0]):
        return rest[0]  # the trail ends with the page's own title (… > 年报 > 某局2023年…报告)
    return piece


def _names_a_report(crumb: str) -> bool:
    """Whether a crumb is a report's title: report words, a year and an agency's name before
    it (某区司法局2023年…年度报告), not a column (政府信息公开年报, 2023年政府信息公开年报).

    >>> _names_a_report("某区司法局2023年政府信息公开工作年度报告"), _names_a_report("2023年年报")
    (True, False)
    """
    if not _TITLE_KEY.search(crumb) or not _YEAR.search(crumb):
        return False
    own = _agency_of(_clean(crumb))
    return _agency_like(own) and not _GENERIC_AGENCY.fullmatch(own) and not _fragment(own)


# A name quoted in ASCII angle brackets, as a preamble may quote the template's notice.
_ANGLE_QUOTED = re.compile(r"<[^<>]*>")


_SCAN_LINES = 40
# A line longer than this is prose, not a title (long agency names stay well under it).
_MAX_TITLE = 120
#: How far into a line a breadcrumb trail is looked for.
_CRUMBS_WITHIN = 4 * _MAX_TITLE


def _clean(text: str) -> str:
    if "{" in text or "*" in text or "__" in text or ".." in text:  # _MARKUP's, tested fast
        text = _MARKUP.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    if "." in text:  # a document site prints the file's name (某局2022年…年度报告.doc)
        text = _FILE_SUFFIX.sub("", text)
    if text[:1] in "Pp":  # a page viewer's label (Page 4 - 某局…年度报告): not the title's
        text = _PAGE_LABEL.sub("", text)
    if text[:1] in "【(":  # a site's tag before a title (【图文】某局…年度报告, (图文)某市…)
        text = _TAG.sub("", text)
    # A table's cell borders at the ends (某县…年度报告 |) are no part of the text.
    return _SITE_NAME.sub(r"\1", re.sub(r"\s+", "", text).strip("|"))


# A file's extension after a title's last character (…年度报告.doc, …年报.PDF).
_FILE_SUFFIX = re.compile(
    r"(?<=[\u4e00-\u9fff)])\.(?:docx?|pdf|wps|rtf|ofd|txt)\s*$", re.IGNORECASE
)
# A site's tag in black brackets before a title: 【图文】, 【文字版】, 【政务公开】.
_TAG = re.compile(r"^(?:【[^】]{1,8}】|\((?:图文|全文|视频|图解|解读|文字版)\))")
# A page viewer's label before the text of a page of a PDF published as web pages.
_PAGE_LABEL = re.compile(r"^(?:page|p\.?)\s*\d+\s*[-–—:：]\s*", re.IGNORECASE)


# A converter's markup around a title: Pandoc Markdown's attributes after a heading
# (``# …年度报告 {#id .article-title}``), reStructuredText's directive before it
# (``.. rubric:: …``), Markdown's emphasis around it (``**…年度报告（示例数据）**``).
_MARKUP = re.compile(
    r"\s+\{[#.][^{}]*\}\s*$|^\s*\.\.\s+[\w-]+::\s*|^\s*(?:\*+|_{2,})|(?:\*+|_{2,})\s*$"
)


# A page title's site name after the report's own (…年度报告_某某县人民政府, … - 某某网, …|某某网,
# …/某某网).
_SITE_NAME = re.compile(r"(年度报告|年报)(?:\([^()]{1,12}\))?[_|\-–—/][^_|\-–—/]{2,40}$")


# A note after the title, not part of the name: （全文）, （更正版）, （示例数据）.
# A note after the report words, (修订版), also one that a wrapped title cut before its ")".
_TRAILING_NOTE = re.compile(r"(年度报告|年报|工作报告)(?:\([^()]{1,12}\))*(?:\([^()]{0,12})?$")
# The name said short in brackets after it (某区人民政府办公室(以下简称区政府办公室)).
_SHORT_NAME = re.compile(r"\((?:以下简称|下称|简称)[^()]{1,16}\)")
# The writer's own body named after the year (…公布2024年度本机关信息公开工作报告).
_OWN_BODY = re.compile(r"(?:本机关|本单位|本部门|本级)$")  # 向社会公布2021年度本级…年度报告


#: The most characters of a title's note that wrap onto the next line, with its ")".
_NOTE_REST = 13


_YEAR_REPORT = re.compile(rf"({_YEAR_NUMBER})\s*年报")
# A sentence that announces the report before its title (根据…规定，现公布某县…年度报告).
# The verb is required: a county's name may open with 特 (特克斯县).
_ANNOUNCED = re.compile(
    # 根据…，特编制…: what is left of the sentence's reason once its cited documents are cut
    r"^(?:根据)?(?:(?:现|特|兹)+(?:向社会|向公众)?(?:予以)?(?:公布|发布|公开)|现将"
    r"|(?:向社会|向公众)(?:予以)?(?:公布|发布|公开)"
    # 特编制并向社会公布某县人民政府2025年…
    r"|(?:(?:现|特此|特|兹)(?:编制|编写)|(?:现|特此|特|兹)?制定)"
    r"(?:并(?:向社会|向公众)?(?:公布|发布)|发布|了)?"
    r"|编制并?(?:发布|公布)"
    # 编制 alone (…等文件精神，编制某局2024年…年度报告), not the 编制委员会 of a name; 制作
    # (…第五十条规定，制作某局2023年…年度报告)
    r"|(?:编制|编写|制作)(?!委员会|办))"
)
# The agency's verb before the year (某镇人民政府特此编制2024年度…年度报告): not its name. A
# name may hold 编制 (编制委员会办公室) but never ends with it.
_COMPILES = re.compile(
    r"(?:特此|现予|现|兹|特)?(?:向社会|向公众)?(?:编制|编写|撰写|公布|发布|印发)(?:并发布|发布|了)?$"
)
_COMPILED_FOR = re.compile(r"(?:编制了|编写了|制定了|编制完成)")
_PLACES_END = ("省", "市", "县", "区", "旗")


def _without_place_repeated(agency: str) -> str:
    """The body's name without its place printed again after it, which the year and report
    words stood between (某市人民政府2024年某市政府信息公开…年度报告).

    >>> _without_place_repeated("某某市人民政府某某市"), _without_place_repeated("某某市某某区")
    ('某某市人民政府', '某某市某某区')
    """
    for k in range(2, min(10, len(agency) // 2) + 1):
        place = agency[-k:]
        rest = agency[:-k]
        if place.endswith(_PLACES_END) and rest.startswith(place) and len(rest) > len(place):
            return rest
    return agency


# An attachment's label before a title, as a file or a page names it (附件1：…).
_ATTACHMENT = re.compile(r"^附件\s*\d*\s*[:：]?")
# What may stand at either end of an agency's name after the title's words are taken out:
# punctuation, and the separators of a file's name (某局_2023年…); the quote a title opens
# before its report words (2024年北京市“政府信息公开工作年度报告”…), and a trail's marks
# (>> 信息公开年度报告).
_EDGES = '：:，,。 _-—–|｜•●·▪■◆►▶“”"「」『』>＞»›'
# A date a page prints before the title on its line (2024-01-20 某局2023年…年度报告).
_LEADING_DATE = re.compile(r"^(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}")
# A year printed before the body's name with no 年 (2025湖口县某乡2025年度…年度报告).
_LEADING_YEAR = re.compile(r"^(?:19|20)\d{2}(?=[\u4e00-\u9fff])(?!年)")


def _agency_of(title: str) -> str:
    """The agency a title names: the title without its year and report words.

    >>> _agency_of("某某县人民政府信息公开工作年度报告"), _agency_of("政府信息公开年报")
    ('某某县人民政府', '')
    >>> _agency_of("关于印发某某局二〇二二年政府信息公开工作年度报告的通知")
    '某某局'
    >>> _agency_of("某某区人民政府办公室关于印发2021年政府信息公开工作年度报告的通知")
    '某某区人民政府办公室'
    >>> _agency_of("某镇2023年报"), _agency_of("附件1：某局_2023年度政府信息公开工作年度报告")
    ('某镇', '某局')
    >>> _agency_of("2024-01-20 某局2023年政府信息公开工作年度报告")
    '某局'
    >>> _agency_of("某县人民政府关于2023年度政府信息公开工作的年度报告")
    '某县人民政府'
    >>> _agency_of("某县民政局2024政府信息公开工作年度报告")
    '某县民政局'
    """
    cleaned = _LEADING_YEAR.sub("", _LEADING_DATE.sub("", _clean(title)))
    bracketed = _BODY_AFTER_TITLE.search(cleaned)  # …年度报告(上海市崇明区向化镇人民政府)
    if bracketed is not None:
        cleaned = cleaned[: bracketed.start(1) - 1]
    agency = _TRAILING_NOTE.sub(r"\1", cleaned)
    agency = _SHORT_NAME.sub("", agency)
    agency = _YEAR_REPORT.sub("", agency)  # 某镇2023年报: the year's 年 is the report's
    agency = _YEAR_WORDS.sub("", agency)
    agency = _BARE_YEAR.sub("", agency)
    agency = _REPORT_WORDS.sub("", agency)
    agency = _ATTACHMENT.sub("", agency)
    agency = _ANNOUNCED.sub("", agency)
    agency = _COMPILES.sub("", _OWN_BODY.sub("", agency))
    # 某某领导小组办公室编制了某区人民政府2021年度…: the body whose report was compiled
    compiled = _COMPILED_FOR.search(agency)
    if compiled is not None and compiled.end() < len(agency):
        agency = agency[compiled.end() :]
    # 某某办公室关于印发…的通知: the notice's end first, then what opens the notice.
    agency = _NOTICE_WORDS.sub("", _NOTICE_END.sub("", agency.strip(_EDGES)))
    agency = agency.strip(_EDGES)
    if agency.endswith("人民"):  # 人民政府信息公开…: the report words took the 政府 of its name
        agency += "政府"
    agency = _without_place_repeated(agency)
    if not agency and bracketed is not None:
        return bracketed.group(1)  # the title names no body before its year: the one after it
    # 某县人民政府(县人民政府办公室): the body, and in brackets the office that wrote for it
    noted = _NOTED_OFFICE.search(agency)
    return agency[: noted.start()] if noted is not None and noted.start() > 0 else agency


_NOTED_OFFICE = re.compile(r"\([^()]*(?:办公室|办公厅)\)$")


# A body named in brackets after the report words (2024年政府信息公开工作年度报告(上海市崇明区
# 向化镇人民政府)).
_BODY_AFTER_TITLE = re.compile(
    r"(?:年度报告|年报|工作报告)\(([^()]{2,30}?(?:人民政府|政府|局|委员会|委|办公室|办公厅|街道办事处"
    r"|街道|镇|乡|中心|管委会))\)$"
)


# What a site's menus and columns say (政府信息公开指南, 政务公开, 首页), and its own name
# (某某市人民政府门户网站): no agency is named so.
_MENU_WORDS = re.compile(
    r"信息公开|政务公开|首页|指南|目录|栏目|年报|年度报告|网站|门户网|公开内容|公开制度"
)


def _agency_like(text: str) -> bool:
    """Whether ``text`` may be an agency's name: not empty, not a menu or column name, not the
    rest of a sentence (本报告…, a date).

    >>> _agency_like("某某县教育局"), _agency_like("政府信息公开指南"), _agency_like("本1月1日")
    (True, False, False)
    """
    return (
        bool(text)
        and len(text) <= _MAX_AGENCY
        and not _MENU_WORDS.search(text)
        and not _NOT_A_NAME.search(text)
    )


# A sentence's words, never an agency's name: 本报告, 本年度, the writer's own unit (编制我单位…
# 年度报告, 我局), a date (1月1日).
# 由某区人民政府综合全区各部门…: the words of a sentence (by whom it was compiled), no name.
# 其中…公开年报2条: a breakdown's words, and a count in them (1条, 2件): no name either.
# A four-digit year inside (完成2018、2019、2020三年的政务公开年报): a sentence's words too, as
# is an adverb of the work that opens it (及时发布政府信息公开工作年报).
_NOT_A_NAME = re.compile(
    r"^(?:编制|编写)?[本我由并]|\d\s*[月日条件篇]|^其中|^包括|\d{4}"
    r"|^(?:及时|按时|按期|认真|积极|切实|进一步|依法|如期|全文)"  # 全文包括…: what it holds
)


# The report words' start ending a line (…人民政府信息公开工作), and their end opening the next
# after the year (2023年度报告).
_DISCLOSURE_WORDS_END = re.compile(r"(?:政府信息公开|政务公开|信息公开)(?:工作)?$")
_YEAR_THEN_REPORT = re.compile(rf"^(?:{_YEAR_NUMBER})\s*年度?(?:工作)?(?:年度)?报告$")


# A line longer than this is a sentence, not an agency's name.
_MAX_AGENCY = 40
# What is left of a title that wrapped in an agency's name (某某市某某区 / 人民政府2022年…).
_GENERIC_AGENCY = re.compile(
    r"(?:人民)?政府(?:办公室|办公厅)?|办公室|办公厅|委员会|管委会(?:办公室)?|乡镇|部门|公开目录"
    r"|街道(?:办事处)?"  # 2021年度街道信息公开年度报告: which street, it does not say
    # what is left of report words alone (2023年度报告 → 报告; 政府信息 / 公开年报 → 公开)
    r"|报告|公开|工作|年度|信息|政务"
)
# How many lines above a title line may hold its start.
_TITLE_LINES_ABOVE = 2
# A label of a page's table of document facts before an agency's name (发布机构：某某局).
# The publisher's own labels come first; a source (来源) or a site's host may be another body.
_ISSUER_LABELS = "发布机构|发文机关|发布单位"
_PUBLISHER_LABELS = f"{_ISSUER_LABELS}|信息来源|来源|主办单位"
_FACT_LABEL = re.compile(rf"^(?:{_PUBLISHER_LABELS})[:：|]")
# A row of a page's table of document facts (索引号 | … | 分类 | 政府信息公开年报 …): its column
# names the report's kind, never its title.
_FACT_LABELS = (
    "索引号|分类|主题分类|组配分类|体裁分类|信息类别|发文日期|发布日期|成文日期|文号|有效性"
    "|更新时间|更新日期|发布时间|字号"
)
# A row may open with the publisher's label (发布机构 某局 组配分类 信息公开年报).
# A converter's list bullet may open it (- 信息类别: 政府信息公开年报).
_FACTS_ROW = re.compile(rf"^(?:[-*•·]\s*)?(?:{_FACT_LABELS}|{_ISSUER_LABELS})\s*(?:[:：|]|\s)")
# The next field of a row of document facts after a labelled title (名 称: 某局…年度报告 发布日期:
# 2026年01月21日): the title ends before it.
# A label may be letter-spaced as its neighbours are (名  称: … 索 引 号: …).
_NEXT_FACT = re.compile(
    r"\s+(?:"
    + "|".join(r"\s*".join(label) for label in f"{_FACT_LABELS}|{_PUBLISHER_LABELS}".split("|"))
    + r")\s*[:：]"
)


def _unlabelled(text: str) -> str:
    """``text`` without a title's label before it (标题: …), which a title wrapped over two
    lines keeps on its first.

    >>> _unlabelled("标题: 某区住房和城乡建设局202"), _unlabelled("某区住房和城乡建设局")
    ('某区住房和城乡建设局202', '某区住房和城乡建设局')
    """
    labelled = _CRAWLER_TITLE.match(text)
    return labelled.group(2) if labelled is not None else text


# A department named by its level alone, without its place (区审计局, 县民政局, 省水利厅).
_PLACELESS = re.compile(r"[省区县市旗](?![省区县市旗])")


def _named_whole(head: list[str], placeless: str) -> str | None:
    """The first name in ``head`` that opens a clause and ends with ``placeless``, its place
    before it (…的统一部署和要求,吴兴区民政局结合…编制本年度报告 → 吴兴区民政局), or None.

    >>> _named_whole(["发布机构: 区民政局", "根据要求,某某区民政局结合实际编制。"], "区民政局")
    '某某区民政局'
    >>> _named_whole(["根据《条例》,现公布某某区审计局2024年…年度报告。"], "区审计局")
    '某某区审计局'
    """
    pattern = re.compile(
        r"(?:^|(?<=[,，。;；:：、]))(?:(?:现将|现予?|特此|特|兹)?(?:公开|公布|发布|编制))?"
        rf"([\u4e00-\u9fff]{{1,10}}?{re.escape(placeless)})"
    )
    for line in head:
        for m in pattern.finditer(_clean(line)):
            name = m.group(1)
            if name[0] not in "我本全该" and _agency_like(name):
                return name
    return None


def title_agency_year(lines: list[str]) -> tuple[str | None, str | None, int | None]:
    """The report's title, agency and year, from its first lines (``None`` where not found)."""
    # A line is chrome by how it starts: a page saved as one line holds its footer's chrome
    # words (打印本页, 关闭窗口) after the title. A chrome line is dropped, but a page run into
    # one line keeps what follows its chrome (首页 … 当前位置：首页 > … > 年报 某县2023年…).
    head = [
        _after_chrome(line, long=len(line) > _MAX_TITLE) if _is_chrome(line[:_MAX_TITLE]) else line
        for line in [_as_trail(raw.strip()) for raw in lines[:_SCAN_LINES]]
        if line
    ]
    head = [line for line in head if line]
    # A title printed letter-spaced is read without its spaces; only a head whose report words
    # are spaced out has one (one scan, not a look at every line).
    if _letter_spaced_title(head):
        head = [_unspaced(line) for line in head]
    title: str | None = None
    agency: str | None = None
    for line in head:
        m = _CRAWLER_TITLE.match(line)
        if m and _TITLE_KEY.search(m.group(2)):
            title = _clean(_NEXT_FACT.split(m.group(2), 1)[0])
            break
    if title is None:
        # The first line that names an agency; a site's menu ("政府信息公开年报", "2018年政府信息
        # 公开年报") above the report names none, and is the title only when nothing else is.
        first: str | None = None
        first_at = 0  # the line of ``first``
        for i, line in enumerate(head):
            # a table's cells: tabs; a page's facts printed with spaces (组配分类 政府信息公开年报)
            if _FACTS_ROW.match(_clean(line.replace("\t", "|"))) or _FACTS_ROW.match(line):
                continue
            joined = line
            below = head[i + 1] if i + 1 < len(head) else ""
            if (
                ("报" in below or "告" in below)  # the report words' end: tested before cleaning
                and not _TITLE_KEY.search(line)
                and (
                    _TITLE_KEY.match(below := _clean(below))
                    or _wrapped_in_report_words(_clean(line[-4 * _REPORT_WORDS_MAX :]), below)
                    # 某乡人民政府信息公开工作 / 2023年度报告: the year between the report words
                    or (_YEAR_THEN_REPORT.match(below) and _DISCLOSURE_WORDS_END.search(line))
                )
            ):
                # a title wrapped before 年度报告, or inside its words (…政府信息 / 公开工作…)
                joined = line + head[i + 1]
            piece = _AS_FOLLOWS.sub("", _after_breadcrumb(_title_piece(joined).rstrip()))
            joined = _run_on_cut(piece := _unlabelled(piece))
            if (
                not _TITLE_KEY.search(joined)
                or len(_clean(joined)) > _MAX_TITLE
                or not _ends_as_title(piece)
                or _LISTED_REPORT.search(joined)
            ):
                continue
            candidate = _clean(joined)
            own = _agency_of(candidate)
            names_agency = (
                _agency_like(own) and not _GENERIC_AGENCY.fullmatch(own) and not _fragment(own)
            )
            if not names_agency and not _SENTENCE_MARK.search(line):
                # The title's start on the lines above: the agency printed above it (洪泽区人民
                # 政府 / 2023 年…年度报告), or a title wrapped over lines (某某县人民政府 / 2022年
                # 政府信息公开 / 工作年度报告, 某某市某某区 / 人民政府2022年…).
                longer = candidate
                for above in head[max(0, i - _TITLE_LINES_ABOVE) : i][::-1]:
                    if _FACTS_ROW.match(above) and not _FACT_LABEL.match(_clean(above)):
                        break  # 更新时间: / 2021年…年度报告: a row of facts, no title's start
                    # a row of document facts gives its label's cell only (发布机构 | 某局 | …)
                    piece = _FACT_LABEL.sub("", _clean(above.replace("\t", "|"))).split("|")[0]
                    piece = _unlabelled(piece)  # 标题: 某区…局202 / 4年度…: the title's start
                    if _TITLE_KEY.search(piece) or _SENTENCE_MARK.search(piece):
                        break
                    longer = piece + longer
                    agency = _agency_of(longer)
                    if (
                        _YEAR.search(longer)
                        and _agency_like(agency)
                        and not _GENERIC_AGENCY.fullmatch(agency)
                    ):
                        candidate, names_agency = longer, True
                        break
                if not names_agency and not own and i > 0 and not _FACTS_ROW.match(head[i - 1]):
                    candidate = _clean(head[i - 1]) + candidate  # for the fallback's title
            if first is None:
                first, first_at = candidate, i
            if names_agency:
                title = candidate
                rest = _clean(head[i + 1]) if i + 1 < len(head) else ""
                if title.count("(") > title.count(")") and ")" in rest[:_NOTE_REST]:
                    title += rest[: rest.index(")") + 1]  # a note wrapped onto the next line
                above = _clean(head[i - 1]) if i > 0 else ""
                if (
                    not _YEAR.search(title)
                    and _YEAR_OPENS.match(above)
                    and not _MENU_WORDS.search(above)
                ):
                    # the year printed on the line above, alone or opening the title's first
                    # line (2020年某某省 / 某某县税务局政府信息公开…)
                    title = above + title
                if not _YEAR.search(title):
                    # the year printed apart under it (某镇人民政府 / 信息公开工作年度报告 /
                    # （2025年度）): the lines below, past the one the title may have joined
                    for line in head[i + 1 : i + 2 + _LINES_BELOW]:
                        if _YEAR_ALONE.match(_clean(line).strip("()")):
                            title += _clean(line)
                            break
                break
        if title is None and first is not None:
            # No line names an agency: the first title line is the title, and what it names is
            # its agency only when that reads as a name (not 本…统计期限… of a sentence).
            title = first
            named = _agency_of(title)
            generic = _GENERIC_AGENCY.fullmatch(named) is not None  # 乡镇政府信息公开年度报告
            unnamed = (
                _NOT_A_NAME.search(named)
                or _fragment(named)
                or generic
                or _MENU_WORDS.search(named)  # 在政府门户网站信息公开专栏设置: prose, no name
            )
            agency = None if unnamed else (named or None)
            if agency is None:
                agency = _agency_below(head[first_at + 1 : first_at + 1 + _LINES_BELOW])
            if not _YEAR.search(title):
                near = [head[first_at - 1]] if first_at > 0 else []
                for line in near + head[first_at + 1 : first_at + 1 + _LINES_BELOW]:
                    if _YEAR_ALONE.match(_clean(line).strip("()")):
                        title += _clean(line)  # the year printed apart (（2020年度）)
                        break
        elif title is not None:
            agency = _agency_of(title) or None
    else:
        agency = _agency_of(title) or None
    if agency is None:
        agency = _publisher(head)
        if agency is not None and _PLACELESS.match(agency):
            # 发布机构: 区审计局, a department named without its place: the preamble names it
            # whole as the body that compiled the report, that answers for it (由杭州市萧山区
            # 审计局编制) or that it announces. A title's own name stays as the title prints it.
            whole = contact_agency(lines) or _named_whole(head, agency)
            if whole is not None and whole.endswith(agency) and len(whole) > len(agency):
                agency = whole
    year: int | None = None
    if title and (m := _YEAR.search(title) or _BARE_YEAR.search(title)):
        year = _year_value(m.group(1))
    else:
        text = "".join(_clean(line) for line in head)
        if m := _PERIOD.search(text):
            year = _year_value(m.group(1) or m.group(2))
        elif m := _YEARS_REPORT_NAMED.search(text):
            year = _year_value(m.group(1))
    return title, agency, year


# The report named with its year in the preamble (由某某办公室编制的2023年度政府信息公开年度报告).
_YEARS_REPORT_NAMED = re.compile(
    rf"编制的\s*({_YEAR_NUMBER})\s*年度?(?:政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?"
    r"(?:报告|年报)"
)
# Report words that end an item of a list or follow a count (…、街道权责清单、政府信息公开工作
# 年度报告; 1条政府信息公开年报): a sentence listing what was published, no title.
_LISTED_REPORT = re.compile(
    r"(?:、|\d\s*[条篇件份个])(?:政府信息公开|政务公开|信息公开)?(?:工作)?(?:年度报告|年报)"
)


# The ends of the words that close an agency's name, and of a notice's verb: what a title
# wrapped inside them leaves on its second line (人民政 / 府2020年…, 关于印 / 发2020年…).
_NAME_ENDS = ("人民政府办公室", "人民政府办公厅", "管理委员会", "关于印发", "关于公布", "关于发布")


def _fragment(name: str) -> bool:
    """Whether what a title line names is the tail of a name or a year that the title's wrap cut
    (府, 员会, 020年, 度): never an agency's name on its own.

    >>> _fragment("民政府"), _fragment("020年"), _fragment("度"), _fragment("某某县民政局")
    (True, True, True, False)
    """
    if len(name) < 2 or name[0].isdigit() or name[0] in "年度":
        return True
    return any(name in end[1:] for end in _NAME_ENDS)


#: How many lines below a title that names no agency may hold the agency and the year.
_LINES_BELOW = 2


def _agency_below(lines: list[str]) -> str | None:
    """The agency printed under a title that names none (2020年…年度报告 / 某某县教育局 /
    2021年1月), skipping a line that holds only the year or a date; None when the line there
    does not end as an agency's name does.

    >>> _agency_below(["（2020年度）", "某某县教育局"]), _agency_below(["一、总体情况"])
    ('某某县教育局', None)
    """
    for line in lines:
        name = _clean(line)
        if _YEAR_ALONE.match(name.strip("()")) or _DATE_LINE.match(name):
            continue
        if (
            _agency_like(name)
            and _AGENCY_END.search(name)
            and not _SENTENCE_MARK.search(name)
            and not _GENERIC_AGENCY.fullmatch(name)
            and not _YEAR.search(name)
            and not _LABELLED.search(name)
        ):
            return name
        return None
    return None


# A label and its value (发布机构：某局, 来源：某局): what _publisher reads, never a bare name.
_LABELLED = re.compile(r"[:：|｜]")
# A title's first line that opens with its year: the year alone, or the year and the start of
# the agency's name, no other number (not a date, 2021年1月20日) and no sentence.
_YEAR_OPENS = re.compile(rf"^(?:{_YEAR_NUMBER})\s*年度?(?:[^\d\s。；;，,:：]{{0,{_MAX_AGENCY}}})$")
# A line that is a date only (2021年1月20日, 2021-01-20).
_DATE_LINE = re.compile(
    rf"^(?:{_YEAR_NUMBER})\s*(?:年|[-./])\s*\d{{1,2}}\s*(?:月|[-./])(?:\s*\d{{1,2}}\s*日?)?$"
)


def _wrapped_in_report_words(line: str, below: str) -> bool:
    """Whether a title's report words run from ``line`` into the line ``below`` it: a title
    wrapped inside them (某县2020年政府信息 / 公开工作年度报告).

    >>> _wrapped_in_report_words("某县2020年政府信息", "公开工作年度报告")
    True
    >>> _wrapped_in_report_words("某县人民政府", "2020年政府信息公开工作年度报告")
    False
    """
    # Report words are at most 16 characters: only that much on each side of the break counts
    # (a page's line may be a paragraph of thousands).
    line, below = line[-_REPORT_WORDS_MAX:], below[:_REPORT_WORDS_MAX]
    cut = len(line)
    return any(m.start() < cut < m.end() for m in _REPORT_WORDS.finditer(line + below))


#: The longest report words (政府信息公开工作年度报告全文, 14) with room to spare.
_REPORT_WORDS_MAX = 16


def _unspaced(line: str) -> str:
    """A line printed with a space between its characters (政 府 信 息 公 开 …, a centred title
    as a PDF's text may give it) without them; any other line as it is.

    >>> _unspaced("盐 池 县 2020 年 政 府 信 息 公 开 工 作 年 度 报 告")
    '盐池县2020年政府信息公开工作年度报告'
    >>> _unspaced("首页 > 政务公开 > 年报")
    '首页 > 政务公开 > 年报'
    """
    # A space after about every character: a line with fewer is not letter-spaced (most lines
    # of a page's head, tested without splitting them).
    if (line.count(" ") + line.count("\u3000")) * 3 < len(line):
        return line
    words = line.split()
    singles = sum(len(w) == 1 and not w.isdigit() for w in words)
    if singles < _MIN_SPACED or any(len(w) > 1 and not w.isdigit() for w in words):
        return line
    return "".join(words)


# The end of report words printed letter-spaced (年 度 报 告, 年 报).
_SPACED_REPORT_WORDS = re.compile(r"报[ \u3000]+告|年[ \u3000]+报")


def _letter_spaced_title(head: list[str]) -> bool:
    """Whether the report words of some line are printed letter-spaced (年 度 报 告): a space
    before 告 or 报 is looked for first, in C, over the whole head.

    >>> _letter_spaced_title(["政 府 信 息 公 开 工 作 年 度 报 告"])
    True
    >>> _letter_spaced_title(["某县2023年度报告 发布日期：2024-01-20"])
    False
    """
    text = "\n".join([line[:_CRUMBS_WITHIN] for line in head])  # a title stands near the start
    if not (" 告" in text or " 报" in text or "\u3000告" in text or "\u3000报" in text):
        return False
    return _SPACED_REPORT_WORDS.search(text) is not None


#: Fewer single characters apart than this and a line is not letter-spaced.
_MIN_SPACED = 4


# A page's table of document facts names the publisher (发布机构：某某县人民政府办公室), above or
# below a title that names no agency.
# The label, then a colon, a table's border, or both (发布机构: | 市交通运输局 |).
_PUBLISHER = re.compile(rf"(?:{_ISSUER_LABELS})\s*(?:[:：|\t]\s*)+([^\s:：|]{{2,40}})")
# The label run into its value with no mark or with spaces only (发文机关宋村镇人民政府 主题词,
# 发布机构 济宁市城市管理局 组配分类 …): only a value that ends as an agency's name does is taken.
_PUBLISHER_RUN_IN = re.compile(rf"(?:{_ISSUER_LABELS})\s*([\u4e00-\u9fff]{{2,40}}?)(?=\s|$)")


def _publisher(head: list[str]) -> str | None:
    """The publisher a page's document facts name, when it reads as an agency's name.

    >>> _publisher(["2023年政府信息公开工作年度报告", "发布机构：某某县人民政府办公室"])
    '某某县人民政府办公室'
    >>> _publisher(["发布机构: | 市交通运输局 | ||"])
    '市交通运输局'
    >>> _publisher(["• 发布机构", "  某县某镇人民政府", "• 文号"])
    '某县某镇人民政府'
    """
    for i, line in enumerate(head):
        m = _PUBLISHER.search(line)
        if m:
            name = _clean(m.group(1))
            return name if _agency_like(name) else None
        run_in = _PUBLISHER_RUN_IN.search(line)
        if run_in and _AGENCY_END.search(name := _clean(run_in.group(1))) and _agency_like(name):
            return name
        if _LABEL_ALONE.fullmatch(line) and i + 1 < len(head):
            # a page's facts printed one per line: the label, then its value (• 发布机构 /
            # 建水县面甸镇人民政府)
            name = _clean(head[i + 1])
            return name if _agency_like(name) and _AGENCY_END.search(name) else None
    return None


# A publisher's label alone on its line, a list's bullet before it.
_LABEL_ALONE = re.compile(rf"[\s•·*-]*(?:{_ISSUER_LABELS})\s*[:：]?\s*")


# The office a preamble gives for questions (如对本报告有疑问，请与某某区人民政府办公室联系), when
# its name ends as an agency's does: the last place an agency is read from.
_CONTACT = re.compile(
    # 请与某局联系, and 请与某局（地址：…） where the sentence leaves out its verb.
    # 可通过…意见箱反映或直接与某局联系: the second way, after 或
    r"(?:请|可|欢迎|或)(?:直接|及时)?(?:与|向)([^,，。;；:：()（）]{2,40}?)(?:联系|咨询|反映|(?=[(（]))"
    r"|请联系[:：]?([^,，。;；:：()（）]{2,40}?)(?=[,，。;；(（]|联系电话|电话|地址)"
    # The office that compiled the report, with what it compiled by between (由某局根据《条例》…
    # 编制而成, 由某局结合有关统计数据编制): the verb is looked for after the match, in that
    # sentence. Tried first: the name ends before 根据. 本报告是某办公室依据…编制: the same.
    r"|(?:由|本(?:年度)?报告(?:是|系)由?)([^,，。;；:：()（）]{2,40}?)(?=根据|按照|依据|依照|结合|综合|汇总)"
    # The office that compiled the report (由某某县人民政府办公室组织编制).
    r"|由([^,，。;；:：()（）]{2,40}?)(?:组织|负责)?(?:编制|编写|撰写)"
    # The body as the subject of a clause that compiles this report (…要求，某某乡人民政府编制
    # 了本报告).
    # (…规定，某街道办事处综合事务部编制本年度政府信息公开工作报告)
    r"|(?:^|(?<=[,，。;；:：]))([^,，。;；:：()（）]{2,40}?)(?:编制|编写|撰写)了?(?:本|此)(?:年度)?"
    r"(?:政府信息公开(?:工作)?(?:年度)?)?报告"
)
# Last, when _CONTACT finds none: the body as the subject of a clause, what it went by after it,
# then this report compiled or the year's work summed up later in its sentence (按照上级文件
# 要求，某县某局结合…实际，对2023年政府信息公开工作进行总结).
_SUBJECT_GOING_BY = re.compile(
    r"(?:^|(?<=[,，。;；:：]))([^,，。;；:：()（）]{2,40}?)(?=根据|按照|依据|依照|结合)"
)
# What that subject must go on to do in its sentence.
_COMPILES_THIS = re.compile(
    r"(?:编制|编写|撰写)了?(?:本|此)|(?:政府信息公开|政务公开)工作(?:进行了?|作)总结"
)
_COMPILED = re.compile(r"编制|编写|撰写")
#: How far after 由某局根据… the verb that says it compiled the report may stand.
_MAX_COMPILED_BY = 200
# 管委会 too, and the body's other name in brackets after it (某经开区管委会(某商务区管委会)).
# Not 中心: the office to contact may be a service centre (请与某县经济信息中心联系) whose report
# is its government's.
_AGENCY_END = re.compile(
    r"(?:人民政府|政府|办公室|办公厅|局|厅|委员会|委|办|处|镇|乡|街道|院|署|管委会)"
    r"(?:\([^()]{2,20}\))?$"
)


def contact_agency(lines: list[str]) -> str | None:
    """The agency a preamble names as the office to contact, or None.

    >>> contact_agency(["政府信息公开年报", "如有疑问，请与某某区人民政府办公室联系（地址：…）。"])
    '某某区人民政府办公室'
    >>> contact_agency(["如有疑问，请与某市政府信息公开办联系。"]) is None  # a menu word
    True
    >>> contact_agency(["如对本年度报告有疑问，请联系：某某区人民政府某某街道办事处；电话：…"])
    '某某区人民政府某某街道办事处'
    >>> contact_agency(["根据…要求，某县某乡人民政府编制了本报告。…请与某乡党政办公室联系。"])
    '某县某乡人民政府'
    >>> contact_agency(["本报告是某市某区人民政府办公室依据《…年度报告格式》精神编制，…"])
    '某市某区人民政府办公室'
    >>> contact_agency(["按照要求，某县某局结合工作实际，对2023年政府信息公开工作进行总结，…"])
    '某县某局'
    >>> contact_agency(["按照要求，某县政府结合实际编制了《政务公开工作要点》。"]) is None
    True
    """
    for line in lines[:_SCAN_LINES]:
        text = _clean(line)
        for m in _CONTACT.finditer(text):
            compiler = m.group(5)
            if compiler is not None:
                compiler = _without_internal_unit(compiler)  # 某街道办事处综合事务部编制…
            if compiler is not None and not (
                _agency_like(compiler) and _AGENCY_END.search(compiler)
            ):
                continue  # 结合…实际情况编制本报告: no body as its subject
            name = m.group(1) or m.group(2) or m.group(4) or compiler
            if name is None:  # 由某局根据…: compiled only if the sentence says so
                after = text[m.end() : m.end() + _MAX_COMPILED_BY].split("。", 1)[0]
                if not _COMPILED.search(after):
                    continue
                name = m.group(3)
            name = _without_internal_unit(name)
            if _INTERNAL_UNIT.fullmatch(name) or _UNNAMED_ZONE.fullmatch(name):
                # 请与党政综合办公室联系, 请与经济开发区管委会党政办公室联系: no body named
                return None
            return name if _agency_like(name) and _AGENCY_END.search(name) else None
    for line in lines[:_SCAN_LINES]:
        text = _clean(line)
        for m in _SUBJECT_GOING_BY.finditer(text):
            after = text[m.end() : m.end() + _MAX_COMPILED_BY].split("。", 1)[0]
            name = m.group(1)
            if (
                _COMPILES_THIS.search(after)
                and _agency_like(name)
                and _AGENCY_END.search(name)
                and not _INTERNAL_UNIT.fullmatch(name)
            ):
                return name
    return None


def opening_agency_year(lines: list[str]) -> tuple[str | None, int | None]:
    """The body and the year the report's first paragraph opens with, when no title names
    them (a page that lost its title: 2025年，某某街道深入贯彻…): the last place they are read
    from. The body must end as one does and be named, not 我局 or 全镇 (those give the year
    alone).

    >>> opening_agency_year(["一、总体情况", "2025年，某某街道深入贯彻落实《条例》，…"])
    ('某某街道', 2025)
    >>> opening_agency_year(["一、总体情况", "2023年，我局认真落实《条例》"])
    (None, 2023)
    >>> opening_agency_year(["二〇二三年以来，我局认真落实"])
    (None, None)
    >>> opening_agency_year(["2025年，区管委会办公室坚持以…"])
    (None, 2025)
    >>> opening_agency_year(["2023年合阳县政府在省市政务公开办公室大力支持下，…"])
    ('合阳县政府', 2023)
    """
    unnamed_year: int | None = None
    for line in lines[:_SCAN_LINES]:
        cleaned = _clean(line)
        m = _OPENING.match(cleaned) or _OPENING_FULL_NAME.match(cleaned)
        if m is None:
            unnamed = _OPENING_UNNAMED.match(cleaned)
            if unnamed is not None and unnamed_year is None:
                # the year's work, and no name: a paragraph further down may still name it
                unnamed_year = int(unnamed.group(1) or unnamed.group(2))
            continue
        body, year = m.group(2), int(m.group(1))
        if body[0] in "我本该":
            return None, year  # 我市, 本县: no name, but the year's work
        level_only = body[:1] in "省市县区镇乡" and (
            _GENERIC_AGENCY.fullmatch(body[1:]) or _DEPARTMENT_END.search(body[1:])
        )
        # 教育局 alone: a department with no place and no level named, no name either
        unplaced = _DEPARTMENT_END.search(body) and not _PLACE_MARK.search(body)
        if (
            _GENERIC_AGENCY.fullmatch(body)
            or _GENERIC_ZONE.fullmatch(body)
            or level_only
            or unplaced
        ):
            return None, year  # 区管委会办公室, 县政府, 区人力资源和社会保障局: no name
        return body, year
    return None, unnamed_year


def names_the_whole_area(opening: str | None, contact: str | None) -> bool:
    """Whether the body a report's opening names is a place as a whole (2024年，洮北区坚持…)
    whose office or bureau is only the contact for questions (请与洮北区政府办公室联系): the
    report is the place's government's, named as its opening names it.

    >>> names_the_whole_area("洮北区", "洮北区政府办公室"), names_the_whole_area("某镇", "某县某局")
    (True, False)
    """
    return (
        opening is not None
        and contact is not None
        and _WHOLE_AREA.fullmatch(opening) is not None
        and opening in contact
        and opening != contact
    )


def names_the_contact_whole(opening: str | None, contact: str | None) -> bool:
    """Whether the body a report's opening names is the office to contact named with its place
    (2025年，福建省广播电视局坚持… beside 请与省广播电视局办公室联系): the same body, named whole.

    >>> names_the_contact_whole("某某省广播电视局", "省广播电视局")
    True
    >>> names_the_contact_whole("某某省广播电视局", "某某省广播电视局")
    False
    """
    return (
        opening is not None
        and contact is not None
        and _PLACELESS.match(contact) is not None
        and len(opening) > len(contact)
        and opening.endswith(contact)
    )


# A place named alone, no body's suffix (洮北区, 东胜区, 某某县).
_WHOLE_AREA = re.compile(r"[\u4e00-\u9fff]{1,8}(?:区|县|市|旗)")
# A bureau's or commission's name ends so (区人力资源和社会保障局: one of every district's, no
# place named). Not 中心: 市公共资源交易中心 was read as a name by the reader of its page.
_DEPARTMENT_END = re.compile(r"(?:局|委员会|委)$")


# The year, then the body that did the year's work, then its verb (2024年，某某局认真落实…),
# after a subheading run into the paragraph ((一)主动公开情况。2022年，某局在…) or 全年.
_OPENING_YEAR = r"^(?:\([一二三四五六七八九十]\)[^。,]{0,12}[。:])?(20\d{2})年度?(?:全年)?,?"
_OPENING = re.compile(
    _OPENING_YEAR + r"([\u4e00-\u9fff]{2,20}?"
    # 厅: a province's department (陕西省财政厅); 街: a street office named so (白云街); 委: a
    # commission named short (长宁区卫健委)
    # 政府: a county's named short (合阳县政府在省市…指导下: the name ends before 在)
    r"(?:街道办事处|街道|街|人民政府|政府|镇|乡|局|厅|委员会|委|中心|管委会|办公室|市|县|区|旗))"
    r"(?=在|坚持|坚决|深入|认真|严格|全面|以|按照|紧紧|立足|聚焦|高度|进一步|持续|始终|围绕|贯彻|将|紧扣"
    # the disclosure work as what follows (某区商务局政务信息公开工作…), not 政务 alone, which
    # opens a department's name (广州市政务服务数据管理局)
    r"|不断|积极|扎实|主动|依法|着力|牢固|强化|全力|大力|切实|政务公开|政务信息公开|政府信息公开"
    r"|信息公开工作"
    # by what it compiled the report (某县交通运输局根据《条例》…编制本报告)
    r"|根据|依据)"
)
# The writer's own body or the whole area, unnamed, opening the paragraph (2023年，我局认真…,
# 2022年我街坚持…, 2023年,全区主动公开…): no name, but the year's work.
_OPENING_UNNAMED = re.compile(
    _OPENING_YEAR + r"(?:我|本|全)(?:单位|部门|机关|系统|[局委厅办街镇乡县区市旗院署所站])"
    # or a body this reader cannot cut out (2025年,某经开区管委会(某商务区管委会)深入…); not a
    # span of years or a part of one (2023年以来, 2023年底)
    r"|" + _OPENING_YEAR + r"(?!以来|至|到|起|底|末|初|前|上半|下半|第)[\u4e00-\u9fff]{2}"
)
# A government's or street office's full name needs no verb after it to be the body (2025年，
# 某某市人民政府办公室坚紧紧围绕…: a slip of the pen where the verb is).
_OPENING_FULL_NAME = re.compile(
    _OPENING_YEAR + r"([\u4e00-\u9fff]{2,20}?(?:人民政府办公室|人民政府办公厅|人民政府|街道办事处))"
    r"(?=[\u4e00-\u9fff])(?![的和及与])"
)
# A character that marks a place or its level in a body's name.
_PLACE_MARK = re.compile(r"[省市县区州盟旗镇乡]")
_GENERIC_ZONE = re.compile(r"(?:经济技术)?开发区|经开区|高新区|全[区县市镇乡]")
# A zone's committee named by its kind alone (经济开发区管委会): no name of its own.
_UNNAMED_ZONE = re.compile(
    r"(?:(?:经济技术|经济)?开发区|经开区|高新区)(?:管委会|管理委员会)"
    r"(?:党政综合办公室|党政办公室|综合办公室|办公室)?"
)


# An office or section inside an agency (某局办公室, 某街道党政办公室综合科): the agency is the
# one it belongs to. A government's own office (某区人民政府办公室) is an agency itself.
_INTERNAL_UNIT = re.compile(
    r"(?:党政综合办公室|党政办公室|综合办公室|党政综合办|综合办|党政办)$|(?<!政府)办公室$"
    r"|[^科股室办处局]{1,5}[科股]$"
    # its disclosure office (由某镇人民政府政务公开工作机构编制), or the one that takes the
    # applications (请与某局政府信息公开申请受理机构联系)
    r"|(?:政务公开|政府信息公开|信息公开)(?:工作|申请受理|申请)?(?:机构|领导小组办公室|办公室|办)$"
    # a township's government office, no body of its own (请与某乡人民政府办公室联系)
    r"|(?<=[镇乡]人民政府)办公室$"
    # a street office's or township's own department (请与某街道综合事务部联系)
    r"|(?:(?<=街道)|(?<=办事处)|(?<=[镇乡]))(?:综合事务|综合管理|党政综合|党群工作|党政办公)部$"
)


def _without_internal_unit(name: str) -> str:
    """``name`` without the office or section inside the agency that it ends with, when the rest
    ends as an agency's name does.

    >>> _without_internal_unit("某市卫健委办公室"), _without_internal_unit("某区人民政府办公室")
    ('某市卫健委', '某区人民政府办公室')
    >>> _without_internal_unit("某区人民政府某街道党政办公室综合科")
    '某区人民政府某街道'
    >>> _without_internal_unit("某镇人民政府党政办公室")  # a township's own office
    '某镇人民政府'
    >>> _without_internal_unit("某县某镇人民政府党政综合办公室")
    '某县某镇人民政府'
    >>> _without_internal_unit("某区某街道办事处党政综合办")
    '某区某街道办事处'
    >>> _without_internal_unit("某区某镇人民政府政务公开工作机构")
    '某区某镇人民政府'
    >>> _without_internal_unit("某县某乡人民政府办公室")
    '某县某乡人民政府'
    >>> _without_internal_unit("某市某区医疗保障局政府信息公开申请受理机构")
    '某市某区医疗保障局'
    """
    for _ in range(2):  # a section of an office at most (…党政办公室综合科)
        m = _INTERNAL_UNIT.search(name)
        if m is None or not _AGENCY_END.search(name[: m.start()]):
            break
        name = name[: m.start()]
    # An office of its own name inside a government (某镇人民政府综合与经济发展办公室).
    inside = _OFFICE_INSIDE.search(name)
    return name[: inside.start(2)] if inside is not None else name


_OFFICE_INSIDE = re.compile(r"(人民政府|街道办事处)([\u4e00-\u9fff]{2,12}(?:办公室|科|股))$")


# Marks inside a sentence: a title piece stands between two of them only when what follows
# announces it (…，某局…年度报告，现予公布).
_CLAUSE_MARKS = frozenset("，,；;：:、")
_ANNOUNCING_AFTER = re.compile(r"\s*(?:现予|现|特此|特|予以|予)")


def _opens_announcing(piece: str) -> bool:
    """Whether ``piece`` opens by compiling or announcing the report (编制某局…, 特编制…, 现公布…,
    as :data:`_ANNOUNCED` reads them) and names something after the verb."""
    verb = _ANNOUNCED.match(piece)
    return verb is not None and verb.end() < len(piece)


def _title_piece(line: str) -> str:
    """The piece of ``line`` between sentence marks (a title holds none) that holds the report
    words, or its first piece: a converter may run a banner's sentence and the title together.
    In a sentence, report words inside 《》 are a document cited (the template's 《…年度报告格式》
    的通知), not the title.

    >>> _title_piece("本文件为示例，数字均为虚构。 某县2023年政府信息公开工作年度报告")
    '某县2023年政府信息公开工作年度报告'
    >>> _title_piece("根据《〈年度报告格式〉的通知》，现公布某县2023年政府信息公开工作年度报告。")
    '某县2023年政府信息公开工作年度报告'
    >>> _title_piece("年初即部署，确保按时完成某街道2025年政府信息公开年度报告，主动接受监督。")
    ''
    >>> _title_piece("根据《条例》，编制某县教育局2024年政府信息公开工作年度报告，所列数据…。")
    '某县教育局2024年政府信息公开工作年度报告'
    """
    pieces = _SENTENCE_MARK.split(line)
    if len(pieces) == 1:
        return line
    # The report words outside a document the piece cites (…《…年度报告格式》的通知》…要求)
    # or a phrase it quotes (关于"规范做好政府信息公开年报…"的通知).
    first = next(
        (piece for piece in pieces if _TITLE_KEY.search(_QUOTED.sub("", _CITED.sub("", piece)))),
        pieces[0],
    )
    if not _SENTENCE_END.search(line):
        return first  # a banner run on with the title (no full stop): as it stands
    # A sentence names its own report as a title does, at the end of its piece (现公布某县…年度
    # 报告); not 本年度报告 (this report), a document it cites, or a title it goes on past.
    at = 0
    for piece in pieces:
        start = line.find(piece, at)
        at = start + len(piece)
        uncited = _CITED.sub("", piece).strip()
        if (
            line[start - 1 : start] in _CLAUSE_MARKS
            and line[at : at + 1] in _CLAUSE_MARKS
            and not _ANNOUNCING_AFTER.match(line, at + 1)
            # …规定，编制某局2024年…年度报告，所列数据…: the clause opens by compiling the
            # report itself, a preamble's own words
            and not _opens_announcing(uncited)
        ):
            continue  # …，确保按时完成某街道2025年…年度报告，主动接受监督: inside prose
        uncited = _run_on_cut(_AS_FOLLOWS.sub("", _after_breadcrumb(uncited)))
        if _TITLE_AT_END.search(uncited) and not _SELF_REFERENCE.search(uncited):
            return _ANNOUNCED.sub("", uncited)
    # A notice's sentence that cites the report itself (现将《某县2023年…年度报告》印发给你们).
    for cited in _CITED.finditer(line):
        name = cited.group(0)[1:-1]
        if _TITLE_AT_END.search(name) and _YEAR.search(name):
            return name
    return _CITED.sub("", pieces[0]) if not _TITLE_KEY.search(first) else ""


# 现将某局2021年度政府信息公开工作报告如下: the report announced, then 如下 (as follows), or
# 予以公示 (made public).
# …年度报告进行公布, …年度报告向社会公布: announced after the title.
_AS_FOLLOWS = re.compile(
    r"(?<=报告)(?:(?:公布|发布)?如下[:：]?|(?:予以|进行|向社会|向公众)(?:予以)?(?:公示|公开|公布|发布))$"
)
# A document's name cited in a sentence: 《…》 (nested 〈〉 inside it).
_CITED = re.compile(r"《[^《》]*》")
_QUOTED = re.compile(r'"[^"]*"?')
_SENTENCE_END = re.compile(r"[。；;]")
_TITLE_AT_END = re.compile(
    rf"(?:{_TITLE_KEY.pattern})(?:\s*[(（][^()（）]{{1,12}}[)）])?(?:的通知|的公告)?\s*$"
)
# This report, not a title: 本年度报告, 本报告.
_SELF_REFERENCE = re.compile(r"本(?:年度)?报告")


# Where a title ends: its report words, and a note in brackets after them.
_TITLE_END = re.compile(rf"(?:{_TITLE_KEY.pattern})(?:\s*[(（][^()（）]{{1,12}}[)）])?")
#: More characters than this after a title's end on its line are not the title's (的通知 is).
_MAX_AFTER_TITLE = 8


def _run_on_cut(line: str) -> str:
    """A title run on with what follows it on one line (a page saved as one line of text:
    ``…年度报告 发布日期：2024-01-20 来源：…``) cut after its report words.

    >>> _run_on_cut("某县2023年政府信息公开工作年度报告 发布日期：2024-01-20 来源：某县")
    '某县2023年政府信息公开工作年度报告'
    >>> _run_on_cut("关于印发某局2022年政府信息公开工作年度报告的通知")
    '关于印发某局2022年政府信息公开工作年度报告的通知'
    """
    m = _TITLE_END.search(line)
    if m and _BODY_AFTER_TITLE.search(line) is not None:
        return line  # its body in brackets after it (…年度报告(某镇人民政府)): part of the title
    if m and (
        len(line[m.end() :].strip()) > _MAX_AFTER_TITLE
        # 某局 2024年度…年度报告 2024年,区水利局…: the body's first sentence, opened by its year
        or _YEAR_OPENS_PROSE.match(line, m.end())
        # …年度报告 字号:[ ]: a labelled fact of the page, however short
        or _NEXT_FACT.match(line, m.end())
    ):
        return line[: m.end()]
    return line


_YEAR_OPENS_PROSE = re.compile(r"\s+(?:19|20)\d{2}\s*年")


# What may follow a title's report words on its line, run on without a space: the notice's end,
# a note, or a labelled fact (发布日期：…) within a few characters.
_AFTER_TITLE = re.compile(r"的(?:通知|公告)|全文|正文|[^:：\s]{1,6}[:：]")


def _ends_as_title(line: str) -> bool:
    """Whether the report words of ``line`` end a title: the line ends there, or goes on after a
    space, a mark or a digit, or with what :data:`_AFTER_TITLE` allows. A button or column that
    has 年报 inside a word (点击收听年报语音朗读, 年报解读) is no title.

    >>> _ends_as_title("某县2023年政府信息公开工作年度报告 发布日期：2024-01-20")
    True
    >>> _ends_as_title("点击收听年报语音朗读"), _ends_as_title("某县2023年年度报告解读")
    (False, False)
    """
    for m in _TITLE_END.finditer(line):
        rest = line[m.end() :]
        if not rest or not _WORD_CHAR.match(rest) or _AFTER_TITLE.match(rest):
            return True
    return False


# A character of a word (a Chinese character or a letter), not a space, a mark or a digit.
_WORD_CHAR = re.compile(r"[^\W\d_]")


def _year_value(printed: str) -> int:
    """A year as printed, in digits or Chinese numerals.

    >>> _year_value("2022"), _year_value("二〇二二"), _year_value("二○一九")
    (2022, 2022, 2019)
    """
    return int("".join(_CN_DIGITS.get(char, char) for char in printed))
