"""PDF files in both languages: fpdf2 with a shipped TrueType font (DejaVu Sans, Cyrillic included).

No Streamlit here. The font lives in ``ui/downloads/fonts/`` (licence and source beside it), so a PDF
is made offline on a fresh machine. Text is written literally (no markdown, no markup): a name from
the data cannot change the layout; a long word breaks inside its cell instead of overflowing it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF, FontFace
from fpdf.enums import XPos, YPos

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FAMILY = "DejaVu"
A4 = "A4"
#: 16:9 pages for slides: 13.333 × 7.5 in, the PPTX's size (mm, width × height; with orientation "P",
#: as fpdf2 swaps a tuple for "L").
SLIDE_PAGE_MM = (338.667, 190.5)
HEAD_FILL = (230, 236, 245)


class Document(FPDF):
    """An fpdf2 document with the shipped font, margins of 15 mm and ``footer`` with the page number at
    the bottom of each page (``footer=None``: nothing there)."""

    def __init__(
        self,
        *,
        title: str,
        lang: str,
        orientation: str = "P",
        page: str | tuple[float, float] = A4,
        footer: str | None = "",
        margin: float = 15.0,
    ):
        super().__init__(orientation=orientation, unit="mm", format=page)
        self.add_font(FAMILY, "", str(FONT_DIR / "DejaVuSans.ttf"))
        self.add_font(FAMILY, "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
        self.set_font(FAMILY, size=10)
        self.set_margins(margin, margin, margin)
        self.set_auto_page_break(True, margin=margin)
        self.set_title(title)
        self.set_lang(lang)
        self.set_creator("Cluster Navigator")
        self._footer_text = footer

    def footer(self) -> None:
        if self._footer_text is None:
            return
        self.set_y(-10)
        self.set_font(FAMILY, size=7)
        self.set_text_color(90, 90, 90)
        text = f"{self._footer_text}   {self.page_no()}" if self._footer_text else str(self.page_no())
        self.cell(0, 4, text, align="R")
        self.set_text_color(0, 0, 0)

    def heading(self, text: str, size: float = 14, *, keep: float = 40.0) -> None:
        """A bold heading, wrapped over the page width; on a new page when less than ``keep`` mm are left
        under it (a heading stays with what it heads)."""
        self.keep(keep)
        self.set_font(FAMILY, "B", size)
        self.multi_cell(0, size * 0.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        self.ln(size * 0.15)
        self.set_font(FAMILY, size=10)

    def keep(self, mm: float) -> None:
        """A new page unless ``mm`` millimetres are left on this one (what follows stays together)."""
        if self.get_y() + mm > self.h - self.b_margin:
            self.add_page()

    def paragraph(
        self,
        text: str,
        size: float = 10,
        *,
        bold: bool = False,
        colour: tuple[int, int, int] | None = None,
        fill: tuple[int, int, int] | None = None,
    ) -> None:
        """A wrapped paragraph of literal text."""
        self.set_font(FAMILY, "B" if bold else "", size)
        if colour:
            self.set_text_color(*colour)
        if fill:
            self.set_fill_color(*fill)
        self.multi_cell(
            0,
            size * 0.5,
            text,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
            fill=fill is not None,
            padding=1.5 if fill else 0,
            align="L",
        )
        self.set_text_color(0, 0, 0)
        self.set_fill_color(255, 255, 255)
        self.set_font(FAMILY, size=10)
        self.ln(1)

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        *,
        numeric: Sequence[bool] = (),
        fills: Sequence[tuple[int, int, int] | None] = (),
        size: float = 8,
        bold_last: bool = False,
    ) -> None:
        """A table over the page width: ``widths`` relative, ``numeric`` columns right-aligned, ``fills``
        a background per row (None: none). Headings repeat on each page; text wraps in its cell."""
        self.set_font(FAMILY, size=size)
        aligns = tuple("RIGHT" if numeric and numeric[i] else "LEFT" for i in range(len(header)))
        with super().table(
            col_widths=tuple(widths),
            text_align=aligns,
            line_height=size * 0.5,
            headings_style=FontFace(emphasis="BOLD", fill_color=HEAD_FILL),
            padding=1,
            width=self.epw,
        ) as table:
            table.row(list(header))
            for i, values in enumerate(rows):
                fill = fills[i] if i < len(fills) else None
                bold = bold_last and i == len(rows) - 1
                style = FontFace(emphasis="BOLD" if bold else None, fill_color=fill) if fill or bold else None
                row = table.row(style=style)
                for value in values:
                    row.cell("" if value is None else str(value))
        self.set_font(FAMILY, size=10)
        self.ln(2)

    def bytes(self) -> bytes:
        return bytes(self.output())
