"""The fast path (analytics/data/fns_fast.py) against the lxml path: for every fixture, every generator
output (hostile ones included) and a set of files in unusual but legal or illegal XML, the two paths
give identical frames, files and problems. The oracle is lxml (libxml2), an independent parser; the
fast path is also shown to be *taken* for the files in the published shape (else the test proves
nothing) and *not* taken for the unusual ones."""

from __future__ import annotations

import importlib.util
import io
import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from analytics.data import fns, fns_fast, fns_xml
from tests.data.fns import make_fns_fixtures as fx

DATA = Path(__file__).resolve().parent / "data" / "fns"
# the bench's generator of archives in the real shape, loaded from its file (bench/ is not a package)
_spec = importlib.util.spec_from_file_location(
    "bench_fns", Path(__file__).resolve().parent.parent / "bench" / "bench_fns.py"
)
bench_fns = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_fns)


def issues(items) -> list[tuple]:
    return [(i.code, i.column, i.value, i.message.values) for i in items]


def assert_same(source, **kwargs) -> fns.FnsRead:
    fast = fns.read_fns_open_data(source, **kwargs)
    slow = fns.read_fns_open_data(source, fast=False, **kwargs)
    pd.testing.assert_frame_equal(fast.frame, slow.frame)
    assert issues(fast.errors) == issues(slow.errors)
    assert issues(fast.warnings) == issues(slow.warnings)
    assert fast.error_counts == slow.error_counts and fast.warning_counts == slow.warning_counts
    assert [vars(f) for f in fast.files] == [vars(f) for f in slow.files]
    return fast


def taken(text: str | bytes) -> bool:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return fns_xml._read_fast("x.xml", data, fns.FnsFile("x.xml")) is not None


FIXTURES = sorted(str(p.relative_to(DATA)) for p in DATA.rglob("*") if p.suffix in (".xml", ".zip"))


@pytest.mark.parametrize("name", FIXTURES + ["hostile/duplicates"])
def test_every_fixture_reads_the_same_on_both_paths(name):
    assert_same(DATA / name)


def test_the_published_shapes_take_the_fast_path():
    for name in (
        "rsmp-405.xml",
        "rsmp-2019-401.xml",
        "sshr-2023.xml",
        "revexp-2023.xml",
        "paytax-2023.xml",
        "paytax-sample-2022.xml",
        "hostile/bad-inn.xml",
        "hostile/duplicates/VO_OTKRDAN_3_a.xml",
    ):
        assert taken((DATA / name).read_bytes()), name
    with zipfile.ZipFile(DATA / "data-10012024-structure-10062023.zip") as zf:
        assert all(taken(zf.read(m)) for m in zf.infolist())
    # refused or broken files never: lxml reports them
    for name in (
        "hostile/truncated.xml",
        "hostile/billion-laughs.xml",
        "hostile/not-fns.xml",
        "hostile/unknown-type.xml",
    ):
        assert not taken((DATA / name).read_bytes()), name


def test_generator_outputs_read_the_same(tmp_path):
    for make in fx.FILES.values():
        assert_same(make().encode("utf-8"))
    a, b = fx.duplicate_pair()
    folder = tmp_path / "dup"
    folder.mkdir()
    (folder / "a.xml").write_text(a, encoding="utf-8")
    (folder / "b.xml").write_text(b, encoding="utf-8")
    assert_same(folder)
    assert_same(fx.zip_bomb(tmp_path / "bomb.zip", megabytes=2))
    assert_same(fx.many_members(tmp_path / "many.zip", 3))
    assert_same(fx.rsmp_archive())


def test_the_bench_archive_reads_the_same_and_fast(tmp_path):
    path = tmp_path / "data-10062025-structure-10062025.zip"
    bench_fns.make_archive(path, 2000)  # 3 members: 900 + 900 + 200 documents of all three kinds
    result = assert_same(path)
    assert result.ok and len(result.frame) == 2000
    with zipfile.ZipFile(path) as zf:
        assert all(taken(zf.read(m)) for m in zf.infolist())


def test_mixed_chunks_and_workers_read_the_same(tmp_path):
    path = tmp_path / "mixed.zip"
    a, b = fx.duplicate_pair()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("1.xml", fx.sshr_2023())
        zf.writestr("2.xml", a.replace("31.12.2023", "31.12.2022"))
        zf.writestr("3.xml", b.replace("31.12.2023", "31.12.2022"))
        zf.writestr("4.xml", fx.truncated())
    assert_same(path)
    assert_same(path, workers=2)


# One change each to a file in the published shape. ``fast`` says whether the grammar should still
# take it; either way both paths must agree.
SSHR = fx.sshr_2023()
RSMP = fx.rsmp_405()
PAYTAX = fx.paytax_2023()
VARIANTS = {
    "comment between documents": (SSHR.replace("</Документ><Документ", "</Документ><!-- x --><Документ", 1), False),
    "comment inside a document": (SSHR.replace("<СведССЧР", "<!--x--><СведССЧР", 1), False),
    "processing instruction": (SSHR.replace("</Документ>", "</Документ><?pi x?>", 1), False),
    "CDATA in a licence": (RSMP.replace("<НаимЛицВД>", "<НаимЛицВД><![CDATA[a<b]]>", 1), False),
    "namespace": (SSHR.replace("<Файл ", '<Файл xmlns="urn:x" ', 1), False),
    "prefixed namespace": (SSHR.replace("<Файл ", '<Файл xmlns:a="urn:x" ', 1), False),
    "single quotes": (SSHR.replace('КолРаб="118"', "КолРаб='118'", 1), False),
    "space before />": (SSHR.replace('КолРаб="118"/>', 'КолРаб="118" />', 1), False),
    "space around =": (SSHR.replace('КолРаб="118"', 'КолРаб = "118"', 1), False),
    "tab in a value": (SSHR.replace("ООО ДРУГОЕ", "ООО\tДРУГОЕ", 1), False),
    "line feed between documents": (SSHR.replace("</Документ><Документ", "</Документ>\n<Документ", 1), False),
    "CR LF in a value": (SSHR.replace("ООО ДРУГОЕ", "ООО\r\nДРУГОЕ", 1), False),
    "repeated attribute (captured tag)": (SSHR.replace('КолРаб="118"', 'КолРаб="118" КолРаб="5"', 1), False),
    "repeated attribute (ignored tag)": (
        RSMP.replace('<Регион Тип="ОБЛАСТЬ"', '<Регион Тип="ОБЛАСТЬ" Тип="X"', 1),
        None,
    ),
    "attributes in another order": (
        SSHR.replace(
            'ИдДок="s0" ДатаДок="15.07.2024" ДатаСост="31.12.2023"',
            'ДатаСост="31.12.2023" ИдДок="s0" ДатаДок="15.07.2024"',
            1,
        ),
        False,
    ),
    "an attribute the XSD does not list": (SSHR.replace('КолРаб="118"', 'КолРаб="118" Новый="1"', 1), False),
    "elements in another order": (
        SSHR.replace(
            '<СведНП НаимОрг="ООО ДРУГОЕ" ИННЮЛ="4029998886"/><СведССЧР КолРаб="7"/>',
            '<СведССЧР КолРаб="7"/><СведНП НаимОрг="ООО ДРУГОЕ" ИННЮЛ="4029998886"/>',
            1,
        ),
        False,
    ),
    "an unknown element": (SSHR.replace("<СведССЧР", '<Новое А="1"/><СведССЧР', 1), False),
    "explicit end tag": (SSHR.replace('КолРаб="118"/>', 'КолРаб="118"></СведССЧР>', 1), False),
    "mismatched end tag": (SSHR.replace("</Документ><Документ", "</Документы><Документ", 1), False),
    "stray < in a value": (SSHR.replace("ООО ДРУГОЕ", "ООО <ДРУГОЕ", 1), False),
    "> in a value": (SSHR.replace("ООО ДРУГОЕ", "ООО >ДРУГОЕ", 1), True),
    "all five entities": (SSHR.replace("ООО ДРУГОЕ", "&lt;&gt;&amp;&apos;&quot;", 1), True),
    "numeric references": (SSHR.replace("ООО ДРУГОЕ", "&#1054;&#x41E;&#x20;&#9;&#160;", 1), True),
    "reference to a C1 control (html.unescape would differ)": (SSHR.replace("ООО ДРУГОЕ", "A&#128;B&#150;", 1), True),
    "reference to a forbidden character": (SSHR.replace("ООО ДРУГОЕ", "A&#1;B", 1), None),
    "forbidden reference in a value not read": (RSMP.replace('Наим="КАЛУЖСКАЯ"', 'Наим="КАЛУ&#1;ЖСКАЯ"', 1), False),
    "XML 1.1 declared": (SSHR.replace('version="1.0"', 'version="1.1"', 1), False),
    "reference to a surrogate": (SSHR.replace("ООО ДРУГОЕ", "A&#xD800;B", 1), None),
    "undeclared entity": (SSHR.replace("ООО ДРУГОЕ", "&nbsp;", 1), False),
    "bare ampersand": (SSHR.replace("ООО ДРУГОЕ", "A & B", 1), False),
    "control character": (SSHR.replace("ООО ДРУГОЕ", "ООО\x01", 1), False),
    "non-character U+FFFF": (SSHR.replace("ООО ДРУГОЕ", "ООО\uffff", 1), False),
    "no-break space and double spaces": (SSHR.replace("ООО ДРУГОЕ", " ООО\xa0 ДРУГОЕ  ", 1), True),
    "byte order mark": ("\ufeff" + SSHR, True),
    "trailing newline": (SSHR + "\r\n", True),
    "no XML declaration": (SSHR.split("?>", 1)[1], True),
    "windows-1251 declared": (SSHR.replace('encoding="UTF-8"', 'encoding="windows-1251"', 1), False),
    "garbage after the root": (SSHR + "x", False),
    "a second root": (SSHR + "<Файл/>", False),
    "empty element instead of a value": (SSHR.replace('<СведССЧР КолРаб="7"/>', "<СведССЧР/>", 1), True),
    "no documents": (fx.envelope("ОТКРДАННЫЕ3", "4.01", []), False),
    "name with a digit first": (SSHR.replace("<СведССЧР КолРаб", "<СведССЧР 1КолРаб", 1), False),
    "paytax document without lines": (
        PAYTAX.replace(PAYTAX[PAYTAX.index("<СвУплСумНал") : PAYTAX.index("</Документ>")], "", 1),
        True,
    ),
    "bad number and bad date": (
        SSHR.replace('КолРаб="118"', 'КолРаб="1a"', 1).replace('ДатаСост="31.12.2023"', 'ДатаСост="31.13.2023"', 1),
        True,
    ),
    "invalid UTF-8": (SSHR.encode("utf-8").replace("ДРУГОЕ".encode(), b"\xff\xfe", 1), False),
}


@pytest.mark.parametrize("name", list(VARIANTS))
def test_unusual_files_read_the_same(name):
    text, fast = VARIANTS[name]
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    if fast is not None:
        assert taken(data) is fast, name
    assert_same(data)


def test_a_repeated_attribute_anywhere_is_lxmls_error():
    """A repeated attribute in a tag the fast path does not read: lxml refuses the file, and so must the result."""
    text, _ = VARIANTS["repeated attribute (ignored tag)"]
    result = assert_same(text.encode("utf-8"))
    assert [e.code for e in result.errors] == ["fns_xml_broken"]


def test_the_fast_paths_decoding_by_hand():
    assert fns_fast.attributes(' a="x &quot;y&quot;" b="&#1054;&#x41E;&amp;&lt;&gt;&apos;"') == {
        " a=": 'x "y"',
        " b=": "ОО&<>'",
    }
    assert fns_fast.attributes(' c="&#128;"') == {" c=": "\x80"}  # html.unescape gives "€"
    with pytest.raises(fns_fast.Unusual):
        fns_fast.attributes(' a="1" a="2"')
    with pytest.raises(fns_fast.Unusual):
        fns_fast.attributes(' a="&#0;"')


@pytest.mark.parametrize(
    "name", ["sshr-2023.xml", "hostile/truncated.xml", "data-10012024-structure-10062023.zip", "paytax-sample-2022.xml"]
)
def test_a_file_over_the_fast_paths_size_streams_through_lxml(name, monkeypatch):
    """Above MAX_BYTES the bytes already read are handed back in front of the rest of the stream."""
    monkeypatch.setattr(fns_fast, "MAX_BYTES", 300)
    assert not taken((DATA / "sshr-2023.xml").read_bytes())
    assert_same(DATA / name)


@pytest.mark.parametrize("offset,flip", [(200, 0xFF), (60, 0x55), (300, 0x55)])
def test_a_damaged_deflate_stream_is_reported_not_raised(offset, flip):
    """A flipped byte in a member's compressed data: zlib's error or a CRC mismatch, as a message."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.xml", fx.sshr_2023())
    data = bytearray(buffer.getvalue())
    data[data.index(b"a.xml") + 5 + offset] ^= flip
    result = assert_same(bytes(data))
    assert [e.code for e in result.errors] == ["fns_zip_broken"]


# ---- the ways through the fast path (analytics/data/fns_fast.py, fns_xml._BLOCKS) ----
# "block": the strict grammar took the file and no document has a problem — its rows are built column by
# column at once; "documents": the strict grammar, but some document has a problem, so every document goes
# through the per-document reader (the messages in document order); "permissive": a numeric reference or
# an empty value that is read — the permissive grammar, a document at a time; "lxml": outside both grammars.


def route(data: bytes) -> str:
    scanned = fns_fast.scan(data, fns_xml.DATASETS)
    if scanned is None:
        return "lxml"
    _root, dataset, columns, strict = scanned
    if not strict:
        return "permissive"
    return "block" if fns_xml._BLOCKS[dataset](columns) is not None else "documents"


REVEXP = fx.revexp_2023()
PAYTAX_SAMPLE = (DATA / "paytax-sample-2022.xml").read_text(encoding="utf-8")
ROUTES = {
    "published RSMP": (RSMP, "block"),
    "published SSHR": (SSHR, "block"),
    "published REVEXP": (REVEXP, "block"),
    "published PAYTAX (real sample)": (PAYTAX_SAMPLE, "block"),
    "a 2019 RSMP file (an OKVED 2001 code: a warning)": (fx.rsmp_2019(), "documents"),
    "a tax name not in the table (a warning)": (PAYTAX, "documents"),
    "OGRN absent": (RSMP.replace(' ОГРН="1024001234564"', "", 1), "block"),
    "patronymic absent": (RSMP.replace(' Отчество="ИВАНОВИЧ"', "", 1), "block"),
    "no ФИОИП": (RSMP.replace('<ФИОИП Фамилия="ИВАНОВ" Имя="ИВАН" Отчество="ИВАНОВИЧ"/>', "", 1), "block"),
    "no main OKVED": (
        RSMP.replace('<СвОКВЭДОсн КодОКВЭД="29.32" НаимОКВЭД="Вид деятельности" ВерсОКВЭД="2014"/>', "", 1),
        "block",
    ),
    "empty value not read": (RSMP.replace('ДатаВклМСП="10.08.2016"', 'ДатаВклМСП=""', 1), "block"),
    "empty OGRN (read)": (RSMP.replace('ОГРН="1024001234564"', 'ОГРН=""', 1), "permissive"),
    "empty patronymic (read)": (RSMP.replace('Отчество="ИВАНОВИЧ"', 'Отчество=""', 1), "permissive"),
    "empty headcount (read)": (SSHR.replace('КолРаб="118"', 'КолРаб=""', 1), "permissive"),
    "empty tax name (read)": (PAYTAX.replace('НаимНалог="Налог на прибыль"', 'НаимНалог=""', 1), "permissive"),
    "a numeric reference": (SSHR.replace("ООО ДРУГОЕ", "&#1054;ОО", 1), "permissive"),
    "a numeric reference in a value not read": (
        RSMP.replace('Наим="КАЛУЖСКАЯ"', 'Наим="&#1050;АЛУЖСКАЯ"', 1),
        "permissive",
    ),
    "&amp; &apos; &lt; &gt; in a name": (SSHR.replace("ООО ДРУГОЕ", "A &amp; B &apos;C&apos; &lt;&gt;", 1), "block"),
    "a bare ampersand": (SSHR.replace("ООО ДРУГОЕ", "A & B", 1), "lxml"),
    "an unknown SME category": (RSMP.replace('КатСубМСП="2"', 'КатСубМСП="9"', 1), "documents"),
    "an unknown kind": (RSMP.replace('ВидСубМСП="1"', 'ВидСубМСП="7"', 1), "documents"),
    "a date that does not parse": (RSMP.replace('ДатаСост="10.06.2025"', 'ДатаСост="31.06.2025"', 1), "documents"),
    "an OKVED code not of OKVED 2": (RSMP.replace('КодОКВЭД="29.32"', 'КодОКВЭД="2932"', 1), "documents"),
    "headcount in Arabic-Indic digits (str.isdigit)": (SSHR.replace('КолРаб="118"', 'КолРаб="١١٨"', 1), "documents"),
    "headcount not a number": (SSHR.replace('КолРаб="118"', 'КолРаб="1a"', 1), "documents"),
    "income not a number": (REVEXP.replace('СумДоход="45678000.00"', 'СумДоход="4,5"', 1), "documents"),
    "income in exponent form": (REVEXP.replace('СумДоход="45678000.00"', 'СумДоход="4.5678e7"', 1), "block"),
    "a tax amount absent": (re.sub(' СумУплНал="[^"]*"', "", PAYTAX_SAMPLE, count=1), "documents"),
    "an attribute the XSD does not list in a tax line": (PAYTAX_SAMPLE.replace(' СумУплНал="', ' Прочее="', 1), "lxml"),
    "every PAYTAX document without lines": (re.sub("<СвУплСумНал[^>]*/>", "", PAYTAX_SAMPLE), "block"),
    "an em space alone in a name (kept)": (SSHR.replace("ООО ДРУГОЕ", "ООО\u2003ДРУГОЕ", 1), "block"),
    "a leading em space (collapsed)": (SSHR.replace("ООО ДРУГОЕ", "\u2003ООО ДРУГОЕ", 1), "block"),
    "a name of spaces only": (SSHR.replace("ООО ДРУГОЕ", "   ", 1), "block"),
    "U+FFFE in a value not read": (RSMP.replace('Наим="КАЛУЖСКАЯ"', 'Наим="КАЛУ\ufffeЖСКАЯ"', 1), "lxml"),
}


@pytest.mark.parametrize("name", list(ROUTES))
def test_each_way_through_the_fast_path_reads_as_lxml(name):
    text, expected = ROUTES[name]
    data = text.encode("utf-8")
    assert route(data) == expected, name
    assert_same(data)


def test_a_block_holds_the_values_of_the_file():
    """The published RSMP fixture read column by column: values written in the fixture, by hand."""
    _root, _dataset, columns, strict = fns_fast.scan(RSMP.encode("utf-8"), fns_xml.DATASETS)
    block = fns_xml._rsmp_block(columns)
    assert strict and block["inn"][:3] == ["4027012346", "5233001119", "402712345698"]
    assert block["name"][0] == 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "КАЛУГА АВТОКОМПОНЕНТ"'  # &quot;, double space
    assert block["name"][1] == "АКЦИОНЕРНОЕ ОБЩЕСТВО «ПЛАСТИК»"  # leading space
    assert block["name"][2] == "ИВАНОВ ИВАН ИВАНОВИЧ"
    assert block["kind"][:3] == ["legal", "legal", "entrepreneur"]
    assert block["sme_category"][:3] == ["small", "micro", "micro"]
    assert block["okved"][:3] == ["29.32", "22.29", "47.11"]
    assert block["ogrn"][:3] == ["1024001234564", "1154027009993", "319402700012340"]
    assert block["_doc"][:3] == [1, 2, 3]


def _chunked(source, chunk_rows: int, **kwargs) -> tuple[list[int], pd.DataFrame, list, list]:
    scan = fns.scan_fns_open_data(source, chunk_rows=chunk_rows, **kwargs)
    chunks = list(scan)
    return [len(c) for c in chunks], pd.concat(chunks, ignore_index=True), issues(scan.errors), issues(scan.warnings)


@pytest.mark.parametrize("chunk_rows", [1, 2, 3, 4, 5, 7, 12, 1000])
def test_chunks_end_at_the_same_document_on_every_path(tmp_path, chunk_rows):
    """Chunks end after the document that fills them, whether the rows came a document at a time (lxml), a
    file at once (a block) or from a worker: so the INN errors (found per chunk) and the next file's errors
    come in the same order on every path. Files: clean RSMP with a wrong INN (block), RSMP with a bad date
    (documents), clean PAYTAX of several lines per document (block), PAYTAX with an unknown tax (documents)."""
    path = tmp_path / "data-01012024-structure-01012024.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("1.xml", RSMP.replace(fx.FIRM1, fx.FIRM1[:-1] + str((int(fx.FIRM1[-1]) + 1) % 10), 1))
        zf.writestr("2.xml", RSMP.replace('ДатаСост="10.06.2025"', 'ДатаСост="31.06.2025"', 1))
        zf.writestr("3.xml", PAYTAX_SAMPLE)
        zf.writestr("4.xml", PAYTAX)
    with zipfile.ZipFile(path) as zf:
        assert [route(zf.read(n)) for n in ("1.xml", "2.xml", "3.xml", "4.xml")] == [
            "block",
            "documents",
            "block",
            "documents",
        ]
    lengths, frame, errors, warnings = _chunked(path, chunk_rows, fast=False)
    assert {"fns_inn_checksum", "fns_date", "fns_mixed"} <= {e[0] for e in errors}
    for kwargs in ({}, {"workers": 2}, {"workers": 2, "fast": False}):
        other = _chunked(path, chunk_rows, **kwargs)
        assert other[0] == lengths, kwargs
        pd.testing.assert_frame_equal(other[1], frame)
        assert other[2:] == (errors, warnings), kwargs


def test_members_read_ahead_by_a_thread_read_as_lxml(tmp_path, monkeypatch):
    """One process, fast path: a thread decompresses the next member while this one is parsed. A zip of a
    clean member, a damaged one (a flipped byte: zlib's error or a CRC mismatch), one over the fast path's
    size (streamed, not read ahead) and another clean one: the same rows and messages as lxml, and every
    member up to the size read ahead."""
    monkeypatch.setattr(fns_fast, "MAX_BYTES", len(SSHR.encode("utf-8")) + 10)
    big = RSMP  # longer than SSHR: over MAX_BYTES here
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("1.xml", SSHR)
        zf.writestr("2.xml", SSHR.replace("31.12.2023", "31.12.2021"))
        zf.writestr("3.xml", big)
        zf.writestr("4.xml", SSHR.replace("31.12.2023", "31.12.2022"))
    data = bytearray(buffer.getvalue())
    start = data.index(b"2.xml") + 5
    data[start + 100] ^= 0xFF
    path = tmp_path / "data-01012024-structure-01012024.zip"
    path.write_bytes(bytes(data))
    read_ahead = []
    original = fns._read_ahead
    monkeypatch.setattr(fns, "_read_ahead", lambda zf, m: read_ahead.append(m.filename) or original(zf, m))
    result = assert_same(path)
    assert read_ahead == ["1.xml", "2.xml", "4.xml"]
    assert [e.code for e in result.errors][:1] == ["fns_zip_broken"]
    assert [f.name.split("/")[-1] for f in result.files] == ["1.xml", "2.xml", "3.xml", "4.xml"]
