"""HTML reader: a report page (or a bare fragment) into text lines and table grids.

Encoding comes from a BOM, else the ``<meta>`` charset, else strict UTF-8, else
charset-normalizer (overruled by GB18030 when that reads clearly more of the page as Chinese);
GBK and GB2312 labels decode as GB18030, their superset. lxml parses
without network access and expands no entities but HTML's own. Page chrome (scripts, navigation,
breadcrumbs, share bars, footers) is dropped; every block element's text becomes a
:class:`TextLine` and every ``<table>`` a :class:`Table` whose rowspan/colspan cells are
expanded into a full grid (covered positions repeat the text with ``spanned=True``).

Example::

    >>> html = "<p>一、总体情况</p><table><tr><td rowspan=2>规章</td><td>1</td></tr>"
    >>> html += "<tr><td>&nbsp;</td></tr></table>"
    >>> doc = read("r.html", html.encode())
    >>> doc.items[0].text, [[(c.text, c.spanned) for c in row] for row in doc.items[1].rows]
    ('一、总体情况', [[('规章', False), ('1', False)], [('规章', True), ('', False)]])
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import cast

from lxml import etree

from ..document import Cell, Document, Table, TextLine
from ..errors import ReportError, check_grid
from ..normalize import INVISIBLE_CHARS, join_wrapped
from .plain import read_lines

#: How many leading bytes are searched for a ``<meta>`` charset declaration.
META_SCAN_BYTES = 4096
#: No report table is anywhere near this wide; the cap bounds the grid a hostile colspan builds.
MAX_COLSPAN = 100

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_GB_LABELS = frozenset(
    {"gbk", "gb2312", "gb_2312", "gb_2312-80", "x-gbk", "cp936", "ms936", "windows-936",
     "euc-cn", "euccn", "csgb2312", "chinese", "iso-ir-58", "gb18030"}
)  # fmt: skip
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Never content: dropped with everything inside.
_DROP_TAGS = frozenset(
    {"head", "script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed",
     "applet", "template", "svg", "canvas", "audio", "video", "select", "button", "textarea",
     "input", "map", "rt", "rp"}
)  # fmt: skip
# rt and rp: a ruby's pronunciation and its fallback brackets (規<rt>guī</rt>章), no text of it.
# Usually chrome; dropped unless they hold most of the page's text (ASP.NET sites wrap the
# whole page in one <form>).
_CHROME_TAGS = frozenset({"nav", "header", "footer", "form", "aside"})
# id/class values that mark navigation, breadcrumbs ("当前位置" = position/location/dqwz) and
# share bars: substrings, and whole tokens for the short or ambiguous ones.
_CHROME_SUBSTRINGS = (
    "breadcrumb", "crumb", "share", "menu", "navbar", "navigation", "topnav", "subnav",
    "mainnav", "sidenav", "footer", "sidebar", "dqwz",
)  # fmt: skip
_CHROME_TOKENS = frozenset({"nav", "position", "location", "weizhi"})
_CHROME_SUBSTRING = re.compile("|".join(map(re.escape, _CHROME_SUBSTRINGS)))
_CHROME_MAX_SHARE = 0.5

_BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
     "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
     "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "li", "main", "menu", "nav",
     "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
     "tr", "ul", "option", "legend"}
)  # fmt: skip
# A DOCTYPE with an internal subset: the HTML parser does not know the subset and would leave
# its "]>" as text before the title. HTML has no use for it; it is removed whole. Only the
# keyword ignores case: the "<!" before it is then a literal, and candidates are found by str.find.
_DOCTYPE_SUBSET = re.compile(r"<!(?i:DOCTYPE)[^\[>]{0,500}\[[^\]]{0,100000}\]\s*>")
# Where it starts, in the page's UTF-8 bytes: a page has none unless a "[" follows the first.
_DOCTYPE_KEYWORD = re.compile(rb"<!(?i:DOCTYPE)")
#: libxml2's nesting limit with huge_tree; a page nested deeper is refused, not read in part.
MAX_DEPTH = 2048
_INLINE_TAG = re.compile(r"</?(?:font|span|b|i|u|em|strong|small|big|a|o:p)\b[^>]*>", re.I)
_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE_CHARS))
_HAS_INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")


def read(path: str, data: bytes, ocr: str = "auto", jobs: int = 1) -> Document:
    """Read an HTML report (a full page or a fragment) into lines and tables.

    Images (``<img>``) are read by OCR where they stand when the page's text holds no table 3
    (``ocr="auto"``: a page whose tables were published as pictures), always (``"always"``)
    or never (``"never"``); see :func:`image_items`.

    Example::

        >>> doc = read("r.html", "<p>二、主动公开&nbsp;情况</p>".encode("gbk"))
        >>> doc.items[0].text, doc.encoding
        ('二、主动公开 情况', 'gb18030')
    """
    text, encoding, exact = _decode(data)
    root, too_deep = _parse(text, data if exact else None)
    if too_deep:
        raise ReportError(
            path,
            "too_deep",
            f"HTML 嵌套超过 {MAX_DEPTH} 层，无法完整读取",
            f"the HTML nests deeper than {MAX_DEPTH} levels and cannot be read whole",
        )
    del jobs  # images are few and small; one process reads them
    items: list = []
    attachments: list[str] = []
    stated_title = None
    if root is not None:
        attachments = [str(href).strip() for href in _ATTACHMENT_LINKS(root)]
        stated_title = _page_title(root)  # before _drop empties <head>
        _drop(root)
        text = _text(root)  # measured once: chrome is judged by it, spaces are normalized by it
        _strip_chrome(root, text)
        _Flow(items, normalize=_normalizer(text)).run(root)
    images = [i for i in items if isinstance(i, ImageRef)]
    if not images:  # the usual page: its items are all text lines and tables
        document = Document(path=path, source_format="html", items=items, encoding=encoding)
    else:
        texts = [i for i in items if not isinstance(i, ImageRef)]
        if ocr == "never" or (ocr == "auto" and _has_table3(texts)):
            document = Document(path=path, source_format="html", items=texts, encoding=encoding)
        else:
            document = image_items(path, items, encoding)
    document.attachments = attachments
    document.stated_title = stated_title
    return document


def _page_title(root: etree._Element) -> str | None:
    """The page's ``<title>``, spaces collapsed (``None`` when it has none or an empty one).

    >>> _page_title(etree.HTML("<title> 某县2023年 年度报告_某县人民政府 </title><p>x</p>"))
    '某县2023年 年度报告_某县人民政府'
    """
    title = root.find("head/title")  # not an <svg>'s <title> in the body
    if title is None:
        return None
    text = normalize_space("".join(title.itertext()))
    return text or None


# Links to files a report is published as (附件): a page that only links to its report.
_ATTACHMENT_LINKS = etree.XPath(
    "//a/@href[re:test(., '[.](pdf|docx?|wps|rtf|ofd|xlsx?)([?#].*)?$', 'i')]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)


@dataclass(frozen=True, slots=True)
class ImageRef:
    """Where a picture stood in a document: an ``<img>``'s ``src``, or a DOCX picture's
    relationship id with its bytes (``data``) already in hand."""

    src: str
    data: bytes | None = None


#: Images smaller than this on either side are icons, logos, spacers: never a table.
MIN_IMAGE_SIDE = 200
_REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)


@cache
def _table3_start() -> re.Pattern[str]:
    from .. import templates as tpl

    return re.compile("|".join(f"(?:{a})" for a in tpl.raw()["table3"]["start_anchors"]))


def has_table3(items: list) -> bool:
    """Whether the text lines and tables of ``items`` hold table 3 (its start anchors)."""
    return _has_table3(items)


def _has_table3(items: list) -> bool:
    start = _table3_start()
    return any(start.search(line) for line in Document("", "html", items).text_lines())


def image_source(page: Path, src: str) -> bytes | None:
    """The bytes of an ``<img src>`` of a saved page: a ``data:`` URI, or a file in the page's
    own folder (or below it). Anything on the network, or outside that folder, is None: a
    report is never fetched, and a page cannot make the reader open other files.

    >>> image_source(Path("/tmp/r.html"), "http://example.com/t.png") is None
    True
    >>> image_source(Path("/tmp/r.html"), "../../etc/passwd") is None
    True
    >>> image_source(Path("/tmp/r.html"), "data:image/png;base64,aGk=")
    b'hi'
    """
    from urllib.parse import unquote

    src = src.strip()
    if src.lower().startswith("data:"):
        head, _, body = src.partition(",")
        if not head.lower().endswith(";base64"):
            return None
        try:
            return base64.b64decode(body, validate=False)
        except (ValueError, binascii.Error):
            return None
    if _REMOTE.match(src):
        return None
    folder = page.parent.resolve()
    try:
        target = (folder / unquote(src.split("?")[0].split("#")[0])).resolve()
        if not target.is_relative_to(folder) or not target.is_file():
            return None
        if target.stat().st_size > MAX_IMAGE_BYTES:
            return None
        return target.read_bytes()
    except OSError:
        return None


#: An image file larger than this is not read (a scanned table page is a few hundred KB).
MAX_IMAGE_BYTES = 20 * 1024 * 1024


def image_items(path: str, items: list, encoding: str | None) -> Document:
    """The page's items with each readable image replaced by the lines OCR reads in it.

    An image that cannot be had (remote, outside the page's folder, missing), is no image, or
    is smaller than :data:`MIN_IMAGE_SIDE` is left out, and a warning counts them. OCR'd
    lines carry the image's number in the page (1-based) as their page.
    """
    from .ocr import OcrUnavailable, image_array, page_lines, unavailable

    out: list[TextLine | Table] = []
    ocr_lines = []
    unread = 0
    number = 0
    for item in items:
        if not isinstance(item, ImageRef):
            out.append(item)
            continue
        number += 1
        data = item.data if item.data is not None else image_source(Path(path), item.src)
        try:
            image = image_array(data) if data else None
        except ValueError:
            image = None
        if image is None or min(image.shape[:2]) < MIN_IMAGE_SIDE:
            unread += image is None
            continue
        try:
            lines = page_lines(image, number)
        except OcrUnavailable as exc:
            raise unavailable(path, exc) from exc
        out.extend(TextLine(line.text) for line in lines)
        ocr_lines.extend(lines)
    warnings = (
        [f"{unread} image(s) of the page not read (remote, outside its folder, or missing)"]
        if unread
        else []
    )
    return Document(
        path=path,
        source_format="html-ocr" if ocr_lines else "html",
        items=out,
        encoding=encoding,
        warnings=warnings,
        ocr_lines=ocr_lines,
    )


# --- encoding ----------------------------------------------------------------------------------


def decode(data: bytes) -> tuple[str, str]:
    """HTML bytes to text and the name of the encoding used; never raises.

    >>> decode('<meta charset="gb2312"><p>规章</p>'.encode("gbk"))
    ('<meta charset="gb2312"><p>规章</p>', 'gb18030')
    >>> decode(codecs.BOM_UTF8 + "公开".encode())
    ('公开', 'utf-8')
    """
    text, encoding, _ = _decode(data)
    return text, encoding


def _decode(data: bytes) -> tuple[str, str, bool]:
    """:func:`decode`, and whether ``data`` is exactly the text's UTF-8 (read strictly as UTF-8,
    no BOM): the parser can then take ``data`` instead of the text encoded again."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding, False
    declared = declared_encoding(data)
    if declared:
        try:
            return data.decode(declared), declared, declared == "utf-8"
        except UnicodeDecodeError:
            pass  # the declaration lies (common on mirror sites); detect instead
    try:
        return data.decode("utf-8"), "utf-8", True
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    guessed = _python_encoding(best.encoding) if best is not None else None
    encoding = guessed or declared or "utf-8"
    text = data.decode(encoding, errors="replace")
    if encoding != "gb18030":
        # On short pages charset-normalizer takes GBK bytes for Korean or Japanese; a report is
        # Chinese, so GB18030 wins when it reads clearly more of the text as Chinese.
        try:
            chinese = data.decode("gb18030")
        except UnicodeDecodeError:
            pass
        else:
            if _chinese_share(chinese) > _chinese_share(text) + 0.2:
                return chinese, "gb18030", False
    return text, encoding, False


def _chinese_share(text: str) -> float:
    """Share of the non-ASCII characters that are CJK ideographs or CJK/full-width punctuation."""
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if not wide:
        return 0.0
    chinese = sum(
        1
        for ch in wide
        if "\u4e00" <= ch <= "\u9fff"
        or "\u3400" <= ch <= "\u4dbf"
        or "\u3000" <= ch <= "\u303f"
        or "\uff00" <= ch <= "\uffef"
        or ch in "“”‘’…—·"
    )
    return chinese / len(wide)


def declared_encoding(data: bytes) -> str | None:
    """The Python codec named by a ``<meta>`` charset in the first few KB, if any.

    >>> declared_encoding(b'<meta http-equiv="Content-Type" content="text/html; charset=GBK">')
    'gb18030'
    """
    match = _META_CHARSET.search(data[:META_SCAN_BYTES])
    if not match:
        return None
    encoding = _python_encoding(match.group(1).decode("ascii"))
    # A meta tag readable as ASCII cannot sit in UTF-16/32 text; such labels mean UTF-8.
    if encoding and encoding.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return encoding


def _python_encoding(label: str) -> str | None:
    label = label.strip().lower()
    if label in _GB_LABELS or label.replace("_", "-") in _GB_LABELS:
        return "gb18030"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


# --- parsing and chrome ------------------------------------------------------------------------


def _parse(text: str, utf8: bytes | None = None) -> tuple[etree._Element | None, bool]:
    """The parsed page, and whether it is still too deep to be read whole. ``utf8``: the text's
    UTF-8 bytes when the caller has them."""
    if utf8 is not None and b"\x00" not in utf8 and not _may_hold_doctype_subset(utf8):
        cleaned = text  # nothing to remove, as the bytes show faster than the text would
    else:
        cleaned = _drop_doctype_subsets(text.replace("\x00", ""))
    if not cleaned or cleaned.isspace():  # as "not cleaned.strip()", without copying the page
        return None, False
    # Cleaning only removes: the same length means nothing was, and the bytes are the text's.
    root, too_deep = _parse_once(cleaned, utf8 if len(cleaned) == len(text) else None)
    if too_deep:
        # libxml2 silently drops everything below 2048 levels. The usual cause is thousands of
        # unclosed inline tags (<font>, <span>) from old editors: drop those tags and retry.
        root, too_deep = _parse_once(_INLINE_TAG.sub("", cleaned))
    return root, too_deep


def _may_hold_doctype_subset(utf8: bytes) -> bool:
    """False when the page (its UTF-8 bytes) surely has no DOCTYPE with an internal subset: one
    linear search, where the text's own scan costs tens of microseconds on a Chinese page."""
    keyword = _DOCTYPE_KEYWORD.search(utf8)
    return keyword is not None and utf8.find(b"[", keyword.end()) != -1


def _drop_doctype_subsets(text: str) -> str:
    """``text`` without DOCTYPEs that carry an internal subset (``_DOCTYPE_SUBSET.sub("", text)``,
    with each "<!" found by str.find: a regex search of a whole page costs more than its parse).

    >>> _drop_doctype_subsets('<!-- x --><!doctype html [<!ENTITY a "b">]><p>t</p>')
    '<!-- x --><p>t</p>'
    """
    pieces = []
    start = 0
    position = text.find("<!")
    while position != -1:
        match = _DOCTYPE_SUBSET.match(text, position)
        if match:
            pieces.append(text[start:position])
            start = match.end()
            position = text.find("<!", start)
        else:
            position = text.find("<!", position + 1)
    if not pieces:
        return text
    pieces.append(text[start:])
    return "".join(pieces)


def _parse_once(text: str, utf8: bytes | None = None) -> tuple[etree._Element | None, bool]:
    parser = etree.HTMLParser(
        encoding="utf-8",  # the text is decoded already; ignore any <meta> inside it
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        recover=True,
        huge_tree=True,  # 2048 levels instead of 256; HTML cannot declare entities to bomb with
        default_doctype=False,
    )
    try:
        source = utf8 if utf8 is not None else text.encode("utf-8", errors="replace")
        root = etree.fromstring(source, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None, False
    too_deep = any("depth" in entry.message.lower() for entry in parser.error_log)
    return root, too_deep


#: Past this many chrome candidates (tags or id/class marks) a page is stripped by one linear
#: bottom-up pass instead of measuring each candidate's text.
MAX_MEASURED_CANDIDATES = 256
_MARK_ATTRIBUTES = etree.XPath("//@id|//@class")  # attribute values know their element
_NOT_MARKED = frozenset({"html", "body", "table", "tbody", "tr", "td", "th"})
_CAMEL = re.compile(r"([a-z])([A-Z])")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def _drop(root: etree._Element) -> None:
    """Empty the elements that are never content (:data:`_DROP_TAGS`)."""
    # libxml2 lower-cases ASCII in tag names, and no name here has a k (see _LINE_BREAKS); the
    # tag filter runs in C and matches names exactly, as "e.tag in _DROP_TAGS" would.
    for element in list(root.iter(*_DROP_TAGS)):
        _empty(element)


def _strip_chrome(root: etree._Element, text: str) -> None:
    """Empty navigation, headers, footers and share bars unless they hold most of ``text``, the
    text of the page (:func:`_drop` done).

    Candidates (chrome tags, id/class marks) are found in C and judged ancestors first; one
    inside a candidate emptied already is skipped, and each judged one has its text measured
    in C. A page with very many candidates (nested ones would be measured again and
    again) takes :func:`_strip_chrome_linear`, which sizes every element in one bottom-up pass.
    Both judge each candidate by the same size, so they empty the same elements.
    """
    candidates = list(root.iter(*_CHROME_TAGS))
    candidates.extend(value.getparent() for value in _MARK_ATTRIBUTES(root))
    if not candidates:
        return
    if len(candidates) > MAX_MEASURED_CANDIDATES:
        _strip_chrome_linear(root)
        return
    chrome = [
        e
        for e in dict.fromkeys(candidates)
        if (e.tag.lower() if isinstance(e.tag, str) else "") in _CHROME_TAGS or _marked_chrome(e)
    ]
    if not chrome:
        return
    # Judged ancestors first (a candidate's fate depends only on its ancestors'): by depth.
    chrome.sort(key=lambda e: sum(1 for _ in e.iterancestors()))
    total = len("".join(text.split()))
    # Per element seen on the way up: (inside an emptied candidate, inside article/main).
    state: dict[etree._Element, tuple[bool, bool]] = {}
    emptied: set[etree._Element] = set()
    decided = []
    for element in chrome:
        inside, in_article = _context(element, state, emptied)
        if inside:
            continue
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag in ("header", "footer") and in_article:
            continue  # an article's own header holds its title
        if _text_size(element) <= _CHROME_MAX_SHARE * total:
            emptied.add(element)
            decided.append(element)
    for element in decided:
        _empty(element)


def _context(
    element: etree._Element,
    state: dict[etree._Element, tuple[bool, bool]],
    emptied: set[etree._Element],
) -> tuple[bool, bool]:
    """Whether a strict ancestor of ``element`` was emptied, and whether one is an
    ``<article>``/``<main>``.

    ``state`` remembers, for every element walked through, what it gives its descendants, so
    the walks up are linear in the page. An element enters ``state`` only on the way up from a
    later element in document order, after it was judged itself: what it gives never changes.
    """
    path = []
    parent = element.getparent()
    inside = in_article = False
    while parent is not None:
        known = state.get(parent)
        if known is not None:
            inside, in_article = known
            break
        path.append(parent)
        parent = parent.getparent()
    for ancestor in reversed(path):  # from the top down
        tag = ancestor.tag.lower() if isinstance(ancestor.tag, str) else ""
        inside = inside or ancestor in emptied
        in_article = in_article or tag in ("article", "main")
        state[ancestor] = (inside, in_article)
    return inside, in_article


def _text_size(element: etree._Element) -> int:
    """Non-space characters of the text inside ``element`` (its tail excluded)."""
    return len("".join(_text(element).split()))


def _strip_chrome_linear(root: etree._Element) -> None:
    """:func:`_strip_chrome` in one bottom-up pass over every element: linear however many
    candidates nest."""
    order = list(root.iter())
    index = {e: i for i, e in enumerate(order)}
    size: dict[etree._Element, int] = {}
    end: dict[etree._Element, int] = {}  # the index of the last element of the subtree
    for element in reversed(order):
        own = _non_space(element.text)
        last = index[element]
        for child in element:
            own += size[child] + _non_space(child.tail)
            last = max(last, end[child])
        size[element], end[element] = own, last
    in_article: set[etree._Element] = set()
    for element in order:
        parent = element.getparent()
        if parent is not None and (parent in in_article or _tag(parent) in ("article", "main")):
            in_article.add(element)
    total = size[root]
    emptied_until = -1  # elements up to this index sit inside chrome emptied already
    for element in order:
        i = index[element]
        if i <= emptied_until:
            continue
        if not (_tag(element) in _CHROME_TAGS or _marked_chrome(element)):
            continue
        if _tag(element) in ("header", "footer") and element in in_article:
            continue  # an article's own header holds its title
        if size[element] <= _CHROME_MAX_SHARE * total:
            emptied_until = end[element]
            _empty(element)


def _non_space(text: str | None) -> int:
    return sum(len(part) for part in text.split()) if text else 0


def _marked_chrome(element: etree._Element) -> bool:
    if _tag(element) in _NOT_MARKED:
        return False
    marks = f"{element.get('id') or ''} {element.get('class') or ''}"
    lowered = marks.lower()
    if lowered != marks:  # upper case: split camel case first (topNav -> top nav)
        lowered = _CAMEL.sub(r"\1 \2", marks).lower()
    if not lowered.strip():
        return False
    if _CHROME_SUBSTRING.search(lowered):
        return True
    return not _CHROME_TOKENS.isdisjoint(_NON_ALNUM.split(lowered))


def _empty(element: etree._Element) -> None:
    """Remove an element's content but keep the element (a block still breaks the line) and the
    text that follows it."""
    element.clear(keep_tail=True)


def _tag(element: etree._Element) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


# --- text ----------------------------------------------------------------------------------------


def normalize_space(text: str) -> str:
    """Collapse whitespace (``&nbsp;`` and the ideographic space included) to single spaces.

    >>> normalize_space("\\u3000\\u3000本年\\xa0新  制作\\u200b数量\\n")
    '本年 新 制作数量'
    """
    if _HAS_INVISIBLE.search(text):
        text = text.translate(_INVISIBLE)
    return " ".join(text.split())


def _squash(text: str) -> str:
    """:func:`normalize_space` for text known to hold no invisible character."""
    return " ".join(text.split())


def _normalizer(text: str) -> Callable[[str], str]:
    """:func:`normalize_space`, or :func:`_squash` when ``text`` (all of the page's) holds no
    invisible character: one search of the whole page instead of one per line and cell."""
    if any(char in text for char in INVISIBLE_CHARS):
        return normalize_space
    return _squash


class _Flow:
    """Walks elements in document order, turning block text into lines and tables into grids.

    The walk uses an explicit stack, so deeply nested markup cannot exhaust Python's recursion.
    With ``tables=False`` (text inside a cell) tables are read as text like any other block.
    Inside ``<pre>`` every newline ends a line. ``normalize`` collapses the space of each line
    (see :func:`_normalizer`).
    """

    def __init__(
        self,
        items: list,
        tables: bool = True,
        normalize: Callable[[str], str] = normalize_space,
    ) -> None:
        self.items = items
        self.tables = tables
        self.normalize = normalize
        self.buffer: list[str] = []
        self.pre = 0

    def flush(self) -> None:
        if not self.buffer:
            return
        text = self.normalize("".join(self.buffer))
        self.buffer.clear()
        if text:
            self.items.append(TextLine(text) if self.tables else text)

    def add(self, text: str | None) -> None:
        if not text:
            return
        if not self.pre:
            self.buffer.append(text)
            return
        first, *rest = text.split("\n")
        self.buffer.append(first)
        for line in rest:
            self.flush()
            self.buffer.append(line)

    def run(self, start: etree._Element) -> None:
        # lxml's iterwalk visits in C; a "start" event opens an element, "end" closes it (also
        # after skip_subtree, for elements handled whole: a line break, an image, a table grid).
        # The usual steps of add and flush are inlined: an empty buffer needs no flush, and
        # outside <pre> a text is only appended.
        walker = etree.iterwalk(start, events=("start", "end"))
        whole: list[bool] = []  # per open element: handled whole, its subtree skipped
        block_tags = _FLOW_BLOCKS
        buffer = self.buffer
        for event, element in walker:
            tag = element.tag  # lower case already: see _FLOW_BLOCKS
            if event == "end":
                if not whole.pop():
                    if buffer and tag in block_tags:
                        self.flush()
                    if tag == "pre":
                        self.pre -= 1
                if element is not start:
                    tail = element.tail
                    if tail:
                        if self.pre:
                            self.add(tail)
                        else:
                            buffer.append(tail)
            elif tag == "br":
                if buffer:
                    self.flush()
                walker.skip_subtree()
                whole.append(True)
            elif tag == "img" and self.tables:
                if buffer:
                    self.flush()
                if element.get("src"):
                    self.items.append(ImageRef(element.get("src")))
                walker.skip_subtree()
                whole.append(True)
            elif tag == "table" and self.tables and _emit_table(self, element):
                walker.skip_subtree()
                whole.append(True)
            elif tag == "pre" and self.tables and not self.pre:
                if buffer:
                    self.flush()
                _read_preformatted(element, self.items)
                walker.skip_subtree()
                whole.append(True)
            else:
                if buffer and tag in block_tags:
                    self.flush()
                if tag == "pre":
                    self.pre += 1
                if isinstance(tag, str):
                    text = element.text
                    if text:
                        if self.pre:
                            self.add(text)
                        else:
                            buffer.append(text)
                whole.append(False)
        self.flush()


def _read_preformatted(pre: etree._Element, items: list) -> None:
    """A ``<pre>`` block read as a text file is: its spaces kept, so a table printed in it as
    text keeps its columns and blank cells (and pipe, tab or drawn tables read as such)."""
    text = "".join(pre.itertext())
    if _HAS_INVISIBLE.search(text):
        text = text.translate(_INVISIBLE)
    read_lines(text.replace("\xa0", " "), items)


# --- tables --------------------------------------------------------------------------------------


def _emit_table(flow: _Flow, table: etree._Element) -> bool:
    """Append ``table`` to the flow as a grid; False when it is a layout box to read as text."""
    rows = _own_rows(table)
    # A row's own cells are its td/th children when the table holds no other td/th (counted in
    # C): the usual table needs no walk up from each cell.
    cells = [list(tr.iterchildren("td", "th")) for tr in rows]
    if sum(map(len, cells)) != len(list(table.iter("td", "th"))):
        cells = [_own_cells(tr) for tr in rows]
    if sum(map(len, cells)) <= 1 or any(
        inner is not table and len(_own_cells_of_table(inner)) > 1 for inner in table.iter("table")
    ):
        return False  # a one-cell box, or a page laid out with tables inside tables
    grid = _grid(cells, flow.normalize)
    if not any(cell.text for row in grid for cell in row):
        return True  # an empty spacer table
    flow.flush()
    for caption in table.iter("caption"):
        if next(caption.iterancestors("table"), None) is table:
            _Flow(flow.items, normalize=flow.normalize).run(caption)
    flow.items.append(Table(grid))
    return True


def _own_rows(table: etree._Element) -> list[etree._Element]:
    """The rows whose nearest ``<table>`` is ``table``; a row under the table or its
    tbody/thead/tfoot is known by its parents without walking the ancestors."""
    rows = list(table.iter("tr"))
    # The usual table: every row is a child of the table or of one of its non-table children
    # (tbody, thead, tfoot). Those rows are its own, and when they are all of its rows (counted)
    # no row needs its parents looked at.
    shallow = 0
    for child in table:
        tag = child.tag
        if tag == "tr":
            shallow += 1
        elif tag != "table":
            shallow += len(list(child.iterchildren("tr")))
    if shallow == len(rows):
        return rows
    own = []
    for tr in rows:
        parent = tr.getparent()
        if (
            parent is table
            or (parent is not None and parent.tag != "table" and parent.getparent() is table)
            or next(tr.iterancestors("table"), None) is table
        ):
            own.append(tr)
    return own


def _own_cells(tr: etree._Element) -> list[etree._Element]:
    """The cells whose nearest ``<tr>`` is ``tr`` (a child cell is, without a walk up)."""
    return [
        td
        for td in tr.iter("td", "th")
        if td.getparent() is tr or next(td.iterancestors("tr"), None) is tr
    ]


def _own_cells_of_table(table: etree._Element) -> list[etree._Element]:
    return [td for tr in _own_rows(table) for td in _own_cells(tr)]


def _grid(
    rows: list[list[etree._Element]], normalize: Callable[[str], str] = normalize_space
) -> list[list[Cell]]:
    """Expand row/column spans into a full grid, the HTML table model way."""
    height = len(rows)
    # Counted before the grid is built: spans can ask for far more cells than the page holds.
    planned = 0
    squash = normalize is _squash  # then done inline: a call per cell costs as much again
    firsts: list[list[Cell]] = []  # per row: each cell at its own (first) spot
    # per row: cell index -> (rowspan, colspan) of the cells covering more than one spot
    extents: list[dict[int, tuple[int, int]] | None] = []
    for r, cells in enumerate(rows):
        row: list[Cell] = []
        spans: dict[int, tuple[int, int]] | None = None
        for td in cells:
            # The two usual cells are read here, not by a call: text only, and Word's
            # <td><p>…</p></td> (see _cell_text, which reads them the same way).
            text = None
            count = len(td)
            if not count:
                text = td.text or ""
            elif count == 1:
                only = td[0]
                before, after = td.text, only.tail
                if (
                    only.tag in _ONE_LINE_BLOCKS
                    and not len(only)
                    and (not before or before.isspace())
                    and (not after or after.isspace())
                ):
                    text = only.text or ""
            if text is None:
                text = _cell_text(td, normalize)
            else:
                text = " ".join(text.split()) if squash else normalize(text)
            row.append(Cell(text, False))
            names = td.keys()  # one call; most cells have neither span
            if "rowspan" not in names and "colspan" not in names:
                continue
            value = td.get("rowspan")
            rowspan = _SPANS[value] if value in _SPANS else _span(value)
            rowspan = height - r if rowspan == 0 else min(rowspan or 1, height - r)
            value = td.get("colspan")
            colspan = min((_SPANS[value] if value in _SPANS else _span(value)) or 1, MAX_COLSPAN)
            if rowspan > 1 or colspan > 1:
                planned += rowspan * colspan - 1
                if spans is None:
                    spans = {}
                spans[len(row) - 1] = (rowspan, colspan)
        planned += len(cells)
        check_grid(planned)
        firsts.append(row)
        extents.append(spans)
    # Rows as lists, None at a spot no cell covers (yet): a span fills the spots it covers in
    # the rows below before those rows place their own cells.
    grid: list[list[Cell | None]] = [[] for _ in rows]
    holes = [0] * height  # per row: its spots still None
    for r, (row, spans) in enumerate(zip(firsts, extents, strict=True)):
        line = grid[r]
        if not line:  # no span reaches into this row: its cells go left to right
            if spans is None:
                grid[r] = row
                continue
            for i, cell in enumerate(row):
                line.append(cell)
                if i in spans:
                    rowspan, colspan = spans[i]
                    column = len(line) - 1
                    line.extend([Cell(cell.text, True) for _ in range(colspan - 1)])
                    if rowspan > 1:
                        _fill(grid, holes, range(r + 1, r + rowspan), column, len(line), cell.text)
            continue
        if spans is None:
            # Spans from above hold some spots and this row adds none: its cells take the free
            # spots left to right, then go on past the end.
            free = [spot for spot, held in enumerate(line) if held is None] if holes[r] else []
            for spot, cell in zip(free, row, strict=False):
                line[spot] = cell
            if len(row) > len(free):
                line.extend(row[len(free) :])
            holes[r] -= min(len(free), len(row))
            continue
        column = 0
        for i, cell in enumerate(row):
            while column < len(line) and line[column] is not None:
                column += 1
            span = spans.get(i)
            if span is None:
                if column == len(line):
                    line.append(cell)
                else:
                    line[column] = cell  # the spot is free: just checked
                    holes[r] -= 1
                column += 1
                continue
            rowspan, colspan = span
            end = column + colspan
            if len(line) < end:
                holes[r] += end - len(line)
                line.extend([None] * (end - len(line)))
            line[column] = cell  # its own spot, free: just checked
            holes[r] -= 1
            _fill(grid, holes, range(r, r + rowspan), column, end, cell.text)
            column = end
    # A row's last spot is always filled, so a row's length is its width; gaps read as empty.
    return [
        [c or Cell("") for c in line] if holes[r] else cast(list[Cell], line)
        for r, line in enumerate(grid)
        if line
    ]


def _fill(
    grid: list[list[Cell | None]], holes: list[int], rows: range, column: int, end: int, text: str
) -> None:
    """Cover the free spots ``column`` to ``end`` (excluded) of ``rows`` with spanned copies of
    a cell's ``text``; ``holes`` counts each row's spots still None."""
    for below in rows:
        target = grid[below]
        if len(target) < end:
            holes[below] += end - len(target)
            target.extend([None] * (end - len(target)))
        for spot in range(column, end):
            # Overlapping spans are an authoring error; the first cell keeps the spot.
            if target[spot] is None:
                target[spot] = Cell(text, True)
                holes[below] -= 1


#: The usual span values, parsed once: what :func:`_span` makes of them.
_SPANS: dict[str | None, int | None] = {None: None, **{str(n): n for n in range(1000)}}


def _span(value: str | None) -> int | None:
    """HTML's rules for a non-negative integer attribute (``"2px"`` is 2); None when invalid.

    >>> _span("2px"), _span("0" * 5000 + "2"), _span("9" * 5000), _span("０" * 5000 + "３")
    (2, 2, 65534, 3)
    """
    if value is None:
        return None
    if value.isdecimal():  # the usual "2": what the pattern would match, without the regex
        return _capped(value)
    match = _SPAN.match(value)
    return _capped(match.group(1)) if match else None


def _capped(digits: str) -> int:
    """Decimal digits (any script) as a span, at most 65534. Leading zeros are dropped first:
    Python refuses int() of more than 4300 digits, and a hostile page can write that many."""
    zeros = "".join(c for c in set(digits) if unicodedata.decimal(c, -1) == 0)
    significant = digits.lstrip(zeros)
    if len(significant) > 5:
        return 65534
    return min(int(significant or "0"), 65534)


_SPAN = re.compile(r"\s*\+?(\d+)")
# Tags that end a line inside a cell. libxml2 lower-cases ASCII in tag names; the one other
# character whose lower case is ASCII is the Kelvin sign, and "blockquote" is the one name here
# with a k.
_LINE_BREAKS = frozenset({*_BLOCK_TAGS, "br", "bloc\u212aquote"})
_ONE_LINE_BLOCKS = _LINE_BREAKS - {"br", "pre"}
# The block tags as the flow meets them, without lower-casing each tag: the Kelvin sign is the
# one character outside ASCII whose lower case is ASCII.
_FLOW_BLOCKS = frozenset({*_BLOCK_TAGS, "bloc\u212aquote"})


def _text(element: etree._Element) -> str:
    """All the text inside ``element`` in document order, its tail excluded (lxml in C, as
    ``"".join(element.itertext())`` for a tree without comments or processing instructions,
    which the parser removes)."""
    return etree.tostring(element, method="text", encoding=str, with_tail=False)


def _cell_text(td: etree._Element, normalize: Callable[[str], str] = normalize_space) -> str:
    """The cell's lines joined (:func:`join_wrapped`); cells of text and inline markup, or of
    one block of them (Word's ``<td><p>…</p></td>``), are read without walking the flow."""
    if len(td) == 0:  # text only: one line
        return normalize(td.text) if td.text else ""
    if len(td) == 1:
        only = td[0]
        if len(only) == 0:  # one element holding text only
            tag = only.tag
            if isinstance(tag, str):
                if tag not in _LINE_BREAKS:  # inline: one line of all three texts
                    return normalize((td.text or "") + (only.text or "") + (only.tail or ""))
                before, after = td.text, only.tail
                if (
                    tag in _ONE_LINE_BLOCKS
                    and (not before or before.isspace())
                    and (not after or after.isspace())
                ):
                    text = only.text
                    return normalize(text) if text else ""  # <td><p>0</p></td>
    marks = [e for e in td.iterdescendants() if not isinstance(e.tag, str) or e.tag in _LINE_BREAKS]
    if not marks:  # inline markup only: one line
        return normalize(_text(td))
    child = marks[0]
    if len(marks) == 1 and len(td) == 1 and child is td[0] and child.tag in _ONE_LINE_BLOCKS:
        before, after = td.text, child.tail
        if (not before or before.isspace()) and (not after or after.isspace()):
            return normalize(_text(child))  # the usual <td> <p>…</p> </td>
        # the text before the block, the block, the text after it: each its own line
        return join_wrapped(
            [normalize(td.text or ""), normalize(_text(child)), normalize(child.tail or "")]
        )
    lines: list[str] = []
    _Flow(lines, tables=False, normalize=normalize).run(td)
    return join_wrapped(lines)
