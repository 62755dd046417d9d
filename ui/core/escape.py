"""Text from the data made inert before it is shown: one place for Markdown and HTML escaping.

Names of firms, projects, scenarios and regimes come from analysts' files and from links; shown
through ``st.markdown`` or in a plotly label they must not become links, images, emphasis, HTML,
icon shortcodes (``:material/…:``) or LaTeX. Both escapers first drop the invisible characters that
can disguise text: bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C)
and zero-width ones (U+200B–U+200D, U+2060, U+FEFF). Visible characters are kept as they were.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

#: Bidirectional controls and zero-width characters (Unicode TR 9; U+FEFF as a zero-width no-break space).
_INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
#: Every ASCII character Streamlit's Markdown gives a meaning to (CommonMark, including ``&`` of entity
#: references and ``=`` of setext headings; GitHub tables and strikethrough; ``$`` LaTeX; ``:``
#: shortcodes); a backslash before ASCII punctuation shows it as is.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&=])")


def visible(text: Any) -> str:
    """``text`` as a string (``None`` → ``""``) without bidirectional controls or zero-width characters."""
    return "" if text is None else _INVISIBLE.sub("", str(text))


def markdown(text: Any) -> str:
    """Text made inert for ``st.markdown`` (and labels, captions, widget options that render Markdown):
    every Markdown-active ASCII character backslash-escaped, invisible controls removed."""
    return _MD_SPECIAL.sub(r"\\\1", visible(text))


#: A backslash escape of ASCII punctuation (what :func:`markdown` adds) and bold markers of catalog texts.
_MD_ESCAPED = re.compile(r"(\\[!-/:-@\[-`{-~])")


def unmarkdown(text: Any) -> str:
    """Markdown text as plain text for files that do not render Markdown (PPTX notes, PDF): the backslash
    escapes of :func:`markdown` undone and ``**`` bold markers dropped; ``unmarkdown(markdown(x))`` is
    ``visible(x)`` (a literal ``**`` in data stays, escaped as ``\\*\\*``)."""
    parts = _MD_ESCAPED.split(visible(text))
    return "".join(part[1] if i % 2 else part.replace("**", "") for i, part in enumerate(parts))


def html(text: Any) -> str:
    """Text made inert for plotly's HTML-like labels and hover texts: ``&``, ``<``, ``>`` as entities,
    invisible controls removed."""
    return visible(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_series(text: pd.Series) -> pd.Series:
    """:func:`html` on every value of a Series (as text), vectorised for long member lists."""
    return (
        text.astype(str)
        .str.replace(_INVISIBLE, "", regex=True)
        .str.replace("&", "&amp;", regex=False)
        .str.replace("<", "&lt;", regex=False)
        .str.replace(">", "&gt;", regex=False)
    )
