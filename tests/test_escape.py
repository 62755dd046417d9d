"""ui.core.escape: hostile text from the data stays text in Markdown and in plotly's HTML-like labels.

Oracle for Markdown: a CommonMark renderer (markdown-it-py, which Streamlit's dependency rich ships)
must render the escaped text back to exactly the visible original, with no element but the paragraph.
"""

from __future__ import annotations

import html as html_lib
import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as hst

from ui.core import escape

RLO, ZWSP, LRI, PDI, BOM = "\u202e", "\u200b", "\u2066", "\u2069", "\ufeff"
HOSTILE = [
    "[x](http://e)",
    "![i](http://e)",
    "<img src=x>",
    "*",
    "_",
    "`code`",
    "**bold** __b__",
    "a | b",
    "~~s~~",
    "$x^2$",
    ":material/home:",
    "# title",
    "1. item",
    "- item",
    "> quote",
    "\\*",
    "&amp;",
    "ООО «Ромашка» & Ко",
    f"evil{RLO}gpj.exe",
    f"a{ZWSP}b{LRI}c{PDI}{BOM}",
]


def test_markdown_escapes_each_active_character_by_hand():
    assert escape.markdown("[x](http://e)") == r"\[x\]\(http\://e\)"
    assert escape.markdown("![i](http://e)") == r"\!\[i\]\(http\://e\)"
    assert escape.markdown("<img src=x>") == r"\<img src\=x\>"
    assert escape.markdown("*") == r"\*"
    assert escape.markdown("_") == r"\_"
    assert escape.markdown("`") == r"\`"
    assert escape.markdown(None) == ""
    assert escape.markdown(12.5) == r"12\.5"
    assert escape.markdown("ООО Ромашка") == "ООО Ромашка"  # letters and spaces untouched


def test_invisible_controls_are_removed():
    assert escape.visible(f"evil{RLO}gpj.exe") == "evilgpj.exe"
    assert escape.visible(f"a{ZWSP}b{LRI}c{PDI}{BOM}") == "abc"
    assert escape.markdown(f"{RLO}x") == "x"
    assert escape.html(f"<{RLO}b>") == "&lt;b&gt;"
    assert escape.visible("é ё Й") == "é ё Й"  # visible letters (and combining-free text) kept


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_renders_back_to_the_visible_text_and_nothing_else(text):
    markdown_it = pytest.importorskip("markdown_it")
    md = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])
    rendered = md.render(escape.markdown(text)).strip()
    assert rendered.startswith("<p>") and rendered.endswith("</p>")
    inner = rendered[3:-4]
    assert not re.search(r"<[a-z]", inner), rendered  # no link, image, emphasis, code or raw HTML
    assert html_lib.unescape(inner) == escape.visible(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_html_leaves_no_tag_and_round_trips(text):
    out = escape.html(text)
    assert "<" not in out and ">" not in out
    assert html_lib.unescape(out) == escape.visible(text)


def test_html_series_matches_html_per_value():
    series = pd.Series([*HOSTILE, 3])
    expected = [escape.html(str(v)) for v in series]
    assert escape.html_series(series).tolist() == expected
    assert escape.html("a & <b>") == "a &amp; &lt;b&gt;"


def test_entities_and_setext_underlines_stay_text():
    assert escape.markdown("AT&amp;T") == r"AT\&amp;T"  # not rendered as "AT&T"
    assert escape.markdown("x\n===") == "x\n\\=\\=\\="  # not a heading


@pytest.mark.parametrize("text", HOSTILE)
def test_unmarkdown_undoes_markdown(text):
    assert escape.unmarkdown(escape.markdown(text)) == escape.visible(text)


def test_unmarkdown_drops_bold_markers_and_escapes_by_hand():
    assert escape.unmarkdown("**Сводная оценка** = 100 · \\(a\\) \\& b") == "Сводная оценка = 100 · (a) & b"
    assert escape.unmarkdown("10\u00a0% \\— x") == "10\u00a0% \\— x"  # only ASCII punctuation was escaped


@given(hst.text())
def test_unmarkdown_undoes_markdown_for_any_text(text):
    assert escape.unmarkdown(escape.markdown(text)) == escape.visible(text)
