"""Write the upload test corpus: bad files (each with the message it must get) and good files in every
supported dialect. Deterministic except the XLSX zip timestamps; rerun after changing a case::

    .venv/bin/python tests/data/make_corpus.py          # writes tests/data/{bad,good}/ and corpus.csv

``corpus.csv`` lists every file with its table, mode and expected message code (bad files) or the
number of rows it loads (good files). ``tests/test_ingest_corpus.py`` loads each file into a copy of the
demo store. The OKVED 2 classifier of Rosstat is *not* copied here: the tests re-encode
``data/reference/okved2-rosstat-20231201-utf8.csv`` (shipped) to Windows-1251 with CRLF, as
Rosstat publishes it.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent

# --- identifiers with valid check digits (docs/regulations.md), none of them in the demo store -------------


def inn10(first9: str) -> str:
    weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    return first9 + str(sum(w * int(d) for w, d in zip(weights, first9)) % 11 % 10)


def ogrn13(first12: str) -> str:
    return first12 + str(int(first12) % 11 % 10)


A, B, C = inn10("402710001"), inn10("402710002"), inn10("402710003")
ZERO_LEAD = inn10("071234567")  # a region-07 INN: leading zero
OGRN_A = ogrn13("102400000001")
DEMO_INN = "4029032450"  # already in the demo store
DEMO_INN_2 = "4099000011"

RU_HEAD = ["ИНН", "ОГРН", "Наименование", "ОКВЭД", "Код региона", "ОКТМО"]


def rows_csv(rows: list[list[str]], delimiter: str = ";", line: str = "\n", quote_all: bool = False) -> str:
    buffer = io.StringIO()
    writer = csv.writer(
        buffer, delimiter=delimiter, lineterminator=line, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL
    )
    writer.writerows(rows)
    return buffer.getvalue()


def enterprises(*rows: list[str], head: list[str] = RU_HEAD) -> str:
    return rows_csv([head, *rows])


GOOD_ROW_A = [A, OGRN_A, "ООО «Калужские компоненты»", "29.32", "40", "29701000"]


def xlsx(
    rows: list[list[object]], formulas: dict[tuple[int, int], str] | None = None, title_rows: list[str] | None = None
) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    book.properties.created = book.properties.modified = datetime(2024, 1, 1)
    sheet = book.active
    sheet.title = "Данные"
    for title in title_rows or []:
        sheet.append([title])
    for row in rows:
        sheet.append(row)
    for (r, c), formula in (formulas or {}).items():
        sheet.cell(row=r, column=c, value=formula)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- bad files: (file, table, mode, expected message code, bytes) -----------------------------------------


def bad_files() -> list[tuple[str, str, str, str, bytes]]:
    koi8 = enterprises(
        [A, OGRN_A, "ООО Калужские компоненты", "29.32", "40", "29701000"],
        [B, "", "Общество с ограниченной ответственностью Обнинский приборный завод", "26.51", "40", "29715000"],
    ).encode("koi8_r")
    mixed = rows_csv([RU_HEAD]).encode("utf-8") + rows_csv(
        [GOOD_ROW_A, [B, "", "АО «Людиновский тепловозостроительный»", "30.20", "40", ""]]
    ).encode("cp1251")
    ey_head = ["ИНН", "Год", "Численность", "Выручка, млн руб."]
    sl_head = ["ИНН поставщика", "ИНН покупателя", "Год", "Объём поставок, млн руб."]
    cases = [
        ("encoding_koi8.csv", "enterprises", "append", "encoding_unknown", koi8),
        ("encoding_mixed.csv", "enterprises", "append", "encoding_mixed", mixed),
        (
            "binary_png.csv",
            "enterprises",
            "append",
            "not_text",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(64)),
        ),
        (
            "delimiter_colon.csv",
            "enterprises",
            "append",
            "delimiter_unknown",
            rows_csv([RU_HEAD, GOOD_ROW_A], delimiter=":").encode("utf-8"),
        ),
        (
            "quote_unclosed.csv",
            "enterprises",
            "append",
            "quote_unclosed",
            (f'ИНН;Наименование;ОКВЭД;Код региона\n{A};"ООО Ромашка;29.32;40\n{B};ООО Лютик;29.32;40\n').encode(),
        ),
        (
            "field_count.csv",
            "enterprises",
            "append",
            "field_count",
            f"ИНН;Наименование;ОКВЭД;Код региона\n{A};ООО Ромашка;29.32;40\n{B};ООО Лютик;29.32;40;лишнее\n".encode(),
        ),
        ("empty.csv", "enterprises", "append", "empty_file", b""),
        ("header_only.csv", "enterprises", "append", "no_data_rows", enterprises().encode("utf-8")),
        (
            "extra_column.csv",
            "enterprises",
            "append",
            "column_unknown",
            enterprises(GOOD_ROW_A + ["проверено"], head=RU_HEAD + ["Комментарий бухгалтера"]).encode("utf-8"),
        ),
        (
            "missing_column.csv",
            "enterprises",
            "append",
            "column_missing",
            rows_csv([["ИНН", "Наименование", "Код региона"], [A, "ООО Ромашка", "40"]]).encode("utf-8"),
        ),
        (
            "inn_checksum.csv",
            "enterprises",
            "append",
            "inn_checksum",
            enterprises([A[:-1] + str((int(A[-1]) + 1) % 10)] + GOOD_ROW_A[1:]).encode("utf-8"),
        ),
        (
            "inn_lost_zero.csv",
            "enterprises",
            "append",
            "inn_lost_zero",
            enterprises([ZERO_LEAD.lstrip("0")] + GOOD_ROW_A[1:]).encode("utf-8"),
        ),
        (
            "inn_scientific.csv",
            "enterprises",
            "append",
            "inn_scientific",
            enterprises(["4,02710E+09"] + GOOD_ROW_A[1:]).encode("utf-8"),
        ),
        (
            "okved_unknown.csv",
            "enterprises",
            "append",
            "okved_unknown",
            enterprises(GOOD_ROW_A[:3] + ["29.99"] + GOOD_ROW_A[4:]).encode("utf-8"),
        ),
        (
            "okved_version1.csv",
            "enterprises",
            "append",
            "okved_version1",
            enterprises(GOOD_ROW_A[:3] + ["34.10"] + GOOD_ROW_A[4:]).encode("utf-8"),
        ),
        (
            "okved_format.csv",
            "enterprises",
            "append",
            "okved_format",
            enterprises(GOOD_ROW_A[:3] + ["2932"] + GOOD_ROW_A[4:]).encode("utf-8"),
        ),
        (
            "region_unknown.csv",
            "enterprises",
            "append",
            "ref_missing",
            enterprises(GOOD_ROW_A[:4] + ["99", ""]).encode("utf-8"),
        ),
        (
            "oktmo_unknown.csv",
            "enterprises",
            "append",
            "ref_missing",
            enterprises(GOOD_ROW_A[:5] + ["29999000"]).encode("utf-8"),
        ),
        (
            "oktmo_format.csv",
            "enterprises",
            "append",
            "oktmo_format",
            enterprises(GOOD_ROW_A[:5] + ["29701"]).encode("utf-8"),
        ),
        (
            "ogrn_checksum.csv",
            "enterprises",
            "append",
            "ogrn_checksum",
            enterprises([A, OGRN_A[:-1] + str((int(OGRN_A[-1]) + 1) % 10)] + GOOD_ROW_A[2:]).encode("utf-8"),
        ),
        (
            "duplicate_in_file.csv",
            "enterprises",
            "append",
            "duplicate_in_file",
            enterprises(GOOD_ROW_A, [A, "", "ООО «Двойник»", "29.32", "40", ""]).encode("utf-8"),
        ),
        (
            "duplicate_in_store.csv",
            "enterprises",
            "append",
            "duplicate_in_store",
            enterprises([DEMO_INN] + GOOD_ROW_A[1:]).encode("utf-8"),
        ),
        (
            "formula_in_name.csv",
            "enterprises",
            "append",
            "formula",
            enterprises(GOOD_ROW_A[:2] + ['=HYPERLINK("http://example.invalid","Нажми")'] + GOOD_ROW_A[3:]).encode(
                "utf-8"
            ),
        ),
        (
            "formula_like_name.csv",
            "enterprises",
            "append",
            "formula_like",
            enterprises(GOOD_ROW_A[:2] + ["@SUM(1+1)*cmd|' /C calc'!A0"] + GOOD_ROW_A[3:]).encode("utf-8"),
        ),
        (
            "html_in_name.csv",
            "enterprises",
            "append",
            "html",
            enterprises(GOOD_ROW_A[:2] + ['ООО <script>alert("x")</script>'] + GOOD_ROW_A[3:]).encode("utf-8"),
        ),
        (
            "control_chars.csv",
            "enterprises",
            "append",
            "control_chars",
            enterprises(GOOD_ROW_A[:2] + ["ООО \x07Звонок"] + GOOD_ROW_A[3:]).encode("utf-8"),
        ),
        (
            "required_empty.csv",
            "enterprises",
            "append",
            "required",
            enterprises(GOOD_ROW_A[:2] + [""] + GOOD_ROW_A[3:]).encode("utf-8"),
        ),
        (
            "header_duplicate.csv",
            "enterprises",
            "append",
            "header_duplicate",
            rows_csv([RU_HEAD + ["инн"], GOOD_ROW_A + [A]]).encode("utf-8"),
        ),
        (
            "enum_kind.csv",
            "enterprises",
            "append",
            "enum",
            rows_csv([RU_HEAD + ["Вид организации"], GOOD_ROW_A + ["завод"]]).encode("utf-8"),
        ),
        (
            "not_bool.csv",
            "enterprises",
            "append",
            "not_bool",
            rows_csv([RU_HEAD + ["МСП"], GOOD_ROW_A + ["возможно"]]).encode("utf-8"),
        ),
        (
            "not_date.csv",
            "enterprises",
            "append",
            "not_date",
            rows_csv([RU_HEAD + ["Дата регистрации"], GOOD_ROW_A + ["31.02.2007"]]).encode("utf-8"),
        ),
        (
            "negative_employees.csv",
            "enterprise_years",
            "append",
            "negative",
            rows_csv([ey_head, [DEMO_INN, "2015", "-5", "100,0"]]).encode("utf-8"),
        ),
        (
            "not_integer_employees.csv",
            "enterprise_years",
            "append",
            "not_integer",
            rows_csv([ey_head, [DEMO_INN, "2015", "12,5", "100,0"]]).encode("utf-8"),
        ),
        (
            "not_number_revenue.csv",
            "enterprise_years",
            "append",
            "not_number",
            rows_csv([ey_head, [DEMO_INN, "2015", "120", "много"]]).encode("utf-8"),
        ),
        (
            "year_range.csv",
            "enterprise_years",
            "append",
            "year_range",
            rows_csv([ey_head, [DEMO_INN, "2999", "120", "100,0"]]).encode("utf-8"),
        ),
        (
            "dangling_supply_link.csv",
            "supply_links",
            "append",
            "ref_missing",
            rows_csv([sl_head, [DEMO_INN, C, "2023", "15,5"]]).encode("utf-8"),
        ),
        (
            "same_inn_link.csv",
            "supply_links",
            "append",
            "same_inn",
            rows_csv([sl_head, [DEMO_INN, DEMO_INN, "2023", "15,5"]]).encode("utf-8"),
        ),
        (
            "sectors_orphans.csv",
            "sectors",
            "replace",
            "still_referenced",
            rows_csv(
                [
                    ["Код", "Наименование"],
                    ["C", "Обрабатывающие производства"],
                    ["10", "Производство пищевых продуктов"],
                ]
            ).encode("utf-8"),
        ),
        ("empty.xlsx", "enterprises", "append", "empty_file", b""),
        ("broken.xlsx", "enterprises", "append", "xlsx_broken", b"PK\x03\x04" + b"\x00garbage" * 20),
        (
            "old_format.xls",
            "enterprises",
            "append",
            "xls_old_format",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 120,
        ),
        (
            "formula_cell.xlsx",
            "enterprises",
            "append",
            "formula",
            xlsx([RU_HEAD, GOOD_ROW_A], formulas={(2, 3): '=CONCATENATE("ООО ", "Формула")'}),
        ),
        (
            "inn_as_number.xlsx",
            "enterprises",
            "append",
            "inn_lost_zero",
            xlsx([RU_HEAD, [int(ZERO_LEAD)] + GOOD_ROW_A[1:]]),
        ),
        (
            "okved_as_number.xlsx",
            "enterprises",
            "append",
            "okved_number",
            xlsx([RU_HEAD, GOOD_ROW_A[:3] + [29.10] + GOOD_ROW_A[4:]]),
        ),
    ]
    return cases


# --- good files: (file, table, mode, rows loaded, bytes) -----------------------------------------------------


def good_files() -> list[tuple[str, str, str, int, bytes]]:
    row_b = [B, "", "АО «Обнинский завод, компоненты»", "26.51", "40", "29715000"]
    en_head = ["OKVED", "Name", "INN", "Region code", "founded", "SME"]
    cp1251 = rows_csv(
        [
            ["Предприятие: выгрузка 1С", ""],
            [],
            ["ИНН", "Год", "Среднесписочная численность, чел.", "Выручка, тыс. руб.", "Инвестиции"],
            [DEMO_INN, "2015", "1\u00a0250", "1\u00a0234\u00a0567,8", "98,2"],
            [DEMO_INN_2, "2015", "3 400", "12 345 678", "к"],
        ],
        line="\r\n",
    ).encode("cp1251")
    suppressed = rows_csv(
        [
            ["Код региона", "ОКВЭД", "Год", "Численность", "ФОТ, млн руб.", "Число организаций"],
            ["40", "29", "2015", "21 345,5", "к", "…"],
            ["07", "29", "2015", "-", "12,5", "3"],
        ]
    ).encode("utf-8")
    xlsx_rows = [
        ["ИНН", "Наименование", "ОКВЭД", "Код региона", "Дата регистрации", "МСП"],
        [A, "ООО «Калужские компоненты»", "29.32", 40, datetime(2007, 3, 15), "да"],
        [B, "АО «Обнинский завод»", "26.51", 40, 2011, "нет"],
    ]
    return [
        (
            "utf8_comma.csv",
            "enterprises",
            "append",
            2,
            rows_csv([RU_HEAD, GOOD_ROW_A, row_b], delimiter=",").encode("utf-8"),
        ),
        ("utf8_bom_semicolon.csv", "enterprises", "append", 2, enterprises(GOOD_ROW_A, row_b).encode("utf-8-sig")),
        (
            "cp1251_semicolon_crlf.csv",
            "enterprises",
            "append",
            2,
            rows_csv([RU_HEAD, GOOD_ROW_A, row_b], line="\r\n").encode("cp1251"),
        ),
        (
            "english_tab_any_order.tsv",
            "enterprises",
            "append",
            2,
            rows_csv(
                [
                    en_head,
                    ["29.32", "Kaluga Components LLC", A, "40", "2007-03-15", "yes"],
                    ["26.51", "Obninsk Plant JSC", B, "40", "15.09.2011", "no"],
                ],
                delimiter="\t",
            ).encode("utf-8"),
        ),
        (
            "utf16_tab.txt",
            "enterprises",
            "append",
            2,
            rows_csv([RU_HEAD, GOOD_ROW_A, row_b], delimiter="\t").encode("utf-16"),
        ),
        (
            "pipe_quoted.csv",
            "enterprises",
            "append",
            2,
            rows_csv([RU_HEAD, GOOD_ROW_A, row_b], delimiter="|", quote_all=True).encode("utf-8"),
        ),
        ("cp1251_title_rows_thousands.csv", "enterprise_years", "append", 2, cp1251),
        ("suppressed_cells.csv", "region_sector_years", "append", 2, suppressed),
        (
            "supply_links.csv",
            "supply_links",
            "append",
            1,
            rows_csv(
                [
                    ["ИНН поставщика", "ИНН покупателя", "Год", "Объём поставок, млн руб."],
                    [DEMO_INN, DEMO_INN_2, "2015", "1 015,25"],
                ]
            ).encode("utf-8"),
        ),
        (
            "title_rows.xlsx",
            "enterprises",
            "append",
            2,
            xlsx(xlsx_rows, title_rows=["Реестр предприятий", "по состоянию на 01.01.2024"]),
        ),
    ]


GEOJSON_BAD = {
    "not_json.geojson": ("json_invalid", b'{"type": "FeatureCollection", "features": [ {'),
    "point.geojson": (
        "geometry_type",
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"name": "Калужская область"},
                        "geometry": {"type": "Point", "coordinates": [36.27, 54.53]},
                    }
                ],
            }
        ).encode("utf-8"),
    ),
    "open_ring.geojson": (
        "geometry_invalid",
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"name": "Калужская область"},
                        "geometry": {"type": "Polygon", "coordinates": [[[35, 54], [36, 54], [36, 55], [35, 55.5]]]},
                    }
                ],
            }
        ).encode("utf-8"),
    ),
    "no_match.geojson": (
        "boundary_no_match",
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"name": "Атлантида"},
                        "geometry": {"type": "Polygon", "coordinates": [[[35, 54], [36, 54], [36, 55], [35, 54]]]},
                    }
                ],
            }
        ).encode("utf-8"),
    ),
    "topojson.json": ("geojson_type", json.dumps({"type": "Topology", "objects": {}}).encode("utf-8")),
}


def main() -> None:
    for folder in ("bad", "good"):
        (HERE / folder).mkdir(exist_ok=True)
        for old in (HERE / folder).iterdir():
            old.unlink()
    manifest = [["file", "table", "mode", "expect"]]
    for name, table, mode, code, data in bad_files():
        (HERE / "bad" / name).write_bytes(data)
        manifest.append([f"bad/{name}", table, mode, code])
    for name, (code, data) in GEOJSON_BAD.items():
        (HERE / "bad" / name).write_bytes(data)
        manifest.append([f"bad/{name}", "boundaries", "region", code])
    for name, table, mode, rows, data in good_files():
        (HERE / "good" / name).write_bytes(data)
        manifest.append([f"good/{name}", table, mode, str(rows)])
    (HERE / "corpus.csv").write_text(rows_csv(manifest, delimiter=","), encoding="utf-8")
    print(f"{len(bad_files()) + len(GEOJSON_BAD)} bad and {len(good_files())} good files in {HERE}")


if __name__ == "__main__":
    main()
