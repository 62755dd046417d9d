"""The loader's messages in Russian and English: ``ingest.<code>`` with ``{placeholders}``.

Library messages live in the library (a notebook gets the same text as the page); the UI merges
these into its catalogs and translates codes, nothing more. Codes are listed in
:data:`analytics.data.validate.MESSAGE_CODES`.
"""

from __future__ import annotations

import string

from analytics.data import fns_messages, rosstat_io

RU: dict[str, str] = {
    "ingest.file_too_large": "Файл слишком велик: {size_mb} МБ при пределе {limit_mb} МБ. Разбейте его на части.",
    "ingest.too_many_rows": "Слишком много строк: {rows} при пределе {limit}. Разбейте файл на части.",
    "ingest.empty_file": "Файл пуст.",
    "ingest.no_data_rows": "В файле только заголовок, строк с данными нет.",
    "ingest.not_text": "Это не текстовый файл CSV и не книга Excel .xlsx.",
    "ingest.xls_old_format": "Старый формат Excel (.xls) не поддерживается: сохраните файл как .xlsx или CSV.",
    "ingest.xlsx_broken": "Книгу Excel не удалось открыть (файл повреждён или пуст): {detail}.",
    "ingest.encoding_unknown": ("Неизвестная кодировка (похоже на {guess}). Сохраните файл в UTF-8 или Windows-1251."),
    "ingest.encoding_mixed": (
        "В файле смешаны кодировки UTF-8 и Windows-1251 (часть текста превратится в «кракозябры»). "
        "Пересохраните файл целиком в одной кодировке."
    ),
    "ingest.delimiter_unknown": (
        "Не удалось определить разделитель столбцов и заголовки. Ожидается «;», «,» или табуляция и строка заголовков."
    ),
    "ingest.quote_unclosed": "Незакрытая кавычка в строке {row}: дальше столбцы сдвинуты. Проверьте кавычки.",
    "ingest.field_count": "В строке {row} столбцов: {found}, а в заголовке: {expected}. Проверьте разделители и кавычки.",
    "ingest.header_duplicate": "Заголовок «{header}» повторяется.",
    "ingest.header_empty": "У столбца № {position} с данными нет заголовка.",
    "ingest.column_unknown": "Неизвестный столбец «{header}»: сопоставьте его со столбцом таблицы или пропустите.",
    "ingest.column_missing": "Нет обязательного столбца {column}.",
    "ingest.column_twice": "Два столбца файла означают один столбец {column}: {headers}.",
    "ingest.table_unknown": "Неизвестная таблица «{table}».",
    "ingest.mode_unknown": "Неизвестный режим «{mode}».",
    "ingest.store_rejected": "Хранилище отказалось записать данные, ничего не изменено: {detail}",
    "ingest.store_changed": "Пока вы смотрели проверку, данные в хранилище изменились. Проверьте файл ещё раз.",
    "ingest.version_unknown": "Версию № {version} этой таблицы восстановить нельзя.",
    "ingest.required": "Пустое значение в обязательном столбце.",
    "ingest.not_number": "Не число.",
    "ingest.not_integer": "Должно быть целым числом.",
    "ingest.negative": "Отрицательное значение: здесь допустимо только ноль и больше.",
    "ingest.out_of_range": "Вне допустимого диапазона {low} … {high}.",
    "ingest.not_positive": "Должно быть больше нуля.",
    "ingest.year_range": "Год вне разумного диапазона {low}–{high}.",
    "ingest.not_bool": "Ожидается «да» или «нет».",
    "ingest.not_date": "Не дата и не год: ожидается дд.мм.гггг, гггг-мм-дд или гггг.",
    "ingest.enum": "Недопустимое значение; допустимы: {allowed}.",
    "ingest.inn_format": "ИНН должен состоять из 10 (организация) или 12 (ИП) цифр.",
    "ingest.inn_lost_zero": (
        "ИНН короче на одну цифру: вероятно, потерян ведущий ноль (Excel хранил ИНН как число). "
        "Задайте столбцу текстовый формат и выгрузите заново."
    ),
    "ingest.inn_checksum": "Неверная контрольная цифра ИНН: в номере опечатка.",
    "ingest.inn_scientific": "ИНН записан в экспоненциальной форме (Excel округлил число): цифры потеряны.",
    "ingest.ogrn_format": "ОГРН должен состоять из 13 цифр (ОГРНИП — из 15).",
    "ingest.ogrn_checksum": "Неверная контрольная цифра ОГРН.",
    "ingest.okved_format": "Код ОКВЭД 2 должен иметь вид 29, 29.1, 29.10 или 29.10.1.",
    "ingest.okved_number": (
        "Код ОКВЭД сохранён в Excel как число (29.10 становится 29.1): задайте столбцу текстовый формат."
    ),
    "ingest.okved_unknown": "Такого кода нет в загруженном классификаторе ОКВЭД 2.",
    "ingest.okved_version1": "Такого класса нет в ОКВЭД 2: похоже на код старого ОКВЭД (ОК 029-2007).",
    "ingest.okved_section": "Код {code} относится к разделу {section}, а в файле указан другой.",
    "ingest.oktmo_format": "Код ОКТМО должен состоять из 8 или 11 цифр.",
    "ingest.oktmo_lost_zero": "Код ОКТМО короче на одну цифру: вероятно, потерян ведущий ноль.",
    "ingest.region_format": "Код региона — две цифры (например, 40 или 07).",
    "ingest.section_format": "Раздел ОКВЭД 2 — одна латинская буква от A до U.",
    "ingest.ident_format": "Недопустимый идентификатор: латинские строчные буквы, цифры и «_», без пробелов.",
    "ingest.formula": "Формула электронной таблицы (начинается с «=»): вставьте значение, а не формулу.",
    "ingest.formula_like": "Текст начинается с «+», «-» или «@» и может сработать как формула в Excel.",
    "ingest.html": "Текст содержит HTML-разметку или сценарий.",
    "ingest.control_chars": "Текст содержит управляющие символы.",
    "ingest.too_long": "Слишком длинный текст (больше {max} знаков).",
    "ingest.same_inn": "Поставщик и покупатель — одно и то же предприятие.",
    "ingest.duplicate_in_file": "Повтор: строка с тем же ключом уже есть в файле (строка {first_row}).",
    "ingest.duplicate_in_store": (
        "Строка с таким ключом уже есть в хранилище: в режиме «Добавить» уберите её из файла. Режим «Заменить» "
        "делает файл всей таблицей — только для полной выгрузки."
    ),
    "ingest.ref_missing": "Такого значения нет в таблице «{table}»: сначала загрузите его туда или исправьте ссылку.",
    "ingest.still_referenced": (
        "Значение исчезнет из таблицы, а на него ссылаются строки таблицы «{table}»: {count}. Сначала уберите "
        "или измените эти строки в «{table}»."
    ),
    "ingest.rollback_blocked": (
        "Откат уберёт это значение, а на него ссылаются строки таблицы «{table}»: {count}. Сначала откатите "
        "таблицу «{table}» (к версии без этих строк), затем эту."
    ),
    "ingest.fix_not_encodable": (
        "Исправление «{value}» нельзя записать в кодировке файла ({encoding}): замените этот символ."
    ),
    "ingest.template_row_held": (
        "Это шаблон без изменений: его строка-пример лишь показывает формат, а строка с таким ключом в таблице "
        "«{table}» уже есть. Впишите вместо примера свои строки."
    ),
    "ingest.template_needs": (
        "Это шаблон без изменений: его строка-пример ссылается на пример из шаблона таблицы «{table}». "
        "Сначала загрузите тот шаблон (или впишите свои строки)."
    ),
    "ingest.header_row": "Строка заголовков найдена в строке {row}; строки выше пропущены.",
    "ingest.sheet_used": "В книге несколько листов; прочитан лист «{sheet}».",
    "ingest.suppressed": "Скрытые (конфиденциальные) ячейки «к», «…», «-» прочитаны как пропуски, не нули: {count}.",
    "ingest.unit_converted": "Столбец «{header}» в единицах «{unit}» пересчитан в млн ₽.",
    "ingest.unit_assumed": "В заголовке «{header}» нет единицы: значения считаются в млн ₽.",
    "ingest.column_ignored": "Столбец «{header}» пропущен по вашему сопоставлению.",
    "ingest.name_en_copied": "Английских названий нет: взяты русские ({count}).",
    "ingest.names_en_kept": "Английские названия сохранены из прежней версии для совпадающих кодов: {count}.",
    "ingest.inn_region": (
        "У предприятий ({count}) первые две цифры ИНН не совпадают с кодом региона. Это подсказка, "
        "не ошибка: организация могла встать на учёт в другом регионе."
    ),
    "ingest.layout_used": "Распознан формат «{layout}»: файл без заголовка (раздел; код; наименование).",
    "ingest.boundary_level": "Неизвестный уровень границ «{level}».",
    "ingest.json_invalid": "Файл не является корректным JSON: {detail}.",
    "ingest.geojson_type": "Ожидается GeoJSON FeatureCollection с объектами (features).",
    "ingest.geometry_type": "Объект не полигон (тип {kind}): нужны Polygon или MultiPolygon.",
    "ingest.geometry_invalid": "Полигон некорректен: кольцо не замкнуто, меньше 4 точек или координаты вне диапазона.",
    "ingest.boundary_no_match": (
        "Ни одно свойство объектов не совпадает с кодами или названиями (уровень «{level}») в хранилище."
    ),
    "ingest.boundary_property": "Объекты сопоставлены по свойству «{property}»: {matched}.",
    "ingest.boundary_unmatched": "Не сопоставлены и пропущены объекты ({count}): {names}.",
    "ingest.boundary_merged": "Несколько объектов одной территории объединены в мультиполигон.",
    "ingest.rosstat_unreadable": "Таблицу Росстата не удалось прочитать: {detail}",
    "ingest.rosstat_no_rows": "В таблице нет строк субъектов РФ с годами — загружать нечего.",
    "ingest.rosstat_choose_indicator": ("В таблице несколько показателей; выберите строку для загрузки: {labels}"),
    "ingest.rosstat_target": "Куда загрузить таблицу: укажите {targets}.",
    "ingest.rosstat_unmatched": (
        "Названия, не найденные среди субъектов РФ ({count}), пропущены — проверьте их: {names}"
    ),
    "ingest.rosstat_skipped": "Не загружаются (федеральные округа, суммы по области с АО): {names}",
    "ingest.rosstat_read": "Прочитано строк: {rows}; субъектов: {regions}; годы {years}.",
    "ingest.rosstat_unit": "Значения в единицах «{unit}» умножены на {factor}.",
    # hostile and tricky files (issue 14)
    "ingest.xlsx_bomb": (
        "Часть книги «{member}» распаковывается в {size_mb} МБ ({ratio}× от сжатого размера; пределы: {limit_mb} МБ "
        "и {max_ratio}×). Файл отклонён до чтения: так устроены «zip-бомбы». Сохраните данные в CSV или разбейте файл."
    ),
    "ingest.xlsx_too_many_strings": (
        "В книге {count} разных текстовых значений при пределе {limit}. Разбейте файл на части или сохраните в CSV."
    ),
    "ingest.xlsx_too_many_cells": "В листе больше {limit} ячеек. Разбейте файл на части или сохраните в CSV.",
    "ingest.parse_limit": (
        "Чтение файла превысило пределы ({seconds} с, {memory_mb} МБ памяти) и остановлено; сервер работает дальше. "
        "Сохраните данные в CSV или разбейте файл."
    ),
    "ingest.not_finite": "Бесконечность или «не число» (inf, nan, 1e309): нужно конечное число.",
    "ingest.number_ambiguous": (
        "Разделитель неоднозначен: значение читается и как {decimal} (десятичная дробь), и как {grouped} "
        "(разделитель тысяч, как в «{example}» в этом же столбце). Запишите числа столбца единообразно."
    ),
    "ingest.invisible_chars": (
        "Текст содержит невидимые символы нулевой ширины (U+200B–U+200D, U+2060, U+FEFF): они могут скрывать "
        "формулу или подменять значение. Удалите их."
    ),
    "ingest.bidi_chars": (
        "Текст содержит символы управления направлением письма (U+202A–U+202E, U+2066–U+2069): "
        "они показывают текст не таким, какой он есть. Удалите их."
    ),
    "ingest.markdown_link": "Текст содержит ссылку или картинку в разметке Markdown ([текст](адрес)).",
    "ingest.excel_error": "Значение ошибки Excel (#ССЫЛКА!, #ДЕЛ/0!, #Н/Д …) вместо данных: исправьте формулу в исходной книге.",
    "ingest.sector_cycle": "Коды ОКВЭД образуют цикл родителей: {codes}. У раздела родителя нет, у кода — код выше уровнем.",
    "ingest.bare_cr": (
        "В строке {row} внутри текста стоит одиночный возврат каретки (CR, перевод строки старых Mac): строка "
        "разорвана в этом месте. Удалите этот символ или заключите значение в кавычки."
    ),
    "ingest.line_too_long": (
        "Строка {row} длиннее {limit_kb} КБ: похоже, в файле нет переводов строк или разделитель не тот. "
        "Проверьте, что это таблица CSV."
    ),
    "ingest.io_read": "Прочитаны таблицы «затраты-выпуск» за {year} год: продуктов {products}, ячеек {cells}.",
    "ingest.io_no_year": "В заголовке листа «Симм ТЗВ» (ячейка A1) не найден год («… за 2021 год»).",
}

EN: dict[str, str] = {
    "ingest.file_too_large": "The file is too large: {size_mb} MB, the limit is {limit_mb} MB. Split it into parts.",
    "ingest.too_many_rows": "Too many rows: {rows}, the limit is {limit}. Split the file into parts.",
    "ingest.empty_file": "The file is empty.",
    "ingest.no_data_rows": "The file has only a header and no data rows.",
    "ingest.not_text": "This is neither a CSV text file nor an Excel .xlsx workbook.",
    "ingest.xls_old_format": "The old Excel format (.xls) is not supported: save the file as .xlsx or CSV.",
    "ingest.xlsx_broken": "The Excel workbook could not be opened (damaged or empty): {detail}.",
    "ingest.encoding_unknown": "Unknown encoding (looks like {guess}). Save the file as UTF-8 or Windows-1251.",
    "ingest.encoding_mixed": (
        "The file mixes UTF-8 and Windows-1251 (part of the text would turn into garbage). Save the whole "
        "file in one encoding."
    ),
    "ingest.delimiter_unknown": (
        "Could not find the column delimiter and the headers. Expected “;”, “,” or tab and a header row."
    ),
    "ingest.quote_unclosed": "Unclosed quote on row {row}: the columns after it are shifted. Check the quotes.",
    "ingest.field_count": "Row {row} has {found} columns, the header has {expected}. Check delimiters and quotes.",
    "ingest.header_duplicate": "The header “{header}” appears twice.",
    "ingest.header_empty": "Column {position} holds data but has no header.",
    "ingest.column_unknown": "Unknown column “{header}”: map it to a table column or skip it.",
    "ingest.column_missing": "The required column {column} is missing.",
    "ingest.column_twice": "Two file columns mean the same column {column}: {headers}.",
    "ingest.table_unknown": "Unknown table “{table}”.",
    "ingest.mode_unknown": "Unknown mode “{mode}”.",
    "ingest.store_rejected": "The store refused to write the data, nothing changed: {detail}",
    "ingest.store_changed": "The store changed while you were looking at the check. Check the file again.",
    "ingest.version_unknown": "Version {version} of this table cannot be restored.",
    "ingest.required": "Empty value in a required column.",
    "ingest.not_number": "Not a number.",
    "ingest.not_integer": "Must be a whole number.",
    "ingest.negative": "Negative value: only zero or more is allowed here.",
    "ingest.out_of_range": "Outside the allowed range {low} … {high}.",
    "ingest.not_positive": "Must be greater than zero.",
    "ingest.year_range": "Year outside the sane range {low}–{high}.",
    "ingest.not_bool": "Expected “yes” or “no”.",
    "ingest.not_date": "Neither a date nor a year: expected dd.mm.yyyy, yyyy-mm-dd or yyyy.",
    "ingest.enum": "Value not allowed; allowed: {allowed}.",
    "ingest.inn_format": "An INN has 10 (organisation) or 12 (sole trader) digits.",
    "ingest.inn_lost_zero": (
        "The INN is one digit short: its leading zero was probably lost (Excel kept the INN as a number). "
        "Format the column as text and export again."
    ),
    "ingest.inn_checksum": "Wrong INN check digit: the number has a typo.",
    "ingest.inn_scientific": "The INN is in scientific notation (Excel rounded the number): digits are lost.",
    "ingest.ogrn_format": "An OGRN has 13 digits (OGRNIP: 15).",
    "ingest.ogrn_checksum": "Wrong OGRN check digit.",
    "ingest.okved_format": "An OKVED 2 code looks like 29, 29.1, 29.10 or 29.10.1.",
    "ingest.okved_number": "The OKVED code was stored by Excel as a number (29.10 becomes 29.1): format the column as text.",
    "ingest.okved_unknown": "No such code in the loaded OKVED 2 classifier.",
    "ingest.okved_version1": "No such division in OKVED 2: looks like a code of the old OKVED (OK 029-2007).",
    "ingest.okved_section": "Code {code} belongs to section {section}, the file says otherwise.",
    "ingest.oktmo_format": "An OKTMO code has 8 or 11 digits.",
    "ingest.oktmo_lost_zero": "The OKTMO code is one digit short: its leading zero was probably lost.",
    "ingest.region_format": "A region code has two digits (e.g. 40 or 07).",
    "ingest.section_format": "An OKVED 2 section is one Latin letter from A to U.",
    "ingest.ident_format": "Invalid identifier: lower-case Latin letters, digits and “_”, no spaces.",
    "ingest.formula": "A spreadsheet formula (starts with “=”): paste the value, not the formula.",
    "ingest.formula_like": "The text starts with “+”, “-” or “@” and could run as a formula in Excel.",
    "ingest.html": "The text contains HTML markup or a script.",
    "ingest.control_chars": "The text contains control characters.",
    "ingest.too_long": "The text is too long (more than {max} characters).",
    "ingest.same_inn": "Supplier and buyer are the same enterprise.",
    "ingest.duplicate_in_file": "Repeated key: the file already has a row with this key (row {first_row}).",
    "ingest.duplicate_in_store": (
        "A row with this key is already in the store: in “Append” mode remove it from the file. “Replace” makes "
        "the file the whole table — for a complete export only."
    ),
    "ingest.ref_missing": "No such value in the table “{table}”: load it there first, or correct the reference.",
    "ingest.still_referenced": (
        "The value would disappear, yet {count} rows of the table “{table}” refer to it: remove or change "
        "those rows in “{table}” first."
    ),
    "ingest.rollback_blocked": (
        "The rollback would remove this value, yet {count} rows of the table “{table}” refer to it. Roll back "
        "“{table}” first (to a version without those rows), then this table."
    ),
    "ingest.fix_not_encodable": "The correction “{value}” cannot be written in the file's encoding ({encoding}): replace that character.",
    "ingest.template_row_held": (
        "This is the template unchanged: its example row only shows the format, and a row with its key is "
        "already in the table “{table}”. Put your own rows in place of the example."
    ),
    "ingest.template_needs": (
        "This is the template unchanged: its example row refers to the example of the template of “{table}”. "
        "Load that template first (or put your own rows in)."
    ),
    "ingest.header_row": "The header was found on row {row}; the rows above were skipped.",
    "ingest.sheet_used": "The workbook has several sheets; the sheet “{sheet}” was read.",
    "ingest.suppressed": "Suppressed (confidential) cells “к”, “…”, “-” read as missing, not zero: {count}.",
    "ingest.unit_converted": "The column “{header}” in “{unit}” was converted to RUB mln.",
    "ingest.unit_assumed": "The header “{header}” names no unit: values are taken as RUB mln.",
    "ingest.column_ignored": "The column “{header}” was skipped as you mapped it.",
    "ingest.name_en_copied": "No English names: the Russian ones were used ({count}).",
    "ingest.names_en_kept": "English names kept from the previous version for matching codes: {count}.",
    "ingest.inn_region": (
        "For {count} enterprises the first two INN digits differ from the region code. A hint, not an error: "
        "the organisation may be registered in another region."
    ),
    "ingest.layout_used": "Recognised the “{layout}” layout: a file without a header (section; code; name).",
    "ingest.boundary_level": "Unknown boundary level “{level}”.",
    "ingest.json_invalid": "The file is not valid JSON: {detail}.",
    "ingest.geojson_type": "Expected a GeoJSON FeatureCollection with features.",
    "ingest.geometry_type": "The feature is not a polygon (type {kind}): Polygon or MultiPolygon needed.",
    "ingest.geometry_invalid": "Invalid polygon: a ring is not closed, has fewer than 4 points or coordinates out of range.",
    "ingest.boundary_no_match": "No property of the features matches the codes or names (level “{level}”) in the store.",
    "ingest.boundary_property": "Features matched by the property “{property}”: {matched}.",
    "ingest.boundary_unmatched": "Features not matched and skipped ({count}): {names}.",
    "ingest.boundary_merged": "Several features of one territory were merged into a multipolygon.",
    "ingest.rosstat_unreadable": "The Rosstat table could not be read: {detail}",
    "ingest.rosstat_no_rows": "The table has no rows of Russian regions by year: nothing to load.",
    "ingest.rosstat_choose_indicator": "The table has several indicators; choose the row to load: {labels}",
    "ingest.rosstat_target": "Where to load the table: give {targets}.",
    "ingest.rosstat_unmatched": "Names that match no Russian region ({count}) were left out — check them: {names}",
    "ingest.rosstat_skipped": "Not loaded (federal districts, oblast totals with okrugs): {names}",
    "ingest.rosstat_read": "Rows read: {rows}; regions: {regions}; years {years}.",
    "ingest.io_read": "Input–output tables for {year} read: {products} products, {cells} cells.",
    "ingest.io_no_year": "No year found in the title of sheet 'Симм ТЗВ' (cell A1: '… за 2021 год').",
    "ingest.rosstat_unit": "Values in “{unit}” were multiplied by {factor}.",
    # hostile and tricky files (issue 14)
    "ingest.xlsx_bomb": (
        "The workbook part “{member}” unpacks to {size_mb} MB ({ratio}× its packed size; limits {limit_mb} MB and "
        "{max_ratio}×). Refused before reading: this is how “zip bombs” are made. Save the data as CSV or split the file."
    ),
    "ingest.xlsx_too_many_strings": (
        "The workbook has {count} distinct text values, the limit is {limit}. Split the file or save it as CSV."
    ),
    "ingest.xlsx_too_many_cells": "The sheet has more than {limit} cells. Split the file or save it as CSV.",
    "ingest.parse_limit": (
        "Reading the file went over its limits ({seconds} s, {memory_mb} MB of memory) and was stopped; the server "
        "carries on. Save the data as CSV or split the file."
    ),
    "ingest.not_finite": "Infinity or “not a number” (inf, nan, 1e309): a finite number is needed.",
    "ingest.number_ambiguous": (
        "Ambiguous separator: the value reads as {decimal} (a decimal fraction) and as {grouped} (a thousands "
        "separator, as in “{example}” in the same column). Write the column's numbers one way."
    ),
    "ingest.invisible_chars": (
        "The text contains zero-width characters (U+200B–U+200D, U+2060, U+FEFF): they can hide a formula or "
        "disguise a value. Remove them."
    ),
    "ingest.bidi_chars": (
        "The text contains writing-direction controls (U+202A–U+202E, U+2066–U+2069): they show the text "
        "other than it is. Remove them."
    ),
    "ingest.markdown_link": "The text contains a Markdown link or image ([text](address)).",
    "ingest.excel_error": "An Excel error value (#REF!, #DIV/0!, #N/A …) instead of data: fix the formula in the source workbook.",
    "ingest.sector_cycle": "OKVED codes form a cycle of parents: {codes}. A section has no parent; a code's parent is a code one level up.",
    "ingest.bare_cr": (
        "Row {row} has a lone carriage return (CR, the old Mac line break) inside a line: the line breaks "
        "there. Remove the character or quote the value."
    ),
    "ingest.line_too_long": (
        "Row {row} is longer than {limit_kb} KB: the file seems to lack line breaks or uses another delimiter. "
        "Check that it is a CSV table."
    ),
}

#: How to fix a cell, after the message (``hint.<code>``): shown when the issue carries the values.
HINTS_RU: dict[str, str] = {
    "hint.not_number": "Ожидается число, например «{example}»: десятичная запятая или точка, тысячи можно отделять пробелом.",
    "hint.not_integer": "Ожидается целое число, например «{example}».",
    "hint.not_finite": "Ожидается конечное число, например «{example}».",
    "hint.required": "Впишите значение, например «{example}».",
    "hint.negative": "Допустимо от 0 до {high}.",
    "hint.not_positive": "Допустимо больше 0 и до {high}.",
    "hint.inn_checksum": (
        "При этих первых цифрах контрольная должна быть {expected}: ИНН {fixed}. Если ошибка не в последней "
        "цифре, сверьте номер с ЕГРЮЛ."
    ),
    "hint.ogrn_checksum": (
        "При этих первых цифрах контрольная должна быть {expected}: ОГРН {fixed}. Если ошибка не в последней "
        "цифре, сверьте номер с ЕГРЮЛ."
    ),
    "hint.okved_unknown": "Ближайшие коды классификатора: {nearest}.",
    "hint.okved_version1": "Ближайшие коды ОКВЭД 2 в классификаторе: {nearest}.",
    "hint.inn_format": "Например «{example}» (10 цифр организации) или 12 цифр ИП, без пробелов.",
    "hint.not_date": "Например «{example}».",
    "hint.not_bool": "Например «да» или «нет».",
}
HINTS_EN: dict[str, str] = {
    "hint.not_number": "Expected a number such as “{example}”: a decimal comma or point; thousands may be separated by a space.",
    "hint.not_integer": "Expected a whole number such as “{example}”.",
    "hint.not_finite": "Expected a finite number such as “{example}”.",
    "hint.required": "Fill in a value such as “{example}”.",
    "hint.negative": "Allowed: 0 to {high}.",
    "hint.not_positive": "Allowed: more than 0, up to {high}.",
    "hint.inn_checksum": (
        "With these first digits the check digit must be {expected}: INN {fixed}. If the typo is not in the last "
        "digit, check the number against the state register (EGRUL)."
    ),
    "hint.ogrn_checksum": (
        "With these first digits the check digit must be {expected}: OGRN {fixed}. If the typo is not in the last "
        "digit, check the number against the state register (EGRUL)."
    ),
    "hint.okved_unknown": "Nearest codes of the classifier: {nearest}.",
    "hint.okved_version1": "Nearest OKVED 2 codes of the classifier: {nearest}.",
    "hint.inn_format": "Such as “{example}” (10 digits of an organisation) or 12 digits of an entrepreneur, no spaces.",
    "hint.not_date": "Such as “{example}”.",
    "hint.not_bool": "Such as “yes” or “no”.",
}
RU.update(HINTS_RU)
EN.update(HINTS_EN)

# The input–output workbook's layout messages (analytics/data/rosstat_io.py), as codes io_<code>.
RU.update({f"ingest.io_{code}": ru for code, (ru, _) in rosstat_io.MESSAGES.items()})
EN.update({f"ingest.io_{code}": en for code, (_, en) in rosstat_io.MESSAGES.items()})
RU.update(fns_messages.RU)  # FNS open data (analytics/data/fns.py, fns_load.py)
EN.update(fns_messages.EN)

MESSAGES: dict[str, dict[str, str]] = {"ru": RU, "en": EN}


def render(key: str, lang: str = "en", **values: object) -> str:
    """The text of ``key`` in ``lang`` (``ru`` / ``en``; anything else → English), values filled in."""
    catalog = MESSAGES.get(lang, EN)
    return catalog[key].format(**values)


def render_hint(code: str, lang: str = "en", **values: object) -> str | None:
    """How to fix an issue of ``code`` (``hint.<code>``), or ``None`` when there is no hint for the
    code or the issue lacks a value the hint needs (the summary by kind carries no cell values)."""
    text = MESSAGES.get(lang, EN).get("hint." + code)
    if text is None:
        return None
    names = {field for _, field, _, _ in string.Formatter().parse(text) if field}
    if not names <= set(values) or any(values[n] in (None, "") for n in names):
        return None
    return text.format(**values)
