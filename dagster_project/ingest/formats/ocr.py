"""OCR of scanned PDF pages with Tesseract (through pytesseract): words with their boxes and
confidences, in the PDF's own units, so a scanned page is laid out by the same rules as a page
with a text layer.

Pages are rendered at OCR_DPI, which reads 10-point type (about 40 pixels high). Without the
`tesseract` program installed, a scan is refused with a sentence that says how to install it.
"""

from __future__ import annotations

import shutil

import pytesseract
from PIL.Image import Image

from dagster_project.ingest.layout import UnreadableDocument

TESSERACT = "tesseract"
OCR_DPI = 300
# Pages OCR'd in one document, and seconds for one page: a long scan is a person's job.
MAX_OCR_PAGES = 30
PAGE_TIMEOUT = 120
# psm 6 reads the page as one block of lines, so a table row stays one line; eng is Tesseract's
# English model (Debian's tesseract-ocr-eng).
_CONFIG = "--psm 6"
_LANGUAGE = "eng"
INSTALL_HINT = (
    "install Tesseract to read it (Debian or Ubuntu: apt-get install tesseract-ocr, or run "
    "scripts/install_ocr.sh)"
)


def require_ocr(page_number: int) -> None:
    """Refuse a scanned page when no OCR engine is installed."""
    if shutil.which(TESSERACT) is None:
        raise UnreadableDocument(
            f"page {page_number} of the PDF has no text layer (a scan) and no OCR engine is "
            f"installed: {INSTALL_HINT}",
            kind="ocr_unavailable",
        )


def ocr_words(image: Image) -> list[dict]:
    """The words Tesseract reads on a page image rendered at OCR_DPI, each with its box in
    points (`x0`, `x1`, `top`, `bottom`, as pdfplumber gives them) and its confidence `conf`
    (0-100)."""
    try:
        data = pytesseract.image_to_data(
            image,
            lang=_LANGUAGE,
            config=_CONFIG,
            output_type=pytesseract.Output.DICT,
            timeout=PAGE_TIMEOUT,
        )
    except RuntimeError as error:  # pytesseract's timeout
        raise UnreadableDocument(
            f"OCR of a scanned page took over {PAGE_TIMEOUT} seconds ({error})", kind="ocr_failed"
        ) from error
    except pytesseract.TesseractError as error:
        raise UnreadableDocument(
            f"Tesseract could not read a scanned page: {error.message}", kind="ocr_failed"
        ) from error
    scale = 72 / OCR_DPI
    found = []
    for text, conf, left, top, width, height in zip(
        data["text"],
        data["conf"],
        data["left"],
        data["top"],
        data["width"],
        data["height"],
        strict=True,
    ):
        if text.strip() and float(conf) >= 0:
            found.append((text.strip(), float(conf), left, top, width, height))
    if not found:
        return []
    # A box hugs its letters (`sex` is shorter than `Number`): every word gets the height of
    # a tall word on the page, centred on its own, as a text layer's boxes have one line height.
    heights = sorted(height for *_, height in found)
    line_height = heights[(len(heights) - 1) * 9 // 10]
    return [
        {
            "text": text,
            "x0": left * scale,
            "x1": (left + width) * scale,
            "top": (top + (height - line_height) / 2) * scale,
            "bottom": (top + (height + line_height) / 2) * scale,
            "conf": conf,
        }
        for text, conf, left, top, width, height in found
    ]


def line_confidence(words: list[dict]) -> float:
    """A line's confidence: that of its least sure word holding a digit (the figures are what
    must be right), else the mean of its words."""
    numbers = [w["conf"] for w in words if any(ch.isdigit() for ch in w["text"])]
    if numbers:
        return min(numbers)
    return sum(w["conf"] for w in words) / len(words)
