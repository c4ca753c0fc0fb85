"""The HTML report in a real browser: headless Chromium renders it to text and to a PNG.

Skipped when `chromium` is not on PATH (.ci/run installs Debian's chromium). The PNG is
decoded with zlib from the standard library; no image library is needed.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import zlib
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from csm_check.i18n import Language, languages
from csm_check.render.common import score_text
from csm_check.render.html import render_html
from csm_check.render.radar import SCORE_COLOUR
from report_support import example_card, options

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
