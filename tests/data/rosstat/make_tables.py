"""Write the Rosstat-shaped test tables of this folder (deterministic content; rerun after a change)::

    .venv/bin/python tests/data/rosstat/make_tables.py

Shapes, as Rosstat publishes «Регионы России» / EMISS tables: a contents sheet; title rows above the
header; years as numbers and as text («2018 г.», «2019 1)»); Russia, federal districts (one with a
footnote mark) and regions in rows, an autonomous okrug inside its oblast («в том числе:» and «…
без автономного округа»); numbers as text with a decimal comma and a space as thousands separator;
every suppressed / missing mark («…», «...», «к», «-», «–», «х», empty); a name that matches no
region; footnote lines under the table; a second sheet with another indicator.

``regional_wide.xlsx`` and ``regional_wide.xls`` hold the same cells; ``multi_indicator.xlsx`` has
indicator headings and a region heading its own lines; ``regional_cp1251.csv`` is the first sheet as
a Windows-1251 ``;`` CSV. Needs openpyxl and xlwt (requirements-dev.txt).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

HERE = Path(__file__).resolve().parent

CONTENTS = [
    ["Содержание:"],
    [None, "1. Среднегодовая численность занятых в обрабатывающих производствах"],
    [None, "2. Численность рабочей силы"],
    [None, "Обновлено: 01.03.2024"],
]
SHEET_1 = [
    ["К содержанию"],
    ["5.12. СРЕДНЕГОДОВАЯ ЧИСЛЕННОСТЬ ЗАНЯТЫХ В ОБРАБАТЫВАЮЩИХ ПРОИЗВОДСТВАХ"],
    ["(тысяч человек)"],
    [None],
    [None, 2017, "2018 г.", "2019 1)", "2020"],
    ["Российская Федерация", "10 173,2", "10 066,8", 9962.7, "9 713,5"],
    ["Центральный федеральный округ", 2900.1, 2890.4, 2870, 2800.5],
    ["г. Москва", 850.3, 845.1, 840.9, 830],
    ["Калужская область", "110,3", "109,8", "108,1", "105,0"],
    ["Северо-Западный федеральный округ", 1200, 1190, 1180, 1170],
    ["Архангельская область", 60.5, 60.1, 59.8, 59.0],
    ["в том числе:", None, None, None, None],
    ["Ненецкий автономный округ", 1.2, "…", "...", "к"],
    ["Архангельская область без автономного округа", 59.3, 59.0, 58.7, 58.1],
    ["Южный федеральный округ 2)", 1500, 1510, 1520, 1530],
    ["Дальневосточный федеральный округ", 600, 590, 580, 570],
    ["Республика Саха (Якутия)", 25.4, "-", "–", 24.1],
    ["Уральский федеральный округ", 1100, 1090, 1080, 1070],
    ["Ханты-Мансийский автономный округ – Югра", 45.6, "х", None, 44.0],
    ["Сибирский федеральный округ", 1300, 1290, 1280, 1270],
    ["Кемеровская область – Кузбасс", "120,7", "121,0", "119,9", "118,2"],
    ["Москва и Подмосковье (оценка)", 100, 101, 102, 103],
    ["1) С 2019 г. по новой методике.", None, None, None, None],
    ["2) С 2014 г. с учетом Республики Крым и г. Севастополя.", None, None, None, None],
]
SHEET_2 = [
    ["ЧИСЛЕННОСТЬ РАБОЧЕЙ СИЛЫ"],
    ["(тысяч человек)"],
    [None, "2022", "2023"],
    ["Российская Федерация", "75 300,0", "76 000,0"],
    ["Калужская область", "560,1", "565,8"],
    ["г. Москва", "7 000,5", "7 100,2"],
    ["Чувашская Республика - Чувашия", "600,0", "598,0"],
]
MULTI = [
    ["Среднегодовая численность занятых по видам деятельности (тысяч человек)"],
    [None, 2022, 2023],
    ["Обрабатывающие производства", None, None],
    ["Российская Федерация", 10003.4, 10317.2],
    ["Калужская область", 100.5, 101.2],
    ["Тульская область", 150.0, 152.5],
    ["Воронежская область", 120.0, 119.0],
    ["Производство автотранспортных средств", None, None],
    ["Российская Федерация", 400.0, 410.0],
    ["Калужская область", 20.1, 18.4],
    ["Тульская область", "к", "к"],
    ["Воронежская область", "…", 2.0],
    ["Калужская область", None, None],
    ["мужчины", 60.2, 61.0],
    ["женщины", 40.3, 40.2],
]


def _xlsx(sheets: dict[str, list[list]], path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    book.save(path)


def _xls(sheets: dict[str, list[list]], path: Path) -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    for title, rows in sheets.items():
        ws = book.add_sheet(title)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None:
                    ws.write(r, c, value)
    book.save(str(path))


def main() -> None:
    sheets = {"Содержание": CONTENTS, "1": SHEET_1, "2": SHEET_2}
    _xlsx(sheets, HERE / "regional_wide.xlsx")
    _xls(sheets, HERE / "regional_wide.xls")
    _xlsx({"Занятые": MULTI}, HERE / "multi_indicator.xlsx")
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in SHEET_1[1:]:
        writer.writerow(["" if v is None else str(v).replace(".", ",") if isinstance(v, float) else v for v in row])
    (HERE / "regional_cp1251.csv").write_bytes(out.getvalue().encode("cp1251"))


if __name__ == "__main__":
    main()
