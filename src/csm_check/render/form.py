"""`csm-check form`: one HTML file in which anyone answers the model's questions in a browser.

Self-contained, so it works as an e-mail attachment or from a file share: the page's own
stylesheet and script are inline, the model and the starting answers are a JSON data block,
and a Content-Security-Policy allows nothing else (no network, no other script or style; the
two inline blocks are allowed by their sha256 hashes). The script is hand-written and ships
as package data (`form_assets/`); it puts every model text into the page with `textContent`.
The JSON block escapes `<`, `>`, `&` and U+2028/U+2029, so no text can end the block.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from functools import cache
from importlib import resources
from typing import Any

from csm_check.answers import AnswerSet
from csm_check.i18n import Language, t
from csm_check.model import Model
from csm_check.render.common import html_text
from csm_check.render.form_data import form_data

ASSETS = ("yaml.js", "form.js")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028"}
_JSON_ESCAPES["\u2029"] = "\\u2029"


@cache
def asset(name: str) -> str:
    return resources.files("csm_check.render").joinpath("form_assets", name).read_text("utf-8")


def script_text() -> str:
    """The page's one inline script: the answers-file writer and reader, then the page."""
    text = "\n".join(asset(name) for name in ASSETS)
    assert "</script" not in text.lower()  # it must not end its own block
    return text


def style_text() -> str:
    text = asset("form.css")
    assert "</style" not in text.lower()
    return text


def csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(script: str, style: str) -> str:
    """Nothing but the page's own two inline blocks; no fetch, no form submission, no base."""
    return (
        f"default-src 'none'; script-src {csp_hash(script)}; style-src {csp_hash(style)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def json_for_html(data: Any) -> str:
    """JSON that cannot end or confuse the <script> element it sits in."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in _JSON_ESCAPES.items():
        text = text.replace(char, escape)
    return text


def render_form(
    model: Model,
    language: Language,
    selected: tuple[str, ...],
    answers: AnswerSet | None = None,
    role: str | None = None,
) -> str:
    """The whole page; `selected` are the ids of the challenges it asks about."""
    data = form_data(model, language, selected, answers, role)
    script, style = script_text(), style_text()
    title = f"{model.title.get(language)}: {t('form.title', language)}"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" content="'
        + content_security_policy(script, style)
        + '">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>{html_text(title)}</title>",
        f"<style>{style}</style>",
        "</head>",
        "<body>",
        f"<noscript><p>{html_text(t('form.noscript', language))}</p></noscript>",
        '<div id="app"></div>',
        f'<script type="application/json" id="form-data">{json_for_html(data)}</script>',
        f"<script>{script}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"
