"""Strings of the Data page (upload, validation report, versions, templates, boundaries, login).

The loader's own messages (``ingest.<code>``) live in the library, :mod:`analytics.data.messages`, and
are merged into the catalogs by :mod:`ui.core.i18n`."""

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
        "`python -m analytics.data.auth add ИМЯ` (см. README, раздел «Loading real data»)."
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
    # FNS open data
    "upload.tab_fns": "Открытые данные ФНС",
    "upload.fns_intro": (
        "Архив открытых данных ФНС так, как он скачан с сайта ФНС (zip из многих XML) или один XML-файл: "
        "реестр МСП (организации, ОКВЭД, категория МСП), среднесписочная численность, доходы и расходы по "
        "бухотчётности, уплаченные налоги. Набор определяется по содержимому файла. Реестр МСП добавляет и "
        "обновляет предприятия; остальные наборы дополняют показатели по годам предприятий, которые уже есть "
        "в базе (связь по ИНН). Доходы по отчётности — не выручка."
    ),
    "upload.fns_file": "Архив ФНС (.zip) или файл XML",
    "upload.fns_file_help": "Архив проверяется до распаковки (число файлов, размер, степень сжатия).",
    "upload.fns_all_regions": "Все регионы (иначе только текущий регион)",
    "upload.fns_entrepreneurs": "Загрузить ИП и глав КФХ",
    "upload.fns_entrepreneurs_help": (
        "ИНН из 12 цифр — персональные данные: по умолчанию они не загружаются и никогда не попадают в выгрузки."
    ),
    "upload.fns_read_as": "Прочитано: {dataset} на {dates}; файлов {files}, документов {documents}.",
    "upload.fns_dataset.rsmp": "реестр МСП",
    "upload.fns_dataset.sshr": "среднесписочная численность",
    "upload.fns_dataset.revexp": "доходы и расходы по бухотчётности",
    "upload.fns_dataset.paytax": "уплаченные налоги и сборы",
    # loader messages
    # issue 17: every mistake at once, fixed in the browser
    "upload.rollback_blocked_found": "Откатить нельзя: препятствий — {n}. Хранилище не изменилось.",
    "upload.col_fix": "Как исправить",
    "upload.col_errors": "Ошибки в строке",
    "upload.fix_title": "Исправить здесь",
    "upload.fix_intro": (
        "Строки с ошибками ({n}) — как в вашем файле. Исправьте ячейки прямо в таблице: файл проверяется заново "
        "после каждой правки, а когда ошибок не останется, его можно загрузить. Исправленный файл можно скачать "
        "в той же кодировке и с тем же разделителем."
    ),
    "upload.fix_more": "Показаны первые {shown} строк с ошибками из {n}: остальные исправьте в исходном файле.",
    "upload.fix_download": "Скачать исправленный файл",
    "upload.fix_changed": "Исправлено ячеек: {n}. Файл проверен заново.",
    "upload.fix_clean": "После исправлений ошибок нет.",
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
        "`python -m analytics.data.auth add NAME` (see the README, “Loading real data”)."
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
    # FNS open data
    "upload.tab_fns": "FNS open data",
    "upload.fns_intro": (
        "An FNS open-data archive as downloaded from the tax service's site (a zip of many XML files) or one XML "
        "file: the SME register (organisations, OKVED, SME category), average headcount, income and expenses "
        "from financial statements, taxes paid. The dataset is recognised from the file's content. The SME "
        "register adds and updates enterprises; the other datasets add yearly figures to enterprises already in "
        "the store (joined by INN). Income from the statements is not sales revenue."
    ),
    "upload.fns_file": "FNS archive (.zip) or XML file",
    "upload.fns_file_help": "The archive is checked before unpacking (number of files, size, compression ratio).",
    "upload.fns_all_regions": "All regions (otherwise the current region only)",
    "upload.fns_entrepreneurs": "Load entrepreneurs and heads of farms",
    "upload.fns_entrepreneurs_help": (
        "A 12-digit INN is personal data: not loaded by default and never included in downloads."
    ),
    "upload.fns_read_as": "Read: {dataset} as of {dates}; files {files}, documents {documents}.",
    "upload.fns_dataset.rsmp": "SME register",
    "upload.fns_dataset.sshr": "average headcount",
    "upload.fns_dataset.revexp": "income and expenses from financial statements",
    "upload.fns_dataset.paytax": "taxes and fees paid",
    # issue 17: every mistake at once, fixed in the browser
    "upload.rollback_blocked_found": "Cannot roll back: {n} obstacles. The store is unchanged.",
    "upload.col_fix": "How to fix",
    "upload.col_errors": "Errors in the row",
    "upload.fix_title": "Fix it here",
    "upload.fix_intro": (
        "The rows with errors ({n}), as in your file. Correct the cells right in the table: the file is checked "
        "again after every edit, and once no error is left it can be loaded. The corrected file downloads in the "
        "same encoding and with the same delimiter."
    ),
    "upload.fix_more": "The first {shown} of {n} rows with errors are shown: fix the others in the source file.",
    "upload.fix_download": "Download the corrected file",
    "upload.fix_changed": "Cells corrected: {n}. The file was checked again.",
    "upload.fix_clean": "No errors left after the corrections.",
}
