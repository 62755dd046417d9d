"""Strings of the input–output tables on the Data page (``io_load``) and of the portfolio's effect for
the region's economy on the Subsidies page (``io_effect``)."""

RU: dict[str, str] = {
    "table.io_cells": "Таблицы «затраты-выпуск»",
    "io_load.tab": "Затраты-выпуск",
    "io_load.intro": (
        'Книга Росстата «Базовые таблицы "затраты-выпуск" Российской Федерации» в том виде, как она '
        "опубликована (листы «Симм ТЗВ», «Симм отеч», при наличии «КПЗ»). Таблицы года из файла заменяют "
        "в базе таблицы того же года одной версией (её можно откатить на вкладке истории); "
        "мультипликаторы считаются по последнему году в базе."
    ),
    "io_load.none": "В базе нет таблиц «затраты-выпуск»: модель использует поставляемую выписку за 2021 год.",
    "io_load.used": "Модель мультипликаторов использует таблицы {year} года.",
    "io_load.file": "Книга «затраты-выпуск» Росстата (.xlsx)",
    "io_load.file_help": "Например, baz_tzv-2021.xlsx с сайта Росстата, без изменений.",
    "io_load.products": "Продукты таблицы ({n})",
    "io_load.col_year": "Год",
    "io_load.col_products": "Продуктов",
    "io_load.col_cells": "Ячеек",
    "io_load.col_status": "Статус данных",
    "io_load.col_no": "№",
    "io_load.col_okpd2": "ОКПД 2",
    "io_load.col_name": "Продукт",
    "io_effect.title": "Эффект для экономики региона",
    "io_effect.assumes": (
        "Модель считает, что среднегодовая выручка выбранных проектов — это новый спрос на продукцию их "
        "видов деятельности, а поставщики и работники в регионе отвечают на него по технологии таблицы "
        "«затраты-выпуск» России {io_year} года, уменьшенной до региона методом FLQ по занятости {year} года."
    ),
    "io_effect.none": "У выбранных проектов нет ожидаемой выручки — эффект для экономики не рассчитан.",
    "io_effect.no_data": "Для региона нет данных о занятости по ОКВЭД — эффект для экономики не рассчитан.",
    "io_effect.revenue": "Спрос: среднегодовая выручка проектов {total} млн ₽ по {n} видам деятельности.",
    "io_effect.col_effect": "Эффект",
    "io_effect.effect.direct": "Прямой",
    "io_effect.effect.indirect": "Косвенный (поставщики)",
    "io_effect.effect.induced": "Индуцированный (расходы работников)",
    "io_effect.effect.total": "Всего",
    "io_effect.col.output_mln_rub": "Выпуск, млн ₽",
    "io_effect.col.value_added_mln_rub": "Добавленная стоимость, млн ₽",
    "io_effect.col.wages_mln_rub": "Заработная плата, млн ₽",
    "io_effect.col.taxes_mln_rub": "НДФЛ, млн ₽",
    "io_effect.col.jobs": "Рабочие места, чел.",
    "io_effect.chart_title": "Выпуск, добавленная стоимость и зарплата по видам эффекта, млн ₽",
    "io_effect.axis": "млн ₽ в год",
}

EN: dict[str, str] = {
    "table.io_cells": "Input–output tables",
    "io_load.tab": "Input–output",
    "io_load.intro": (
        "Rosstat's workbook “Basic input–output tables of the Russian Federation” as published (sheets "
        "«Симм ТЗВ», «Симм отеч», and «КПЗ» when present). The file's year replaces the store's tables of "
        "that year as one version (it can be rolled back on the history tab); multipliers use the latest "
        "year in the store."
    ),
    "io_load.none": "The store holds no input–output tables: the model uses the shipped 2021 extract.",
    "io_load.used": "The multiplier model uses the {year} tables.",
    "io_load.file": "Rosstat's input–output workbook (.xlsx)",
    "io_load.file_help": "For example baz_tzv-2021.xlsx from Rosstat's site, unchanged.",
    "io_load.products": "Products of the table ({n})",
    "io_load.col_year": "Year",
    "io_load.col_products": "Products",
    "io_load.col_cells": "Cells",
    "io_load.col_status": "Data status",
    "io_load.col_no": "No.",
    "io_load.col_okpd2": "OKPD 2",
    "io_load.col_name": "Product",
    "io_effect.title": "Effect for the region's economy",
    "io_effect.assumes": (
        "The model treats the chosen projects' average annual revenue as new demand for their industries' "
        "products, met by suppliers and workers in the region with the technology of Russia's {io_year} "
        "input–output table, scaled down to the region by FLQ from {year} employment."
    ),
    "io_effect.none": "The chosen projects have no expected revenue: no economy-wide effect is computed.",
    "io_effect.no_data": "The region has no employment by OKVED: no economy-wide effect is computed.",
    "io_effect.revenue": "Demand: the projects' average annual revenue, {total} mln ₽ in {n} industries.",
    "io_effect.col_effect": "Effect",
    "io_effect.effect.direct": "Direct",
    "io_effect.effect.indirect": "Indirect (suppliers)",
    "io_effect.effect.induced": "Induced (workers' spending)",
    "io_effect.effect.total": "Total",
    "io_effect.col.output_mln_rub": "Output, mln ₽",
    "io_effect.col.value_added_mln_rub": "Value added, mln ₽",
    "io_effect.col.wages_mln_rub": "Wages, mln ₽",
    "io_effect.col.taxes_mln_rub": "Personal income tax, mln ₽",
    "io_effect.col.jobs": "Jobs, persons",
    "io_effect.chart_title": "Output, value added and wages by kind of effect, mln ₽",
    "io_effect.axis": "mln ₽ a year",
}
