"""Image reader: a photographed or screenshotted report page (PNG, JPEG) read by OCR.

Example::

    >>> try:
    ...     read("page.png", b"\\x89PNG\\r\\n\\x1a\\n not really", ocr="auto")
    ... except ReportError as err:
    ...     print(err.code)
    image_unreadable
"""

from __future__ import annotations

from ..document import Document, TextLine
from ..errors import ReportError
from .ocr import OcrUnavailable, image_array, page_lines, unavailable


def read(path: str, data: bytes, ocr: str = "auto", jobs: int = 1) -> Document:
    """Read one image as one page of a report; ``ocr="never"`` refuses it (it has no text)."""
    del jobs  # one page: nothing to spread
    if ocr == "never":
        raise ReportError(
            path,
            "no_text_layer",
            "图片没有文字层，OCR 已关闭（--ocr never），无法提取文字",
            "an image has no text layer and OCR is off (--ocr never): no text can be extracted",
        )
    try:
        image = image_array(data)
    except ValueError as exc:
        raise ReportError(
            path, "image_unreadable", f"无法读取图片：{exc}", f"cannot read the image: {exc}"
        ) from exc
    try:
        lines = page_lines(image, 1)
    except OcrUnavailable as exc:
        raise unavailable(path, exc) from exc
    if not lines:
        raise ReportError(
            path,
            "no_text_layer",
            "OCR 没有在图片中识别出文字",
            "OCR found no text in the image",
        )
    return Document(
        path=path,
        source_format="image-ocr",
        items=[TextLine(line.text) for line in lines],
        pages=1,
        ocr_lines=lines,
    )
