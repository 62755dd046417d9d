"""Strings of the Data page (upload, validation report, versions, templates, boundaries, login) and the
loader's messages (``ingest.<code>``, codes from :data:`analytics.validate.MESSAGE_CODES`)."""
RU: dict[str, str] = {
    "nav.load": "Данные",
    "table.boundaries": "Границы",
    "upload.title": "Данные: загрузка, проверка, версии",
    "upload.intro": (
        "Загрузите выгрузку Росстата, ФНС, СПАРК, 1С или свою таблицу (CSV или Excel). Файл сначала "
        "проверяется: вы увидите каждую ошибку со строкой и столбцом и что изменится в хранилище. "
        "Данные записываются только после подтверждения, одной операцией; каждую прежнюю версию "
        "можно вернуть."
    ),
    "upload.tab_load": "Загрузка файла",
    "upload.tab_history": "Версии и откат",
    "upload.tab_templates": "Шаблоны",
    "upload.tab_boundaries": "Границы для карт",
    # login
    "upload.login_title": "Вход аналитика",
    "upload.login_needed": "Проверить файл может любой; загрузить, сопоставить столбцы и откатить версию — только аналитик после входа.",
    "upload.user": "Имя",
    "upload.password": "Пароль",
    "upload.login": "Войти",
    "upload.logout": "Выйти",
    "upload.logged_in": "Вы вошли как **{name}**.",
    "upload.login_failed": "Неверное имя или пароль.",
    "upload.login_throttled": "Слишком много неудачных попыток. Повторите через {seconds} с.",
    "upload.no_analysts": (
        "Учётных записей аналитиков пока нет. Администратор добавляет их на сервере: "
        "`python -m analytics.auth add ИМЯ` (см. README, раздел «Loading real data»)."
    ),
    # upload
    "upload.table": "Таблица",
    "upload.mode": "Режим",
    "upload.mode.append": "Добавить строки",
    "upload.mode.replace": "Заменить таблицу целиком",
    "upload.mode_help": (
        "«Добавить» дописывает новые строки и отказывает, если строка с тем же ключом уже есть. "
        "«Заменить» делает файл всей таблицей: строки, которых нет в файле, будут удалены."
    ),
    "upload.file": "Файл CSV или Excel (.xlsx)",
    "upload.file_help": (
        "До {mb} МБ и {rows} строк. Кодировка UTF-8 или Windows-1251, разделитель «;», «,» или табуляция, "
        "десятичная запятая или точка. Заголовки по-русски или по-английски, в любом порядке."
    ),
    "upload.read_as": "Прочитано: {format}{encoding}{delimiter}{header}{sheet}, строк данных: {rows}.",
    "upload.read_encoding": ", кодировка {value}",
    "upload.read_delimiter": ", разделитель «{value}»",
    "upload.read_header": ", заголовок в строке {value}",
    "upload.read_no_header": ", без строки заголовка",
    "upload.read_sheet": ", лист «{value}»",
    "upload.tab_char": "табуляция",
    "upload.errors_found": "Файл не загружен: найдено ошибок — {n}. Хранилище не изменилось.",
    "upload.errors_summary": "Ошибки по видам",
    "upload.errors_detail": "Ошибки по строкам (первые {n})",
    "upload.errors_download": "Скачать отчёт об ошибках (CSV)",
    "upload.warnings": "Обратите внимание",
    "upload.file_ok": "Ошибок нет. Проверьте, что изменится, и подтвердите загрузку.",
    "upload.mapping_title": "Сопоставление столбцов",
    "upload.mapping_intro": (
        "Эти заголовки не распознаны. Укажите, какому столбцу таблицы соответствует каждый, или "
        "пропустите его. Выбор запомнится для следующих файлов."
    ),
    "upload.mapping_choose": "— выберите —",
    "upload.mapping_skip": "пропустить столбец",
    "upload.mapping_apply": "Применить и запомнить",
    "upload.mapping_login": "Войдите как аналитик, чтобы сопоставить столбцы вручную.",
    "upload.preview": "Что изменится",
    "upload.added": "Добавится строк",
    "upload.changed": "Изменится строк",
    "upload.removed": "Удалится строк",
    "upload.unchanged": "Без изменений",
    "upload.sample_added": "Добавляемые строки (первые {n})",
    "upload.sample_changed": "Изменяемые строки (первые {n})",
    "upload.sample_removed": "Удаляемые строки (первые {n})",
    "upload.confirm": "Я проверил(а) изменения",
    "upload.commit": "Загрузить в хранилище",
    "upload.commit_login": "Чтобы загрузить файл, войдите как аналитик.",
    "upload.committed": "Загружено: версия № {version}, строк добавлено или изменено — {rows}. Все страницы уже показывают новые данные.",
    "upload.nothing_to_do": "Файл совпадает с содержимым таблицы: загружать нечего.",
    # report columns
    "upload.col_row": "Строка",
    "upload.col_column": "Столбец",
    "upload.col_value": "Значение",
    "upload.col_message": "Что не так",
    "upload.col_count": "Сколько",
    "upload.col_changes": "Изменения",
    # history and rollback
    "upload.history": "История загрузок",
    "upload.rollback": "Вернуть прежнюю версию таблицы",
    "upload.rollback_intro": (
        "Выберите таблицу и версию: таблица станет такой, какой была сразу после этой версии. "
        "Откат сам записывается как новая версия, его тоже можно отменить."
    ),
    "upload.rollback_version": "Версия",
    "upload.rollback_none": "Для этой таблицы нет версий, к которым можно вернуться.",
    "upload.rollback_do": "Откатить к выбранной версии",
    "upload.rollback_done": "Таблица возвращена к версии № {version} (новая версия № {new}).",
    "upload.rollback_same": "Таблица уже совпадает с выбранной версией.",
    "upload.rollback_login": "Чтобы откатить версию, войдите как аналитик.",
    "upload.version_label": "№ {version} · {when} · {action} · {file} · {user}",
    # templates
    "upload.templates_intro": (
        "Шаблон каждой таблицы: заголовки и одна строка-пример. Обязательные столбцы отмечены; "
        "остальные можно опустить. Денежные суммы — в млн ₽ (или укажите единицу в заголовке: "
        "«Выручка, тыс. руб.» будет пересчитана)."
    ),
    "upload.template_ru": "Шаблон CSV с русскими заголовками",
    "upload.template_en": "Шаблон CSV с английскими заголовками",
    "upload.template_xlsx": "Все шаблоны в одной книге Excel",
    "upload.col_store": "Столбец хранилища",
    "upload.col_header_ru": "Заголовок (рус.)",
    "upload.col_header_en": "Заголовок (англ.)",
    "upload.col_required": "Обязательный",
    "upload.col_example": "Пример",
    "upload.yes": "да",
    "upload.no": "нет",
    # boundaries
    "upload.boundaries_intro": (
        "Файл GeoJSON с границами регионов или муниципалитетов (полигоны в градусах WGS 84). "
        "Каждый объект должен называться кодом (регион «40», ОКТМО) или названием, известным хранилищу. "
        "После загрузки карты закрашивают территории."
    ),
    "upload.boundary_level": "Уровень",
    "upload.level.region": "Регионы",
    "upload.level.municipality": "Муниципалитеты",
    "upload.boundary_file": "Файл GeoJSON",
    "upload.boundary_ok": "Границы распознаны: объектов — {n}.",
    "upload.boundary_load": "Загрузить границы",
    "upload.boundary_done": "Границы загружены: {n} (версия № {version}).",
    "upload.boundary_loaded": "Загруженные границы",
    "upload.boundary_map": "Проверка: границы на карте",
    "upload.boundary_value.region": "Занятые в обработке, чел.",
    "upload.boundary_value.municipality": "Предприятий в базе",
    "upload.boundary_none": "Границ этого уровня пока нет.",
    "upload.col_level": "Уровень",
    "upload.col_units": "Территорий",
    # loader messages
    "ingest.file_too_large": "Файл слишком велик: {size_mb} МБ при пределе {limit_mb} МБ. Разбейте его на части.",
    "ingest.too_many_rows": "Слишком много строк: {rows} при пределе {limit}. Разбейте файл на части.",
    "ingest.empty_file": "Файл пуст.",
    "ingest.no_data_rows": "В файле только заголовок, строк с данными нет.",
    "ingest.not_text": "Это не текстовый файл CSV и не книга Excel .xlsx.",
    "ingest.xls_old_format": "Старый формат Excel (.xls) не поддерживается: сохраните файл как .xlsx или CSV.",
    "ingest.xlsx_broken": "Книгу Excel не удалось открыть (файл повреждён или пуст): {detail}.",
    "ingest.encoding_unknown": (
        "Неизвестная кодировка (похоже на {guess}). Сохраните файл в UTF-8 или Windows-1251."
    ),
    "ingest.encoding_mixed": (
        "В файле смешаны кодировки UTF-8 и Windows-1251 (часть текста превратится в «кракозябры»). "
        "Пересохраните файл целиком в одной кодировке."
    ),
    "ingest.delimiter_unknown": (
        "Не удалось определить разделитель столбцов и заголовки. Ожидается «;», «,» или табуляция "
        "и строка заголовков."
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
        "Строка с таким ключом уже есть в хранилище. Чтобы обновить данные, выберите режим «Заменить»."
    ),
    "ingest.ref_missing": "Ссылка в никуда: такого значения нет в таблице «{table}».",
    "ingest.still_referenced": (
        "Значение исчезнет из таблицы, а на него ссылаются строки таблицы «{table}»: {count}."
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
}

EN: dict[str, str] = {
    "nav.load": "Data",
    "table.boundaries": "Boundaries",
    "upload.title": "Data: load, check, versions",
    "upload.intro": (
        "Load an export from Rosstat, the tax service, SPARK, 1C or your own spreadsheet (CSV or Excel). "
        "The file is checked first: you see every problem with its row and column, and what will change "
        "in the store. Data is written only after you confirm, in one operation; every earlier version "
        "can be restored."
    ),
    "upload.tab_load": "Load a file",
    "upload.tab_history": "Versions and rollback",
    "upload.tab_templates": "Templates",
    "upload.tab_boundaries": "Boundaries for maps",
    "upload.login_title": "Analyst login",
    "upload.login_needed": "Anyone can check a file; loading, mapping columns and rolling back need an analyst login.",
    "upload.user": "Name",
    "upload.password": "Password",
    "upload.login": "Log in",
    "upload.logout": "Log out",
    "upload.logged_in": "Logged in as **{name}**.",
    "upload.login_failed": "Wrong name or password.",
    "upload.login_throttled": "Too many failed attempts. Try again in {seconds} s.",
    "upload.no_analysts": (
        "No analyst accounts yet. An administrator adds them on the server: "
        "`python -m analytics.auth add NAME` (see the README, “Loading real data”)."
    ),
    "upload.table": "Table",
    "upload.mode": "Mode",
    "upload.mode.append": "Add rows",
    "upload.mode.replace": "Replace the whole table",
    "upload.mode_help": (
        "“Add” appends new rows and refuses a row whose key is already in the store. "
        "“Replace” makes the file the whole table: rows missing from the file are removed."
    ),
    "upload.file": "CSV or Excel (.xlsx) file",
    "upload.file_help": (
        "Up to {mb} MB and {rows} rows. UTF-8 or Windows-1251, delimiter “;”, “,” or tab, decimal comma "
        "or point. Headers in Russian or English, in any order."
    ),
    "upload.read_as": "Read as: {format}{encoding}{delimiter}{header}{sheet}; data rows: {rows}.",
    "upload.read_encoding": ", encoding {value}",
    "upload.read_delimiter": ", delimiter “{value}”",
    "upload.read_header": ", header on row {value}",
    "upload.read_no_header": ", no header row",
    "upload.read_sheet": ", sheet “{value}”",
    "upload.tab_char": "tab",
    "upload.errors_found": "The file was not loaded: {n} problems found. The store is unchanged.",
    "upload.errors_summary": "Problems by kind",
    "upload.errors_detail": "Problems by row (first {n})",
    "upload.errors_download": "Download the problem report (CSV)",
    "upload.warnings": "Please note",
    "upload.file_ok": "No problems. Check what will change and confirm the load.",
    "upload.mapping_title": "Column mapping",
    "upload.mapping_intro": (
        "These headers were not recognised. Choose the table column each one means, or skip it. "
        "The choice is remembered for the next files."
    ),
    "upload.mapping_choose": "— choose —",
    "upload.mapping_skip": "skip the column",
    "upload.mapping_apply": "Apply and remember",
    "upload.mapping_login": "Log in as an analyst to map columns by hand.",
    "upload.preview": "What will change",
    "upload.added": "Rows added",
    "upload.changed": "Rows changed",
    "upload.removed": "Rows removed",
    "upload.unchanged": "Unchanged",
    "upload.sample_added": "Rows to add (first {n})",
    "upload.sample_changed": "Rows to change (first {n})",
    "upload.sample_removed": "Rows to remove (first {n})",
    "upload.confirm": "I have checked the changes",
    "upload.commit": "Load into the store",
    "upload.commit_login": "Log in as an analyst to load the file.",
    "upload.committed": "Loaded: version {version}, {rows} rows added or changed. Every page shows the new data now.",
    "upload.nothing_to_do": "The file equals the table: nothing to load.",
    "upload.col_row": "Row",
    "upload.col_column": "Column",
    "upload.col_value": "Value",
    "upload.col_message": "Problem",
    "upload.col_count": "Count",
    "upload.col_changes": "Changes",
    "upload.history": "Load history",
    "upload.rollback": "Restore an earlier version of a table",
    "upload.rollback_intro": (
        "Choose a table and a version: the table becomes what it was right after that version. "
        "The rollback is itself recorded as a new version and can be undone the same way."
    ),
    "upload.rollback_version": "Version",
    "upload.rollback_none": "This table has no version to return to.",
    "upload.rollback_do": "Roll back to the chosen version",
    "upload.rollback_done": "The table is back at version {version} (new version {new}).",
    "upload.rollback_same": "The table already equals the chosen version.",
    "upload.rollback_login": "Log in as an analyst to roll back.",
    "upload.version_label": "No. {version} · {when} · {action} · {file} · {user}",
    "upload.templates_intro": (
        "A template for every table: headers and one example row. Required columns are marked; the "
        "others may be left out. Money in RUB mln (or name the unit in the header: “Revenue, RUB "
        "thousand” is converted)."
    ),
    "upload.template_ru": "CSV template with Russian headers",
    "upload.template_en": "CSV template with English headers",
    "upload.template_xlsx": "All templates in one Excel workbook",
    "upload.col_store": "Store column",
    "upload.col_header_ru": "Header (Russian)",
    "upload.col_header_en": "Header (English)",
    "upload.col_required": "Required",
    "upload.col_example": "Example",
    "upload.yes": "yes",
    "upload.no": "no",
    "upload.boundaries_intro": (
        "A GeoJSON file of region or municipal boundaries (polygons in WGS 84 degrees). Each feature must "
        "carry a code (region “40”, OKTMO) or a name the store knows. Once loaded, maps colour the "
        "territories."
    ),
    "upload.boundary_level": "Level",
    "upload.level.region": "Regions",
    "upload.level.municipality": "Municipalities",
    "upload.boundary_file": "GeoJSON file",
    "upload.boundary_ok": "Boundaries recognised: {n} features.",
    "upload.boundary_load": "Load the boundaries",
    "upload.boundary_done": "Boundaries loaded: {n} (version {version}).",
    "upload.boundary_loaded": "Loaded boundaries",
    "upload.boundary_map": "Check: the boundaries on a map",
    "upload.boundary_value.region": "Manufacturing employees",
    "upload.boundary_value.municipality": "Enterprises in the store",
    "upload.boundary_none": "No boundaries of this level yet.",
    "upload.col_level": "Level",
    "upload.col_units": "Territories",
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
    "ingest.duplicate_in_store": "A row with this key is already in the store. To update data, use the “Replace” mode.",
    "ingest.ref_missing": "Dangling reference: no such value in the table “{table}”.",
    "ingest.still_referenced": "The value would disappear, yet {count} rows of the table “{table}” refer to it.",
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
}
