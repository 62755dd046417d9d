"""Generator of the FNS open-data fixtures in tests/data/fns/ (run: python -m tests.data.fns.make_fns_fixtures).

The shapes follow the FNS files as published (see the README of the reference folder, copied in
short here): one line of UTF-8 with no line breaks, attributes only (text only in
``НаимЛицВД`` / ``СведАдрЛицВД``), ``&quot;`` and double spaces inside names, a header ``КолДок`` that
does not match an excerpt, format versions 4.01–4.06, RSMP of 2019 without ``ОГРН``, a region code
that differs from the INN prefix. ``paytax-sample-2022.xml`` is a real FNS file (10 organisations)
copied as it is. Check digits are computed here independently of ``analytics.validate``.

Every figure the tests expect is written literally below; the tests repeat them by hand.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

# --------------------------------------------------------------------------------------------------
# Identifiers with check digits (Tax Service rules: INN 10 digits weights 2,4,10,3,5,9,4,6,8 mod 11 mod 10;
# INN 12 two check digits; OGRN 13 = first 12 mod 11 mod 10; OGRNIP 15 = first 14 mod 13 mod 10)
# --------------------------------------------------------------------------------------------------


def _check(digits: str, weights: list[int]) -> str:
    return str(sum(int(d) * w for d, w in zip(digits, weights)) % 11 % 10)


def inn10(body9: str) -> str:
    return body9 + _check(body9, [2, 4, 10, 3, 5, 9, 4, 6, 8])


def inn12(body10: str) -> str:
    first = _check(body10, [7, 2, 4, 10, 3, 5, 9, 4, 6, 8])
    return body10 + first + _check(body10 + first, [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8])


def ogrn13(body12: str) -> str:
    return body12 + str(int(body12) % 11 % 10)


def ogrnip15(body14: str) -> str:
    return body14 + str(int(body14) % 13 % 10)


# The organisations of the fixtures (Kaluga oblast = 40)
FIRM1 = inn10("402701234")  # legal, small, region 40
FIRM2 = inn10("523300111")  # legal, micro, INN prefix 52 but region 40
FIRM3 = inn10("772900555")  # legal, medium, region 77
IP1 = inn12("4027123456")  # entrepreneur, region 40
FARM1 = inn12("4001987654")  # head of a farm, region 40
OUTSIDER = inn10("402999888")  # in SSHR/REVEXP but never in RSMP
OLD1 = inn10("402800321")  # 2019 file, OKVED 2001 code
OLD2 = inn10("402800456")  # 2019 file, no OKVED at all


def _quote(value: str) -> str:
    """An attribute value in double quotes, with ``"`` as ``&quot;`` as FNS files write it."""
    return '"' + value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;") + '"'


def _attrs(pairs: list[tuple[str, str | None]]) -> str:
    return "".join(f" {k}={_quote(v)}" for k, v in pairs if v is not None)


def el(tag: str, attrs: list[tuple[str, str | None]] = (), children: str = "", text: str | None = None) -> str:
    body = children + (text or "")
    return f"<{tag}{_attrs(list(attrs))}/>" if not body else f"<{tag}{_attrs(list(attrs))}>{body}</{tag}>"


def envelope(
    tip: str,
    version: str,
    documents: list[str],
    declared: int | None = None,
    file_id: str = "VO_RRMSPSV_0000_9965_20250610_0b8f1c2e-0000-4000-8000-000000000001",
) -> str:
    """A whole file on one line: declaration, ``Файл`` with its header attributes, the placeholder sender."""
    head = el("ИдОтпр", children=el("ФИООтв", [("Фамилия", "_"), ("Имя", "_")]))
    root = (
        f"<Файл{_attrs([('ИдФайл', file_id), ('ВерсФорм', version), ('ВерсПрог', '1.0'), ('ТипИнф', tip), ('КолДок', str(declared if declared is not None else len(documents)))])}>"
        + head
        + "".join(documents)
        + "</Файл>"
    )
    return '<?xml version="1.0" encoding="UTF-8"?>' + root


def rsmp_doc(
    *,
    doc_id: str,
    as_of: str,
    kind: str,
    category: str,
    inn: str,
    name: str | None = None,
    ogrn: str | None = None,
    fio: tuple[str, str, str | None] | None = None,
    region: str,
    okved: tuple[str, str] | None = None,
    extra_okved: list[str] = (),
    social: str | None = "2",
    headcount: str | None = None,
    licence_text: list[str] = (),
    old_address_text: str | None = None,
    products: list[tuple[str, str]] = (),
) -> str:
    attrs = [
        ("ИдДок", doc_id),
        ("ДатаСост", as_of),
        ("ДатаВклМСП", "10.08.2016"),
        ("ВидСубМСП", kind),
        ("КатСубМСП", category),
        ("ПризНовМСП", "2"),
        ("СведСоцПред", social),
        ("ССЧР", headcount),
    ]
    if kind == "1":
        subject = el("ОргВклМСП", [("НаимОрг", name), ("НаимОргСокр", None), ("ИННЮЛ", inn), ("ОГРН", ogrn)])
    else:
        last, first, middle = fio
        subject = el(
            "ИПВклМСП",
            [("ИННФЛ", inn), ("ОГРНИП", ogrn)],
            el("ФИОИП", [("Фамилия", last), ("Имя", first), ("Отчество", middle)]),
        )
    place = el(
        "СведМН",
        [("КодРегион", region)],
        el("Регион", [("Тип", "ОБЛАСТЬ"), ("Наим", "КАЛУЖСКАЯ")]) + el("Город", [("Тип", "ГОРОД"), ("Наим", "КАЛУГА")]),
    )
    body = subject + place
    if okved is not None or extra_okved:
        main = (
            el("СвОКВЭДОсн", [("КодОКВЭД", okved[0]), ("НаимОКВЭД", "Вид деятельности"), ("ВерсОКВЭД", okved[1])])
            if okved
            else ""
        )
        extra = "".join(
            el("СвОКВЭДДоп", [("КодОКВЭД", c), ("НаимОКВЭД", "Дополнительный"), ("ВерсОКВЭД", "2014")])
            for c in extra_okved
        )
        body += el("СвОКВЭД", children=main + extra)
    if licence_text or old_address_text:
        inner = "".join(el("НаимЛицВД", text=t) for t in licence_text)
        if old_address_text:
            inner += el("СведАдрЛицВД", text=old_address_text)
        body += el(
            "СвЛиценз",
            [
                ("СерЛиценз", "КЛ"),
                ("НомЛиценз", "000123"),
                ("ДатаЛиценз", "01.02.2015"),
                ("ОргВыдЛиценз", 'МИНПРОМТОРГ "РОССИИ"'),
            ],
            inner,
        )
    for code, flag in products:
        body += el("СвПрод", [("КодПрод", code), ("НаимПрод", "Изделие"), ("ПрОтнПрод", flag)])
    return el("Документ", attrs, body)


def open_doc(*, doc_id: str, as_of: str, inn: str, name: str, children: str) -> str:
    """A document of SSHR / REVEXP / PAYTAX: ``СведНП`` then the dataset's own elements."""
    return el(
        "Документ",
        [("ИдДок", doc_id), ("ДатаДок", "15.07.2024"), ("ДатаСост", as_of)],
        el("СведНП", [("НаимОрг", name), ("ИННЮЛ", inn)]) + children,
    )


# --------------------------------------------------------------------------------------------------
# The fixture files
# --------------------------------------------------------------------------------------------------

NAME1 = 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "КАЛУГА  АВТОКОМПОНЕНТ"'  # double space, quotes
NAME2 = " АКЦИОНЕРНОЕ ОБЩЕСТВО «ПЛАСТИК»"  # leading space, «»
NAME3 = 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "СТОЛИЧНЫЙ  ЗАВОД"'


def rsmp_405() -> str:
    """RSMP format 4.05 on 10.06.2025: 5 documents, header says КолДок=900 (an excerpt)."""
    docs = [
        rsmp_doc(
            doc_id="d1",
            as_of="10.06.2025",
            kind="1",
            category="2",
            inn=FIRM1,
            name=NAME1,
            ogrn=ogrn13("102400123456"),
            region="40",
            okved=("29.32", "2014"),
            extra_okved=["25.62", "28.99"],
            headcount="120",
            licence_text=["Лицензия на  работы"],
            products=[("29.32.30", "1")],
        ),
        rsmp_doc(
            doc_id="d2",
            as_of="10.06.2025",
            kind="1",
            category="1",
            inn=FIRM2,
            name=NAME2,
            ogrn=ogrn13("115402700999"),
            region="40",
            okved=("22.29", "2014"),
            headcount="9",
        ),
        rsmp_doc(
            doc_id="d3",
            as_of="10.06.2025",
            kind="2",
            category="1",
            inn=IP1,
            ogrn=ogrnip15("31940270001234"),
            fio=("ИВАНОВ", "ИВАН", "ИВАНОВИЧ"),
            region="40",
            okved=("47.11", "2014"),
        ),
        rsmp_doc(
            doc_id="d4",
            as_of="10.06.2025",
            kind="3",
            category="1",
            inn=FARM1,
            ogrn=ogrnip15("30540010000111"),
            fio=("ПЕТРОВА", "АННА", None),
            region="40",
            okved=("01.11", "2014"),
        ),
        rsmp_doc(
            doc_id="d5",
            as_of="10.06.2025",
            kind="1",
            category="3",
            inn=FIRM3,
            name=NAME3,
            ogrn=ogrn13("102770055511"),
            region="77",
            okved=("29.10", "2014"),
            headcount="230",
        ),
    ]
    return envelope("РЕЕСТРМСП", "4.05", docs, declared=900)


def rsmp_2019() -> str:
    """RSMP format 4.01 on 10.08.2019: no ОГРН, no СведСоцПред, licence address text; an OKVED 2001 code."""
    docs = [
        rsmp_doc(
            doc_id="o1",
            as_of="10.08.2019",
            kind="1",
            category="1",
            inn=OLD1,
            name='ООО "СТАРЫЙ"',
            region="40",
            okved=("34.30", "2001"),
            social=None,
            licence_text=["Перевозки"],
            old_address_text="248000, КАЛУГА, УЛ. ЛЕНИНА, 1",
        ),
        rsmp_doc(
            doc_id="o2",
            as_of="10.08.2019",
            kind="1",
            category="2",
            inn=OLD2,
            name="ООО БЕЗ ОКВЭД",
            region="40",
            social=None,
        ),
    ]
    return envelope("РЕЕСТРМСП", "4.01", docs, file_id="VO_RRMSPSV_0000_9965_20190810_aaaa")


def rsmp_archive() -> bytes:
    """A zip as FNS publishes it: two members, formats 4.04 and 4.06, two documents each."""
    a = [
        rsmp_doc(
            doc_id="z1",
            as_of="10.01.2024",
            kind="1",
            category="2",
            inn=FIRM1,
            name=NAME1,
            ogrn=ogrn13("102400123456"),
            region="40",
            okved=("29.32", "2014"),
        ),
        rsmp_doc(
            doc_id="z2",
            as_of="10.01.2024",
            kind="1",
            category="1",
            inn=FIRM2,
            name=NAME2,
            ogrn=ogrn13("115402700999"),
            region="40",
            okved=("22.29", "2014"),
        ),
    ]
    b = [
        rsmp_doc(
            doc_id="z3",
            as_of="10.01.2024",
            kind="1",
            category="3",
            inn=FIRM3,
            name=NAME3,
            ogrn=ogrn13("102770055511"),
            region="77",
            okved=("29.10", "2014"),
            headcount="230",
        ),
        rsmp_doc(
            doc_id="z4",
            as_of="10.01.2024",
            kind="2",
            category="1",
            inn=IP1,
            ogrn=ogrnip15("31940270001234"),
            fio=("ИВАНОВ", "ИВАН", "ИВАНОВИЧ"),
            region="40",
            okved=("47.11", "2014"),
        ),
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("VO_RRMSPSV_0000_9965_20240110_aaaa_1.xml", envelope("РЕЕСТРМСП", "4.04", a))
        zf.writestr("VO_RRMSPSV_0000_9965_20240110_aaaa_2.xml", envelope("РЕЕСТРМСП", "4.06", b))
    return buffer.getvalue()


def sshr_2023() -> str:
    """SSHR on 31.12.2023: FIRM1 118 persons, FIRM2 0, OUTSIDER 7."""
    docs = [
        open_doc(doc_id=f"s{i}", as_of="31.12.2023", inn=inn, name=name, children=el("СведССЧР", [("КолРаб", n)]))
        for i, (inn, name, n) in enumerate([(FIRM1, NAME1, "118"), (FIRM2, NAME2, "0"), (OUTSIDER, "ООО ДРУГОЕ", "7")])
    ]
    return envelope("ОТКРДАННЫЕ3", "4.01", docs, file_id="VO_OTKRDAN_3_9965_9965_20240715_s")


def revexp_2023() -> str:
    """REVEXP on 31.12.2023: FIRM1 income 45 678 000 ₽, expenses 40 123 000 ₽; FIRM2 zeros; OUTSIDER 1 000 / -15 000."""
    rows = [
        (FIRM1, NAME1, "45678000.00", "40123000.00"),
        (FIRM2, NAME2, "0.00", "0.00"),
        (OUTSIDER, "ООО ДРУГОЕ", "1000.00", "-15000.00"),
    ]
    docs = [
        open_doc(
            doc_id=f"r{i}",
            as_of="31.12.2023",
            inn=inn,
            name=name,
            children=el("СведДохРасх", [("СумДоход", inc), ("СумРасход", exp)]),
        )
        for i, (inn, name, inc, exp) in enumerate(rows)
    ]
    return envelope("ОТКРДАННЫЕ5", "4.01", docs, file_id="VO_OTKRDAN_5_9965_9965_20240715_r")


PAYTAX_FIRM1 = [
    ("Налог на добавленную стоимость", "2500000.00"),  # federal
    ("Налог на прибыль", "1200000.50"),  # regional
    ("Налог, взимаемый в связи с  применением упрощенной  системы налогообложения", "0.00"),  # regional
    ("Земельный налог", "30000.00"),  # local
    (
        "Страховые и другие взносы на обязательное пенсионное страхование, зачисляемые в Пенсионный фонд Российской Федерации",
        "800000.00",
    ),
    ("НЕНАЛОГОВЫЕ ДОХОДЫ, администрируемые налоговыми органами", "1500.00"),  # non_tax
    ("Государственная пошлина", "4000.00"),  # unknown
]


def paytax_2023() -> str:
    """PAYTAX on 31.12.2023: FIRM1 with the lines above, FIRM2 with one line of a name no table knows."""
    docs = [
        open_doc(
            doc_id="p1",
            as_of="31.12.2023",
            inn=FIRM1,
            name=NAME1,
            children="".join(el("СвУплСумНал", [("НаимНалог", n), ("СумУплНал", v)]) for n, v in PAYTAX_FIRM1),
        ),
        open_doc(
            doc_id="p2",
            as_of="31.12.2023",
            inn=FIRM2,
            name=NAME2,
            children=el("СвУплСумНал", [("НаимНалог", "Новый   сбор"), ("СумУплНал", "100.00")]),
        ),
    ]
    return envelope("ОТКРДАННЫЕ4", "4.01", docs, file_id="VO_OTKRDAN_4_9965_9965_20240715_p")


# Hostile files -------------------------------------------------------------------------------------

BILLION_LAUGHS = (
    '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE Файл [<!ENTITY a "хахахахаха">'
    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
    '<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
    '<Файл ИдФайл="x" ВерсФорм="4.01" ТипИнф="ОТКРДАННЫЕ3" КолДок="1"><Документ ИдДок="1" '
    'ДатаСост="31.12.2023"><СведНП НаимОрг="&d;" ИННЮЛ="' + FIRM1 + '"/><СведССЧР КолРаб="1"/></Документ></Файл>'
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE Файл [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    '<Файл ИдФайл="x" ВерсФорм="4.01" ТипИнф="ОТКРДАННЫЕ3" КолДок="1"><Документ ИдДок="1" '
    'ДатаСост="31.12.2023"><СведНП НаимОрг="&xxe;" ИННЮЛ="' + FIRM1 + '"/><СведССЧР КолРаб="1"/></Документ></Файл>'
)
NOT_FNS = '<?xml version="1.0" encoding="UTF-8"?><catalog><book id="1" title="Not a tax file"/></catalog>'


def truncated() -> str:
    """SSHR cut in the middle of its second document (a download that stopped)."""
    whole = sshr_2023()
    return whole[: whole.index('<Документ ИдДок="s1"') + 40]


def unknown_type() -> str:
    docs = [open_doc(doc_id="u1", as_of="31.12.2023", inn=FIRM1, name=NAME1, children=el("СведНедоим", [("Сум", "1")]))]
    return envelope("ОТКРДАННЫЕ9", "4.01", docs)


def bad_inn() -> str:
    """REVEXP whose second INN has a wrong check digit (last digit +1)."""
    wrong = FIRM2[:-1] + str((int(FIRM2[-1]) + 1) % 10)
    rows = [(FIRM1, "45678000.00"), (wrong, "1000.00")]
    docs = [
        open_doc(
            doc_id=f"b{i}",
            as_of="31.12.2023",
            inn=inn,
            name=NAME1,
            children=el("СведДохРасх", [("СумДоход", v), ("СумРасход", "0.00")]),
        )
        for i, (inn, v) in enumerate(rows)
    ]
    return envelope("ОТКРДАННЫЕ5", "4.01", docs)


def duplicate_pair() -> tuple[str, str]:
    """Two SSHR files of the same date that both hold FIRM1 (with different headcounts)."""
    a = envelope(
        "ОТКРДАННЫЕ3",
        "4.01",
        [
            open_doc(
                doc_id="a1", as_of="31.12.2023", inn=FIRM1, name=NAME1, children=el("СведССЧР", [("КолРаб", "118")])
            )
        ],
    )
    b = envelope(
        "ОТКРДАННЫЕ3",
        "4.01",
        [
            open_doc(
                doc_id="b1", as_of="31.12.2023", inn=FIRM2, name=NAME2, children=el("СведССЧР", [("КолРаб", "3")])
            ),
            open_doc(
                doc_id="b2", as_of="31.12.2023", inn=FIRM1, name=NAME1, children=el("СведССЧР", [("КолРаб", "200")])
            ),
        ],
    )
    return a, b


def zip_bomb(path: Path, megabytes: int = 20) -> Path:
    """One member of ``megabytes`` MB of a repeated byte: deflates about 1000 : 1."""
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf,
        zf.open("VO_RRMSPSV_0000_9965_bomb.xml", "w") as member,
    ):
        chunk = b" " * (1024 * 1024)
        for _ in range(megabytes):
            member.write(chunk)
    return path


def many_members(path: Path, count: int) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(count):
            zf.writestr(f"VO_{i}.xml", sshr_2023())
    return path


FILES = {
    "rsmp-405.xml": rsmp_405,
    "rsmp-2019-401.xml": rsmp_2019,
    "sshr-2023.xml": sshr_2023,
    "revexp-2023.xml": revexp_2023,
    "paytax-2023.xml": paytax_2023,
    "hostile/billion-laughs.xml": lambda: BILLION_LAUGHS,
    "hostile/external-entity.xml": lambda: EXTERNAL_ENTITY,
    "hostile/not-fns.xml": lambda: NOT_FNS,
    "hostile/truncated.xml": truncated,
    "hostile/unknown-type.xml": unknown_type,
    "hostile/bad-inn.xml": bad_inn,
    "hostile/duplicates/VO_OTKRDAN_3_a.xml": lambda: duplicate_pair()[0],
    "hostile/duplicates/VO_OTKRDAN_3_b.xml": lambda: duplicate_pair()[1],
}


def main() -> None:
    for name, make in FILES.items():
        path = HERE / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(make(), encoding="utf-8")
    (HERE / "data-10012024-structure-10062023.zip").write_bytes(rsmp_archive())


if __name__ == "__main__":
    main()
