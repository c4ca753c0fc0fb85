"""The HTML report in a real browser: headless Chromium renders it to text, to a PNG, at a
phone's and a desktop's width, and to an A4 PDF.

Skipped when `chromium` is not on PATH (.ci/run installs Debian's chromium). The PNG is
decoded with zlib from the standard library; the PDF is read with pypdf (test extra).
"""

from __future__ import annotations

import html as html_module
import json
import os
import re
import shutil
import struct
import subprocess
import unicodedata
import zlib
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from csm_check.i18n import Language, languages, t
from csm_check.render.common import score_text
from csm_check.render.html import render_html
from csm_check.render.radar import SCORE_COLOUR
from csm_check.scoring.results import GateOptions
from report_support import example_card, options, team_card

CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not on PATH (apt-get install chromium)"
)
TIMEOUT = 120


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1200,1600",
        *args,
    ]
    environment = {**os.environ, "HOME": str(tmp_path)}  # keep the profile out of ~
    return subprocess.run(
        command, capture_output=True, timeout=TIMEOUT, check=True, env=environment
    )


class TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)


def png_rows(data: bytes) -> Iterator[tuple[int, bytes]]:
    """(channels, row of pixels) of an 8-bit, non-interlaced RGB or RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks, header = 8, [], b""
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and interlace == 0 and colour in {2, 6}
    channels = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(b"".join(chunks)), width * channels
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, row = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 1:
            for i in range(channels, stride):
                row[i] = (row[i] + row[i - channels]) & 0xFF
        elif kind == 2:
            row = bytearray((a + b) & 0xFF for a, b in zip(row, previous, strict=True))
        elif kind == 3:
            for i in range(stride):
                left = row[i - channels] if i >= channels else 0
                row[i] = (row[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = row[i - channels] if i >= channels else 0
                b, c = previous[i], previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                best = a if pa <= pb and pa <= pc else b if pb <= pc else c
                row[i] = (row[i] + best) & 0xFF
        previous = row
        yield channels, bytes(row)


@pytest.mark.parametrize("language", languages())
def test_report_renders_in_chromium(tmp_path: Path, language: Language) -> None:
    card = example_card()
    page = tmp_path / "report.html"
    page.write_text(render_html(card, options(language)), encoding="utf-8")
    url = page.as_uri()

    dom = chromium(tmp_path, "--dump-dom", url).stdout.decode("utf-8")
    parser = TextOnly()
    parser.feed(dom)
    text = " ".join(" ".join(parser.chunks).split())
    for result in card.challenges:
        assert result.challenge.title.get(language) in text
        assert score_text(result.score, language) in text

    screenshot = tmp_path / "report.png"
    chromium(tmp_path, f"--screenshot={screenshot}", url)
    colours: set[bytes] = set()
    score_pixels = 0
    wanted = bytes.fromhex(SCORE_COLOUR[1:])
    for y, (channels, row) in enumerate(png_rows(screenshot.read_bytes())):
        pixels = [row[x : x + 3] for x in range(0, len(row), channels)]
        score_pixels += sum(pixel == wanted for pixel in pixels)
        if y % 4 == 0:
            colours.update(pixels[::4])
    assert len(colours) > 50, "the screenshot looks blank"
    assert score_pixels > 100, "the radar's score line or markers are not visible"


# --- layout: a phone and a desktop, and print --------------------------------------------------

# Appended to a copy of the report (whose CSP forbids scripts; the report itself has none):
# writes what the test needs into the outer page's DOM, which --dump-dom prints. The copy is
# shown in an iframe of the width wanted: a headless window is at least 500 px wide.
MEASURE = """<script>
const svg = document.querySelector('.radar svg');
const sizes = [...svg.querySelectorAll('text')]
  .filter((e) => e.getClientRects().length > 0)
  .map((e) => parseFloat(getComputedStyle(e).fontSize) * e.getScreenCTM().a);
const found = {scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
  smallest: Math.min(...sizes), labels: sizes.length};
parent.document.body.setAttribute('data-measure', JSON.stringify(found));
</script>"""


def measure(tmp_path: Path, html: str, width: int) -> dict[str, float]:
    page = tmp_path / f"measure-{width}.html"
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    inner = html_module.escape(html.replace("</body>", MEASURE + "</body>"), quote=True)
    outer = (
        '<!DOCTYPE html><html><body style="margin:0">'
        f'<iframe srcdoc="{inner}" width="{width}" height="900" style="border:0;display:block">'
        "</iframe></body></html>"
    )
    page.write_text(outer, encoding="utf-8")
    dom = chromium(tmp_path, "--window-size=1400,1000", "--dump-dom", page.as_uri()).stdout.decode(
        "utf-8"
    )
    found = re.search(r'data-measure="([^"]*)"', dom)
    assert found is not None, dom[-2000:]
    result: dict[str, float] = json.loads(html_module.unescape(found.group(1)))
    return result


@pytest.mark.parametrize("width", [360, 768, 1200])
@pytest.mark.parametrize("report", ["single", "team"])
def test_no_sideways_scroll_and_legible_radar(tmp_path: Path, width: int, report: str) -> None:
    card = example_card() if report == "single" else team_card(GateOptions(fail_under=60))
    found = measure(tmp_path, render_html(card, options("de")), width)
    assert found["inner"] == width
    assert found["scroll"] <= found["inner"], found
    assert found["labels"] >= 10  # every challenge's axis label is there
    assert found["smallest"] >= 11, found


def pdf_pages(tmp_path: Path, html: str) -> list[str]:
    from pypdf import PdfReader

    page = tmp_path / "print.html"
    page.write_text(html, encoding="utf-8")
    pdf = tmp_path / "print.pdf"
    chromium(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    # NFKC: the PDF's ligatures (ﬁ) back to letters
    return [unicodedata.normalize("NFKC", p.extract_text() or "") for p in PdfReader(pdf).pages]


def squeezed(text: str) -> str:
    """Text without any whitespace: lines in a PDF break anywhere, even inside an id."""
    return "".join(text.split())


@pytest.mark.parametrize("report", ["single", "team"])
@pytest.mark.parametrize("language", languages())
def test_print_one_page_summary_then_details(
    tmp_path: Path, report: str, language: Language
) -> None:
    """Page 1 is the whole summary (header, overall, table, radar, blockers, the top next
    steps); the details start on page 2; no page holds a stray line or two."""
    card = example_card() if report == "single" else team_card(GateOptions(fail_under=60))
    pages = pdf_pages(tmp_path, render_html(card, options(language)))
    assert len(pages) >= 2
    first = squeezed(pages[0])
    assert squeezed(t("card.title", language)) in first
    assert squeezed(t("card.overall", language)) in first
    for result in card.challenges:
        assert squeezed(result.challenge.title.get(language)) in first
    assert squeezed(t("card.blockers", language)) in first
    assert squeezed(t("card.next_steps", language)) in first
    for step in card.next_steps[:5]:  # the top next steps, complete
        assert squeezed(step.criterion.next_step.get(language)) in first
    assert squeezed(t("radar.score", language)) in first  # the chart's legend
    assert squeezed(t("report.details", language)) not in first
    second = squeezed(pages[1])
    assert squeezed(t("report.details", language)) in second or "team" in report
    assert "--top" not in " ".join(pages)
    for number, text in enumerate(pages, start=1):
        lines = [line for line in text.splitlines() if line.strip()]
        assert len(lines) >= 5, f"page {number} of {len(pages)}: {lines}"
