"""Messages of the FNS open-data reader and loader in Russian and English (``ingest.fns_*``, codes from
:data:`analytics.data.fns.FNS_MESSAGE_CODES`); merged into :mod:`analytics.data.messages`."""

from __future__ import annotations

RU: dict[str, str] = {
    "ingest.fns_zip_members": "Архив «{file}» отклонён: в нём {count} файлов при пределе {limit}.",
    "ingest.fns_zip_member_size": "Архив отклонён: файл «{file}» в распакованном виде {size_mb} МБ при пределе {limit_mb} МБ.",
    "ingest.fns_zip_total_size": "Архив «{file}» отклонён: в распакованном виде {size_gb} ГБ при пределе {limit_gb} ГБ.",
    "ingest.fns_zip_ratio": (
        "Архив отклонён: файл «{file}» сжат в {ratio} раз (предел {limit}) — похоже на «zip-бомбу». "
        "Ничего не распаковано."
    ),
    "ingest.fns_zip_encrypted": "Архив отклонён: файл «{file}» зашифрован.",
    "ingest.fns_zip_broken": "Архив «{file}» повреждён: {detail}.",
    "ingest.fns_file_size": "Файл «{file}» слишком велик: {size_mb} МБ при пределе {limit_mb} МБ.",
    "ingest.fns_dtd": (
        "Файл «{file}» отклонён: в нём объявление DOCTYPE/ENTITY. В файлах ФНС его не бывает, а такие "
        "объявления используются для атак (раздувание сущностей, чтение чужих файлов)."
    ),
    "ingest.fns_not_xml": "Файл «{file}» — не XML.",
    "ingest.fns_not_fns": "Файл «{file}» — не файл открытых данных ФНС: корневой элемент «{root}», ожидался «Файл».",
    "ingest.fns_xml_broken": "Файл «{file}» повреждён около документа № {doc}: {detail}.",
    "ingest.fns_truncated": "Файл «{file}» оборван около документа № {doc} (скачан не полностью?): {detail}.",
    "ingest.fns_unknown_type": (
        "Файл «{file}»: неизвестный набор ТипИнф=«{value}». Читаются РЕЕСТРМСП (реестр МСП), ОТКРДАННЫЕ3 "
        "(численность), ОТКРДАННЫЕ4 (уплаченные налоги), ОТКРДАННЫЕ5 (доходы и расходы)."
    ),
    "ingest.fns_mixed": "В одной загрузке разные наборы ФНС ({datasets}): загрузите каждый архив отдельно.",
    "ingest.fns_no_documents": "В файле «{file}» нет ни одного документа.",
    "ingest.fns_inn_format": "Файл «{file}», документ № {doc}: {attribute}=«{value}» — не ИНН (10 цифр у организации, 12 у ИП).",
    "ingest.fns_inn_checksum": "Файл «{file}», документ № {doc}: {attribute}=«{value}» — неверная контрольная цифра ИНН.",
    "ingest.fns_ogrn_checksum": "Файл «{file}», документ № {doc}: {attribute}=«{value}» — неверная контрольная цифра.",
    "ingest.fns_duplicate_inn": (
        "ИНН {value} встречается дважды на одну дату: «{file}», документ № {doc}, и «{file2}», документ № {doc2}."
    ),
    "ingest.fns_number": "Файл «{file}», документ № {doc}: {attribute} — не число или отсутствует.",
    "ingest.fns_date": "Файл «{file}», документ № {doc}: {attribute} — нет даты или она не в виде ДД.ММ.ГГГГ.",
    "ingest.fns_doc_count": "Файл «{file}»: в заголовке КолДок={declared}, а документов {found} (выдержка?).",
    "ingest.fns_okved_2001": "Файл «{file}», документ № {doc}: код «{value}» по старому ОКВЭД (2001), не ОКВЭД 2: не используется.",
    "ingest.fns_okved_format": "Файл «{file}», документ № {doc}: «{value}» — не код ОКВЭД 2.",
    "ingest.fns_code_unknown": "Файл «{file}», документ № {doc}: неизвестное значение {attribute}.",
    "ingest.fns_tax_unknown": "Файл «{file}», документ № {doc}: налог «{value}» не в таблице уровней бюджета — уровень «неизвестен».",
    "ingest.fns_source_missing": "Нет такого файла или папки: «{file}».",
    "ingest.fns_not_in_store": (
        "Организаций из файла нет в хранилище: {count}. Их показатели не загружены; добавьте организации "
        "из реестра МСП (РСМП) и загрузите файл снова."
    ),
    "ingest.fns_other_region": "Организаций другого региона пропущено: {count}.",
    "ingest.fns_entrepreneurs_skipped": (
        "Индивидуальных предпринимателей и глав КФХ (ИНН из 12 цифр) пропущено: {count} — это персональные "
        "данные; загружаются только по явному выбору."
    ),
    "ingest.fns_okved_missing": "Организаций без основного кода ОКВЭД 2 пропущено: {count}.",
    "ingest.fns_okved_unknown": (
        "Организаций с кодом ОКВЭД, которого нет в загруженном классификаторе, пропущено: {count} "
        "(например, {value}). Загрузите полный классификатор ОКВЭД 2."
    ),
    "ingest.fns_region_unknown": "Организаций с кодом региона, которого нет в хранилище, пропущено: {count} (например, {value}).",
}

EN: dict[str, str] = {
    "ingest.fns_zip_members": "Archive “{file}” refused: it holds {count} files, the limit is {limit}.",
    "ingest.fns_zip_member_size": "Archive refused: file “{file}” unpacks to {size_mb} MB, the limit is {limit_mb} MB.",
    "ingest.fns_zip_total_size": "Archive “{file}” refused: it unpacks to {size_gb} GB, the limit is {limit_gb} GB.",
    "ingest.fns_zip_ratio": (
        "Archive refused: file “{file}” is compressed {ratio} : 1 (limit {limit}) — it looks like a zip bomb. "
        "Nothing was unpacked."
    ),
    "ingest.fns_zip_encrypted": "Archive refused: file “{file}” is encrypted.",
    "ingest.fns_zip_broken": "Archive “{file}” is damaged: {detail}.",
    "ingest.fns_file_size": "File “{file}” is too large: {size_mb} MB, the limit is {limit_mb} MB.",
    "ingest.fns_dtd": (
        "File “{file}” refused: it declares a DOCTYPE/ENTITY. FNS files never do, and such declarations are used "
        "in attacks (entity expansion, reading other files)."
    ),
    "ingest.fns_not_xml": "File “{file}” is not XML.",
    "ingest.fns_not_fns": "File “{file}” is not an FNS open-data file: root element “{root}”, expected “Файл”.",
    "ingest.fns_xml_broken": "File “{file}” is broken near document no. {doc}: {detail}.",
    "ingest.fns_truncated": "File “{file}” ends early near document no. {doc} (an incomplete download?): {detail}.",
    "ingest.fns_unknown_type": (
        "File “{file}”: unknown dataset ТипИнф=“{value}”. Read are РЕЕСТРМСП (SME register), ОТКРДАННЫЕ3 "
        "(headcount), ОТКРДАННЫЕ4 (taxes paid), ОТКРДАННЫЕ5 (income and expenses)."
    ),
    "ingest.fns_mixed": "Several FNS datasets in one load ({datasets}): load each archive on its own.",
    "ingest.fns_no_documents": "File “{file}” holds no document.",
    "ingest.fns_inn_format": "File “{file}”, document no. {doc}: {attribute}=“{value}” is not an INN (10 digits for an organisation, 12 for an entrepreneur).",
    "ingest.fns_inn_checksum": "File “{file}”, document no. {doc}: {attribute}=“{value}” has a wrong INN check digit.",
    "ingest.fns_ogrn_checksum": "File “{file}”, document no. {doc}: {attribute}=“{value}” has a wrong check digit.",
    "ingest.fns_duplicate_inn": (
        "INN {value} appears twice for one date: “{file}”, document no. {doc}, and “{file2}”, document no. {doc2}."
    ),
    "ingest.fns_number": "File “{file}”, document no. {doc}: {attribute} is missing or not a number.",
    "ingest.fns_date": "File “{file}”, document no. {doc}: {attribute} is missing or not a date DD.MM.YYYY.",
    "ingest.fns_doc_count": "File “{file}”: the header says КолДок={declared}, it holds {found} documents (an excerpt?).",
    "ingest.fns_okved_2001": "File “{file}”, document no. {doc}: code “{value}” is of the old OKVED (2001), not OKVED 2: not used.",
    "ingest.fns_okved_format": "File “{file}”, document no. {doc}: “{value}” is not an OKVED 2 code.",
    "ingest.fns_code_unknown": "File “{file}”, document no. {doc}: unknown value of {attribute}.",
    "ingest.fns_tax_unknown": "File “{file}”, document no. {doc}: tax “{value}” is not in the budget-level table — level “unknown”.",
    "ingest.fns_source_missing": "No such file or folder: “{file}”.",
    "ingest.fns_not_in_store": (
        "Organisations of the file not in the store: {count}. Their figures were not loaded; add the organisations "
        "from the SME register (RSMP) and load the file again."
    ),
    "ingest.fns_other_region": "Organisations of another region skipped: {count}.",
    "ingest.fns_entrepreneurs_skipped": (
        "Individual entrepreneurs and heads of farms (12-digit INN) skipped: {count} — personal data, loaded "
        "only when chosen explicitly."
    ),
    "ingest.fns_okved_missing": "Organisations without a main OKVED 2 code skipped: {count}.",
    "ingest.fns_okved_unknown": (
        "Organisations whose OKVED code is not in the loaded classifier skipped: {count} (e.g. {value}). "
        "Load the full OKVED 2 classifier."
    ),
    "ingest.fns_region_unknown": "Organisations with a region code not in the store skipped: {count} (e.g. {value}).",
}
